import { lazy, Suspense } from 'react';
import { Button, Card, Space, Tag } from 'antd';
import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { RoundView, Standing } from '../api.ts';
import { phaseKey, signed } from '../labels.ts';
import { BuzzOrder } from './buzz-order.tsx';
import { QuestionTimers } from './question-timers.tsx';

const DistributionChart = lazy(() => import('./distribution-chart.tsx'));

type Props = { view: RoundView; units: Standing[]; serverNow: () => number; onCommand: (c: { type: string; [k: string]: unknown }) => void };

/** What is on stage now: the question with its answer, timers, buzz order, stakes, answers and verdicts. */
export function HostCurrentQuestion({ view, units, serverNow, onCommand }: Props) {
  const { t } = useI18n();
  const q = view.question;
  if (!q) return <Card className="arena-current arena-current--empty">{t(view.status === 'finished' ? 'arena.phase.finished' : 'arena.play.waiting')}</Card>;
  const correct = Array.isArray(q.correct) ? q.correct : [];
  const isOral = q.correct === 'oral';
  const simultaneous = q.format !== 'buzzer' && !q.turn && q.phase !== 'ready';
  const judgeable = isOral && simultaneous && (q.phase === 'open' || q.phase === 'closed');
  return (
    <Card
      className="arena-current"
      title={
        <Space wrap>
          <span>{t('arena.questionN', { n: q.index + 1, total: view.questionCount })}</span>
          <Tag color={q.format === 'risk' ? 'volcano' : 'blue'}>{t(`arena.format.${q.format}`)}</Tag>
          <Tag color="processing" data-testid="host-phase">{t(phaseKey(view))}</Tag>
          {view.paused && <Tag color="warning">{t('arena.paused')}</Tag>}
        </Space>
      }
      extra={<span className="arena-current__points">{t('arena.points', { n: q.points })}</span>}
    >
      <div className="arena-current__prompt" data-testid="host-prompt">{q.prompt}</div>
      {q.options.length > 0 && (
        <ul className="arena-current__options">
          {q.options.map((o) => (
            <li key={o.key} className={correct.includes(o.key) ? 'is-correct' : undefined}>
              <b>{o.key}</b> {o.text} {correct.includes(o.key) && <CheckOutlined />}
            </li>
          ))}
        </ul>
      )}
      {isOral && <div className="arena-current__oral">{t('arena.oral')}</div>}
      <QuestionTimers question={q} serverNow={serverNow} paused={view.paused} />

      {q.format === 'buzzer' && (
        <section className="arena-section">
          <h4>{t('arena.host.buzzes')}</h4>
          <BuzzOrder question={q} onGrant={(unitId) => onCommand({ type: 'grantTurn', unitId })} />
        </section>
      )}
      {q.turn && <div className="arena-current__turn" data-testid="host-turn">{t('arena.answering', { name: q.turn.name })}</div>}
      {q.phase === 'answering' && q.turn && !isOral && <div className="arena-current__hint">{t('arena.host.waitAnswer')}</div>}

      {q.format === 'risk' && (
        <section className="arena-section">
          <h4>{t('arena.host.stakes')}</h4>
          <div className="arena-stakes" data-testid="host-stakes">
            {units.map((u) => (
              <span key={u.unitId} className="arena-stakes__item">
                {u.name} <b>{q.stakes[u.unitId] ?? '—'}</b>
              </span>
            ))}
          </div>
          {q.phase === 'ready' && <div className="arena-current__hint">{t('arena.host.noStake')}</div>}
        </section>
      )}

      {(simultaneous || Object.keys(q.verdicts).length > 0) && (
        <section className="arena-section">
          <h4>
            {t('arena.host.verdicts')} · {t('arena.answered', { n: q.answered })}
          </h4>
          <div className="arena-verdicts" data-testid="host-verdicts">
            {units.map((u) => {
              const v = q.verdicts[u.unitId];
              return (
                <div key={u.unitId} className="arena-verdicts__row">
                  <span>{u.name}</span>
                  {v ? <Tag color={v === 'right' ? 'green' : 'red'}>{t(v === 'right' ? 'arena.right' : 'arena.wrong')}</Tag> : <span className="arena-muted">—</span>}
                  {judgeable && !v && (
                    <Space size={4}>
                      <Button size="small" icon={<CheckOutlined />} onClick={() => onCommand({ type: 'judge', verdict: 'right', unitId: u.unitId })} />
                      <Button size="small" danger icon={<CloseOutlined />} onClick={() => onCommand({ type: 'judge', verdict: 'wrong', unitId: u.unitId })} />
                    </Space>
                  )}
                  {q.format === 'risk' && q.stakes[u.unitId] !== undefined && v && <span className="arena-muted">{signed(v === 'right' ? q.stakes[u.unitId] : -q.stakes[u.unitId])}</span>}
                </div>
              );
            })}
          </div>
        </section>
      )}

      {q.distribution && q.options.length > 0 && (q.answered > 0 || q.phase === 'closed') && (
        <section className="arena-section">
          <h4>{t('arena.host.distribution')}</h4>
          <Suspense fallback={null}>
            <DistributionChart rows={q.distribution} correct={q.correct} height={180} />
          </Suspense>
        </section>
      )}
    </Card>
  );
}
