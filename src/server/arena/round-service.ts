import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import { AppError, forbidden, invalid, notFound } from '../errors.ts';
import { hasRoleAt, type Actor } from '../identity/engine/authz.ts';
import { canManageContest } from '../contests/access.ts';
import { canHostRound, canManageRound, guestToken, loadRound, newGuestId, newJoinCode, newSecret, personPlayerId, visibleScope } from './access.ts';
import { defaultConfig, startProblems, validateConfig, type Question, type RoundConfig, type RoundFormat } from './engine/index.ts';
import { fromBank } from './questions.ts';
import type { RoundRow } from './round-repo.ts';

export type RulesInput = Partial<Pick<RoundConfig, 'penalties' | 'falseStartLocksOut' | 'reopenAfterWrong' | 'riskStakes' | 'buzz' | 'massQuiz' | 'elimination'>>;
export type CreateRoundInput = {
  title: string;
  organisationId: number;
  format: RoundFormat;
  isPublic?: boolean;
  hostIds?: number[];
  rules?: RulesInput;
  questions?: Question[];
  contest?: { contestId: number; roundKey: string } | null;
};
export type RosterInput = {
  teams?: { name: string; memberIds: number[]; entryId?: number }[];
  players?: { personId: number; entryId?: number }[];
};

/** What the API shows of a round (never its secret; the screen token only to who may manage it). */
export function roundView(row: RoundRow, actor?: Actor) {
  const c = row.config;
  return {
    id: row.id,
    title: row.title,
    status: row.status,
    format: c.format,
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    isPublic: row.isPublic,
    hostIds: row.hostIds,
    joinCode: row.joinCode,
    contest: row.contestId ? { contestId: row.contestId, roundKey: row.contestRoundKey, entryMap: row.entryMap } : null,
    screenToken: actor && canManageRound(actor, row) ? row.screenToken : null,
    canManage: actor ? canManageRound(actor, row) : false,
    canHost: actor ? canHostRound(actor, row) : false,
    config: c,
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

const rulesOf = (c: RoundConfig): RulesInput => ({ penalties: c.penalties, falseStartLocksOut: c.falseStartLocksOut, reopenAfterWrong: c.reopenAfterWrong, riskStakes: c.riskStakes, buzz: c.buzz, massQuiz: c.massQuiz, elimination: c.elimination });

function checked(config: RoundConfig): RoundConfig {
  const problems = validateConfig(config);
  if (problems.length) throw new AppError('VALIDATION', problems.map((p) => `${p.path}: ${p.message}`).join('; '), { field: 'config', details: problems });
  return config;
}

export async function createRound(ctx: AppContext, actor: Actor, input: CreateRoundInput) {
  const org = await ctx.identity.orgs.get(input.organisationId);
  if (!org) throw invalid('organisationId', 'unknown organisation');
  if (!hasRoleAt(actor, ['organiser'], org.idPath)) throw forbidden(`only organisers over ${org.name} may create its live rounds`);
  if (input.contest) {
    const { contestId, roundKey } = input.contest;
    const contest = await ctx.contests.contests.get(contestId);
    if (!contest) throw invalid('contest.contestId', 'unknown contest');
    // the round's scores will be written into this contest: only its managers may link to it
    if (!canManageContest(actor, contest)) throw new AppError('FORBIDDEN', 'only the contest’s organisers may link a live round to it', { details: { reasonZh: '只有该赛事的组织者才能把现场赛关联到它。' } });
    if (!contest.definition.stages.some((st) => st.rounds.some((r) => r.id === roundKey))) throw invalid('contest.roundKey', `the contest has no round "${roundKey}"`, `该赛事没有轮次"${roundKey}"。`);
  }
  const config = checked(defaultConfig({ roundId: 'new', format: input.format, questions: input.questions ?? [], ...input.rules }));
  const id = await ctx.db.transaction().execute(async (tx) => {
    const roundId = await ctx.arena.rounds.insert(
      {
        organisationId: org.id,
        title: input.title,
        config,
        hostIds: input.hostIds ?? [],
        isPublic: input.isPublic ?? false,
        contestId: input.contest?.contestId ?? null,
        contestRoundKey: input.contest?.roundKey ?? null,
        entryMap: {},
        joinCode: input.format === 'mass-quiz' ? newJoinCode() : null,
        secret: newSecret(),
        createdBy: actor.personId > 0 ? actor.personId : null,
      },
      tx,
    );
    await ctx.arena.rounds.update(roundId, { config: { ...config, roundId: String(roundId) } }, tx);
    await ctx.identity.misc.audit({ actorId: actor.personId, action: 'arena.round.created', targetType: 'arena_round', targetId: roundId, data: { title: input.title, format: input.format } }, tx);
    return roundId;
  });
  return getRound(ctx, actor, id);
}

export async function listRounds(ctx: AppContext, actor: Actor) {
  const rows = await ctx.arena.rounds.list(visibleScope(actor));
  return { items: rows.map((r) => { const v = roundView(r, actor); return { ...v, config: undefined, questionCount: r.config.questions.length, unitCount: r.config.teams.length || r.config.players.length }; }) };
}

export async function getRound(ctx: AppContext, actor: Actor, id: number) {
  return roundView(await loadRound(ctx, actor, id, 'host'), actor);
}

async function loadDraft(ctx: AppContext, actor: Actor, id: number): Promise<RoundRow> {
  const row = await loadRound(ctx, actor, id, 'manage');
  if (row.status !== 'draft') throw new AppError('CONFLICT', 'a round that has started cannot be changed', { details: { reasonZh: '该场次已经开始，题目与名单不能再修改。' } });
  return row;
}

export async function updateRound(ctx: AppContext, actor: Actor, id: number, patch: { title?: string; isPublic?: boolean; hostIds?: number[]; rules?: RulesInput; questions?: Question[] }) {
  const row = await loadDraft(ctx, actor, id);
  const config = checked({ ...row.config, ...rulesOf(row.config), ...patch.rules, ...(patch.questions && { questions: patch.questions }) });
  await ctx.arena.rounds.update(id, { title: patch.title, isPublic: patch.isPublic, hostIds: patch.hostIds, config });
  return getRound(ctx, actor, id);
}

/** Teams (units of 1–n contestants) or individual players, named from the person table; entry ids link to a contest. */
export async function setRoster(ctx: AppContext, actor: Actor, id: number, input: RosterInput) {
  const row = await loadDraft(ctx, actor, id);
  const ids = [...(input.teams ?? []).flatMap((t) => t.memberIds), ...(input.players ?? []).map((p) => p.personId)];
  const people = new Map<number, string>();
  for (const pid of new Set(ids)) {
    const p = await ctx.identity.people.get(pid);
    if (!p) throw invalid('roster', `unknown person ${pid}`, `名单中有不存在的人员（编号 ${pid}）。`);
    people.set(pid, p.name);
  }
  const entryIds = [...(input.teams ?? []).map((t) => t.entryId), ...(input.players ?? []).map((p) => p.entryId)].filter((e): e is number => !!e);
  if (entryIds.length) {
    // a team's contest score goes to its entry: only entries of the linked contest
    if (!row.contestId) throw invalid('roster', 'this round is not linked to a contest: no entry ids', '本场未关联赛事，名单不能带报名编号。');
    const found = await ctx.db.selectFrom('contest_entry').select('id').where('contest_id', '=', row.contestId).where('id', 'in', entryIds).execute();
    const known = new Set(found.map((e) => e.id));
    const stranger = entryIds.find((e) => !known.has(e));
    if (stranger !== undefined) throw invalid('roster', `entry ${stranger} is not an entry of the linked contest`, `报名 ${stranger} 不属于本场关联的赛事。`);
  }
  const entryMap: Record<string, number> = {};
  const teams = (input.teams ?? []).map((t, i) => {
    const teamId = `t${i + 1}`;
    if (t.entryId) entryMap[teamId] = t.entryId;
    return { id: teamId, name: t.name, members: t.memberIds.map(personPlayerId) };
  });
  const players = teams.length
    ? (input.teams ?? []).flatMap((t, i) => t.memberIds.map((pid) => ({ id: personPlayerId(pid), name: people.get(pid)!, teamId: `t${i + 1}` })))
    : (input.players ?? []).map((p) => {
        if (p.entryId) entryMap[personPlayerId(p.personId)] = p.entryId;
        return { id: personPlayerId(p.personId), name: people.get(p.personId)! };
      });
  const config = checked({ ...row.config, teams, players });
  await ctx.arena.rounds.update(id, { config, entryMap });
  return getRound(ctx, actor, id);
}

/** Appends (or replaces) questions from a bank paper: single/multiple/truefalse stay choices, the rest become oral. */
export async function addPaperQuestions(ctx: AppContext, actor: Actor, id: number, input: { paperId: number; format?: RoundFormat; timeLimitMs?: number; points?: number; replace?: boolean }) {
  const row = await loadDraft(ctx, actor, id);
  const paper = await ctx.bank.papers.getPaper(input.paperId);
  if (!paper) throw notFound('paper');
  const set = await ctx.bank.papers.getPaperSet(paper.paperSetId);
  const bank = set && (await ctx.bank.banks.get(set.bankId));
  if (!bank || !(hasRoleAt(actor, ['organiser'], bank.organisationPath) || actor.grants.some((g) => g.role === 'organiser' && g.idPath.startsWith(bank.organisationPath)))) throw new AppError('FORBIDDEN', 'that paper belongs to a bank you may not use', { details: { reasonZh: '这份试卷所在的题库不归你管理，不能用于本场。' } });
  const items = await ctx.bank.papers.items(input.paperId);
  const versions = await ctx.bank.questions.versionsByIds(items.map((i) => i.questionVersionId));
  const existing = input.replace ? [] : row.config.questions;
  const taken = new Set(existing.map((q) => q.id));
  const mass = (input.format ?? row.config.format) === 'mass-quiz';
  let skipped = 0;
  const added: Question[] = [];
  for (const item of items) {
    const v = versions.get(item.questionVersionId);
    if (!v) continue;
    let qid = `q${item.questionVersionId}`;
    for (let n = 2; taken.has(qid); n++) qid = `q${item.questionVersionId}-${n}`;
    const q = fromBank(v.question, { id: qid, points: input.points ?? item.points, timeLimitMs: input.timeLimitMs ?? (mass ? 20_000 : 30_000), format: input.format });
    if (mass && q.answer === 'oral') {
      skipped++;
      continue;
    }
    taken.add(qid);
    added.push(q);
  }
  const config = checked({ ...row.config, questions: [...existing, ...added] });
  await ctx.arena.rounds.update(id, { config });
  return { round: await getRound(ctx, actor, id), added: added.length, skipped };
}

export async function startRound(ctx: AppContext, actor: Actor, id: number) {
  const row = await loadDraft(ctx, actor, id);
  checked(row.config);
  if (row.config.questions.length === 0) throw invalid('questions', 'add questions before starting', '还没有题目：请先从试卷添加题目再开始。');
  const unreachable = startProblems(row.config)[0];
  if (unreachable) throw invalid(unreachable.path, unreachable.message, unreachable.reasonZh);
  if (row.config.format !== 'mass-quiz' && row.config.teams.length === 0 && row.config.players.length === 0) throw invalid('roster', 'set the roster before starting', '还没有参赛名单：请先设置参赛队伍或选手再开始。');
  await ctx.arena.rounds.update(id, { status: 'live', startedAt: ctx.now() });
  return getRound(ctx, actor, id);
}

export async function rotateScreenToken(ctx: AppContext, actor: Actor, id: number) {
  const row = await loadRound(ctx, actor, id, 'host'); // a finished round too: its screen shows the podium
  const token = randomBytes(18).toString('base64url');
  await ctx.arena.rounds.update(id, { screenToken: token });
  await ctx.identity.misc.audit({ actorId: actor.personId, action: 'arena.screen_token.rotated', targetType: 'arena_round', targetId: id, data: { had: row.screenToken !== null } });
  return { token, wsPath: `/api/arena/rounds/${id}/ws?as=screen&token=${token}`, screenPath: `/arena/${id}/screen?token=${token}${row.joinCode ? `&code=${row.joinCode}` : ''}` };
}

/** No big screen may connect any more (until a new token is issued). */
export async function revokeScreenToken(ctx: AppContext, actor: Actor, id: number) {
  const row = await loadRound(ctx, actor, id, 'host');
  await ctx.arena.rounds.update(id, { screenToken: null });
  await ctx.identity.misc.audit({ actorId: actor.personId, action: 'arena.screen_token.revoked', targetType: 'arena_round', targetId: id, data: { had: row.screenToken !== null } });
  return { revoked: row.screenToken !== null };
}

export type MyRoundStatus = 'waiting' | 'live' | 'finished';
export type MyRound = {
  id: number;
  title: string;
  format: RoundFormat;
  organisationName: string;
  status: MyRoundStatus;
  /** on the roster (team or individual) vs a mass quiz open to my organisation */
  onRoster: boolean;
  teamName: string | null;
  questionCount: number;
  startedAt: Date | null;
  finishedAt: Date | null;
  playPath: string;
};

const FINISHED_SHOWN_MS = 14 * 24 * 3600_000;

/**
 * A contestant's rounds: the started rounds whose roster names them (any organisation),
 * and the mass quizzes of their organisation or an ancestor of it (anyone signed in may
 * join those). A private team round they are not on is never listed. Finished rounds
 * stay listed for two weeks. 'waiting' = started, but the host has not shown a question yet.
 */
export async function listMyRounds(ctx: AppContext, actor: Actor): Promise<{ items: MyRound[] }> {
  const playerId = personPlayerId(actor.personId);
  const paths = [actor.organisationPath, ...actor.grants.filter((g) => g.role === 'contestant').map((g) => g.idPath)];
  const underMine = (roundPath: string) => paths.some((p) => p.startsWith(roundPath));
  const since = ctx.now().getTime() - FINISHED_SHOWN_MS;
  const rows = await ctx.db
    .selectFrom('arena_round')
    .innerJoin('organisation', 'organisation.id', 'arena_round.organisation_id')
    .select(['arena_round.id', 'organisation.id_path as path'])
    .where('arena_round.status', '<>', 'draft')
    .where((eb) =>
      eb.or([
        eb(sql<string>`arena_round.config -> 'players'`, '@>', JSON.stringify([{ id: playerId }])),
        eb(sql<string>`arena_round.config ->> 'format'`, '=', 'mass-quiz'),
      ]),
    )
    .orderBy('arena_round.id', 'desc')
    .limit(200)
    .execute();
  const items: MyRound[] = [];
  for (const r of rows) {
    const row = await ctx.arena.rounds.get(r.id);
    if (!row) continue;
    const me = row.config.players.find((p) => p.id === playerId);
    const mass = row.config.format === 'mass-quiz';
    if (!me && !(mass && underMine(r.path))) continue;
    if (row.status === 'finished' && (row.finishedAt?.getTime() ?? 0) < since) continue;
    const shown = row.status === 'live' && (await ctx.db.selectFrom('arena_event').select('seq').where('round_id', '=', row.id).where('type', '=', 'questionReady').limit(1).executeTakeFirst()) !== undefined;
    items.push({
      id: row.id,
      title: row.title,
      format: row.config.format,
      organisationName: row.organisationName,
      status: row.status === 'finished' ? 'finished' : shown ? 'live' : 'waiting',
      onRoster: !!me,
      teamName: me?.teamId ? (row.config.teams.find((t) => t.id === me.teamId)?.name ?? null) : null,
      questionCount: row.config.questions.length,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      playPath: `/arena/${row.id}/play`,
    });
  }
  const order: Record<MyRoundStatus, number> = { live: 0, waiting: 1, finished: 2 };
  items.sort((a, b) => order[a.status] - order[b.status] || b.id - a.id);
  return { items };
}

/** Kahoot-like entry to a mass quiz: the join code and a nickname give a guest player token. */
export async function joinByCode(ctx: AppContext, input: { code: string; name: string }) {
  const row = await ctx.arena.rounds.findByJoinCode(input.code);
  if (!row || row.config.format !== 'mass-quiz' || row.status === 'finished') throw notFound('open quiz with that code');
  const playerId = newGuestId();
  return { roundId: row.id, title: row.title, status: row.status, playerId, guestToken: guestToken(row, playerId), wsPath: `/api/arena/rounds/${row.id}/ws?guest=${encodeURIComponent(guestToken(row, playerId))}&name=${encodeURIComponent(input.name)}` };
}
