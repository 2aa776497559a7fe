/** Judging (评委评分) data: hooks that load, plain functions that change. Pages fetch nothing themselves. */
import type { z } from 'zod';
import type {
  BatchResult as BatchResultSchema,
  InvitationView as InvitationViewSchema,
  LibraryRubricView,
  LockResult as LockResultSchema,
  PanelView,
  RedeemResult as RedeemResultSchema,
  RubricView,
  SheetView as SheetViewSchema,
  SubmitResult as SubmitResultSchema,
} from '../../server/judging/schema.ts';
import type { Criterion } from '../../server/judging/engine/rubric.ts';
import type { AggregationSpec, ChannelResult } from '../../server/judging/engine/aggregation.ts';
import type { RevealScreen, RevealStep } from '../../server/judging/engine/reveal.ts';
import type { IccResult } from '../../server/judging/engine/statistics.ts';
import { api } from '../shared/api.ts';
import { useResource } from '../shared/use-resource.ts';

export type { PanelView, RubricView, LibraryRubricView, Criterion, AggregationSpec };
export type SheetView = z.infer<typeof SheetViewSchema>;
export type SubmitResult = z.infer<typeof SubmitResultSchema>;
export type BatchOutcome = z.infer<typeof BatchResultSchema>['outcomes'][number];
export type InvitationView = z.infer<typeof InvitationViewSchema>;
export type LockResult = z.infer<typeof LockResultSchema>;
export type RedeemResult = z.infer<typeof RedeemResultSchema>;
type Reason = { reason: string; reasonZh: string };

// ── the judge's phone ────────────────────────────────────────────────────────────────
export type MyPanelSummary = { id: number; contestId: number; contestTitle: string; roundKey: string; trackKey: string | null; name: string; status: 'open' | 'locked'; onStage: string | null; scored: number; toScore: number };
export type PhoneCriterion = Criterion & { values: number[] };
export type PhoneEntry = { entryId: number; name: string; organisationName: string; position: number; locked: boolean; conflict: Reason | null; sheet: SheetView | null };
export type MyPanel = { id: number; name: string; judgeId: number; status: 'open' | 'locked'; onStageEntryId: number | null; rubric: { id: string; name: string; nameZh: string; criteria: PhoneCriterion[] }; entries: PhoneEntry[] };
export type SheetInput = { entryId: number; scores: Record<string, number>; comment: string | null; clientId: string };

export const useMyPanels = () => useResource('judging:me', (signal) => api<{ items: MyPanelSummary[] }>('/api/judging/me/panels', { signal }).then((r) => r.items));
export const useMyPanel = (id: number | null, nonce: number) =>
  useResource(id === null ? null : `judging:me:${id}:${nonce}`, (signal) => api<MyPanel>(`/api/judging/me/panels/${id}`, { signal }));
export const fetchMyPanel = (id: number, signal?: AbortSignal) => api<MyPanel>(`/api/judging/me/panels/${id}`, { signal });
export const submitSheet = (panelId: number, judgeId: number, s: SheetInput) => api<SubmitResult>(`/api/judging/panels/${panelId}/sheets`, { method: 'PUT', body: { judgeId, ...s } });
export const submitBatch = (panelId: number, judgeId: number, items: SheetInput[]) =>
  api<{ outcomes: BatchOutcome[] }>(`/api/judging/panels/${panelId}/sheets/batch`, { body: { judgeId, items } });
export const redeemCode = (code: string) => api<RedeemResult>('/api/judging/invitations/redeem', { body: { code } });

// ── the organiser's board ────────────────────────────────────────────────────────────
export type ContestSummary = { id: number; title: string; status: string; organisationName: string };
export type BoardEntry = { entryId: number; name: string; organisationName: string; position: number; locked: boolean; scoredBy: number[]; missing: number[]; excluded: number[] };
export type Board = { panelId: number; status: 'open' | 'locked'; onStageEntryId: number | null; judges: { personId: number; name: string; seat: number; guest: boolean }[]; entries: BoardEntry[]; summary: { expected: number; scored: number; missing: number } };
export type Assignment = {
  minSize: number;
  eligible: { entryId: number; name: string; judgeIds: number[] }[];
  conflicts: ({ judgeId: number; judgeName: string; entryId: number; entryName: string; kind: string } & Reason)[];
  shortfalls: { entryId: number; eligible: number; minSize: number; reasonZh: string; reason?: string; entryName?: string }[];
};
export type ResultEntry = {
  entryId: number;
  name: string;
  locked: boolean;
  final: number | null;
  total: number | null;
  judgeTotals: { judgeId: number; judgeName: string; value: number }[];
  channels: (Omit<ChannelResult, 'dropped' | 'kept'> & { dropped: { judgeId: number; value: number; side: 'high' | 'low' }[]; kept: { judgeId: number; value: number }[] })[];
  notes: Reason[];
};
export type Results = { spec: AggregationSpec; maxTotal: number; entries: ResultEntry[]; ties: { final: number; entryIds: number[] }[] };
export type JudgeStat = { judgeId: number; name: string; n: number; mean: number | null; sd: number | null; leniency: number | null; leniencyN: number };
export type Statistics = {
  outlierRule: { maxDeviation: number; minOthers: number };
  judges: JudgeStat[];
  agreement: IccResult extends infer R ? (R extends IccResult ? Omit<R, 'judgeIds' | 'droppedContestantIds'> & { judgeIds: number[]; droppedContestantIds: number[] } : never) : never;
  outliers: ({ judgeId: number; judgeName: string; entryId: number; entryName: string; value: number; othersMedian: number; deviation: number } & Reason)[];
};
export type AuditItem = { id: number; at: string; actorName: string; actorKind: string; action: string; judgeId: number | null; entryId: number | null; old: unknown; new: unknown; reason: string | null; clientId: string | null; via: string | null };
export type RubricTemplate = { id: string; name: string; nameZh: string; criteria: Criterion[]; maxTotal: number };

