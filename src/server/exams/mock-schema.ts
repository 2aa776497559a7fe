import { z } from 'zod';
import { PaperItemView, ResponseSchema, SavedAnswer } from './attempt-schema.ts';

/** Mock exams (模拟考) shapes. */
export const MockExamView = z.object({
  id: z.number(), organisationId: z.number(), organisationName: z.string(), name: z.string(), bankId: z.number(), bankName: z.string(), blueprintId: z.number().nullable(), blueprintName: z.string().nullable(),
  durationMinutes: z.number(), attemptsPerDay: z.number().nullable(), cadence: z.enum(['free', 'weekly']), active: z.boolean(), createdAt: z.date(), attempts: z.number(), learners: z.number(),
});
export const MockExamList = z.object({ items: z.array(MockExamView) });
export const DeclareMockBody = z.object({
  organisationId: z.number().int().positive(),
  name: z.string().trim().min(1).max(100),
  bankId: z.number().int().positive(),
  blueprintId: z.number().int().positive(),
  durationMinutes: z.number().int().min(1).max(600),
  /** null = unlimited */
  attemptsPerDay: z.number().int().min(1).max(100).nullable().default(null),
  /** free: attempts per day, a paper per attempt; weekly (每周小测): one attempt per learner and China-time ISO week, one paper per week for everyone */
  cadence: z.enum(['free', 'weekly']).default('free'),
});
export const UpdateMockBody = z.object({
  name: z.string().trim().min(1).max(100), durationMinutes: z.number().int().min(1).max(600), attemptsPerDay: z.number().int().min(1).max(100).nullable(), active: z.boolean(),
}).partial();

export const MockClockView = z.object({ serverNow: z.date(), remainingMs: z.number(), deadline: z.date(), autoSubmitAt: z.date() });
export const MockAttemptSummary = z.object({
  id: z.number(), mockId: z.number(), attemptNo: z.number(), week: z.string().nullable(), startedAt: z.date(), deadline: z.date(), submittedAt: z.date().nullable(), submitReason: z.string().nullable(),
  score: z.number().nullable(), maxScore: z.number().nullable(), percent: z.number().nullable(), lastSeq: z.number(), clock: MockClockView.nullable(), resumed: z.boolean().optional(),
});
const WeekRange = { weekStart: z.date(), weekEnd: z.date(), firstDay: z.string(), lastDay: z.string() };
export const MyMock = MockExamView.extend({
  /** weekly quizzes only: this week, and whether I have submitted it */
  weekly: z.object({ week: z.string(), ...WeekRange, done: z.boolean(), attempt: MockAttemptSummary.nullable() }).nullable(),
  available: z.boolean(), startedToday: z.number(), attemptsLeft: z.number().nullable(), inProgress: MockAttemptSummary.nullable(), best: z.number().nullable(), last: MockAttemptSummary.nullable(),
});
export const MyMockList = z.object({ items: z.array(MyMock) });
export const MockAttemptView = z.object({
  attempt: MockAttemptSummary,
  mock: z.object({ id: z.number(), name: z.string(), organisationName: z.string(), durationMinutes: z.number() }),
  paper: z.object({ label: z.string(), totalScore: z.number(), sections: z.array(z.object({ title: z.string().nullable(), items: z.array(PaperItemView) })) }),
  answers: z.array(SavedAnswer),
});
export const MockSaveBody = z.object({ itemId: z.string().min(1).max(10), response: ResponseSchema.nullable() });
export const MockFlagBody = z.object({ itemId: z.string().min(1).max(10), flagged: z.boolean() });
export const MockSaveAck = z.object({ itemId: z.string(), seq: z.number(), savedAt: z.date(), remainingMs: z.number() });
export const MockResult = z.object({
  attemptId: z.number(), mockId: z.number(), mockName: z.string(), attemptNo: z.number(), startedAt: z.date(), submittedAt: z.date().nullable(), submitReason: z.string().nullable(),
  score: z.number(), maxScore: z.number(), percent: z.number(),
  byKnowledgePoint: z.array(z.object({ point: z.string(), score: z.number(), max: z.number(), items: z.number(), percent: z.number() })),
  items: z.array(z.object({
    itemId: z.string(), number: z.number(), questionId: z.number(), type: z.string(), stem: z.string(), options: z.array(z.object({ key: z.string(), text: z.string() })),
    response: ResponseSchema.nullable(), answer: z.unknown(), explanation: z.string(), score: z.number(), max: z.number(), correct: z.boolean(), inWrongBook: z.boolean(),
  })),
});
export const MockHistory = z.object({
  items: z.array(z.object({ attemptId: z.number(), mockId: z.number(), mockName: z.string(), submittedAt: z.date(), score: z.number(), maxScore: z.number(), percent: z.number(), bestSoFar: z.number() })),
});

export const WeekKey = z.string().regex(/^(\d{4}-W\d{2}|current)$/, 'a week like 2026-W48, or current');
export const WeekParams = z.object({ id: z.coerce.number().int().positive(), week: WeekKey });
export const LeaderboardLimit = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(10) });
const BoardEntry = z.object({ place: z.number(), personId: z.number(), name: z.string(), organisationName: z.string(), score: z.number(), maxScore: z.number(), percent: z.number(), seconds: z.number() });
export const WeekLeaderboard = z.object({
  mockId: z.number(), mockName: z.string(), organisationName: z.string(), week: z.string(), current: z.boolean(), ...WeekRange,
  participants: z.number(), top: z.array(BoardEntry), me: BoardEntry.nullable(),
});
export const MyWeeks = z.object({
  mockId: z.number(),
  items: z.array(z.object({ week: z.string(), firstDay: z.string(), score: z.number(), maxScore: z.number(), percent: z.number(), seconds: z.number(), place: z.number(), participants: z.number() })),
});
