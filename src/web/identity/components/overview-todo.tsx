import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Card, Col, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowRightOutlined, CheckCircleOutlined, DatabaseOutlined, EditOutlined, FlagOutlined, StarOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { api } from '../../shared/api.ts';
import { useResource, type Resource } from '../../shared/use-resource.ts';
import type { AppealView, ExamView, MarkingOverview, ProctorView } from '../../exams/api.ts';
import type { Contest, Funnel, Entry } from '../../contests/api.ts';
import type { RoundSummary } from '../../arena/api.ts';
import type { Board, PanelView } from '../../judging/api.ts';
import type { Bank } from '../../bank/api.ts';
import { useSignedIn } from './session-provider.tsx';

/**
 * 待办与进行中: what needs the organiser across the product, read from the domains' existing
 * list endpoints. Each card loads on its own (a slow domain does not hold the others) and a
 * card whose endpoint refuses or fails is left out, so the overview never breaks on it.
 */

/** At most this many exams, contests or panels are looked into per card: the overview must stay cheap. */
const FAN_OUT = 20;
/** Rows listed per card; the domain page has the rest. */
const SHOWN = 4;

/** Inline, since the section owns no stylesheet: a row of big numbers, one status line, a short list of links. */
const S = {
  icon: { color: 'var(--ss-primary)' },
  stats: { display: 'flex', gap: 24, flexWrap: 'wrap', marginBottom: 8 },
  stat: { display: 'flex', flexDirection: 'column', minWidth: 64 },
  number: { fontSize: 24, lineHeight: '32px', fontWeight: 600 },
  warn: { color: '#d46b08' },
  muted: { color: 'var(--ss-muted)', fontSize: 12 },
  status: { marginBottom: 8 },
  lines: { listStyle: 'none', margin: 0, padding: 0 },
  line: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 8, padding: '6px 0', borderTop: '1px solid #f0f0f0', flexWrap: 'wrap' },
  lineTitle: { minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: '1 1 180px' },
  // a long note drops under the title rather than squeezing it
  note: { color: 'var(--ss-muted)', fontSize: 13, flex: '0 1 auto', maxWidth: '100%', marginInlineStart: 'auto' },
} satisfies Record<string, CSSProperties>;

type Line = { key: string; to: string; title: string; note: ReactNode };
type Stat = { label: string; value: number; warn?: boolean };

