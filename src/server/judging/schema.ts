import { z } from 'zod';

/**
 * The judging API's shapes. Engine-shaped parts (aggregation results, reveal steps,
 * statistics) are described in engine/*.ts, whose types the web app imports directly.
 */
const Id = z.coerce.number().int().positive();
export const IdParams = z.object({ id: Id });
export const ContestParams = z.object({ contestId: Id });
export const PanelEntryParams = z.object({ id: Id, entryId: Id });
export const TokenParams = z.object({ token: z.string().min(8).max(100) });
export { ErrorBody } from '../lib/error-body.ts';
/** Engine-shaped data (see the engine type named beside each use). */
const EngineData = z.unknown();

export const LevelDescriptorSchema = z.object({ from: z.number(), to: z.number(), label: z.string().max(100), labelZh: z.string().max(100) });
export const CriterionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'lower-case letters, digits and _'),
  name: z.string().min(1).max(100),
  nameZh: z.string().min(1).max(100),
  weight: z.number(),
  min: z.number(),
  max: z.number(),
  step: z.number(),
  descriptors: z.array(LevelDescriptorSchema).max(20).optional(),
});
export const RubricInput = z.object({ name: z.string().trim().min(1).max(100), nameZh: z.string().trim().min(1).max(100), criteria: z.array(CriterionSchema).min(1).max(30) });
export const CreateRubricBody = z.union([z.object({ templateId: z.string().min(1).max(60) }), z.object({ libraryId: z.number().int().positive() }), RubricInput]);
export const RubricView = RubricInput.extend({
  id: z.number(),
  contestId: z.number(),
  templateId: z.string().nullable(),
  /** the library rubric it was copied from, if any */
  libraryId: z.number().nullable(),
  maxTotal: z.number(),
  usage: z.object({ panels: z.number(), sheets: z.number() }),
});
export type RubricView = z.infer<typeof RubricView>;
export const RubricTemplate = RubricInput.extend({ id: z.string(), maxTotal: z.number() });

/** The organisation rubric library (评分细则库). */
export const LibraryRubricView = RubricInput.extend({
  id: z.number(),
  organisationId: z.number(),
  organisationName: z.string(),
  maxTotal: z.number(),
  archived: z.boolean(),
  /** may the viewer edit it (an organiser over its owner)? */
  editable: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LibraryRubricView = z.infer<typeof LibraryRubricView>;
export const LibraryQuery = z.object({ includeArchived: z.enum(['true', 'false', '1', '0']).optional() });
export const LibraryList = z.object({
  items: z.array(LibraryRubricView),
  templates: z.array(RubricTemplate),
  /** organisations the viewer may keep library rubrics in (their organiser grant roots) */
  organisations: z.array(z.object({ id: z.number(), name: z.string() })),
});
export const CreateLibraryBody = RubricInput.extend({ organisationId: z.number().int().positive() });
export const UpdateLibraryBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  nameZh: z.string().trim().min(1).max(100).optional(),
  criteria: z.array(CriterionSchema).min(1).max(30).optional(),
  archived: z.boolean().optional(),
});
export const SaveToLibraryBody = z.object({ organisationId: z.number().int().positive(), name: z.string().trim().min(1).max(100).optional(), nameZh: z.string().trim().min(1).max(100).optional() });

const RoundingSchema = z.object({ decimals: z.number().int().min(0).max(6), mode: z.enum(['half-up', 'half-even']) });
export const AggregationSpecSchema = z.object({
  rule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('mean') }),
    z.object({ kind: z.literal('median') }),
    z.object({ kind: z.literal('trimmed-mean'), trim: z.number().int().min(0).max(5), fallback: z.enum(['mean', 'median']) }),
  ]),
  level: z.enum(['criterion', 'judge-total']),
  normalise: z.object({ kind: z.literal('z-score'), fallback: z.enum(['exclude-judge', 'raw']) }).optional(),
  rounding: RoundingSchema,
  roundCriteria: z.boolean().optional(),
});
export const ConflictPolicySchema = z.object({
  depth: z.number().int().min(0).max(10),
  judgesAboveDepth: z.enum(['exempt', 'whole-subtree']).optional(),
  declared: z.array(z.object({ judgeId: z.coerce.string(), contestantId: z.coerce.string(), reason: z.string().max(200), reasonZh: z.string().max(200) })).max(200).optional(),
});
/** 去掉一个最高分、一个最低分, then the mean of whole scores, two decimals 四舍五入. */
export const DEFAULT_AGGREGATION = { rule: { kind: 'trimmed-mean' as const, trim: 1, fallback: 'mean' as const }, level: 'judge-total' as const, rounding: { decimals: 2, mode: 'half-up' as const } };

