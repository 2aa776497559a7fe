import { useI18n } from '../../shared/i18n/i18n-context.tsx';

type Props = { title: string; label: string; subtitle: string; totalScore: number; questions?: number };

/** The top of a printed page: contest title, A卷/B卷, and the lines a candidate fills in. */
export function PaperHeader({ title, label, subtitle, totalScore, questions }: Props) {
  const { t } = useI18n();
  return (
    <header className="ss-sheet__header">
      <div className="ss-sheet__label">{t('bank.paper.label', { label })}</div>
      <h1 className="ss-sheet__title">{title}</h1>
      <div className="ss-sheet__subtitle">{subtitle}</div>
      <div className="ss-sheet__facts">
        {t('bank.paper.facts', { score: totalScore })}
        {questions !== undefined && ` · ${t('bank.paper.questionsN', { n: questions })}`}
      </div>
      <div className="ss-sheet__candidate">
        {[t('bank.paper.candidateName'), t('bank.paper.candidateNo'), t('bank.paper.candidateOrg'), t('bank.paper.candidateScore')].map((label) => (
          <span key={label} className="ss-sheet__field">
            {label}
            <i />
          </span>
        ))}
      </div>
    </header>
  );
}
