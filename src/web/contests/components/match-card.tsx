import { Button } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { MatchState } from '../api.ts';

type Props = { match: MatchState; names: Map<string, string>; canRecord: boolean; onRecord: (m: MatchState) => void };

/** One match: two opponents (a bye or 待定 where none), the winner highlighted, a button to record when ready. */
export function MatchCard({ match, names, canRecord, onRecord }: Props) {
  const { t } = useI18n();
  // JSON turns an undecided opponent (undefined) into null: only a match with status 'bye' has a real bye
  const isBye = (o: string | null | undefined) => o == null && match.status === 'bye';
  const label = (o: string | null | undefined) => (o != null ? (names.get(o) ?? o) : isBye(o) ? t('contests.bracket.bye') : t('contests.bracket.tbd'));
  return (
    <div className={`ss-match ss-match--${match.status}`} data-testid={`match-${match.id}`}>
      {match.opponents.map((o, i) => (
        <div key={i} className={`ss-match__side${match.winner && match.winner === o ? ' is-winner' : ''}${o == null ? ' is-empty' : ''}`}>
          <span className="ss-match__name">{label(o)}</span>
          {match.score && <b className="ss-match__score">{match.score[i]}</b>}
          {match.winner && match.winner === o && <CheckOutlined className="ss-match__tick" />}
        </div>
      ))}
      {canRecord && match.status === 'ready' && (
        <Button size="small" type="link" className="ss-match__record" onClick={() => onRecord(match)}>{t('contests.bracket.record')}</Button>
      )}
    </div>
  );
}
