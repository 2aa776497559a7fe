import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Col, Descriptions, Empty, Form, Input, InputNumber, Modal, Popconfirm, Result, Row, Segmented, Select, Space, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, ImportOutlined, LinkOutlined, PlayCircleOutlined, PlusOutlined, SaveOutlined, TeamOutlined, TrophyOutlined, UserOutlined } from '@ant-design/icons';
import { useI18n } from '../../shared/i18n/i18n-context.tsx';
import { PageHeader } from '../../shared/layout/page-header.tsx';
import { PageLoading } from '../../shared/layout/page-loading.tsx';
import { useResource } from '../../shared/use-resource.ts';
import { useAction } from '../../shared/use-action.ts';
import type { Question } from '../api.ts';
import { personIdOfPlayer } from '../../../server/arena/engine/player-id.ts';
import { addPaperQuestions, fetchStageEntrants, setRoster, startRound, updateRound, updateRoundQuestions, useBuilderRound, useHostChoices, useLinkedContest, usePaperChoices, type BuilderRound, type ContestLink, type PersonChoice, type RosterInput, type StageEntrant } from '../builder-api.ts';
import { PeoplePicker } from '../components/people-picker.tsx';
import { massQuizOf, RoundSettingsFields, type RoundSettingsValues } from '../components/round-create-modal.tsx';
import '../builder.css';

/** 继续设置: a draft round's questions (from a bank paper), its roster (teams or players) and the start. */
export function RoundSetupPage() {
  const roundId = Number(useParams().roundId);
  const { t, errorText } = useI18n();
  const round = useBuilderRound(roundId);
  if (round.error) return <Result status="warning" subTitle={errorText(round.error)} extra={<Link to="/arena"><Button>{t('arena.builder.backToList')}</Button></Link>} />;
  if (!round.data) return <PageLoading />;
  if (round.data.status !== 'draft')
    return (
      <Result
        status="info"
        title={t('arena.builder.notDraft')}
        extra={
          <Space>
            <Link to="/arena"><Button>{t('arena.builder.backToList')}</Button></Link>
            {round.data.status === 'live' && round.data.canHost && <Link to={`/arena/${roundId}/host`}><Button type="primary">{t('arena.list.host')}</Button></Link>}
          </Space>
        }
      />
    );
  return <Setup round={round.data} onChanged={round.reload} />;
}

/** entryId: the contest entry the team stands for (a round linked to a contest round); its score is written to that entry */
type TeamDraft = { key: number; name: string; memberIds: number[]; entryId?: number };
type RosterDraft = { mode: 'teams' | 'players'; teams: TeamDraft[]; playerIds: number[] };

let nextKey = 1;
function rosterOf(r: BuilderRound): RosterDraft {
  const c = r.config;
  const members = (teamId: string) => c.players.filter((p) => p.teamId === teamId).map((p) => personIdOfPlayer(p.id)).filter((id): id is number => id !== null);
  const entryOf = (teamId: string) => r.contest?.entryMap[teamId];
  if (c.teams.length > 0) return { mode: 'teams', teams: c.teams.map((tm) => ({ key: nextKey++, name: tm.name, memberIds: members(tm.id), ...(entryOf(tm.id) && { entryId: entryOf(tm.id) }) })), playerIds: [] };
  if (c.players.length > 0) return { mode: 'players', teams: [], playerIds: c.players.map((p) => personIdOfPlayer(p.id)).filter((id): id is number => id !== null) };
  return { mode: 'teams', teams: [], playerIds: [] };
}
const rosterBody = (d: RosterDraft): RosterInput =>
  d.mode === 'teams' ? { teams: d.teams.map((tm) => ({ name: tm.name.trim(), memberIds: tm.memberIds, ...(tm.entryId && { entryId: tm.entryId }) })) } : { players: d.playerIds.map((personId) => ({ personId })) };

