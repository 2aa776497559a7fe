import { Fragment } from 'react';
import { Tag } from 'antd';
import { FlagOutlined, TeamOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import type { Definition } from '../api.ts';
import { normalisationText, ruleText, tieBreakText } from './rule-text.ts';

const SEGMENT_COLOURS = ['#1456d9', '#2f7bff', '#7aa7ff', '#f5a623', '#13a8a8', '#9254de'];

type Props = { definition: Definition; problemStages?: Set<number> };

/**
 * 赛程图: registration → each stage (its rounds, their weights as one stacked bar, the tie-break
 * chain) → the advancement gate between stages → awards. Plain HTML/CSS, so it scales on a big screen.
 */
export function FlowDiagram({ definition, problemStages }: Props) {
  const { t } = useI18n();
  const team = definition.entrants.kind === 'team' ? definition.entrants.size : null;
  return (
    <div className="ss-flow" data-testid="flow-diagram">
      <div className="ss-flow__node ss-flow__node--start">
        <span className="ss-flow__icon">{team ? <TeamOutlined /> : <UserOutlined />}</span>
        <strong>{t('contests.flow.registration')}</strong>
        <span className="ss-flow__muted">{team ? t('contests.overview.team', { n: team }) : t('contests.overview.individual')}</span>
        <div className="ss-flow__chips">
          {definition.tracks.map((tr) => (
            <Tag key={tr.id} variant="filled" color="blue">{tr.name || tr.id}</Tag>
          ))}
        </div>
      </div>
      {definition.stages.map((stage, i) => {
        const scored = stage.rounds.filter((r) => r.role === 'scored');
        const sum = scored.reduce((s, r) => s + (Number(r.weightPercent) || 0), 0);
        return (
          <Fragment key={`${stage.id}-${i}`}>
            {i === 0 && <div className="ss-flow__arrow" aria-hidden="true" />}
            <div className={`ss-flow__stage${problemStages?.has(i) ? ' has-problem' : ''}`} data-testid={`flow-stage-${i}`}>
              <div className="ss-flow__stage-head">
                <Tag variant="filled" color={['cyan', 'geekblue', 'gold'][i] ?? 'blue'}>{t(`contests.stage.kind.${stage.kind}`)}</Tag>
                <strong>{stage.name || stage.id}</strong>
              </div>
              <div className="ss-flow__weights" title={t('contests.flow.weightSum', { n: sum })}>
                {scored.map((r, k) => (
                  <span key={r.id + k} style={{ flexGrow: Math.max(Number(r.weightPercent) || 0, 1), background: SEGMENT_COLOURS[k % SEGMENT_COLOURS.length] }}>
                    {r.weightPercent}%
                  </span>
                ))}
              </div>
              {Math.abs(sum - 100) > 1e-9 && scored.length > 0 ? <div className="ss-flow__warn">{t('contests.flow.weightSum', { n: sum })}</div> : null}
              <ol className="ss-flow__rounds">
                {stage.rounds.map((r, k) => (
                  <li key={r.id + k} className={r.role === 'decider' ? 'is-decider' : undefined}>
                    <i style={{ background: r.role === 'decider' ? 'transparent' : SEGMENT_COLOURS[scored.indexOf(r) % SEGMENT_COLOURS.length] }} />
                    <span className="ss-flow__round-name">{r.name || r.id}</span>
                    <span className="ss-flow__muted">
                      {t(`contests.round.kind.${r.kind}`)} · {r.role === 'decider' ? t('contests.flow.decider') : `${r.weightPercent}%`} · {normalisationText(t, r)}
                    </span>
                  </li>
                ))}
              </ol>
              {stage.tieBreaks.length > 0 && (
                <div className="ss-flow__ties">
                  <span className="ss-flow__muted">{t('contests.flow.tieBreaks')}</span>
                  {stage.tieBreaks.map((tb, k) => (
                    <span key={k} className="ss-flow__tie">{k + 1}. {tieBreakText(t, tb, stage.rounds)}</span>
                  ))}
                </div>
              )}
            </div>
            <div className="ss-flow__gate">
              <span className="ss-flow__gate-label">
                <FlagOutlined /> {ruleText(t, stage.advancement)}
              </span>
              <div className="ss-flow__arrow" aria-hidden="true" />
            </div>
          </Fragment>
        );
      })}
      <div className="ss-flow__node ss-flow__node--end">
        <span className="ss-flow__icon ss-flow__icon--gold"><TrophyOutlined /></span>
        <strong>{t('contests.flow.awards')}</strong>
        <span className="ss-flow__muted">{t('contests.flow.awardsHint')}</span>
      </div>
    </div>
  );
}
