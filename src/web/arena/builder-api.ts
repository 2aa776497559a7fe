/** The round builder's data: create a draft round, add a bank paper's questions, set the roster, start it. */
import { fetchPeople, fetchPerson } from '../identity/api.ts';
import { api } from '../shared/api.ts';
import { useResource } from '../shared/use-resource.ts';
import type { Question, RoundDetail, RoundFormat } from './api.ts';

export type MassQuizRules = {
  formula: 'speed' | 'correctness-first';
  streakBonus: { perAnswer: number; max: number };
  allowLateJoin: boolean;
  pass: { minCorrect: number; reward: string } | null;
};
export type CreateRoundInput = {
  title: string;
  organisationId: number;
  format: RoundFormat;
  isPublic: boolean;
  hostIds: number[];
  rules?: { massQuiz: MassQuizRules };
  /** the contest round this round's final scores are written to (the teams then carry entry ids) */
  contest?: { contestId: number; roundKey: string };
};

/** The server's answer to POST /rounds, PATCH, roster and start: the round with its configuration. */
export type BuilderRound = RoundDetail & { organisationId: number; contest: ContestLink | null };
/** A round's link to a contest round: the contest, the round's key (a round id of the contest's definition) and unit id → entry id. */
export type ContestLink = { contestId: number; roundKey: string; entryMap: Record<string, number> };

export const DEFAULT_STREAK_BONUS = { perAnswer: 100, max: 500 } as const;

export const createRound = (body: CreateRoundInput) => api<BuilderRound>('/api/arena/rounds', { body });
export const useBuilderRound = (id: number) => useResource(`arena:builder:${id}`, (signal) => api<BuilderRound>(`/api/arena/rounds/${id}`, { signal }));
export const updateRoundQuestions = (id: number, questions: Question[]) => api<BuilderRound>(`/api/arena/rounds/${id}`, { method: 'PATCH', body: { questions } });
/** The body of PATCH /api/arena/rounds/:id for 编辑设置 (the format, organisation and contest link stay as they are). */
export type UpdateRoundInput = { title?: string; isPublic?: boolean; hostIds?: number[]; rules?: { massQuiz: MassQuizRules } };
export const updateRound = (id: number, body: UpdateRoundInput) => api<BuilderRound>(`/api/arena/rounds/${id}`, { method: 'PATCH', body });
export const addPaperQuestions = (id: number, body: { paperId: number; points?: number; timeLimitMs?: number; replace?: boolean }) =>
  api<{ round: BuilderRound; added: number; skipped: number }>(`/api/arena/rounds/${id}/questions/from-paper`, { body });
export type RosterInput = { teams?: { name: string; memberIds: number[]; entryId?: number }[]; players?: { personId: number }[] };
export const setRoster = (id: number, body: RosterInput) => api<BuilderRound>(`/api/arena/rounds/${id}/roster`, { method: 'PUT', body });
export const startRound = (id: number) => api<BuilderRound>(`/api/arena/rounds/${id}/start`, { body: {} });

/** A paper the organiser may use: every paper of every paper set of the banks they see. */
export type PaperChoice = { id: number; label: string; bankName: string; setName: string; questions: number; totalScore: number };

export const usePaperChoices = () =>
  useResource('arena:builder:papers', async (signal) => {
    const banks = await api<{ items: { id: number; name: string }[] }>('/api/banks', { signal }).then((r) => r.items);
    const perBank = await Promise.all(
      banks.map(async (b) => {
        const sets = await api<{ items: { id: number; name: string }[] }>(`/api/banks/${b.id}/paper-sets`, { signal })
          .then((r) => r.items)
          .catch(() => []);
        const perSet = await Promise.all(
          sets.map((s) =>
            api<{ papers: { id: number; label: string; totalScore: number; questions: number }[] }>(`/api/paper-sets/${s.id}`, { signal })
              .then((r) => r.papers.map((p): PaperChoice => ({ id: p.id, label: p.label, bankName: b.name, setName: s.name, questions: p.questions, totalScore: p.totalScore })))
              .catch(() => [] as PaperChoice[]),
          ),
        );
        return perSet.flat();
      }),
    );
    return perBank.flat();
  });