const key = z.string().trim().min(1).max(60);
export const CreatePanelBody = z.object({
  roundKey: key,
  trackKey: key.nullable().default(null),
  groupKey: key.nullable().default(null),
  name: z.string().trim().min(1).max(100),
  rubricId: z.number().int().positive(),
  minSize: z.number().int().min(1).max(50).default(3),
  aggregation: AggregationSpecSchema.default(DEFAULT_AGGREGATION),
  conflictPolicy: ConflictPolicySchema.default({ depth: 1 }),
  /** person ids in seat order */
  judgeIds: z.array(z.number().int().positive()).max(50).default([]),
  /** contest entry ids in stage order */
  entryIds: z.array(z.number().int().positive()).max(500).default([]),
});
export const UpdatePanelBody = z.object({
  trackKey: key.nullable().optional(),
  groupKey: key.nullable().optional(),
  name: z.string().trim().min(1).max(100).optional(),
  rubricId: z.number().int().positive().optional(),
  minSize: z.number().int().min(1).max(50).optional(),
  aggregation: AggregationSpecSchema.optional(),
  conflictPolicy: ConflictPolicySchema.optional(),
  judgeIds: z.array(z.number().int().positive()).max(50).optional(),
  entryIds: z.array(z.number().int().positive()).max(500).optional(),
});
export const PanelJudgeView = z.object({ personId: z.number(), seat: z.number(), name: z.string(), organisationName: z.string(), guest: z.boolean(), affiliation: z.string().nullable() });
export const PanelEntryView = z.object({ entryId: z.number(), position: z.number(), name: z.string(), trackKey: z.string(), organisationName: z.string(), locked: z.boolean() });
export const PanelView = z.object({
  id: z.number(),
  contestId: z.number(),
  roundKey: z.string(),
  trackKey: z.string().nullable(),
  groupKey: z.string().nullable(),
  name: z.string(),
  rubricId: z.number(),
  minSize: z.number(),
  aggregation: AggregationSpecSchema,
  conflictPolicy: ConflictPolicySchema,
  status: z.enum(['open', 'locked']),
  onStageEntryId: z.number().nullable(),
  screenToken: z.string(),
  judges: z.array(PanelJudgeView),
  entries: z.array(PanelEntryView),
});
export type PanelView = z.infer<typeof PanelView>;

export const OnStageBody = z.object({ entryId: z.number().int().positive().nullable() });
export const LockBody = z.object({ entryId: z.number().int().positive().optional(), reason: z.string().trim().max(500).optional() });
export const UnlockBody = z.object({ entryId: z.number().int().positive().optional(), reason: z.string().trim().min(1, '解锁须填写原因 / a reason is required').max(500) });
export const LockResult = z.object({
  status: z.enum(['locked', 'unlocked', 'unchanged']),
  missing: z.array(z.object({ judgeId: z.number(), entryId: z.number() })),
  /** contest_round_score rows written (locked entries with a final) and removed (unlocked) */
  roundScores: z.object({ written: z.array(z.object({ entryId: z.number(), score: z.number() })), removed: z.array(z.number()) }),
});
export const RevealBody = z.object({ entryId: z.number().int().positive().nullable(), step: z.number().int().min(-1).max(1000) });

const ScoresSchema = z.record(z.string(), z.number());
export const SubmitSheetBody = z.object({
  /** must be the signed-in judge: a second judge on the first's phone is refused */
  judgeId: z.number().int().positive(),
  entryId: z.number().int().positive(),
  scores: ScoresSchema,
  comment: z.string().max(2000).nullable().optional(),
  clientId: z.string().min(1).max(100).optional(),
});
export const CorrectionBody = SubmitSheetBody.omit({ clientId: true }).extend({ reason: z.string().trim().min(1, '修改须填写原因 / a reason is required').max(500) });
export const SheetView = z.object({ judgeId: z.number(), entryId: z.number(), scores: ScoresSchema, comment: z.string().nullable(), revision: z.number(), total: z.number(), updatedAt: z.string() });
export const SubmitResult = z.object({ status: z.enum(['created', 'updated', 'unchanged', 'duplicate']), sheet: SheetView.nullable() });
export const BatchBody = z.object({
  judgeId: z.number().int().positive(),
  items: z.array(z.object({ clientId: z.string().min(1).max(100), entryId: z.number().int().positive(), scores: ScoresSchema, comment: z.string().max(2000).nullable().optional() })).min(1).max(200),
});
export const BatchResult = z.object({
  outcomes: z.array(
    z.object({
      clientId: z.string(),
      entryId: z.number(),
      status: z.enum(['accepted', 'unchanged', 'duplicate', 'refused']),
      code: z.string().optional(),
      reason: z.string().optional(),
      reasonZh: z.string().optional(),
    }),
  ),
});

export const CreateInvitationBody = z.object({
  name: z.string().trim().min(1).max(50),
  affiliation: z.string().trim().min(1).max(100),
  /** when the guest's access ends: the end of the contest; 30 days from now by default */
  expiresAt: z.coerce.date().optional(),
});
export const InvitationView = z.object({
  id: z.number(),
  code: z.string(),
  contestId: z.number(),
  name: z.string(),
  affiliation: z.string(),
  expiresAt: z.string(),
  personId: z.number().nullable(),
  status: z.enum(['pending', 'redeemed', 'expired', 'revoked']),
  /** the path the web app opens to redeem it (a QR code can carry it) */
  link: z.string(),
});
export const RedeemBody = z.object({ code: z.string().trim().min(4).max(40) });
export const RedeemResult = z.object({ personId: z.number(), name: z.string(), contestId: z.number(), contestTitle: z.string(), expiresAt: z.string() });

export const AnyView = EngineData;
