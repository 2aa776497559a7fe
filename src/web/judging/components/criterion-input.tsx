import { Button } from 'antd';
import { MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { PhoneCriterion } from '../api.ts';

type Props = { criterion: PhoneCriterion; value: number | null; disabled: boolean; onChange: (value: number) => void };

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** One criterion on the phone: big − / + on the declared step, and a tap on a level sets its top value. */
export function CriterionInput({ criterion: c, value, disabled, onChange }: Props) {
  const { t, lang } = useI18n();
  const values = c.values;
  const index = value === null ? -1 : values.indexOf(value);
  const middle = values[Math.floor(values.length / 2)];
  const move = (delta: number) => {
    if (index < 0) return onChange(middle);
    const next = values[Math.min(values.length - 1, Math.max(0, index + delta))];
    onChange(next);
  };
  const level = value === null ? null : (c.descriptors ?? []).find((d) => value >= d.from && value <= d.to);
  // without level descriptors: quick picks every tenth of the range from the top (10, 9, 8 … on a 0–10 scale)
  const unit = Math.max(c.step, Math.round((c.max - c.min) / 10 / c.step) * c.step);
  const quick = [0, 1, 2, 3, 4, 5].map((i) => c.max - i * unit).filter((v) => v >= c.min && values.includes(v));

  return (
    <div className="ss-jcrit" data-testid={`crit-${c.key}`}>
      <div className="ss-jcrit__head">
        <span className="ss-jcrit__name">{lang === 'en' ? c.name : c.nameZh}</span>
        <span className="ss-jcrit__meta">{t('judging.phone.critMeta', { min: c.min, max: c.max, step: c.step, weight: c.weight })}</span>
      </div>
      <div className="ss-jcrit__stepper">
        <Button shape="circle" size="large" icon={<MinusOutlined />} disabled={disabled || index === 0} onClick={() => move(-1)} aria-label={t('judging.phone.minus')} data-testid={`crit-${c.key}-minus`} />
        <div className={`ss-jcrit__value${value === null ? ' ss-jcrit__value--empty' : ''}`} data-testid={`crit-${c.key}-value`}>
          {value === null ? '—' : fmt(value)}
        </div>
        <Button shape="circle" size="large" icon={<PlusOutlined />} disabled={disabled || index === values.length - 1} onClick={() => move(1)} aria-label={t('judging.phone.plus')} data-testid={`crit-${c.key}-plus`} />
      </div>
      {(c.descriptors ?? []).length > 0 && (
        <div className="ss-jcrit__levels">
          {[...(c.descriptors ?? [])]
            .sort((a, b) => b.to - a.to)
            .map((d, i) => (
              <button
                type="button"
                key={`${d.from}-${d.to}`}
                className={`ss-jcrit__level${level === d ? ' ss-jcrit__level--on' : ''}`}
                disabled={disabled}
                onClick={() => onChange(d.to)}
                data-testid={`crit-${c.key}-level-${i}`}
              >
                <span className="ss-jcrit__range">{`${fmt(d.from)}–${fmt(d.to)}`}</span>
                <span className="ss-jcrit__label">{lang === 'en' ? d.label : d.labelZh}</span>
              </button>
            ))}
        </div>
      )}
      {(c.descriptors ?? []).length === 0 && (
        <div className="ss-jcrit__quick">
          {quick.map((v, i) => (
            <button type="button" key={v} className={`ss-jcrit__pick${value === v ? ' ss-jcrit__pick--on' : ''}`} disabled={disabled} onClick={() => onChange(v)} data-testid={`crit-${c.key}-level-${i}`}>
              {fmt(v)}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