export const useContests = () => useResource('judging:contests', (signal) => api<{ items: ContestSummary[] }>('/api/contests', { signal }).then((r) => r.items));
export const usePanels = (contestId: number | null) =>
  useResource(contestId === null ? null : `judging:panels:${contestId}`, (signal) => api<{ items: PanelView[] }>(`/api/judging/contests/${contestId}/panels`, { signal }).then((r) => r.items));
export const usePanel = (id: number) => useResource(`judging:panel:${id}`, (signal) => api<PanelView>(`/api/judging/panels/${id}`, { signal }));
export const useBoard = (id: number, nonce: number) => useResource(`judging:board:${id}:${nonce}`, (signal) => api<Board>(`/api/judging/panels/${id}/board`, { signal }));
export const useAssignment = (id: number, nonce: number) => useResource(`judging:assign:${id}:${nonce}`, (signal) => api<Assignment>(`/api/judging/panels/${id}/assignment`, { signal }));
export const useResults = (id: number, nonce: number) => useResource(`judging:results:${id}:${nonce}`, (signal) => api<Results>(`/api/judging/panels/${id}/results`, { signal }));
export const useStatistics = (id: number, nonce: number) => useResource(`judging:stats:${id}:${nonce}`, (signal) => api<Statistics>(`/api/judging/panels/${id}/statistics`, { signal }));
export const useAudit = (id: number, nonce: number) => useResource(`judging:audit:${id}:${nonce}`, (signal) => api<{ items: AuditItem[] }>(`/api/judging/panels/${id}/audit`, { signal }).then((r) => r.items));
export const useRubrics = (contestId: number, nonce: number) =>
  useResource(`judging:rubrics:${contestId}:${nonce}`, (signal) => api<{ items: RubricView[] }>(`/api/judging/contests/${contestId}/rubrics`, { signal }).then((r) => r.items));
/** The organisation rubric library (评分细则库) the organiser sees, the built-in templates, and where they may keep rubrics. */
export type Library = { items: LibraryRubricView[]; templates: RubricTemplate[]; organisations: { id: number; name: string }[] };
export const useLibrary = (nonce: number, includeArchived = false) =>
  useResource(`judging:library:${includeArchived}:${nonce}`, (signal) => api<Library>(`/api/judging/rubric-library${includeArchived ? '?includeArchived=true' : ''}`, { signal }));
export const useInvitations = (contestId: number, nonce: number) =>
  useResource(`judging:inv:${contestId}:${nonce}`, (signal) => api<{ items: InvitationView[] }>(`/api/judging/contests/${contestId}/invitations`, { signal }).then((r) => r.items));

export const setOnStage = (panelId: number, entryId: number | null) => api<PanelView>(`/api/judging/panels/${panelId}/on-stage`, { method: 'PUT', body: { entryId } });
export const lockPanel = (panelId: number, body: { entryId?: number; reason?: string }) => api<LockResult>(`/api/judging/panels/${panelId}/lock`, { body });
export const unlockPanel = (panelId: number, body: { entryId?: number; reason: string }) => api<LockResult>(`/api/judging/panels/${panelId}/unlock`, { body });
export const createRubricFromTemplate = (contestId: number, templateId: string) => api<RubricView>(`/api/judging/contests/${contestId}/rubrics`, { body: { templateId } });
export const createRubricFromLibrary = (contestId: number, libraryId: number) => api<RubricView>(`/api/judging/contests/${contestId}/rubrics`, { body: { libraryId } });
export const saveRubricToLibrary = (rubricId: number, body: { organisationId: number; name?: string; nameZh?: string }) =>
  api<LibraryRubricView>(`/api/judging/rubrics/${rubricId}/save-to-library`, { body });
export const updateLibraryRubric = (id: number, body: { name?: string; nameZh?: string; criteria?: Criterion[]; archived?: boolean }) =>
  api<LibraryRubricView>(`/api/judging/rubric-library/${id}`, { method: 'PATCH', body });
export const updatePanel = (panelId: number, body: { rubricId?: number }) => api<PanelView>(`/api/judging/panels/${panelId}`, { method: 'PATCH', body });
export const createInvitation = (contestId: number, body: { name: string; affiliation: string; expiresAt?: string }) =>
  api<InvitationView>(`/api/judging/contests/${contestId}/invitations`, { body });
export const revokeInvitation = (id: number) => api<InvitationView>(`/api/judging/invitations/${id}`, { method: 'DELETE' });

// ── the big screen ───────────────────────────────────────────────────────────────────
export type ScreenJudge = { judgeId: number; seat: number; name: string };
export type ScreenState = {
  panelName: string;
  /** the panel's declared rounding: every number on the screen shows this many decimals */
  decimals: number;
  onStage: { entryId: number; name: string; organisationName: string } | null;
  judges: ScreenJudge[];
  reveal: null | { entryId: number; name: string; steps: number; screen: Omit<RevealScreen, 'scores'> & { scores: { judgeId: number; value: number; struck: RevealScreen['scores'][number]['struck'] }[] } };
};
export type RevealPreview = { entryId: number; entryName: string; locked: boolean; judges: ScreenJudge[]; steps: RevealStep[] };

export const fetchScreen = (token: string, signal?: AbortSignal) => api<ScreenState>(`/api/judging/screen/${encodeURIComponent(token)}`, { signal });
export const setReveal = (panelId: number, entryId: number | null, step: number) =>
  api<{ entryId: number | null; step: number; steps: number }>(`/api/judging/panels/${panelId}/reveal`, { method: 'PUT', body: { entryId, step } });
