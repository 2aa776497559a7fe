import { z } from 'zod';
import { PaperItemView, ResponseSchema, SavedAnswer } from './attempt-schema.ts';

/** Mock exams (模拟考) shapes. */
export const MockExamView = z.object({
  id: z.number(), organisationId: z.number(), organisationName: z.string(), name: z.string(), bankId: z.number(), bankName: z.string(), blueprintId: z.number().nullable(), blueprintName: z.string().nullable(),
  durationMinutes: z.number(), attemptsPerDay: z.number().nullable(), active: z.boolean(), createdAt: z.date(), attempts: z.number(), learners: z.number(),
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
});
export const UpdateMockBody = z.object({
  name: z.string().trim().min(1).max(100), durationMinutes: z.number().int().min(1).max(600), attemptsPerDay: z.number().int().min(1).max(100).nullable(), active: z.boolean(),
}).partial();

export const MockClockView = z.object({ serverNow: z.date(), remainingMs: z.number(), deadline: z.date(), autoSubmitAt: z.date() });
export const MockAttemptSummary = z.object({
  id: z.number(), mockId: z.number(), attemptNo: z.number(), startedAt: z.date(), deadline: z.date(), submittedAt: z.date().nullable(), submitReason: z.string().nullable(),
  score: z.number().nullable(), maxScore: z.number().nullable(), percent: z.number().nullable(), lastSeq: z.number(), clock: MockClockView.nullable(), resumed: z.boolean().optional(),
});
export const MyMock = MockExamView.extend({
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