/** Settles every promise, keeping the ones that answered: one refused exam must not hide the others. */
async function settled<T>(jobs: Promise<T>[]): Promise<T[]> {
  const out = await Promise.allSettled(jobs);
  return out.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

/** A domain's card; `resource` is its load: a skeleton until the first data, hidden when the endpoint refused or failed. */
function DomainCard(props: { title: string; icon: ReactNode; to: string; resource: Pick<Resource<unknown>, 'loading' | 'data' | 'error'>; stats?: Stat[]; status?: ReactNode; lines?: Line[]; idle?: boolean; more?: number }) {
  const { t } = useI18n();
  const { loading, data, error } = props.resource;
  if (data === undefined && error) return null;
  return (
    <Col xs={24} md={12} xl={8}>
      <Card
        size="small"
        className="ss-card-fill"
        title={
          <span>
            <span style={S.icon}>{props.icon}</span> {props.title}
          </span>
        }
        extra={
          <Link to={props.to}>
            {t('overview.open')} <ArrowRightOutlined />
          </Link>
        }
      >
        {loading && data === undefined ? (
          <Skeleton active title={false} paragraph={{ rows: 3 }} />
        ) : props.idle ? (
          <Typography.Text type="success">
            <CheckCircleOutlined /> {t('overview.allClear')}
          </Typography.Text>
        ) : (
          <>
            {props.stats && props.stats.length > 0 && (
              <div style={S.stats}>
                {props.stats.map((s) => (
                  <div key={s.label} style={S.stat}>
                    <strong style={s.warn && s.value > 0 ? { ...S.number, ...S.warn } : S.number}>{s.value}</strong>
                    <small style={S.muted}>{s.label}</small>
                  </div>
                ))}
              </div>
            )}
            {props.status && <Typography.Paragraph style={S.status}>{props.status}</Typography.Paragraph>}
            {props.lines && props.lines.length > 0 && (
              <ul style={S.lines}>
                {props.lines.slice(0, SHOWN).map((l) => (
                  <li key={l.key} style={S.line}>
                    <Link to={l.to} style={S.lineTitle} title={l.title}>
                      {l.title}
                    </Link>
                    <span style={S.note}>{l.note}</span>
                  </li>
                ))}
                {props.lines.length > SHOWN && (
                  <li style={S.line}>
                    <Link to={props.to}>{t('overview.more', { n: props.lines.length - SHOWN })}</Link>
                  </li>
                )}
              </ul>
            )}
          </>
        )}
      </Card>
    </Col>
  );
}

// ── 笔试 ──────────────────────────────────────────────────────────────────────────────
type ExamsTodo = {
  open: { exam: ExamView; sitting: number | null }[];
  marking: { exam: ExamView; waiting: number }[];
  appeals: { exam: ExamView; waiting: number }[];
};
const PENDING_APPEAL = new Set(['filed', 'under-review']);

async function loadExams(signal: AbortSignal): Promise<ExamsTodo> {
  const { items } = await api<{ items: ExamView[] }>('/api/exams', { signal });
  const now = Date.now();
  const started = items
    .filter((e) => e.status === 'published' && Date.parse(e.opensAt) <= now)
    .sort((a, b) => Date.parse(b.opensAt) - Date.parse(a.opensAt))
    .slice(0, FAN_OUT);
  const openNow = started.filter((e) => Date.parse(e.closesAt) > now);
  const [open, marking, appeals] = await Promise.all([
    // who is in the room: the proctor view's rows with an attempt not yet handed in
    Promise.all(
      openNow.map((exam) =>
        api<ProctorView>(`/api/exams/${exam.id}/proctor`, { signal })
          .then((v) => ({ exam, sitting: v.rows.filter((r) => r.status === 'online' || r.status === 'offline').length as number | null }))
          .catch(() => ({ exam, sitting: null })),
      ),
    ),
    settled(
      started.map((exam) =>
        api<MarkingOverview>(`/api/exams/${exam.id}/marking`, { signal }).then((m) => ({ exam, waiting: m.questions.reduce((n, q) => n + Math.max(0, q.total - q.final), 0) })),
      ),
    ),
    settled(
      started.map((exam) =>
        api<{ items: AppealView[] }>(`/api/exams/${exam.id}/appeals`, { signal }).then((r) => ({ exam, waiting: r.items.filter((a) => PENDING_APPEAL.has(a.status)).length })),
      ),
    ),
  ]);
  return { open, marking: marking.filter((m) => m.waiting > 0), appeals: appeals.filter((a) => a.waiting > 0) };
}

function ExamsCard() {
  const { t } = useI18n();
  const r = useResource('overview:exams', loadExams);
  const d = r.data;
  const sitting = d?.open.reduce((n, o) => n + (o.sitting ?? 0), 0) ?? 0;
  const toMark = d?.marking.reduce((n, m) => n + m.waiting, 0) ?? 0;
  const appeals = d?.appeals.reduce((n, a) => n + a.waiting, 0) ?? 0;
  const lines: Line[] = d
    ? [
        ...d.open.map((o) => ({
          key: `o${o.exam.id}`,
          to: `/exams/${o.exam.id}/proctor`,
          title: o.exam.title,
          note: o.sitting === null ? t('overview.exams.submittedOf', { submitted: o.exam.submitted, candidates: o.exam.candidates }) : t('overview.exams.openLine', { sitting: o.sitting, submitted: o.exam.submitted, candidates: o.exam.candidates }),
        })),
        ...d.appeals.map((a) => ({ key: `a${a.exam.id}`, to: `/exams/${a.exam.id}/results`, title: a.exam.title, note: <Tag color="volcano">{t('overview.exams.appealsLine', { n: a.waiting })}</Tag> })),
        ...d.marking.map((m) => ({ key: `m${m.exam.id}`, to: `/exams/${m.exam.id}/marking`, title: m.exam.title, note: <Tag color="gold">{t('overview.exams.markingLine', { n: m.waiting })}</Tag> })),
      ]
    : [];
  return (
    <DomainCard
      title={t('nav.exams')}
      icon={<EditOutlined />}
      to="/exams"
      resource={r}
      idle={!!d && d.open.length === 0 && toMark === 0 && appeals === 0}
      stats={[
        { label: t('overview.exams.open'), value: d?.open.length ?? 0 },
        { label: t('overview.exams.toMark'), value: toMark, warn: true },
        { label: t('overview.exams.appeals'), value: appeals, warn: true },
      ]}
      status={d && d.open.length > 0 ? t('overview.exams.status', { n: d.open.length, sitting }) : undefined}
      lines={lines}
    />
  );
}

// ── 赛事 ──────────────────────────────────────────────────────────────────────────────
type ContestTodo = { contest: Contest; toScreen: number | null; reached: Funnel['steps'][number] | null };

async function loadContests(signal: AbortSignal): Promise<ContestTodo[]> {
  const { items } = await api<{ items: Contest[] }>('/api/contests', { signal });
  const active = items.filter((c) => c.status === 'registration' || c.status === 'running').slice(0, FAN_OUT);
  return Promise.all(
    active.map(async (contest) => {
      const [entries, funnel] = await Promise.all([
        api<{ items: Entry[] }>(`/api/contests/${contest.id}/entries`, { query: { status: 'submitted' }, signal }).then((r) => r.items.length as number | null).catch(() => null),
        contest.status === 'running' && contest.canManage ? api<Funnel>(`/api/contests/${contest.id}/funnel`, { signal }).catch(() => null) : Promise.resolve(null),
      ]);
      // the furthest step anyone has reached is where the contest stands
      const reached = funnel ? ([...funnel.steps].reverse().find((s) => s.count > 0) ?? null) : null;
      return { contest, toScreen: entries, reached };
    }),
  );
}

function ContestsCard() {
  const { t, lang } = useI18n();
  const r = useResource('overview:contests', loadContests);
  const d = r.data;
  const toScreen = d?.reduce((n, c) => n + (c.toScreen ?? 0), 0) ?? 0;
  const lines: Line[] = (d ?? []).map(({ contest, toScreen: n, reached }) => ({
    key: `c${contest.id}`,
    to: n ? `/contests/${contest.id}/screening` : `/contests/${contest.id}`,
    title: contest.title,
    note: (
      <>
        <Tag color={contest.status === 'running' ? 'processing' : 'blue'}>{t(`contests.status.${contest.status}`)}</Tag>
        {reached && t('overview.contests.reached', { step: lang === 'en' ? reached.label : reached.labelZh, n: reached.count })}
        {n ? <Tag color="gold">{t('overview.contests.toScreenLine', { n })}</Tag> : null}
      </>
    ),
  }));
  return (
    <DomainCard
      title={t('nav.contests')}
      icon={<FlagOutlined />}
      to="/contests"
      resource={r}
      idle={!!d && d.length === 0}
      stats={[
        { label: t('overview.contests.active'), value: d?.length ?? 0 },
        { label: t('overview.contests.toScreen'), value: toScreen, warn: true },
      ]}
      lines={lines}
    />
  );
}

// ── 现场竞赛 ──────────────────────────────────────────────────────────────────────────
function ArenaCard() {
  const { t } = useI18n();
  const r = useResource('overview:arena', (signal) => api<{ items: RoundSummary[] }>('/api/arena/rounds', { signal }).then((x) => x.items));
  const live = (r.data ?? []).filter((x) => x.status === 'live');
  // a draft with questions that I may host is one click from going live
  const ready = (r.data ?? []).filter((x) => x.status === 'draft' && x.canHost && x.questionCount > 0);
  const lines: Line[] = [
    ...live.map((x) => ({ key: `l${x.id}`, to: `/arena/${x.id}/host`, title: x.title, note: <Tag color="red">{t('overview.arena.liveTag')}</Tag> })),
    ...ready.map((x) => ({ key: `r${x.id}`, to: `/arena/${x.id}/host`, title: x.title, note: <Tag color="green">{t('overview.arena.readyTag')}</Tag> })),
  ];
  return (
    <DomainCard
      title={t('nav.arena')}
      icon={<ThunderboltOutlined />}
      to="/arena"
      resource={r}
      idle={!!r.data && lines.length === 0}
      stats={[
        { label: t('overview.arena.live'), value: live.length },
        { label: t('overview.arena.ready'), value: ready.length },
      ]}
      lines={lines}
    />
  );
}

// ── 评委评分 ──────────────────────────────────────────────────────────────────────────
type PanelTodo = { panel: PanelView; contestTitle: string; board: Board['summary'] | null };

async function loadPanels(signal: AbortSignal): Promise<PanelTodo[]> {
  const { items } = await api<{ items: Contest[] }>('/api/contests', { signal });
  const contests = items.filter((c) => c.status !== 'finished' && c.canManage).slice(0, FAN_OUT);
  const perContest = await settled(
    contests.map((c) => api<{ items: PanelView[] }>(`/api/judging/contests/${c.id}/panels`, { signal }).then((r) => r.items.filter((p) => p.status === 'open').map((panel) => ({ panel, contestTitle: c.title })))),
  );
  const open = perContest.flat().slice(0, FAN_OUT);
  return Promise.all(open.map((p) => api<Board>(`/api/judging/panels/${p.panel.id}/board`, { signal }).then((b) => ({ ...p, board: b.summary as Board['summary'] | null })).catch(() => ({ ...p, board: null }))));
}

function JudgingCard() {
  const { t } = useI18n();
  const r = useResource('overview:judging', loadPanels);
  const d = r.data;
  // every expected sheet is in: the panel only waits for the organiser to lock it
  const isReady = (p: PanelTodo) => !!p.board && p.board.expected > 0 && p.board.missing === 0;
  const ready = (d ?? []).filter(isReady);
  const scoring = (d ?? []).filter((p) => !isReady(p));
  const lines: Line[] = [
    ...ready.map((p) => ({ key: `r${p.panel.id}`, to: `/judging/panels/${p.panel.id}`, title: `${p.panel.name} · ${p.contestTitle}`, note: <Tag color="green">{t('overview.judging.readyTag')}</Tag> })),
    ...scoring.map((p) => ({
      key: `s${p.panel.id}`,
      to: `/judging/panels/${p.panel.id}`,
      title: `${p.panel.name} · ${p.contestTitle}`,
      note: p.board ? t('overview.judging.scoredLine', { scored: p.board.scored, expected: p.board.expected }) : <Tag color="processing">{t('judging.status.open')}</Tag>,
    })),
  ];
  return (
    <DomainCard
      title={t('nav.judging')}
      icon={<StarOutlined />}
      to="/judging"
      resource={r}
      idle={!!d && d.length === 0}
      stats={[
        { label: t('overview.judging.scoring'), value: scoring.length },
        { label: t('overview.judging.ready'), value: ready.length, warn: true },
      ]}
      lines={lines}
    />
  );
}

// ── 题库 ──────────────────────────────────────────────────────────────────────────────
function BanksCard() {
  const { t } = useI18n();
  const r = useResource('overview:banks', (signal) => api<{ items: Bank[] }>('/api/banks', { signal }).then((x) => x.items));
  const banks = r.data ?? [];
  const questions = banks.reduce((n, b) => n + b.questionCount, 0);
  const lines: Line[] = [...banks]
    .sort((a, b) => b.questionCount - a.questionCount)
    .map((b) => ({ key: `b${b.id}`, to: `/banks/${b.id}`, title: b.name, note: t('overview.banks.questionsLine', { n: b.questionCount }) }));
  return (
    <DomainCard
      title={t('nav.banks')}
      icon={<DatabaseOutlined />}
      to="/banks"
      resource={r}
      stats={[
        { label: t('overview.banks.banks'), value: banks.length },
        { label: t('overview.banks.questions'), value: questions },
      ]}
      status={r.data && banks.length === 0 ? t('overview.banks.none') : undefined}
      lines={lines}
    />
  );
}

/** The section itself: one card per domain the signed-in organiser may manage. */
export function OverviewTodo() {
  const { t } = useI18n();
  const { access } = useSignedIn();
  return (
    <section className="ss-block">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('overview.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {access.canManageExams && <ExamsCard />}
        {access.canManageContests && <ContestsCard />}
        {access.canRunArena && <ArenaCard />}
        {access.canManageJudging && <JudgingCard />}
        {access.canManageBanks && <BanksCard />}
      </Row>
    </section>
  );
}
