/** Written rounds, proctoring and practice (笔试、监考与练习): hooks that load, plain functions that change. */
import type { z } from 'zod';
import type { CandidateChange as CandidateChangeSchema, CreateExamBody, ExamView as ExamViewSchema, SettingsPatch } from '../../server/exams/schema.ts';
import type {
  AttemptResult as AttemptResultSchema,
  AttemptSummary as AttemptSummarySchema,
  AttemptClock as AttemptClockSchema,
  AttemptView as AttemptViewSchema,
  MyExam as MyExamSchema,
  ResponseSchema,
  SaveAck as SaveAckSchema,
  SaveAcks as SaveAcksSchema,
} from '../../server/exams/attempt-schema.ts';
import type { EventsAck as EventsAckSchema, MessageList as MessageListSchema, ProctorViewSchema } from '../../server/exams/proctor-schema.ts';
import type {
  AppealList as AppealListSchema,
  ItemAnalysisView as ItemAnalysisSchema,
  MarkAck as MarkAckSchema,
  MarkingOverview as MarkingOverviewSchema,
  NextToMark as NextToMarkSchema,
  Rankings as RankingsSchema,
  ResultsTable as ResultsTableSchema,
} from '../../server/exams/results-schema.ts';
import type {
  BadgeList as BadgeListSchema,
  DailySet as DailySetSchema,
  LevelList as LevelListSchema,
  LevelOutcome as LevelOutcomeSchema,
  LevelPaper as LevelPaperSchema,
  Leaderboard as LeaderboardSchema,
  MasteryView as MasteryViewSchema,
  PracticeFeedback as PracticeFeedbackSchema,
  WrongBookView as WrongBookSchema,
} from '../../server/exams/practice-schema.ts';
import type {
  MockAttemptView as MockAttemptViewSchema,
  MockExamView as MockExamViewSchema,
  MockHistory as MockHistorySchema,
  MockResult as MockResultSchema,
  MockSaveAck as MockSaveAckSchema,
  MyMock as MyMockSchema,
  MyWeeks as MyWeeksSchema,
  WeekLeaderboard as WeekLeaderboardSchema,
} from '../../server/exams/mock-schema.ts';
import type { ItemStats, TestStats } from '../../server/exams/engine/item-analysis.ts';
import type { ViolationKind } from '../../server/exams/engine/proctoring.ts';
import { api, ApiError, buildUrl } from '../shared/api.ts';
import { useResource } from '../shared/use-resource.ts';

/** What arrives over JSON: the server's Date fields are ISO strings. */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;
type W<S extends z.ZodType> = Wire<z.infer<S>>;

export type Answer = z.infer<typeof ResponseSchema>;
export type ExamView = W<typeof ExamViewSchema>;
export type MyExam = W<typeof MyExamSchema>;
export type AttemptSummary = W<typeof AttemptSummarySchema>;
export type AttemptView = W<typeof AttemptViewSchema>;
export type PaperItemView = AttemptView['paper']['sections'][number]['items'][number];
export type SaveAck = W<typeof SaveAckSchema>;
export type AttemptResult = W<typeof AttemptResultSchema>;
export type EventsAck = W<typeof EventsAckSchema>;
export type ProctorMessage = W<typeof MessageListSchema>['items'][number];
export type ProctorView = W<typeof ProctorViewSchema>;
export type ProctorRow = ProctorView['rows'][number];
export type ResultsTable = W<typeof ResultsTableSchema>;
export type Rankings = W<typeof RankingsSchema>;
export type ItemAnalysisView = W<typeof ItemAnalysisSchema>;
export type AnalysedPaper = ItemAnalysisView['papers'][number];
export type MarkingOverview = W<typeof MarkingOverviewSchema>;
export type NextToMark = W<typeof NextToMarkSchema>;
export type AppealView = W<typeof AppealListSchema>['items'][number];
export type CandidateChange = W<typeof CandidateChangeSchema>;
export type DailySet = W<typeof DailySetSchema>;
export type PracticeFeedback = W<typeof PracticeFeedbackSchema>;
export type LevelView = W<typeof LevelListSchema>['items'][number];
export type LevelPaper = W<typeof LevelPaperSchema>;
export type LevelOutcome = W<typeof LevelOutcomeSchema>;
export type MyMock = W<typeof MyMockSchema>;
export type MockExamView = W<typeof MockExamViewSchema>;
export type MockAttemptView = W<typeof MockAttemptViewSchema>;
export type MockSaveAck = W<typeof MockSaveAckSchema>;
export type MockResult = W<typeof MockResultSchema>;
export type MockHistoryItem = W<typeof MockHistorySchema>['items'][number];
export type WeekLeaderboard = W<typeof WeekLeaderboardSchema>;
export type WeekBoardEntry = WeekLeaderboard['top'][number];
export type MyWeek = W<typeof MyWeeksSchema>['items'][number];
export type { ItemStats, TestStats, ViolationKind, SettingsPatch };
export type ExamInput = Wire<CreateExamBody>;

