import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Card, Empty, Select, Skeleton } from 'antd';
import { SoundOutlined, StarOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { useSignedIn } from '../../identity/components/session-provider.tsx';
import { useMyPanel, useMyPanels } from '../api.ts';
import { pendingFor, useScoreQueue } from '../offline-queue.ts';
import { ConnectionBar } from '../components/connection-bar.tsx';
import { EntryList } from '../components/entry-list.tsx';
import { ScoreForm } from '../components/score-form.tsx';
import '../judging.css';

const POLL_MS = 4000;

/** The judge's phone (390×844 first): my panels, who is on stage, the rubric for them, and an offline queue. */
export function JudgePhonePage() {
  const { t, errorText } = useI18n();
  const { me } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const panels = useMyPanels();
  const panelId = Number(params.get('panel')) || panels.data?.[0]?.id || null;
  const [tick, setTick] = useState(0);
  const panel = useMyPanel(panelId, tick);
  const reloadPanels = panels.reload;
  const reload = useCallback(() => {
    setTick((n) => n + 1);
    reloadPanels();
  }, [reloadPanels]);
  const queue = useScoreQueue(me.person.id, reload);
  const [picked, setPicked] = useState<number | null>(null);

  // the stage moves on without the judge touching the phone: poll the panel
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (navigator.onLine) reload();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [reload]);

  const data = panel.data && panel.data.id === panelId ? panel.data : undefined;
  const onStage = data?.entries.find((e) => e.entryId === data.onStageEntryId) ?? null;
  const selectedId = picked ?? onStage?.entryId ?? data?.entries.find((e) => !e.sheet && !e.locked && !e.conflict)?.entryId ?? null;
  const selected = data?.entries.find((e) => e.entryId === selectedId) ?? null;
  // follow the stage when it moves on, unless the judge went back to an earlier entry on purpose
  const [lastStage, setLastStage] = useState<number | null>(null);
  if (data && data.onStageEntryId !== lastStage) {
    setLastStage(data.onStageEntryId);
    if (lastStage !== null) setPicked(null);
  }

  if (panels.error && !panels.data) return <Alert type="error" showIcon title={errorText(panels.error)} />;
  if (!panels.data) return <Skeleton active />;

  return (
    <div className="ss-mobile-page ss-judge" data-testid="judge-phone">
      <section className="ss-jhero">
        <div className="ss-jhero__kicker">
          <StarOutlined /> {t('judging.phone.kicker', { name: me.person.name })}
        </div>
        {panels.data.length === 0 ? (
          <div className="ss-jhero__title">{t('judging.phone.noPanels')}</div>
        ) : (
          <>
            <div className="ss-jhero__title">{data?.name ?? panels.data.find((p) => p.id === panelId)?.name}</div>
            <div className="ss-jhero__sub">{panels.data.find((p) => p.id === panelId)?.contestTitle}</div>
          </>
        )}
        <ConnectionBar online={queue.online} pending={queue.queue.length} flushing={queue.flushing} />
      </section>

      {panels.data.length > 1 && (
        <Select
          size="large"
          className="ss-jpanel-select"
          value={panelId ?? undefined}
          options={panels.data.map((p) => ({ value: p.id, label: `${p.name} · ${t('judging.phone.scoredOf', { n: p.scored, of: p.toScore })}` }))}
          onChange={(v) => {
            setPicked(null);
            setParams({ panel: String(v) });
          }}
        />
      )}
      {panels.data.length === 0 && (
        <Card>
          <Empty description={t('judging.phone.noPanelsBody')} />
        </Card>
      )}
      {panelId !== null && !data && (panel.error ? <Alert type="error" showIcon title={errorText(panel.error)} /> : <Skeleton active />)}

      {data && (
        <>
          <Card size="small" className="ss-jstage" data-testid="on-stage">
            <div className="ss-jstage__label">
              <SoundOutlined /> {t('judging.phone.onStage')}
            </div>
            <div className="ss-jstage__name">{onStage ? onStage.name : t('judging.phone.nobodyOnStage')}</div>
            {onStage && <div className="ss-jstage__org">{t('judging.phone.position', { n: onStage.position + 1, org: onStage.organisationName })}</div>}
          </Card>

          {selected && (
            <Card
              size="small"
              className="ss-home-section"
              title={<span className="ss-jcard-title">{t('judging.phone.scoring', { name: selected.name })}</span>}
              data-testid="score-card"
            >
              <ScoreForm key={`${selected.entryId}:${selected.sheet?.revision ?? 0}:${selected.locked}`} panel={data} entry={selected} queue={queue} onSent={reload} />
            </Card>
          )}

          <Card size="small" className="ss-home-section" title={<span className="ss-jcard-title">{t('judging.phone.order')}</span>}>
            <EntryList
              entries={data.entries}
              onStageEntryId={data.onStageEntryId}
              selected={selectedId}
              pending={(id) => pendingFor(queue, data.id, id)}
              onSelect={(id) => {
                setPicked(id);
                window.scrollTo({ top: 0, behavior: 'smooth' });
              }}
            />
          </Card>
        </>
      )}
    </div>
  );
}
