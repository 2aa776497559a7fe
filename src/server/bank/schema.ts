import { z } from 'zod';
import { ATTACHMENT_KINDS, QUESTION_STATUSES, QUESTION_TYPES } from './engine/model.ts';

/** The question bank API's shapes (questions, banks, imports). Blueprints and papers: paper-schema.ts. */
const Id = z.coerce.number().int().positive();
export const IdParams = z.object({ id: Id });
export const JobParams = z.object({ id: Id, jobId: z.string().uuid() });

export const QuestionTypeSchema = z.enum(QUESTION_TYPES);
export const QuestionStatusSchema = z.enum(QUESTION_STATUSES);
export const OptionSchema = z.object({ key: z.string().regex(/^[A-Z]$/), text: z.string() });
export const AttachmentSchema = z.object({ kind: z.enum(ATTACHMENT_KINDS), name: z.string().min(1), url: z.string().optional() });
export const AnswerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('choice'), keys: z.array(z.string()) }),
  z.object({ kind: z.literal('truefalse'), value: z.boolean() }),
  z.object({ kind: z.literal('fill'), blanks: z.array(z.array(z.string())) }),
  z.object({ kind: z.literal('text'), reference: z.string() }),
]);

/** A question's content, as the editor sends it (model.ts's Question). */
export const QuestionInput = z.object({
  type: QuestionTypeSchema,
  stem: z.string().max(20_000),
  options: z.array(OptionSchema).max(26).default([]),
  answer: AnswerSchema,
  attachments: z.array(AttachmentSchema).max(20).default([]),
  track: z.string().max(30).nullable().default(null),
  knowledgePoints: z.array(z.string().max(200)).max(20).default([]),
  difficulty: z.number().int().min(1).max(5).default(3),
  score: z.number().positive().max(1000),
  explanation: z.string().max(20_000).default(''),
  source: z.string().max(500).default(''),
  status: QuestionStatusSchema.default('active'),
  externalKey: z.string().max(100).nullable().default(null),
});
export type QuestionInput = z.infer<typeof QuestionInput>;

export const QuestionView = QuestionInput.extend({
  id: z.number(),
  bankId: z.number(),
  versionId: z.number(),
  versionNo: z.number(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type QuestionView = z.infer<typeof QuestionView>;
export const QuestionVersionView = z.object({ id: z.number(), versionNo: z.number(), createdAt: z.date(), createdBy: z.number().nullable(), usedByPaperItems: z.number(), question: QuestionInput });
export const QuestionDetail = z.object({ question: QuestionView, versions: z.array(QuestionVersionView), canManage: z.boolean() });
export const SaveQuestionResult = z.object({ question: QuestionView, newVersion: z.boolean() });

export const QuestionListQuery = z.object({
  type: QuestionTypeSchema.optional(),
  track: z.string().optional(),
  difficulty: z.coerce.number().int().min(1).max(5).optional(),
  status: QuestionStatusSchema.optional(),
  knowledgePoint: z.string().optional(),
  q: z.string().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export const QuestionPage = z.object({ items: z.array(QuestionView), total: z.number(), page: z.number(), pageSize: z.number() });

export const Bank = z.object({
  id: z.number(),
  name: z.string(),
  description: z.string(),
  organisationId: z.number(),
  organisationName: z.string(),
  questionCount: z.number(),
  /** may edit (organiser over the owning node); otherwise the bank is shared down to the actor: read and use */
  canManage: z.boolean(),
  createdAt: z.date(),
});
export type Bank = z.infer<typeof Bank>;
export const BankList = z.object({ items: z.array(Bank) });
export const BankListQuery = z.object({ name: z.string().optional() });
export const CreateBankBody = z.object({ name: z.string().trim().min(1).max(60), organisationId: Id, description: z.string().max(500).default('') });
export const UpdateBankBody = z.object({ name: z.string().trim().min(1).max(60).optional(), description: z.string().max(500).optional() });
export const BankStats = z.object({ byType: z.record(z.string(), z.number()), byStatus: z.record(z.string(), z.number()), byDifficulty: z.record(z.string(), z.number()) });

export const KnowledgePoint = z.object({ id: z.number(), parentId: z.number().nullable(), name: z.string(), path: z.string(), questionCount: z.number() });
export const KnowledgeTree = z.object({ items: z.array(KnowledgePoint) });
export const CreateKnowledgePointBody = z.object({ parentId: Id.nullable().default(null), name: z.string().trim().min(1).max(60).regex(/^[^/／\\]+$/, 'a name cannot contain /') });
export const KnowledgePointParams = z.object({ id: Id, kpId: Id });

export const ImportFormat = z.enum(['auto', 'xlsx', 'csv', 'moodle', 'gift', 'aiken']);
export const Skipped = z.object({ line: z.number(), reason: z.string(), reasonZh: z.string() });
const ByType = z.record(z.string(), z.number());
export const ImportSummary = z.object({ imported: z.number(), updated: z.number(), unchanged: z.number(), skipped: z.array(Skipped), byType: ByType });
export type ImportSummary = z.infer<typeof ImportSummary>;
export const ImportPreview = z.object({
  jobId: z.string(),
  fileName: z.string(),
  format: z.string(),
  summary: ImportSummary,
  /** the first 200 planned questions, in file order */
  items: z.array(z.object({
    line: z.number(),
    action: z.enum(['create', 'update', 'unchanged']),
    type: QuestionTypeSchema,
    stem: z.string(),
    existingId: z.number().nullable(),
    nearDuplicates: z.object({ existingIds: z.array(z.number()), lines: z.array(z.number()) }),
  })),
  nearDuplicates: z.number(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;
export const ImportQuery = z.object({ format: ImportFormat.default('auto') });
export const TemplateQuery = z.object({ format: z.enum(['xlsx', 'csv']).default('xlsx') });
export const ExportQuery = z.object({ format: z.enum(['xlsx', 'moodle']).default('xlsx'), status: QuestionStatusSchema.optional() });
export { ErrorBody } from '../lib/error-body.ts';