// ── organiser: exams ────────────────────────────────────────────────────────────────
export const useExams = () => useResource('exams', (signal) => api<{ items: ExamView[] }>('/api/exams', { signal }).then((r) => r.items));
export const useExam = (id: number | null) => useResource(id ? `exam:${id}` : null, (signal) => api<ExamView>(`/api/exams/${id}`, { signal }));
export const createExam = (body: ExamInput) => api<ExamView>('/api/exams', { body });
export const updateExam = (id: number, body: Partial<ExamInput>) => api<ExamView>(`/api/exams/${id}`, { method: 'PATCH', body });
export const setExamStatus = (id: number, status: 'draft' | 'published' | 'archived') => api<ExamView>(`/api/exams/${id}/status`, { body: { status } });
export const addCandidates = (id: number, body: { organisationIds?: number[]; tracks?: string[]; employeeNos?: string[]; replace?: boolean }) =>
  api<CandidateChange>(`/api/exams/${id}/candidates`, { body });
export const usePaperSets = () =>
  useResource('exams:paper-sources', async (signal) => {
    const banks = await api<{ items: { id: number; name: string }[] }>('/api/banks', { signal }).then((r) => r.items);
    const sets = await Promise.all(
      banks.map((b) =>
        api<{ items: { id: number; name: string }[] }>(`/api/banks/${b.id}/paper-sets`, { signal })
          .then((r) => r.items.map((s) => ({ ...s, bankName: b.name })))
          .catch(() => []),
      ),
    );
    return sets.flat();
  });
export const usePapersOfSet = (setId: number | null) =>
  useResource(setId ? `exams:papers:${setId}` : null, (signal) =>
    api<{ papers: { id: number; label: string; totalScore: number }[] }>(`/api/paper-sets/${setId}`, { signal }).then((r) => r.papers),
  );

// ── organiser: proctoring, marking, results ─────────────────────────────────────────
export const fetchProctorView = (id: number, signal?: AbortSignal) => api<ProctorView>(`/api/exams/${id}/proctor`, { signal });
export const sendProctorMessage = (id: number, personId: number | null, body: string) => api<{ id: number }>(`/api/exams/${id}/messages`, { body: { personId, body } });
export const forceSubmit = (attemptId: number, reason: string) => api<{ submitted: boolean }>(`/api/exams/attempts/${attemptId}/force-submit`, { body: { reason } });
export const snapshotUrl = (id: number) => `/api/exams/snapshots/${id}`;
export const useMarking = (id: number) => useResource(`marking:${id}`, (signal) => api<MarkingOverview>(`/api/exams/${id}/marking`, { signal }));
export const fetchNextToMark = (id: number, questionId: number) => api<NextToMark>(`/api/exams/${id}/marking/${questionId}/next`);
export const submitMark = (id: number, body: { responseId: string; mark: number; comment?: string }) => api<W<typeof MarkAckSchema>>(`/api/exams/${id}/marking/marks`, { body });
export const useResults = (id: number) => useResource(`results:${id}`, (signal) => api<ResultsTable>(`/api/exams/${id}/results`, { signal }));
export const useRankings = (id: number, by: 'overall' | 'track' | 'organisation') =>
  useResource(`rankings:${id}:${by}`, (signal) => api<Rankings>(`/api/exams/${id}/rankings`, { query: { by, depth: 1 }, signal }));
export const useItemAnalysis = (id: number) => useResource(`item-analysis:${id}`, (signal) => api<ItemAnalysisView>(`/api/exams/${id}/item-analysis`, { signal }));
export const useCandidateReport = (attemptId: number | null) =>
  useResource(attemptId ? `report:${attemptId}` : null, (signal) => api<AttemptResult>(`/api/exams/attempts/${attemptId}/report`, { signal }));
export const exportUrl = (id: number) => buildUrl(`/api/exams/${id}/export`);
export const releaseResults = (id: number, force = false) => api<unknown>(`/api/exams/${id}/release`, { body: { force } });
export const useAppeals = (id: number) => useResource(`appeals:${id}`, (signal) => api<{ items: AppealView[] }>(`/api/exams/${id}/appeals`, { signal }).then((r) => r.items));
export const actOnAppeal = (appealId: number, body: { type: 'start-review' | 'uphold' | 'change' | 'withdraw'; note?: string; newMark?: number }) =>
  api<AppealView>(`/api/exams/appeals/${appealId}/actions`, { body });

