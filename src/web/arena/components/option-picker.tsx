import { useState } from 'react';
import { Button } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { QuestionView } from '../api.ts';

type Props = { question: QuestionView; multiple: boolean; mine: string[] | null; disabled?: boolean; onAnswer: (choice: string[]) => void };

/** Big tappable options: one tap answers a single-choice question; a multiple-choice one has a submit button. */
export function OptionPicker({ question, multiple, mine, disabled = false, onAnswer }: Props) {
  const { t } = useI18n();
  const [picked, setPicked] = useState<string[]>([]);
  const locked = disabled || mine !== null;
  const correct = Array.isArray(question.correct) ? question.correct : [];
  return (
    <div className="arena-options" data-testid="phone-options">
      {question.options.map((o, i) => {
        const chosen = (mine ?? picked).includes(o.key);
        const cls = ['arena-options__btn', `arena-options__btn--c${i % 4}`, chosen ? 'is-chosen' : '', correct.includes(o.key) ? 'is-correct' : ''].join(' ');
        return (
          <button
            key={o.key}
            type="button"
            className={cls}
            disabled={locked}
            data-testid={`option-${o.key}`}
            onClick={() => {
              if (!multiple) return onAnswer([o.key]);
              setPicked((p) => (p.includes(o.key) ? p.filter((k) => k !== o.key) : [...p, o.key]));
            }}
          >
            <b className="arena-options__key">{o.key}</b>
            <span className="arena-options__text">{o.text}</span>
          </button>
        );
      })}
      {multiple && !locked && (
        <Button type="primary" size="large" block disabled={picked.length === 0} onClick={() => onAnswer([...picked].sort())}>
          {t('arena.play.submit')}
        </Button>
      )}
    </div>
  );
}
