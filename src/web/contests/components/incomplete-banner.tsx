import { Alert } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { RoundDef, Standings } from '../api.ts';

/** 成绩未齐: who is still missing which round, so nobody advances on a partial total. */
export function IncompleteBanner({ standings, rounds }: { standings: Standings; rounds: RoundDef[] }) {
  const { t } = useI18n();
  if (standings.status === 'complete') return <Alert type="success" showIcon className="ss-block" title={t('contests.standings.complete')} />;
  const roundName = (id: string) => rounds.find((r) => r.id === id)?.name ?? id;
  const people = standings.tracks.flatMap((tr) => tr.incomplete.map((i) => ({ ...i, trackName: tr.trackName })));
  return (
    <Alert
      type="warning"
      showIcon
      className="ss-block"
      data-testid="incomplete-banner"
      title={t('contests.standings.incompleteTitle', { n: standings.missing.length, entries: people.length })}
      description={
        <ul className="ss-missing-list">
          {people.map((p) => (
            <li key={p.entryId}>
              <strong>{p.name}</strong>
              {p.late && <span className="ss-missing-list__late">{t('contests.standings.late')}</span>}
              <span className="ss-missing-list__meta">{p.organisationName} · {p.trackName}</span>
              <span className="ss-missing-list__rounds">{t('contests.standings.missingRounds', { rounds: p.missingRounds.map(roundName).join('、') })}</span>
            </li>
          ))}
        </ul>
      }
    />
  );
}