// ── candidate ───────────────────────────────────────────────────────────────────────
export const fetchMyExams = (signal?: AbortSignal) => api<{ items: MyExam[] }>('/api/my/exams', { signal }).then((r) => r.items);
export const useMyExams = () => useResource('my-exams', fetchMyExams);
export const startAttempt = (examId: number) => api<AttemptSummary>(`/api/exams/${examId}/attempts`, { method: 'POST' });
export const fetchAttempt = (attemptId: number, signal?: AbortSignal) => api<AttemptView>(`/api/attempts/${attemptId}`, { signal });
export const saveAnswer = (attemptId: number, itemId: string, response: Answer | null, tabId: string) =>
  api<SaveAck>(`/api/attempts/${attemptId}/answers`, { method: 'PUT', body: { itemId, response, tabId } });
/** `POST /api/attempts/:id/answers`: several queued answers in one request, acknowledged together (or refused together). */
export const saveAnswers = (attemptId: number, answers: { itemId: string; response: Answer | null }[], tabId: string) =>
  api<W<typeof SaveAcksSchema>>(`/api/attempts/${attemptId}/answers`, { method: 'POST', body: { answers, tabId } }).then((r) =>
    r.acks.map((a): SaveAck => ({ itemId: a.itemId, seq: a.seq, savedAt: r.savedAt, remainingMs: r.remainingMs })),
  );
export const saveFlag = (attemptId: number, itemId: string, flagged: boolean, tabId: string) =>
  api<SaveAck>(`/api/attempts/${attemptId}/flags`, { method: 'PUT', body: { itemId, flagged, tabId } });
/** `GET /api/attempts/:id/clock`: server time, deadline, remaining, status; no paper. */
export const fetchAttemptClock = (attemptId: number) => api<W<typeof AttemptClockSchema>>(`/api/attempts/${attemptId}/clock`);
export const submitAttempt = (attemptId: number) => api<AttemptSummary>(`/api/attempts/${attemptId}/submit`, { method: 'POST' });
export const useMyResult = (attemptId: number) => useResource(`my-result:${attemptId}`, (signal) => api<AttemptResult>(`/api/attempts/${attemptId}/result`, { signal }));
export const reportEvents = (attemptId: number, events: { kind: ViolationKind; clientAt: string }[]) =>
  api<EventsAck>(`/api/attempts/${attemptId}/events`, { body: { events } });
export const fetchMessages = (attemptId: number, after: number) =>
  api<{ items: ProctorMessage[] }>(`/api/attempts/${attemptId}/messages`, { query: { after } }).then((r) => r.items);
export const appealResult = (attemptId: number, itemId: string | null, reason: string) => api<AppealView>(`/api/attempts/${attemptId}/appeals`, { body: { itemId, reason } });

