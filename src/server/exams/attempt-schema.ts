import { z } from 'zod';

/** The candidate's side of an exam: my exams, attempts, the paper as I see it, saves. */
export const ResponseSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), keys: z.array(z.string().max(2)).max(26) }),
  z.object({ kind: z.literal('truefalse'), value: z.boolean() }),
  z.object({ kind: z.literal('fill'), blanks: z.array(z.string().max(500)).max(50) }),
  z.object({ kind: z.literal('text'), text: z.string().max(20_000) }),
]);
export const SaveAnswerBody = z.object({
  /** the item's id on the paper (not its display number) */
  itemId: z.string().min(1).max(10),
  /** null clears the answer */
  response: ResponseSchema.nullable(),
  /** which tab or device sent it, for the log */
  tabId: z.string().min(1).max(64).default('web'),
});
/** The page's queued answers in one request, in the order they were given. */
export const SaveAnswersBody = z.object({
  answers: z.array(z.object({ itemId: z.string().min(1).max(10), response: ResponseSchema.nullable() })).min(1).max(50),
  tabId: z.string().min(1).max(64).default('web'),
});
export const SaveAcks = z.object({ acks: z.array(z.object({ itemId: z.string(), seq: z.number() })), savedAt: z.date(), remainingMs: z.number() });
export const FlagBody = z.object({ itemId: z.string().min(1).max(10), flagged: z.boolean(), tabId: z.string().min(1).max(64).default('web') });
export const SaveAck = z.object({ itemId: z.string(), seq: z.number(), savedAt: z.date(), remainingMs: z.number() });

export const ClockView = z.object({ serverNow: z.date(), startedAt: z.date(), deadline: z.date(), remainingMs: z.number(), autoSubmitAt: z.date() });
/** The clock alone, for the page's periodic re-sync (no paper, no answers). */
export const AttemptClock = z.object({ serverNow: z.date(), deadline: z.date(), remainingMs: z.number(), status: z.string(), submittedAt: z.date().nullable() });
export const AttemptSummary = z.object({
  id: z.number(),
  examId: z.number(),
  attemptNo: z.number(),
  status: z.string(),
  startedAt: z.date(),
  deadline: z.date(),
  submittedAt: z.date().nullable(),
  submitReason: z.string().nullable(),
  resumed: z.boolean().optional(),
  clock: ClockView.nullable(),
  lastSeq: z.number(),
});
export const MyExam = z.object({
  id: z.number(),
  title: z.string(),
  instructions: z.string(),
  organisationName: z.string(),
  opensAt: z.date(),
  closesAt: z.date(),
  durationMinutes: z.number(),
  attemptsAllowed: z.number(),
  state: z.enum(['not-open', 'open', 'in-progress', 'submitted', 'closed']),
  attempts: z.array(AttemptSummary),
  resultsReleased: z.boolean(),
  proctoring: z.object({ fullscreenRequired: z.boolean(), autoSubmitAfter: z.number().nullable(), snapshotIntervalSec: z.number().nullable() }),
});
export const MyExamList = z.object({ items: z.array(MyExam) });

export const PaperItemView = z.object({
  itemId: z.string(),
  number: z.number(),
  type: z.string(),
  stem: z.string(),
  options: z.array(z.object({ key: z.string(), text: z.string() })),
  attachments: z.array(z.object({ kind: z.string(), name: z.string(), url: z.string().optional() })),
  blanks: z.number(),
  points: z.number(),
});
export const SavedAnswer = z.object({ itemId: z.string(), response: ResponseSchema.nullable(), answerSeq: z.number(), flagged: z.boolean(), flagSeq: z.number() });
export const AttemptView = z.object({
  attempt: AttemptSummary,
  exam: MyExam.omit({ attempts: true }),
  paper: z.object({ label: z.string(), totalScore: z.number(), sections: z.array(z.object({ title: z.string().nullable(), items: z.array(PaperItemView) })) }),
  answers: z.array(SavedAnswer),
  progress: z.object({ answered: z.number(), flagged: z.number(), total: z.number() }),
});
export const ItemResult = z.object({
  itemId: z.string(),
  number: z.number(),
  score: z.number().nullable(),
  max: z.number(),
  status: z.string(),
  correct: z.boolean().nullable(),
  response: ResponseSchema.nullable(),
  /** only once answers are released */
  answer: z.unknown().optional(),
  explanation: z.string().optional(),
});
export const AttemptResult = z.object({
  attemptId: z.number(),
  status: z.string(),
  submittedAt: z.date().nullable(),
  resultsVisible: z.boolean(),
  answersVisible: z.boolean(),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  items: z.array(ItemResult),
  byKnowledgePoint: z.array(z.object({ point: z.string(), score: z.number(), max: z.number(), items: z.number() })),
});
export const AttemptParams = z.object({ id: z.coerce.number().int().positive() });
