import { z } from 'zod';
import { AnswerSchema, AttachmentSchema, OptionSchema, QuestionTypeSchema } from './schema.ts';

/** Blueprints, feasibility, paper sets and papers (engine/blueprint.ts describes the blueprint). */
const Id = z.coerce.number().int().positive();
const level = z.number().min(0).max(1).optional();

export const BlueprintSchema = z.object({
  sections: z.array(z.object({ type: QuestionTypeSchema, count: z.number().int().min(1).max(1000), pointsEach: z.number().positive(), title: z.string().max(60).optional() })).min(1).max(20),
  totalScore: z.number().positive(),
  difficulty: z.object({ '1': level, '2': level, '3': level, '4': level, '5': level }).nullable().optional(),
  difficultyTolerance: z.number().int().min(0).optional(),
  coverage: z.array(z.object({ path: z.string().min(1), min: z.number().int().min(0), type: QuestionTypeSchema.optional(), difficulties: z.array(z.number().int().min(1).max(5)).optional() })).optional(),
  tracks: z.array(z.string()).nullable().optional(),
  exposureCap: z.number().int().min(1).nullable().optional(),
  maxOverlap: z.number().min(0).max(1).nullable().optional(),
});
export const BlueprintView = z.object({ id: z.number(), bankId: z.number(), name: z.string(), blueprint: BlueprintSchema, createdAt: z.date(), updatedAt: z.date() });
export const BlueprintList = z.object({ items: z.array(BlueprintView) });
export const CreateBlueprintBody = z.object({ name: z.string().trim().min(1).max(60), blueprint: BlueprintSchema });
export const UpdateBlueprintBody = z.object({ name: z.string().trim().min(1).max(60).optional(), blueprint: BlueprintSchema.optional() });

export const AssemblyProblemSchema = z.object({ constraint: z.string(), message: z.string(), messageZh: z.string(), needed: z.number(), available: z.number() });
export const FeasibilityBody = z.object({ blueprint: BlueprintSchema, papers: z.number().int().min(1).max(1000).default(1) });
export const Feasibility = z.object({
  ok: z.boolean(),
  problems: z.array(AssemblyProblemSchema),
  counts: z.object({
    eligible: z.number(),
    perPaper: z.number(),
    totalScore: z.number(),
    byType: z.array(z.object({ type: QuestionTypeSchema, demand: z.number(), supply: z.number(), byDifficulty: z.array(z.number()) })),
  }),
});

export const AssembleBody = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  blueprintId: Id.optional(),
  blueprint: BlueprintSchema.optional(),
  papers: z.number().int().min(1).max(1000),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});

const PaperSummary = z.object({
  difficultyCounts: z.record(z.string(), z.number()),
  coverage: z.array(z.object({ path: z.string(), count: z.number() })),
  sections: z.array(z.object({ type: z.string(), pointsEach: z.number(), count: z.number() })),
});
export const PaperBrief = z.object({ id: z.number(), label: z.string(), totalScore: z.number(), questions: z.number(), summary: PaperSummary });
export const PaperSetView = z.object({ id: z.number(), bankId: z.number(), name: z.string(), blueprintId: z.number().nullable(), blueprint: BlueprintSchema, seed: z.number(), createdAt: z.date(), papers: z.number() });
export const PaperSetList = z.object({ items: z.array(PaperSetView) });
export const PaperSetDetail = z.object({ paperSet: PaperSetView, papers: z.array(PaperBrief) });

/** A paper as the candidate sees it: no answers, no explanations. */
export const PaperItemView = z.object({
  position: z.number(),
  questionId: z.number(),
  questionVersionId: z.number(),
  versionNo: z.number(),
  points: z.number(),
  type: QuestionTypeSchema,
  stem: z.string(),
  options: z.array(OptionSchema),
  attachments: z.array(AttachmentSchema),
  blanks: z.number(),
});
export const PaperView = z.object({
  id: z.number(),
  paperSetId: z.number(),
  paperSetName: z.string(),
  bankId: z.number(),
  label: z.string(),
  totalScore: z.number(),
  sections: z.array(z.object({ index: z.number(), type: QuestionTypeSchema, title: z.string().nullable(), pointsEach: z.number(), items: z.array(PaperItemView) })),
});
export const AnswerKey = z.object({
  paperId: z.number(),
  label: z.string(),
  items: z.array(z.object({ position: z.number(), questionVersionId: z.number(), type: QuestionTypeSchema, points: z.number(), answer: AnswerSchema, explanation: z.string() })),
});
export const BlueprintParams = z.object({ id: Id });