/** A person as the pickers show them. */
export type PersonChoice = { id: number; name: string; employeeNo: string; organisationName: string };

const choiceOfPerson = (p: { id: number; name: string; employeeNo: string; organisation: { name: string } }): PersonChoice => ({ id: p.id, name: p.name, employeeNo: p.employeeNo, organisationName: p.organisation.name });

export const searchPeople = (q: string, signal?: AbortSignal) =>
  fetchPeople({ q: q || undefined, active: 'true', pageSize: 30 }, signal).then((page) => page.items.map(choiceOfPerson));

/** The round's hosts as the picker shows them (one it may no longer read shows by its id). */
export const useHostChoices = (roundId: number, ids: number[]) =>
  useResource(`arena:builder:hosts:${roundId}:${ids.join(',')}`, (signal) =>
    Promise.all(
      ids.map((id) =>
        fetchPerson(id, signal)
          .then(choiceOfPerson)
          .catch((): PersonChoice => ({ id, name: `#${id}`, employeeNo: '', organisationName: '' })),
      ),
    ),
  );


// ── the link to a contest round ─────────────────────────────────────────────────────

/** A round of a contest's definition, with its stage: `key` is what POST /rounds takes as contest.roundKey. */
export type ContestRoundChoice = { key: string; name: string; kind: string; stageId: string; stageName: string };
export type ContestChoice = { id: number; title: string; status: string; organisationName: string; rounds: ContestRoundChoice[] };

type ContestDefinitionView = { stages?: { id: string; name: string; rounds?: { id: string; name: string; kind: string }[] }[] };
type ContestViewLite = { id: number; title: string; status: string; organisationName: string; canManage: boolean; definition: ContestDefinitionView };

const roundsOf = (def: ContestDefinitionView): ContestRoundChoice[] =>
  (def.stages ?? []).flatMap((st) => (st.rounds ?? []).map((r) => ({ key: r.id, name: r.name, kind: r.kind, stageId: st.id, stageName: st.name })));
const choiceOf = (c: ContestViewLite): ContestChoice => ({ id: c.id, title: c.title, status: c.status, organisationName: c.organisationName, rounds: roundsOf(c.definition) });

/** The contests the organiser manages (GET /api/contests, canManage), not finished, that have rounds. */
export const useContestChoices = () =>
  useResource('arena:builder:contests', (signal) =>
    api<{ items: ContestViewLite[] }>('/api/contests', { signal }).then((r) => r.items.filter((c) => c.canManage && c.status !== 'finished').map(choiceOf).filter((c) => c.rounds.length > 0)),
  );

/** One contest and the round a live round is linked to (undefined when its definition no longer has that round). */
export const useLinkedContest = (link: ContestLink | null) =>
  useResource(link ? `arena:builder:contest:${link.contestId}:${link.roundKey}` : null, async (signal) => {
    if (!link) return null;
    const contest = choiceOf(await api<ContestViewLite>(`/api/contests/${link.contestId}`, { signal }));
    return { contest, round: contest.rounds.find((r) => r.key === link.roundKey) };
  });

/** An entry in a contest stage (approved in the first stage, advanced after), with its members. */
export type StageEntrant = {
  id: number;
  name: string;
  kind: string;
  trackId: string;
  trackName: string;
  organisationName: string;
  members: { personId: number; employeeNo: string; name: string; role: string }[];
};
export const fetchStageEntrants = (contestId: number, stageId: string, signal?: AbortSignal) =>
  api<{ items: StageEntrant[] }>(`/api/contests/${contestId}/stages/${encodeURIComponent(stageId)}/entrants`, { signal }).then((r) => r.items);
