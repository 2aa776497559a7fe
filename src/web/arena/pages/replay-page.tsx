import { useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Button, Card, Result, Slider, Space } from 'antd';
import { DownloadOutlined, LeftOutlined, PauseOutlined, PlayCircleOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { exportUrl, fetchReplayStep, useRound, useRoundEvents, type ReplayStep } from '../api.ts';
import '../arena.css';
import { eventText, namesOf } from '../labels.ts';
import { EventLog } from '../components/event-log.tsx';
import { HostCurrentQuestion } from '../components/host-current-question.tsx';
import { LeaderboardList } from '../components/leaderboard-list.tsx';
import { Podium } from '../components/podium.tsx';

/** Step through a round's events with the host's view of the state after each one; download the dispute record. */
export function ReplayPage() {
  const { t, errorText } = useI18n();
  const id = Number(useParams().roundId);
  const round = useRound(id);
  const events = useRoundEvents(id);
  const total = events.data?.length ?? 0;
  const [step, setStep] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [shown, setShown] = useState<ReplayStep | null>(null);

  useEffect(() => {
    const c = new AbortController();
    fetchReplayStep(id, step, c.signal).then(setShown, () => undefined);
    return () => c.abort();
  }, [id, step]);

  useEffect(() => {
    if (!playing) return;
    if (step >= total) return setPlaying(false);
    const timer = setTimeout(() => setStep((s) => Math.min(total, s + 1)), 900);
    return () => clearTimeout(timer);
  }, [playing, step, total]);

  const name = useMemo(() => namesOf(shown?.view ?? null, events.data ?? []), [shown, events.data]);
  if (round.error || events.error) return <Result status="403" subTitle={errorText(round.error ?? events.error)} />;
  if (!round.data || !events.data) return <PageLoading />;
  const view = shown?.view ?? null;
  const current = shown?.event ?? null;

  return (
    <div className="ss-page arena-replay" data-testid="arena-replay">
      <PageHeader
        title={`${t('arena.replay.title')} · ${round.data.title}`}
        subtitle={t('arena.replay.step', { n: step, total })}
        extra={
          <Space>
            <Button icon={<DownloadOutlined />} href={exportUrl(id, 'text')} data-testid="replay-download">{t('arena.replay.download')}</Button>
            <Button href={exportUrl(id, 'json')}>{t('arena.replay.downloadJson')}</Button>
          </Space>
        }
      />
      <Card size="small" className="ss-block">
        <div className="arena-replay__bar">
          <Button icon={<LeftOutlined />} disabled={step <= 0} onClick={() => setStep((s) => Math.max(0, s - 1))} data-testid="replay-prev">{t('arena.replay.prev')}</Button>
          <Button type="primary" icon={playing ? <PauseOutlined /> : <PlayCircleOutlined />} onClick={() => setPlaying((p) => !p)}>
            {t(playing ? 'arena.replay.stop' : 'arena.replay.play')}
          </Button>
          <Button icon={<RightOutlined />} iconPlacement="end" disabled={step >= total} onClick={() => setStep((s) => Math.min(total, s + 1))} data-testid="replay-next">{t('arena.replay.next')}</Button>
          <Slider className="arena-replay__slider" min={0} max={total} value={step} onChange={(v) => setStep(v)} />
          <span className="arena-replay__event" data-testid="replay-event">{current ? `#${current.seq} ${eventText(t, current, name)}` : t('arena.replay.start')}</span>
        </div>
      </Card>
      <div className="arena-replay__grid">
        <div>
          {view?.podium ? (
            <Card title={t('arena.podium')}><Podium rows={view.podium} variant="console" /></Card>
          ) : view ? (
            <HostCurrentQuestion view={view} units={view.leaderboard} serverNow={() => current?.at ?? 0} onCommand={() => undefined} />
          ) : (
            <Card>{t('arena.replay.start')}</Card>
          )}
        </div>
        <div className="arena-host__side">
          <Card size="small" title={t('arena.leaderboard')}>{view && <LeaderboardList rows={view.leaderboard} variant="console" />}</Card>
          <Card size="small" title={t('arena.replay.events')} className="arena-host__log">
            <EventLog events={events.data} name={name} activeSeq={step} onPick={setStep} />
          </Card>
        </div>
      </div>
    </div>
  );
}
