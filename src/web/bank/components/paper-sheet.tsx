import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { PaperView } from '../api.ts';
import { chineseNumeral } from '../question-draft.ts';
import { PaperHeader } from './paper-header.tsx';
import { QuestionBody } from './question-body.tsx';

type Props = { paper: PaperView; title: string };

/** The paper as printed on A4: header, then each section with its rule line and numbered questions. */
export function PaperSheet({ paper, title }: Props) {
  const { t } = useI18n();
  const count = paper.sections.reduce((n, s) => n + s.items.length, 0);
  return (
    <article className="ss-sheet" data-testid="paper-sheet">
      <PaperHeader title={title} label={paper.label} subtitle={paper.paperSetName} totalScore={paper.totalScore} questions={count} />
      <div className="ss-sheet__notice">{t('bank.paper.notice')}</div>
      {paper.sections.map((s) => {
        const heading = s.title || `${chineseNumeral(s.index + 1)}、${t(`bank.type.${s.type}`)}`;
        return (
          <section key={s.index} className="ss-sheet__section">
            <h2>
              {heading}
              <small>{t('bank.paper.sectionRule', { n: s.items.length, each: s.pointsEach, total: s.items.length * s.pointsEach })}</small>
            </h2>
            {s.items.map((item) => (
              <QuestionBody key={item.position} item={item} number={item.position} />
            ))}
          </section>
        );
      })}
      <footer className="ss-sheet__end">{t('bank.paper.end')}</footer>
    </article>
  );
}
