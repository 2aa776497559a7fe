import { z } from 'zod';
import { ResponseSchema } from './attempt-schema.ts';

/** Practice (练习) shapes. */
export const PracticeQuestion = z.object({
  questionId: z.number(), type: z.string(), stem: z.string(), options: z.array(z.object({ key: z.string(), text: z.string() })), blanks: z.number(), points: z.number(), knowledgePoints: z.array(z.string()),
});
export const DailyQuery = z.object({ count: z.coerce.number().int().min(1).max(50).default(10) });
export const DailySet = z.object({ day: z.string(), items: z.array(PracticeQuestion.extend({ reason: z.string(), point: z.string().nullable() })) });
export const PracticeAnswerBody = z.object({ questionId: z.number().int().positive(), response: ResponseSchema.nullable(), mode: z.enum(['daily', 'free', 'wrong-book']).default('daily') });
export const PracticeFeedback = z.object({ questionId: z.number(), correct: z.boolean(), score: z.number(), max: z.number(), answer: z.unknown(), explanation: z.string(), inWrongBook: z.boolean() });
export const WrongBookView = z.object({ items: z.array(PracticeQuestion.extend({ wrongCount: z.number(), rightStreak: z.number(), addedAt: z.date(), lastAt: z.date() })) });
export const MasteryView = z.object({ items: z.array(z.object({ point: z.string(), mastery: z.number(), attempts: z.number(), correct: z.number(), lastAt: z.date().nullable() })) });
export const LevelView = z.object({ id: z.number(), name: z.string(), order: z.number(), passMark: z.number(), maxScore: z.number(), status: z.enum(['locked', 'open', 'passed']), bestScore: z.number().nullable(), passedAt: z.date().nullable() });
export const LevelList = z.object({ items: z.array(LevelView) });
export const LevelPaper = z.object({ level: LevelView, questions: z.array(PracticeQuestion) });
export const LevelSubmitBody = z.object({ answers: z.array(z.object({ questionId: z.number().int().positive(), response: ResponseSchema.nullable() })).max(200) });
export const LevelOutcome = z.object({ score: z.number(), maxScore: z.number(), passed: z.boolean(), levels: z.array(LevelView), feedback: z.array(PracticeFeedback) });
export const CreateLevelBody = z.object({ organisationId: z.number().int().positive(), name: z.string().trim().min(1).max(100), order: z.number().int().min(1).max(1000), paperId: z.number().int().positive(), passMark: z.number().min(0) });
export const BadgeList = z.object({ items: z.array(z.object({ badgeId: z.string(), name: z.string(), earned: z.boolean(), current: z.number(), target: z.number() })) });
export const LeaderboardQuery = z.object({ organisationId: z.coerce.number().int().positive().optional(), days: z.coerce.number().int().min(1).max(365).default(30) });
export const Leaderboard = z.object({
  organisationName: z.string(), since: z.date(),
  items: z.array(z.object({ rank: z.number(), personId: z.number(), name: z.string(), organisationName: z.string(), points: z.number(), answers: z.number(), correct: z.number(), levelsPassed: z.number() })),
});
