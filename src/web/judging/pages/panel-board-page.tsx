import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Breadcrumb, Button, Card, Col, Row, Skeleton, Space, Statistic, Tabs, Tag } from 'antd';
import { DesktopOutlined, LinkOutlined, LockOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { lockPanel, setOnStage, unlockPanel, useAssignment, useAudit, useBoard, usePanel, useResults, useStatistics, type BoardEntry } from '../api.ts';
import { AssignmentAlerts } from '../components/assignment-alerts.tsx';
import { AuditTable } from '../components/audit-table.tsx';
import { InvitationsCard } from '../components/invitations-card.tsx';
import { JudgeStats } from '../components/judge-stats.tsx';
import { LockModal } from '../components/lock-modal.tsx';
import { describeSpec, ResultsTable } from '../components/results-table.tsx';
import { RubricCard } from '../components/rubric-card.tsx';
import { ScoreMatrix } from '../components/score-matrix.tsx';
import '../judging.css';

type LockTarget = { mode: 'lock' | 'unlock'; entry: BoardEntry | null };

/** The organiser's board for one panel: progress matrix, locks, results, statistics, audit, rubric, guests. */
export function PanelBoardPage() {
  const panelId = Number(useParams().panelId);
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [nonce, setNonce] = useState(0);
  const panel = usePanel(panelId);
  const board = useBoard(panelId, nonce);
  const assignment = useAssignment(panelId, nonce);
  const results = useResults(panelId, nonce);
  const stats = useStatistics(panelId, nonce);
  const audit = useAudit(panelId, nonce);
  const [busy, setBusy] = useState(false);
  const [lock, setLock] = useState<LockTarget | null>(null);
  const refresh = () => setNonce((n) => n + 1);

  // judges score while the organiser watches: refresh the board every few seconds
  useEffect(() => {
    const timer = window.setInterval(() => setNonce((n) => n + 1), 5000);
    return () => window.clearInterval(timer);
  }, []);

  if (panel.error) return <Alert type="error" showIcon title={errorText(panel.error)} />;
  if (!panel.data || !board.data) return <Skeleton active />;
  const p = panel.data;
  const b = board.data;
  const judgeName = (id: number | null) => p.judges.find((j) => j.personId === id)?.name ?? '';
  const entryName = (id: number | null) => p.entries.find((e) => e.entryId === id)?.name ?? '';

  const stage = async (entryId: number | null) => {
    setBusy(true);
    try {
      await setOnStage(panelId, entryId);
      refresh();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const confirmLock = async (reason: string) => {
    if (!lock) return;
    const body = { ...(lock.entry ? { entryId: lock.entry.entryId } : {}), ...(reason ? { reason } : {}) };
    const r = lock.mode === 'lock' ? await lockPanel(panelId, body) : await unlockPanel(panelId, { ...body, reason });
    setLock(null);
    refresh();
    void message.success(lock.mode === 'lock' ? t('judging.lock.locked', { n: r.roundScores.written.length }) : t('judging.lock.unlocked'));
  };

  return (
    <div className="ss-page" data-testid="judging-board">
      <Breadcrumb className="ss-block" items={[{ title: <Link to="/judging">{t('judging.home.title')}</Link> }, { title: p.name }]} />
      <PageHeader
        title={p.name}
        subtitle={
          <Space size={8} wrap>
            <Tag color={b.status === 'locked' ? 'default' : 'processing'}>{t(`judging.status.${b.status}`)}</Tag>
            <span>{describeSpec(p.aggregation, t)}</span>
            <span>{t('judging.board.minSize', { n: p.minSize, depth: p.conflictPolicy.depth })}</span>
          </Space>
        }
        extra={
          <Space wrap>
            <Button icon={<LinkOutlined />} href={`/screen/${p.screenToken}`} target="_blank">
              {t('judging.board.publicScreen')}
            </Button>
            <Link to={`/judging/panels/${panelId}/reveal`}>
              <Button icon={<DesktopOutlined />} data-testid="open-reveal">{t('judging.board.reveal')}</Button>
            </Link>
            <Button type="primary" icon={<LockOutlined />} disabled={b.status === 'locked'} onClick={() => setLock({ mode: 'lock', entry: null })}>
              {t('judging.board.lockAll')}
            </Button>
          </Space>
        }
      />
      <Row gutter={[16, 16]} className="ss-block">
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('judging.board.expected')} value={b.summary.expected} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('judging.board.scoredN')} value={b.summary.scored} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('judging.board.missingN')} value={b.summary.missing} valueStyle={b.summary.missing ? { color: '#d4380d' } : undefined} /></Card></Col>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('judging.board.lockedN')} value={b.entries.filter((e) => e.locked).length} suffix={`/ ${b.entries.length}`} /></Card></Col>
      </Row>
      <Tabs
        items={[
          {
            key: 'progress',
            label: t('judging.tab.progress'),
            children: (
              <Row gutter={[16, 16]}>
                <Col xs={24} xxl={17}>
                  <Card size="small" title={t('judging.board.matrix')}>
                    <ScoreMatrix board={b} busy={busy} onStage={(id) => void stage(id)} onLock={(e) => setLock({ mode: 'lock', entry: e })} onUnlock={(e) => setLock({ mode: 'unlock', entry: e })} />
                  </Card>
                </Col>
                <Col xs={24} xxl={7}>{assignment.data && <AssignmentAlerts assignment={assignment.data} />}</Col>
              </Row>
            ),
          },
          { key: 'results', label: t('judging.tab.results'), children: <Card size="small">{results.data ? <ResultsTable results={results.data} /> : <Skeleton active />}</Card> },
          { key: 'stats', label: t('judging.tab.stats'), children: stats.data ? <JudgeStats stats={stats.data} /> : <Skeleton active /> },
          { key: 'audit', label: t('judging.tab.audit'), children: <Card size="small"><AuditTable items={audit.data ?? []} judgeName={judgeName} entryName={entryName} /></Card> },
          { key: 'rubric', label: t('judging.tab.rubric'), children: <RubricCard panel={p} onChanged={() => { panel.reload(); refresh(); }} /> },
          { key: 'guests', label: t('judging.tab.guests'), children: <InvitationsCard contestId={p.contestId} /> },
        ]}
      />
      {lock && (
        <LockModal
          mode={lock.mode}
          target={lock.entry?.name ?? t('judging.lock.wholePanel')}
          missing={lock.entry ? lock.entry.missing.length : b.summary.missing}
          onCancel={() => setLock(null)}
          onConfirm={confirmLock}
        />
      )}
    </div>
  );
}
