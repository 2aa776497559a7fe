import { Tag } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { RoundConfig } from '../api.ts';

/** The round's questions; the current one marked, those played greyed. */
export function HostQuestionList({ config, current }: { config: RoundConfig; current: number | null }) {
  const { t } = useI18n();
  return (
    <ol className="arena-qlist" data-testid="host-questions">
      {config.questions.map((q, i) => {
        const state = current === null ? 'todo' : i < current ? 'done' : i === current ? 'now' : 'todo';
        return (
          <li key={q.id} className={`arena-qlist__item arena-qlist__item--${state}`}>
            <span className="arena-qlist__no">{i + 1}</span>
            <span className="arena-qlist__body">
              <span className="arena-qlist__prompt">{q.prompt}</span>
              <span className="arena-qlist__meta">
                <Tag variant="filled" color={(q.format ?? config.format) === 'risk' ? 'volcano' : 'blue'}>
                  {t(`arena.format.${q.format ?? config.format}`)}
                </Tag>
                {q.answer === 'oral' ? t('arena.oral') : t('arena.points', { n: q.points })}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
