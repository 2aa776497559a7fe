import { z } from 'zod';
import { ResponseSchema } from './attempt-schema.ts';

/** Marking, appeals, release and results shapes. */
export const MarkingOverview = z.object({
  policy: z.object({ double: z.boolean(), tolerance: z.number(), finalRule: z.string() }),
  questions: z.array(z.object({ questionId: z.number(), type: z.string(), stem: z.string(), max: z.number(), total: z.number(), final: z.number(), awaitingSecond: z.number(), awaitingThird: z.number() })),
});
export const QuestionParams = z.object({ id: z.coerce.number().int().positive(), questionId: z.coerce.number().int().positive() });
export const NextToMark = z.object({
  done: z.boolean(),
  item: z.object({ responseId: z.string(), questionId: z.number(), stem: z.string(), reference: z.string(), max: z.number(), text: z.string(), marksSoFar: z.number(), remaining: z.number() }).nullable(),
});
export const MarkBody = z.object({ responseId: z.string().min(1).max(64), mark: z.number().min(0), comment: z.string().max(2000).default('') });
export const MarkAck = z.object({ responseId: z.string(), status: z.string(), final: z.number().nullable() });

export const AppealBody = z.object({ itemId: z.string().max(10).nullable().default(null), reason: z.string().trim().min(1).max(2000) });
export const AppealActionBody = z.object({ type: z.enum(['start-review', 'uphold', 'change', 'withdraw']), note: z.string().max(2000).optional(), newMark: z.number().min(0).optional() });
export const AppealView = z.object({
  id: z.number(), attemptId: z.number(), itemId: z.string().nullable(), /** the item's number in the candidate's own order */ itemNumber: z.number().nullable(), reason: z.string(), originalMark: z.number(), finalMark: z.number().nullable(), status: z.string(),
  /** null in the candidate's own view */
  candidateName: z.string().nullable(), employeeNo: z.string().nullable(),
  /** actorName is null for reviewers in the candidate's view (marking is blind) */
  trail: z.array(z.object({ at: z.number(), actorId: z.string(), actorRole: z.enum(['candidate', 'reviewer']), actorName: z.string().nullable(), from: z.string().nullable(), to: z.string(), note: z.string(), newMark: z.number().optional() })),
  createdAt: z.date(), updatedAt: z.date(),
});
export const AppealList = z.object({ items: z.array(AppealView) });

export const ReleaseBody = z.object({ force: z.boolean().default(false) });
export const ResultsTable = z.object({
  summary: z.object({ candidates: z.number(), sat: z.number(), mean: z.number().nullable(), max: z.number().nullable(), releasedAt: z.date().nullable() }),
  items: z.array(z.object({
    rank: z.number().nullable(), personId: z.number(), employeeNo: z.string(), name: z.string(), organisationName: z.string(), tracks: z.array(z.string()), attemptId: z.number().nullable(),
    score: z.number().nullable(), maxScore: z.number().nullable(), status: z.string(), submittedAt: z.date().nullable(), submitReason: z.string().nullable(), violations: z.number(),
  })),
});
export const RankingQuery = z.object({ by: z.enum(['overall', 'track', 'organisation']).default('overall'), depth: z.coerce.number().int().min(0).max(10).default(1) });
export const Rankings = z.object({
  by: z.string(),
  groups: z.array(z.object({ group: z.string(), candidates: z.number(), sat: z.number(), rows: z.array(z.object({ rank: z.number(), personId: z.number(), employeeNo: z.string(), name: z.string(), organisationName: z.string(), score: z.number(), maxScore: z.number().nullable(), violations: z.number() })) })),
});
export const ItemAnalysisView = z.object({
  examId: z.number(),
  papers: z.array(z.object({
    paperId: z.number(), label: z.string(), attempts: z.number(),
    questions: z.array(z.object({ slot: z.number(), questionId: z.number(), type: z.string(), stem: z.string(), knowledgePoints: z.array(z.string()) })),
    /** engine item-analysis.ts's ItemAnalysis: test statistics, per-item statistics, sub-questions, distractor tables */
    analysis: z.object({ test: z.record(z.string(), z.number().nullable()), items: z.array(z.record(z.string(), z.unknown())), subquestions: z.array(z.record(z.string(), z.unknown())), distractors: z.array(z.record(z.string(), z.unknown())) }),
  })),
});
export { ResponseSchema };
