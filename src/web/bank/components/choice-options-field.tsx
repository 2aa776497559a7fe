import { Button, Checkbox, Input, Radio, Tooltip } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { QuestionInput } from '../api.ts';
import { reletter } from '../question-draft.ts';

type Props = { value: QuestionInput; onChange: (next: QuestionInput) => void };

/** Lettered options with the correct one(s) ticked: a radio for single choice, checkboxes for multiple. */
export function ChoiceOptionsField({ value, onChange }: Props) {
  const { t } = useI18n();
  const keys = value.answer.kind === 'choice' ? value.answer.keys : [];
  const isSingle = value.type === 'single';
  const texts = value.options.map((o) => o.text);

  const setCorrect = (key: string, on: boolean) => {
    const next = isSingle ? (on ? [key] : []) : on ? [...new Set([...keys, key])].sort() : keys.filter((k) => k !== key);
    onChange({ ...value, answer: { kind: 'choice', keys: next } });
  };
  const setText = (i: number, text: string) => onChange({ ...value, options: value.options.map((o, j) => (j === i ? { ...o, text } : o)) });
  const remove = (i: number) => {
    const keep = new Set(value.options.map((_, j) => j).filter((j) => j !== i));
    onChange(reletter(value, texts.filter((_, j) => j !== i), keep));
  };

  return (
    <div className="ss-options-edit" data-testid="options-field">
      {value.options.map((o, i) => {
        const correct = keys.includes(o.key);
        return (
          <div key={o.key} className={`ss-option-row${correct ? ' is-correct' : ''}`}>
            <Tooltip title={t('bank.editor.markCorrect')}>
              {isSingle ? (
                <Radio checked={correct} onChange={(e) => setCorrect(o.key, e.target.checked)} aria-label={t('bank.editor.correctOption', { key: o.key })} />
              ) : (
                <Checkbox checked={correct} onChange={(e) => setCorrect(o.key, e.target.checked)} aria-label={t('bank.editor.correctOption', { key: o.key })} />
              )}
            </Tooltip>
            <span className="ss-option-row__key">{o.key}</span>
            <Input value={o.text} onChange={(e) => setText(i, e.target.value)} placeholder={t('bank.editor.optionPlaceholder', { key: o.key })} />
            <Button type="text" icon={<DeleteOutlined />} disabled={value.options.length <= 2} onClick={() => remove(i)} aria-label={t('common.remove')} />
          </div>
        );
      })}
      <Button type="dashed" icon={<PlusOutlined />} disabled={value.options.length >= 8} onClick={() => onChange(reletter(value, [...texts, '']))} block>
        {t('bank.editor.addOption')}
      </Button>
    </div>
  );
}