/** A camera frame goes up as the raw JPEG body (the one request that is not JSON). */
export async function uploadSnapshot(attemptId: number, image: Blob): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/attempts/${attemptId}/snapshots`, { method: 'POST', body: image, headers: { 'Content-Type': image.type || 'image/jpeg' }, credentials: 'include' });
  } catch (e) {
    throw new ApiError(0, 'NETWORK', (e as Error).message);
  }
  if (!res.ok) throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
}

// ── practice ────────────────────────────────────────────────────────────────────────
export const useDailyPractice = () => useResource('practice:daily', (signal) => api<DailySet>('/api/practice/daily', { query: { count: 10 }, signal }));
export const answerPractice = (questionId: number, response: Answer | null, mode: 'daily' | 'free' | 'wrong-book') =>
  api<PracticeFeedback>('/api/practice/answers', { body: { questionId, response, mode } });
export const useWrongBook = () => useResource('practice:wrong', (signal) => api<W<typeof WrongBookSchema>>('/api/practice/wrong-book', { signal }).then((r) => r.items));
export const useMastery = () => useResource('practice:mastery', (signal) => api<W<typeof MasteryViewSchema>>('/api/practice/mastery', { signal }).then((r) => r.items));
export const useBadges = () => useResource('practice:badges', (signal) => api<W<typeof BadgeListSchema>>('/api/practice/badges', { signal }).then((r) => r.items));
export const useLevels = () => useResource('practice:levels', (signal) => api<{ items: LevelView[] }>('/api/practice/levels', { signal }).then((r) => r.items));
export const useLevel = (id: number) => useResource(`practice:level:${id}`, (signal) => api<LevelPaper>(`/api/practice/levels/${id}`, { signal }));
export const submitLevel = (id: number, answers: { questionId: number; response: Answer | null }[]) =>
  api<LevelOutcome>(`/api/practice/levels/${id}/submit`, { body: { answers } });
export const useLeaderboard = () => useResource('practice:leaderboard', (signal) => api<W<typeof LeaderboardSchema>>('/api/practice/leaderboard', { signal }));

// ── mock exams (模拟考) ────────────────────────────────────────────────────────────
export const useMyMocks = () => useResource('practice:mocks', (signal) => api<{ items: MyMock[] }>('/api/practice/mocks', { signal }).then((r) => r.items));
export const useMockHistory = () => useResource('practice:mock-history', (signal) => api<{ items: MockHistoryItem[] }>('/api/practice/mocks/history', { signal }).then((r) => r.items));
export const startMock = (mockId: number) => api<MockAttemptView>(`/api/practice/mocks/${mockId}/attempts`, { method: 'POST' });
export const fetchMockAttempt = (attemptId: number, signal?: AbortSignal) => api<MockAttemptView>(`/api/practice/mock-attempts/${attemptId}`, { signal });
export const saveMockAnswer = (attemptId: number, itemId: string, response: Answer | null) => api<MockSaveAck>(`/api/practice/mock-attempts/${attemptId}/answers`, { method: 'PUT', body: { itemId, response } });
export const saveMockFlag = (attemptId: number, itemId: string, flagged: boolean) => api<MockSaveAck>(`/api/practice/mock-attempts/${attemptId}/flags`, { method: 'PUT', body: { itemId, flagged } });
export const submitMock = (attemptId: number) => api<MockResult>(`/api/practice/mock-attempts/${attemptId}/submit`, { method: 'POST' });
export const useMockResult = (attemptId: number) => useResource(`practice:mock-result:${attemptId}`, (signal) => api<MockResult>(`/api/practice/mock-attempts/${attemptId}/result`, { signal }));
// weekly quizzes (每周小测): a week's leaderboard (null = the current week) and my weekly scores
export const useWeekLeaderboard = (mockId: number, week: string | null = null, limit = 10) =>
  useResource(`practice:mock-board:${mockId}:${week ?? 'current'}:${limit}`, (signal) => api<WeekLeaderboard>(`/api/practice/mocks/${mockId}/weeks/${week ?? 'current'}/leaderboard?limit=${limit}`, { signal }));
export const useMyWeeks = (mockId: number) => useResource(`practice:mock-weeks:${mockId}`, (signal) => api<{ items: MyWeek[] }>(`/api/practice/mocks/${mockId}/weeks`, { signal }).then((r) => r.items));
export const useDeclaredMocks = () => useResource('mock-exams', (signal) => api<{ items: MockExamView[] }>('/api/practice/mock-exams', { signal }).then((r) => r.items));
export type MockCadence = 'free' | 'weekly';
export type DeclareMockInput = { organisationId: number; name: string; bankId: number; blueprintId: number; durationMinutes: number; attemptsPerDay: number | null; cadence?: MockCadence };
export const declareMock = (body: DeclareMockInput) => api<MockExamView>('/api/practice/mock-exams', { body });
export const updateMock = (id: number, body: Partial<Pick<DeclareMockInput, 'name' | 'durationMinutes' | 'attemptsPerDay'>> & { active?: boolean }) =>
  api<MockExamView>(`/api/practice/mock-exams/${id}`, { method: 'PATCH', body });
export const useBanksWithBlueprints = () =>
  useResource('mock-exams:blueprints', async (signal) => {
    const banks = await api<{ items: { id: number; name: string; organisationId: number; organisationName: string }[] }>('/api/banks', { signal }).then((r) => r.items);
    const withBlueprints = await Promise.all(
      banks.map((b) =>
        api<{ items: { id: number; name: string; blueprint: { sections: { type: string }[] } }[] }>(`/api/banks/${b.id}/blueprints`, { signal })
          .then((r) => ({ ...b, blueprints: r.items.filter((bp) => bp.blueprint.sections.every((s) => ['single', 'multiple', 'truefalse', 'fill'].includes(s.type))) }))
          .catch(() => ({ ...b, blueprints: [] })),
      ),
    );
    return withBlueprints.filter((b) => b.blueprints.length > 0);
  });

// ── appeals (candidate) ─────────────────────────────────────────────────────────────
export const useMyAppeals = (attemptId: number) => useResource(`my-appeals:${attemptId}`, (signal) => api<{ items: AppealView[] }>(`/api/attempts/${attemptId}/appeals`, { signal }).then((r) => r.items));
