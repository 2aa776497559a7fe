import { Button, Empty, Tag, Tooltip } from 'antd';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { QuestionView } from '../api.ts';

type Props = { question: QuestionView; onGrant: (unitId: string) => void };

/** Who buzzed, in order, with the margin behind the winner in ms; ties and late buzzes flagged. */
export function BuzzOrder({ question, onGrant }: Props) {
  const { t } = useI18n();
  if (question.buzzes.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('arena.host.noBuzzes')} />;
  const tie = new Set(question.tie);
  return (
    <div>
      {question.tie.length > 0 && <div className="arena-buzz__tie-hint">{t('arena.host.tieHint')}</div>}
      <ol className="arena-buzz" data-testid="host-buzzes">
        {question.buzzes.map((b) => {
          const isWinner = b.unitId === question.winner && !b.late;
          return (
            <li key={`${b.unitId}-${b.rank}`} className={`arena-buzz__row${isWinner ? ' arena-buzz__row--win' : ''}${tie.has(b.unitId) ? ' arena-buzz__row--tie' : ''}`}>
              <span className="arena-buzz__rank">{b.rank}</span>
              <span className="arena-buzz__name">{b.name}</span>
              {tie.has(b.unitId) && <Tag color="red">{t('arena.host.tie')}</Tag>}
              {b.late && <Tag>{t('arena.host.late')}</Tag>}
              {question.verdicts[b.unitId] && <Tag color={question.verdicts[b.unitId] === 'right' ? 'green' : 'red'}>{t(question.verdicts[b.unitId] === 'right' ? 'arena.right' : 'arena.wrong')}</Tag>}
              <span className="arena-buzz__margin" data-testid={`margin-${b.unitId}`}>{b.rank === 1 && !b.late ? '0 ms' : t('arena.host.margin', { ms: Math.round(b.marginMs) })}</span>
              <Tooltip title={b.compensationMs ? `−${Math.round(b.compensationMs)} ms` : undefined}>
                <span className="arena-buzz__rtt">{b.rttMs != null ? t('arena.host.rtt', { ms: Math.round(b.rttMs) }) : ''}</span>
              </Tooltip>
              {!isWinner && tie.has(b.unitId) && (
                <Button size="small" onClick={() => onGrant(b.unitId)}>
                  {t('arena.host.grant')}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
