import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { PaperView } from '../api.ts';
import { chineseNumeral, isJudged } from '../question-draft.ts';
import { PaperHeader } from './paper-header.tsx';

type Props = { paper: PaperView; title: string };

/** 答题卡: boxes to mark for choices and true/false, lines for blanks, space for written answers. */
export function AnswerSheet({ paper, title }: Props) {
  const { t } = useI18n();
  return (
    <article className="ss-sheet ss-sheet--answers" data-testid="answer-sheet">
      <PaperHeader title={title} label={paper.label} subtitle={t('bank.paper.answerSheet')} totalScore={paper.totalScore} />
      {paper.sections.map((s) => (
        <section key={s.index} className="ss-sheet__section">
          <h2>{s.title || `${chineseNumeral(s.index + 1)}、${t(`bank.type.${s.type}`)}`}</h2>
          {isJudged(s.type) ? (
            s.items.map((item) => (
              <div key={item.position} className="ss-answer-box">
                <span>{item.position}.</span>
              </div>
            ))
          ) : (
            <div className={`ss-answer-grid ss-answer-grid--${s.type}`}>
              {s.items.map((item) => (
                <div key={item.position} className="ss-answer-cell">
                  <b>{item.position}</b>
                  {item.type === 'truefalse' && (
                    <span className="ss-answer-marks">
                      <i>√</i>
                      <i>×</i>
                    </span>
                  )}
                  {item.options.length > 0 && (
                    <span className="ss-answer-marks">
                      {item.options.map((o) => (
                        <i key={o.key}>{o.key}</i>
                      ))}
                    </span>
                  )}
                  {item.type === 'fill' &&
                    Array.from({ length: Math.max(1, item.blanks) }, (_, i) => (
                      <span key={i} className="ss-answer-line">
                        ({i + 1})
                      </span>
                    ))}
                </div>
              ))}
            </div>
          )}
        </section>
      ))}
    </article>
  );
}
