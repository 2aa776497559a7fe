import { useCallback, useEffect, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { App, Button, Card, Result, Space, Tag } from 'antd';
import { DesktopOutlined, DownloadOutlined, PlusCircleOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { exportUrl, useLiveRound, useRound, useRoundEvents, type ViewEvent } from '../api.ts';
import '../arena.css';
import { ACTION_KEYS, availableActions, commandOf, type HostAction } from '../host-actions.ts';
import { namesOf } from '../labels.ts';
import { AdjustScoreModal } from '../components/adjust-score-modal.tsx';
import { ConnectionBadge } from '../components/connection-badge.tsx';
import { EventLog } from '../components/event-log.tsx';
import { HostControls } from '../components/host-controls.tsx';
import { HostCurrentQuestion } from '../components/host-current-question.tsx';
import { HostQuestionList } from '../components/host-question-list.tsx';
import { LeaderboardList } from '../components/leaderboard-list.tsx';
import { HostPass } from '../components/pass-status.tsx';
import { Podium } from '../components/podium.tsx';
import { ScreenTokenModal } from '../components/screen-token-modal.tsx';
import { ShortcutHelp } from '../components/shortcut-help.tsx';

/** The host console (PC): question list, stage, buzz order, judging, scoreboard and log; keyboard first. */
export function HostConsolePage() {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const id = Number(useParams().roundId);
  const round = useRound(id);
  const live = useLiveRound(round.data ? id : null, { as: 'host' });
  const [busy, setBusy] = useState(false);
  const [help, setHelp] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [screenOpen, setScreenOpen] = useState(false);
  const view = live.view;
  const available = useMemo(() => availableActions(view), [view]);
  const history = useRoundEvents(id);
  const events = useMemo<ViewEvent[]>(() => {
    const before = (history.data ?? []).filter((e) => e.seq < (live.events[0]?.seq ?? Infinity));
    return [...before, ...live.events];
  }, [history.data, live.events]);
  const name = useMemo(() => namesOf(view, events), [view, events]);

  const run = useCallback(
    async (c: { type: string; [k: string]: unknown }) => {
      setBusy(true);
      const r = await live.send(c);
      setBusy(false);
      if (!r.ok && r.code !== 'STALE') message.warning(t('arena.host.refused', { reason: r.reason }));
      return r.ok;
    },
    [live, message, t],
  );

  const act = useCallback(
    (a: HostAction | 'help') => {
      if (a === 'help') return setHelp(true);
      if (a === 'adjust') return setAdjusting(true);
      if (!available.has(a) && !(a === 'pause' && available.has('resume'))) return;
      if (a === 'finish') return void run({ type: 'finish' });
      const action = a === 'pause' && view?.paused ? 'resume' : a;
      void run(commandOf(action as Exclude<HostAction, 'adjust' | 'finish'>, view));
    },
    [available, run, view],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey || adjusting || screenOpen) return;
      const a = ACTION_KEYS[e.key.toLowerCase()];
      if (!a) return;
      e.preventDefault();
      act(a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [act, adjusting, screenOpen]);

  if (round.error) return <Result status="403" subTitle={errorText(round.error)} />;
  if (!round.data || !view) return <PageLoading />;
  const r = round.data;
  return (
    <div className="ss-page arena-host" data-testid="host-console">
      <PageHeader
        title={r.title}
        subtitle={
          <Space wrap size={6}>
            <Tag color="blue">{t(`arena.format.${r.format}`)}</Tag>
            <Tag color={r.status === 'live' ? 'green' : undefined}>{t(`arena.status.${view.status === 'finished' ? 'finished' : r.status}`)}</Tag>
            {r.joinCode && <Tag color="gold">{t('arena.list.joinCode', { code: r.joinCode })}</Tag>}
            <ConnectionBadge live={live} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<DesktopOutlined />} onClick={() => setScreenOpen(true)} data-testid="host-screen">
              {t('arena.host.screenLink')}
            </Button>
            <Button icon={<DownloadOutlined />} href={exportUrl(id)} data-testid="host-export">
              {t('arena.host.export')}
            </Button>
            <Button icon={<QuestionCircleOutlined />} onClick={() => setHelp(true)}>
              {t('arena.host.help')} <kbd className="arena-kbd">?</kbd>
            </Button>
          </Space>
        }
      />
      <HostControls available={available} busy={busy} onAction={act} />
      {!view.question && view.status !== 'finished' && view.questionCount > 0 && <div className="arena-current__hint">{t('arena.key.n')} ↵</div>}
      {view.question?.phase === 'closed' && view.question.index + 1 >= view.questionCount && view.status !== 'finished' && <div className="arena-current__hint">{t('arena.host.lastQuestion')}</div>}
      <div className="arena-host__grid">
        <Card size="small" title={t('arena.host.questions')} className="arena-host__list">
          <HostQuestionList config={r.config} current={view.question?.index ?? null} />
        </Card>
        <div className="arena-host__stage">
          {view.podium ? (
            <Card title={t('arena.podium')}>
              <Podium rows={view.podium} variant="console" />
            </Card>
          ) : (
            <HostCurrentQuestion view={view} units={view.leaderboard} serverNow={live.serverNow} onCommand={(c) => void run({ ...c, expectedSeq: view.seq })} />
          )}
        </div>
        <div className="arena-host__side">
          <Card
            size="small"
            title={t('arena.leaderboard')}
            extra={
              <Button size="small" icon={<PlusCircleOutlined />} onClick={() => setAdjusting(true)} disabled={view.status === 'finished'} data-testid="host-adjust">
                {t('arena.host.adjust')}
              </Button>
            }
          >
            <HostPass view={view} roundId={id} />
            <LeaderboardList rows={view.leaderboard} variant="console" />
          </Card>
          <Card size="small" title={t('arena.host.log')} className="arena-host__log">
            <EventLog events={events} name={name} />
          </Card>
        </div>
      </div>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
      <ScreenTokenModal open={screenOpen} roundId={id} joinCode={r.joinCode} token={r.screenToken} canManage={r.canManage} onClose={() => setScreenOpen(false)} onChanged={round.reload} />
      <AdjustScoreModal open={adjusting} units={view.leaderboard} onClose={() => setAdjusting(false)} onSubmit={(v) => run({ type: 'adjustScore', ...v, reason: v.reason.trim() })} />
    </div>
  );
}