function Setup({ round, onChanged }: { round: BuilderRound; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const action = useAction();
  const { busy, error, setError, run } = action;
  const c = round.config;
  const mass = c.format === 'mass-quiz';

  const [roster, setRosterDraft] = useState<RosterDraft>(() => rosterOf(round));
  const saved = useMemo(() => JSON.stringify(rosterBody(rosterOf(round))), [round]);
  const dirty = !mass && JSON.stringify(rosterBody(roster)) !== saved;
  // the members of teams imported from the contest, so their pickers show names (and 工号) at once
  const [imported, setImported] = useState<PersonChoice[]>([]);
  const known: PersonChoice[] = useMemo(
    () => [
      ...imported,
      ...c.players.flatMap((p) => {
        const id = personIdOfPlayer(p.id);
        return id === null || imported.some((x) => x.id === id) ? [] : [{ id, name: p.name, employeeNo: '', organisationName: '' }];
      }),
    ],
    [c.players, imported],
  );
  const importTeams = (entrants: StageEntrant[]) => {
    setImported(entrants.flatMap((e) => e.members.map((m) => ({ id: m.personId, name: m.name, employeeNo: m.employeeNo, organisationName: e.organisationName }))));
    setRosterDraft(() => ({ mode: 'teams', playerIds: [], teams: entrants.map((e) => ({ key: nextKey++, name: e.name.slice(0, 100), memberIds: e.members.slice(0, 20).map((m) => m.personId), entryId: e.id })) }));
    message.success(t('arena.builder.contest.imported', { n: entrants.length }));
  };

  /** every change goes through here: busy flag, and the server's refusal in words the organiser reads */
  const act = <T,>(fn: () => Promise<T>) =>
    run(fn, (e) => {
      setError(i18n.errorText(e));
      return true;
    });

  const rosterProblem = (() => {
    if (mass) return null;
    if (roster.mode === 'players') return roster.playerIds.length === 0 ? t('arena.builder.roster.needPlayers') : null;
    if (roster.teams.length === 0) return t('arena.builder.roster.needTeams');
    if (roster.teams.some((tm) => !tm.name.trim())) return t('arena.builder.roster.needName');
    if (roster.teams.some((tm) => tm.memberIds.length === 0)) return t('arena.builder.roster.needMembers');
    return null;
  })();
  const unitCount = c.teams.length || c.players.length;

  const saveRoster = async () => {
    await setRoster(round.id, rosterBody(roster));
  };
  const onSaveRoster = () =>
    act(async () => {
      await saveRoster();
      message.success(t('arena.builder.roster.saved'));
      onChanged();
    });
  const onStart = () =>
    act(async () => {
      if (dirty) await saveRoster();
      await startRound(round.id);
      message.success(t('arena.builder.started'));
      navigate(`/arena/${round.id}/host`);
    });

  const questionsDone = c.questions.length > 0;
  const rosterDone = mass || (unitCount > 0 && !dirty);
  const canStart = questionsDone && (mass || (!rosterProblem && (unitCount > 0 || dirty)));

  return (
    <div className="ss-page arena-builder" data-testid="round-setup">
      <PageHeader
        title={round.title}
        subtitle={t('arena.builder.setup.subtitle', { format: t(`arena.format.${c.format}`), organisation: round.organisationName })}
        extra={
          <Space wrap>
            <Link to="/arena">
              <Button icon={<ArrowLeftOutlined />}>{t('arena.builder.backToList')}</Button>
            </Link>
            <Popconfirm
              title={t('arena.builder.start.confirmTitle')}
              description={t('arena.builder.start.confirmBody')}
              okText={t('arena.builder.start.button')}
              cancelText={t('common.cancel')}
              onConfirm={() => void onStart()}
              okButtonProps={{ id: 'round-start-ok' }}
              disabled={!canStart || busy}
            >
              <Button type="primary" icon={<PlayCircleOutlined />} disabled={!canStart} loading={busy} data-testid="round-start">
                {t('arena.builder.start.button')}
              </Button>
            </Popconfirm>
          </Space>
        }
      />
      {error && <Alert type="error" showIcon closable onClose={() => setError(null)} title={error} className="ss-block" data-testid="round-setup-error" />}

      <Card className="ss-block">
        <Steps
          size="small"
          items={[
            { title: t('arena.builder.step.create'), status: 'finish' },
            { title: t('arena.builder.step.questions'), status: questionsDone ? 'finish' : 'process', content: t('arena.list.questions', { n: c.questions.length }) },
            mass
              ? { title: t('arena.builder.step.players'), status: 'finish', content: t('arena.builder.roster.massShort') }
              : { title: t('arena.builder.step.roster'), status: rosterDone ? 'finish' : questionsDone ? 'process' : 'wait', content: dirty ? t('arena.builder.roster.unsaved') : t('arena.list.units', { n: unitCount }) },
            { title: t('arena.builder.step.start'), status: canStart ? 'process' : 'wait' },
          ]}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <QuestionsCard round={round} busy={busy} act={act} onChanged={onChanged} />
        </Col>
        <Col xs={24} xl={9}>
          <SettingsCard round={round} onChanged={onChanged} />
          {round.contest && <ContestCard link={round.contest} roster={mass ? null : roster} onImport={importTeams} />}
          {mass ? (
            <Card title={<><TeamOutlined /> {t('arena.builder.step.players')}</>} className="ss-block-top">
              <Typography.Paragraph type="secondary">{t('arena.builder.roster.mass')}</Typography.Paragraph>
              {round.joinCode && <Tag color="gold">{t('arena.list.joinCode', { code: round.joinCode })}</Tag>}
            </Card>
          ) : (
            <RosterCard roster={roster} setRoster={setRosterDraft} known={known} problem={rosterProblem} dirty={dirty} busy={busy} onSave={() => void onSaveRoster()} />
          )}
        </Col>
      </Row>
    </div>
  );
}

type Act = <T>(fn: () => Promise<T>) => Promise<T | undefined>;

function QuestionsCard({ round, busy, act, onChanged }: { round: BuilderRound; busy: boolean; act: Act; onChanged: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const papers = usePaperChoices();
  const c = round.config;
  const mass = c.format === 'mass-quiz';
  const [paperId, setPaperId] = useState<number | undefined>();
  const [points, setPoints] = useState<number | null>(null);
  const [seconds, setSeconds] = useState<number | null>(mass ? 20 : 30);
  const [replace, setReplace] = useState(false);

  const add = () =>
    act(async () => {
      if (!paperId) return;
      const r = await addPaperQuestions(round.id, { paperId, points: points ?? undefined, timeLimitMs: seconds ? seconds * 1000 : undefined, replace });
      if (r.skipped > 0) message.warning(t('arena.builder.questions.addedSkipped', { n: r.added, skipped: r.skipped }));
      else message.success(t('arena.builder.questions.added', { n: r.added }));
      setPaperId(undefined);
      setReplace(false);
      onChanged();
    });
  const remove = (q: Question) =>
    act(async () => {
      await updateRoundQuestions(round.id, c.questions.filter((x) => x.id !== q.id));
      onChanged();
    });
  const total = c.questions.reduce((s, q) => s + q.points, 0);

  return (
    <Card title={t('arena.builder.questions.title')} extra={<span className="arena-builder-muted">{t('arena.builder.questions.total', { n: c.questions.length, points: total })}</span>} data-testid="round-questions">
      <div className="arena-builder-paper">
        <Select<number>
          className="arena-builder-paper__select"
          showSearch={{ optionFilterProp: 'label' }}
          value={paperId}
          onChange={setPaperId}
          loading={papers.loading}
          placeholder={t('arena.builder.questions.paperPlaceholder')}
          notFoundContent={papers.loading ? undefined : papers.error ? errorText(papers.error) : t('arena.builder.questions.noPapers')}
          options={groupPapers(papers.data ?? [], t)}
          data-testid="round-paper"
        />
        <InputNumber min={1} max={100000} value={points} onChange={(v) => setPoints(v)} placeholder={t('arena.builder.questions.pointsPlaceholder')} suffix={t('arena.builder.questions.pointsUnit')} style={{ width: 150 }} />
        <InputNumber min={5} max={3600} value={seconds} onChange={(v) => setSeconds(v)} suffix={t('arena.builder.questions.secondsUnit')} style={{ width: 130 }} aria-label={t('arena.builder.questions.seconds')} />
        <Checkbox checked={replace} onChange={(e) => setReplace(e.target.checked)} disabled={c.questions.length === 0}>
          {t('arena.builder.questions.replace')}
        </Checkbox>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => void add()} disabled={!paperId} loading={busy} data-testid="round-paper-add">
          {t('arena.builder.questions.add')}
        </Button>
      </div>
      <div className="arena-builder-muted arena-builder-paper__hint">{t(mass ? 'arena.builder.questions.hintMass' : 'arena.builder.questions.hint')}</div>
      {c.questions.length === 0 ? (
        <Empty description={t('arena.builder.questions.empty')} />
      ) : (
        <Table<Question>
          size="small"
          rowKey="id"
          tableLayout="fixed"
          dataSource={c.questions}
          pagination={c.questions.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          columns={[
            { title: '#', key: 'n', width: 44, render: (_, __, i) => i + 1 },
            { title: t('arena.builder.questions.prompt'), dataIndex: 'prompt', ellipsis: { showTitle: true } },
            { title: t('arena.builder.questions.kind'), key: 'kind', width: 76, render: (_, q) => <Tag>{t(`arena.kind.${q.kind}`)}</Tag> },
            { title: t('arena.builder.questions.format'), key: 'format', width: 96, render: (_, q) => <Tag color="blue" variant="filled">{t(`arena.format.${q.format ?? c.format}`)}</Tag> },
            { title: t('arena.builder.questions.points'), dataIndex: 'points', width: 60, align: 'right' },
            { title: t('arena.builder.questions.seconds'), key: 'time', width: 60, align: 'right', render: (_, q) => `${Math.round(q.timeLimitMs / 1000)}s` },
            {
              title: '',
              key: 'remove',
              width: 48,
              render: (_, q) => <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('common.remove')} disabled={busy} onClick={() => void remove(q)} />,
            },
          ]}
        />
      )}
    </Card>
  );
}

function groupPapers(papers: { id: number; label: string; bankName: string; setName: string; questions: number; totalScore: number }[], t: ReturnType<typeof useI18n>['t']) {
  const groups = new Map<string, { label: string; options: { value: number; label: string }[] }>();
  for (const p of papers) {
    const key = `${p.bankName} · ${p.setName}`;
    const g = groups.get(key) ?? { label: key, options: [] };
    g.options.push({ value: p.id, label: `${p.setName} · ${p.label}（${t('arena.builder.questions.paperFacts', { n: p.questions, points: p.totalScore })}）` });
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** 场次设置: read-only, with 编辑设置 for the title, the spectator page, the hosts and (a mass quiz) the rules; the format and contest link stay. */
function SettingsCard({ round, onChanged }: { round: BuilderRound; onChanged: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const c = round.config;
  const pass = c.massQuiz.pass;
  return (
    <Card
      title={t('arena.builder.settings.title')}
      size="small"
      data-testid="round-settings"
      extra={
        <Button size="small" type="link" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="round-settings-edit">
          {t('arena.builder.edit.button')}
        </Button>
      }
    >
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('arena.builder.field.format')}>{t(`arena.format.${c.format}`)}</Descriptions.Item>
        <Descriptions.Item label={t('arena.builder.field.organisation')}>{round.organisationName}</Descriptions.Item>
        <Descriptions.Item label={t('arena.builder.field.public')}>{round.isPublic ? t('arena.builder.settings.yes') : t('arena.builder.settings.no')}</Descriptions.Item>
        <Descriptions.Item label={t('arena.builder.field.hosts')}>{round.hostIds.length ? t('arena.builder.settings.hosts', { n: round.hostIds.length }) : t('arena.builder.settings.noHosts')}</Descriptions.Item>
        {c.format === 'mass-quiz' && (
          <>
            <Descriptions.Item label={t('arena.builder.field.formula')}>{t(`arena.builder.formula.${c.massQuiz.formula}`)}</Descriptions.Item>
            <Descriptions.Item label={t('arena.builder.field.lateJoin')}>{c.massQuiz.allowLateJoin ? t('arena.builder.settings.yes') : t('arena.builder.settings.no')}</Descriptions.Item>
            <Descriptions.Item label={t('arena.builder.field.pass')}>{pass ? t('arena.builder.settings.pass', { n: pass.minCorrect, reward: pass.reward }) : t('arena.builder.settings.noPass')}</Descriptions.Item>
          </>
        )}
      </Descriptions>
      {editing && (
        <RoundEditModal
          round={round}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

type EditValues = RoundSettingsValues & { title: string };

/** 编辑设置: the create dialog's fields (RoundSettingsFields) on a draft round; saves with PATCH /api/arena/rounds/:id. */
function RoundEditModal({ round, onClose, onSaved }: { round: BuilderRound; onClose: () => void; onSaved: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<EditValues>();
  const { busy, error, run } = useAction();
  const hosts = useHostChoices(round.id, round.hostIds);
  const c = round.config;
  const mass = c.format === 'mass-quiz';
  const pass = c.massQuiz.pass;
  const initialValues: EditValues = {
    title: round.title,
    isPublic: round.isPublic,
    hostIds: round.hostIds,
    formula: c.massQuiz.formula,
    allowLateJoin: c.massQuiz.allowLateJoin,
    passOn: Boolean(pass),
    minCorrect: pass?.minCorrect,
    reward: pass?.reward,
  };
  const onFinish = (v: EditValues) =>
    run(async () => {
      await updateRound(round.id, {
        title: v.title.trim(),
        isPublic: Boolean(v.isPublic),
        hostIds: v.hostIds ?? [],
        ...(mass && { rules: { massQuiz: massQuizOf(v, c.massQuiz.streakBonus) } }),
      });
      message.success(t('arena.builder.edit.saved'));
      onSaved();
    });
  const ready = !!hosts.data || !!hosts.error;
  return (
    <Modal
      open
      title={t('arena.builder.edit.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      okButtonProps={{ id: 'round-edit-ok', disabled: !ready }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} className="ss-form-alert" data-testid="round-edit-error" />}
      {hosts.error ? <Alert type="warning" showIcon title={errorText(hosts.error)} className="ss-form-alert" /> : null}
      {!ready ? (
        <PageLoading />
      ) : (
        <Form<EditValues> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void onFinish(v)} requiredMark={false} data-testid="round-edit-form">
          <Form.Item name="title" label={t('arena.builder.field.title')} rules={[{ required: true, whitespace: true, max: 200, message: t('arena.builder.field.titleRequired') }]}>
            <Input placeholder={t('arena.builder.field.titlePlaceholder')} maxLength={200} autoFocus data-testid="round-edit-title" />
          </Form.Item>
          <Descriptions column={1} size="small" className="arena-builder-edit__fixed">
            <Descriptions.Item label={t('arena.builder.field.format')}>{t(`arena.format.${c.format}`)}</Descriptions.Item>
            {round.contest && <Descriptions.Item label={t('arena.builder.contest.title')}>{t('arena.builder.edit.contestFixed')}</Descriptions.Item>}
          </Descriptions>
          <RoundSettingsFields format={c.format} knownHosts={hosts.data ?? []} />
        </Form>
      )}
      <div className="arena-builder-muted">{t('arena.builder.edit.hint')}</div>
    </Modal>
  );
}

type RosterProps = {
  roster: RosterDraft;
  setRoster: (change: (d: RosterDraft) => RosterDraft) => void;
  known: PersonChoice[];
  problem: string | null;
  dirty: boolean;
  busy: boolean;
  onSave: () => void;
};

function RosterCard({ roster, setRoster, known, problem, dirty, busy, onSave }: RosterProps) {
  const { t } = useI18n();
  const setTeam = (key: number, change: Partial<TeamDraft>) => setRoster((d) => ({ ...d, teams: d.teams.map((tm) => (tm.key === key ? { ...tm, ...change } : tm)) }));
  const addTeam = () => setRoster((d) => ({ ...d, teams: [...d.teams, { key: nextKey++, name: t('arena.builder.roster.teamName', { n: d.teams.length + 1 }), memberIds: [] }] }));
  const removeTeam = (key: number) => setRoster((d) => ({ ...d, teams: d.teams.filter((tm) => tm.key !== key) }));
  const inOtherTeam = (key: number) => new Set(roster.teams.filter((tm) => tm.key !== key).flatMap((tm) => tm.memberIds));

  return (
    <Card
      title={<><TeamOutlined /> {t('arena.builder.step.roster')}</>}
      className="ss-block-top"
      data-testid="round-roster"
      extra={
        <Segmented<'teams' | 'players'>
          size="small"
          value={roster.mode}
          onChange={(mode) => setRoster((d) => ({ ...d, mode }))}
          options={[
            { value: 'teams', label: t('arena.builder.roster.teams'), icon: <TeamOutlined /> },
            { value: 'players', label: t('arena.builder.roster.players'), icon: <UserOutlined /> },
          ]}
        />
      }
    >
      {roster.mode === 'teams' ? (
        <>
          {roster.teams.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('arena.builder.roster.noTeams')} />}
          {roster.teams.map((tm, i) => (
            <div className="arena-builder-team" key={tm.key} data-testid={`round-team-${i + 1}`}>
              {tm.entryId && (
                <Tooltip title={t('arena.builder.contest.teamLinkedHint')}>
                  <Tag icon={<LinkOutlined />} color="gold" className="arena-builder-team__entry" data-testid="round-team-entry">{t('arena.builder.contest.teamLinked')}</Tag>
                </Tooltip>
              )}
              <div className="arena-builder-team__head">
                <Input value={tm.name} maxLength={100} onChange={(e) => setTeam(tm.key, { name: e.target.value })} placeholder={t('arena.builder.roster.teamNamePlaceholder')} status={tm.name.trim() ? undefined : 'error'} data-testid="round-team-name" />
                <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('arena.builder.roster.removeTeam')} onClick={() => removeTeam(tm.key)} />
              </div>
              <PeoplePicker value={tm.memberIds} onChange={(memberIds) => setTeam(tm.key, { memberIds })} known={known} excluded={inOtherTeam(tm.key)} max={20} placeholder={t('arena.builder.roster.membersPlaceholder')} testId="round-team-members" />
            </div>
          ))}
          <Button block type="dashed" icon={<PlusOutlined />} onClick={addTeam} disabled={roster.teams.length >= 50} data-testid="round-team-add">
            {t('arena.builder.roster.addTeam')}
          </Button>
        </>
      ) : (
        <PeoplePicker value={roster.playerIds} onChange={(playerIds) => setRoster((d) => ({ ...d, playerIds }))} known={known} max={10_000} placeholder={t('arena.builder.roster.playersPlaceholder')} testId="round-players" />
      )}
      <div className="arena-builder-roster__foot">
        <span className={problem ? 'arena-builder-warn' : 'arena-builder-muted'}>{problem ?? (dirty ? t('arena.builder.roster.unsaved') : t('arena.builder.roster.savedHint'))}</span>
        <Button icon={<SaveOutlined />} onClick={onSave} disabled={!dirty || !!problem} loading={busy} data-testid="round-roster-save">
          {t('arena.builder.roster.save')}
        </Button>
      </div>
    </Card>
  );
}

/**
 * 关联赛事: the contest round this round's final scores are written to, how many teams stand for
 * a contest entry, and 从赛事导入队伍 (the entries of the round's stage, with their members).
 */
function ContestCard({ link, roster, onImport }: { link: ContestLink; roster: RosterDraft | null; onImport: (entrants: StageEntrant[]) => void }) {
  const { t, errorText } = useI18n();
  const linked = useLinkedContest(link);
  const [importing, setImporting] = useState(false);
  const info = linked.data;
  const teams = roster?.mode === 'teams' ? roster.teams : [];
  const linkedTeams = teams.filter((tm) => tm.entryId).length;
  return (
    <Card size="small" className="ss-block-top arena-builder-contest" data-testid="round-contest-link" title={<><TrophyOutlined /> {t('arena.builder.contest.title')}</>}>
      {linked.error ? (
        <Alert type="warning" showIcon title={errorText(linked.error)} />
      ) : (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('arena.builder.contest.contest')}>{info ? info.contest.title : `#${link.contestId}`}</Descriptions.Item>
          <Descriptions.Item label={t('arena.builder.contest.round')}>
            {info?.round ? `${info.round.stageName} · ${info.round.name}` : info ? <Typography.Text type="warning">{t('arena.builder.contest.roundGone', { key: link.roundKey })}</Typography.Text> : link.roundKey}
          </Descriptions.Item>
          {roster && <Descriptions.Item label={t('arena.builder.contest.linkedTeams')}>{t('arena.builder.contest.linkedCount', { n: linkedTeams, total: teams.length })}</Descriptions.Item>}
        </Descriptions>
      )}
      <div className="arena-builder-muted arena-builder-contest__hint">{t(roster ? 'arena.builder.contest.hint' : 'arena.builder.contest.hintMass')}</div>
      {roster && (
        <Button block icon={<ImportOutlined />} disabled={!info?.round} onClick={() => setImporting(true)} data-testid="round-contest-import">
          {t('arena.builder.contest.import')}
        </Button>
      )}
      {importing && info?.round && (
        <ImportEntrantsModal
          contestId={link.contestId}
          stage={{ id: info.round.stageId, name: info.round.stageName }}
          replacing={teams.length}
          onClose={() => setImporting(false)}
          onImport={(entrants) => {
            setImporting(false);
            onImport(entrants);
          }}
        />
      )}
    </Card>
  );
}

const MAX_TEAMS = 50;

/** The entries of the stage (approved, or advanced from the stage before), by track; the picked ones become the teams. */
function ImportEntrantsModal({ contestId, stage, replacing, onClose, onImport }: { contestId: number; stage: { id: string; name: string }; replacing: number; onClose: () => void; onImport: (entrants: StageEntrant[]) => void }) {
  const { t, errorText } = useI18n();
  const entrants = useResource(`arena:builder:entrants:${contestId}:${stage.id}`, (signal) => fetchStageEntrants(contestId, stage.id, signal));
  const [track, setTrack] = useState<string>('');
  const [picked, setPicked] = useState<number[]>([]);
  const all = entrants.data ?? [];
  const tracks = [...new Map(all.map((e) => [e.trackId, e.trackName])).entries()];
  const shown = track ? all.filter((e) => e.trackId === track) : all;
  const chosen = all.filter((e) => picked.includes(e.id));
  const tooMany = chosen.length > MAX_TEAMS;
  return (
    <Modal
      open
      width={760}
      title={t('arena.builder.contest.importTitle', { stage: stage.name })}
      okText={t('arena.builder.contest.importOk', { n: chosen.length })}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: chosen.length === 0 || tooMany, id: 'round-contest-import-ok' }}
      onOk={() => onImport(chosen)}
      onCancel={onClose}
      destroyOnHidden
    >
      <div className="arena-builder-import__bar">
        <Select<string>
          value={track}
          onChange={(v) => setTrack(v)}
          style={{ width: 220 }}
          options={[{ value: '', label: t('arena.builder.contest.allTracks') }, ...tracks.map(([value, label]) => ({ value, label }))]}
          data-testid="round-contest-track"
        />
        <span className="arena-builder-muted">{t('arena.builder.contest.picked', { n: chosen.length, total: all.length })}</span>
      </div>
      {entrants.error ? (
        <Alert type="error" showIcon title={errorText(entrants.error)} />
      ) : (
        <Table<StageEntrant>
          size="small"
          rowKey="id"
          loading={entrants.loading}
          dataSource={shown}
          pagination={false}
          scroll={{ y: 360 }}
          locale={{ emptyText: t('arena.builder.contest.noEntrants') }}
          rowSelection={{
            selectedRowKeys: picked,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setPicked(keys.map(Number)),
          }}
          columns={[
            { title: t('arena.builder.contest.entry'), dataIndex: 'name', ellipsis: true },
            { title: t('arena.builder.contest.track'), dataIndex: 'trackName', width: 130 },
            { title: t('arena.builder.contest.organisation'), dataIndex: 'organisationName', width: 110, ellipsis: true },
            { title: t('arena.builder.contest.members'), key: 'members', render: (_, e) => e.members.map((m) => m.name).join('、') },
          ]}
          data-testid="round-contest-entrants"
        />
      )}
      <div className={tooMany ? 'arena-builder-warn arena-builder-import__foot' : 'arena-builder-muted arena-builder-import__foot'}>
        {tooMany ? t('arena.builder.contest.tooMany', { max: MAX_TEAMS }) : replacing > 0 ? t('arena.builder.contest.replaces', { n: replacing }) : t('arena.builder.contest.importHint')}
      </div>
    </Modal>
  );
}
