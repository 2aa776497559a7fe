import { useEffect, useRef, useState } from 'react';
import { Checkbox, Input, Radio } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Answer } from '../api.ts';

type Item = { itemId: string; type: string; options: { key: string; text: string }[]; blanks: number };
type Props = { item: Item; value: Answer | null; disabled?: boolean; onChange: (response: Answer | null) => void };

const TYPING_PAUSE_MS = 700;

/** The answer area for one item: option cards for choices, 对/错 for true-false, boxes per blank, a text area for judged items. */
export function AnswerInput({ item, value, disabled, onChange }: Props) {
  const { t } = useI18n();
  if (item.type === 'single' || item.type === 'multiple') {
    const keys = value?.kind === 'choice' ? value.keys : [];
    const toggle = (key: string) => {
      const next = item.type === 'single' ? [key] : keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key].sort();
      onChange(next.length ? { kind: 'choice', keys: next } : null);
    };
    return (
      <div className="ss-exam-options" role={item.type === 'single' ? 'radiogroup' : 'group'}>
        {item.options.map((o) => {
          const checked = keys.includes(o.key);
          return (
            <button
              type="button"
              key={o.key}
              disabled={disabled}
              role={item.type === 'single' ? 'radio' : 'checkbox'}
              aria-checked={checked}
              className={`ss-exam-option${checked ? ' is-checked' : ''}`}
              onClick={() => toggle(o.key)}
            >
              {item.type === 'single' ? <Radio checked={checked} tabIndex={-1} /> : <Checkbox checked={checked} tabIndex={-1} />}
              <span className="ss-exam-option__key">{o.key}</span>
              <span className="ss-exam-option__text">{o.text}</span>
            </button>
          );
        })}
        {item.type === 'multiple' && <div className="ss-exam-hint">{t('exams.take.multipleHint')}</div>}
      </div>
    );
  }
  if (item.type === 'truefalse') {
    const current = value?.kind === 'truefalse' ? value.value : undefined;
    return (
      <div className="ss-exam-options ss-exam-options--tf" role="radiogroup">
        {[true, false].map((v) => (
          <button
            type="button"
            key={String(v)}
            disabled={disabled}
            role="radio"
            aria-checked={current === v}
            className={`ss-exam-option${current === v ? ' is-checked' : ''}`}
            onClick={() => onChange({ kind: 'truefalse', value: v })}
          >
            <Radio checked={current === v} tabIndex={-1} />
            <span className="ss-exam-option__text">{v ? t('exams.take.true') : t('exams.take.false')}</span>
          </button>
        ))}
      </div>
    );
  }
  return <TypedAnswer item={item} value={value} disabled={disabled} onChange={onChange} />;
}

/** Fill-in and written answers are sent once the candidate pauses typing (or leaves the box). */
function TypedAnswer({ item, value, disabled, onChange }: Props) {
  const { t } = useI18n();
  const isFill = item.type === 'fill';
  const initial = isFill ? (value?.kind === 'fill' ? value.blanks : []) : value?.kind === 'text' ? [value.text] : [''];
  const [draft, setDraft] = useState<string[]>(() => Array.from({ length: isFill ? Math.max(1, item.blanks) : 1 }, (_, i) => initial[i] ?? ''));
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(draft);
  const dirty = useRef(false);

  const send = () => {
    window.clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    const d = latest.current;
    const empty = d.every((s) => s.trim() === '');
    onChange(empty ? null : isFill ? { kind: 'fill', blanks: d } : { kind: 'text', text: d[0] });
  };
  const edit = (i: number, text: string) => {
    const next = draft.map((s, j) => (j === i ? text : s));
    latest.current = next;
    dirty.current = true;
    setDraft(next);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(send, TYPING_PAUSE_MS);
  };
  useEffect(() => () => send(), []); // eslint-disable-line react-hooks/exhaustive-deps -- flush on leaving the item

  if (isFill) {
    return (
      <div className="ss-exam-blanks">
        {draft.map((s, i) => (
          <Input key={i} size="large" disabled={disabled} value={s} prefix={<span className="ss-exam-blank-no">{i + 1}</span>} placeholder={t('exams.take.blank', { n: i + 1 })} onChange={(e) => edit(i, e.target.value)} onBlur={send} />
        ))}
      </div>
    );
  }
  return <Input.TextArea disabled={disabled} value={draft[0]} autoSize={{ minRows: 5, maxRows: 14 }} placeholder={t('exams.take.writeHere')} onChange={(e) => edit(0, e.target.value)} onBlur={send} />;
}
