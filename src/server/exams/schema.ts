import { z } from 'zod';
import { VIOLATION_KINDS } from './engine/proctoring.ts';

/** The exam API's shapes (organiser side). Candidate side: attempt-schema.ts; practice: practice-schema.ts. */
const Id = z.coerce.number().int().positive();
export const IdParams = z.object({ id: Id });
export { ErrorBody } from '../lib/error-body.ts';

export const GradingSettings = z.object({
  multiple: z.enum(['all-or-nothing', 'partial']).default('all-or-nothing'),
  fill: z.enum(['per-blank', 'all-blanks']).default('per-blank'),
  normalisation: z
    .object({ width: z.boolean().default(true), spaces: z.enum(['ignore', 'collapse', 'keep']).default('ignore'), caseInsensitive: z.boolean().default(true), punctuation: z.boolean().default(true) })
    .default({ width: true, spaces: 'ignore', caseInsensitive: true, punctuation: true }),
});
export const ProctoringSettings = z.object({
  fullscreenRequired: z.boolean().default(false),
  /** auto-submit at the N-th violation; null = never */
  autoSubmitAfter: z.number().int().min(1).max(100).nullable().default(null),
  debounceMs: z.number().int().min(0).max(60_000).default(2_000),
  counted: z.array(z.enum(VIOLATION_KINDS)).default([...VIOLATION_KINDS]),
  /** camera snapshot every N seconds; null = no camera */
  snapshotIntervalSec: z.number().int().min(5).max(3600).nullable().default(null),
});
export const ReleaseSettings = z.object({
  /** 'immediate': a candidate sees the score once the attempt is fully graded; 'manual': after the organiser releases */
  results: z.enum(['immediate', 'manual']).default('manual'),
  /** when the key and explanations are shown to candidates */
  answers: z.enum(['never', 'after-close', 'with-results']).default('with-results'),
});
export const MarkingSettings = z.object({
  double: z.boolean().default(false),
  tolerance: z.number().min(0).default(0),
  finalRule: z.enum(['mean-of-closest', 'third']).default('mean-of-closest'),
});
export const ExamSettings = z.object({
  shuffle: z.object({ questions: z.boolean().default(true), options: z.boolean().default(true) }).default({ questions: true, options: true }),
  dealStrategy: z.enum(['balanced', 'round-robin']).default('balanced'),
  graceMs: z.number().int().min(0).max(120_000).default(5_000),
  grading: GradingSettings.prefault({}),
  proctoring: ProctoringSettings.prefault({}),
  release: ReleaseSettings.prefault({}),
  marking: MarkingSettings.prefault({}),
});
export type ExamSettings = z.infer<typeof ExamSettings>;
export const DEFAULT_SETTINGS: ExamSettings = ExamSettings.parse({});

/** Settings as sent: any group, any field; what is missing keeps its current (or default) value. */
export const SettingsPatch = z.object({
  shuffle: z.object({ questions: z.boolean(), options: z.boolean() }).partial().optional(),
  dealStrategy: z.enum(['balanced', 'round-robin']).optional(),
  graceMs: z.number().int().min(0).max(120_000).optional(),
  grading: z
    .object({
      multiple: z.enum(['all-or-nothing', 'partial']),
      fill: z.enum(['per-blank', 'all-blanks']),
      normalisation: z.object({ width: z.boolean(), spaces: z.enum(['ignore', 'collapse', 'keep']), caseInsensitive: z.boolean(), punctuation: z.boolean() }).partial(),
    })
    .partial()
    .optional(),
  proctoring: z
    .object({
      fullscreenRequired: z.boolean(),
      autoSubmitAfter: z.number().int().min(1).max(100).nullable(),
      debounceMs: z.number().int().min(0).max(60_000),
      counted: z.array(z.enum(VIOLATION_KINDS)),
      snapshotIntervalSec: z.number().int().min(5).max(3600).nullable(),
    })
    .partial()
    .optional(),
  release: z.object({ results: z.enum(['immediate', 'manual']), answers: z.enum(['never', 'after-close', 'with-results']) }).partial().optional(),
  marking: z.object({ double: z.boolean(), tolerance: z.number().min(0), finalRule: z.enum(['mean-of-closest', 'third']) }).partial().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatch>;

/** Settings after a patch (deep merge of the two levels). */
export function mergeSettings(base: ExamSettings, patch: SettingsPatch = {}): ExamSettings {
  return ExamSettings.parse({
    shuffle: { ...base.shuffle, ...patch.shuffle },
    dealStrategy: patch.dealStrategy ?? base.dealStrategy,
    graceMs: patch.graceMs ?? base.graceMs,
    grading: { ...base.grading, ...patch.grading, normalisation: { ...base.grading.normalisation, ...patch.grading?.normalisation } },
    proctoring: { ...base.proctoring, ...patch.proctoring },
    release: { ...base.release, ...patch.release },
    marking: { ...base.marking, ...patch.marking },
  });
}

const examFields = {
  title: z.string().trim().min(1).max(200),
  instructions: z.string().max(20_000),
  opensAt: z.coerce.date(),
  closesAt: z.coerce.date(),
  durationMinutes: z.number().positive().max(24 * 60),
  attemptsAllowed: z.number().int().min(1).max(20),
  paperMode: z.enum(['shuffled', 'parallel']),
  paperId: z.number().int().positive(),
  paperSetId: z.number().int().positive(),
  seed: z.number().int().min(0).max(2147483647),
  settings: SettingsPatch,
  contestId: z.number().int().positive().nullable(),
  roundKey: z.string().min(1).max(100).nullable(),
};
export const CreateExamBody = z.object({
  ...examFields,
  organisationId: z.number().int().positive(),
  instructions: examFields.instructions.default(''),
  attemptsAllowed: examFields.attemptsAllowed.default(1),
  paperId: examFields.paperId.optional(),
  paperSetId: examFields.paperSetId.optional(),
  seed: examFields.seed.optional(),
  settings: SettingsPatch.default({}),
  contestId: examFields.contestId.optional(),
  roundKey: examFields.roundKey.optional(),
});
export type CreateExamBody = z.infer<typeof CreateExamBody>;
export const UpdateExamBody = z.object(examFields).partial();
export type UpdateExamBody = z.infer<typeof UpdateExamBody>;

export const ExamView = z.object({
  id: z.number(),
  organisationId: z.number(),
  organisationName: z.string(),
  title: z.string(),
  instructions: z.string(),
  status: z.string(),
  opensAt: z.date(),
  closesAt: z.date(),
  durationMinutes: z.number(),
  attemptsAllowed: z.number(),
  paperMode: z.enum(['shuffled', 'parallel']),
  paperId: z.number().nullable(),
  paperSetId: z.number().nullable(),
  seed: z.number(),
  settings: ExamSettings,
  contestId: z.number().nullable(),
  roundKey: z.string().nullable(),
  resultsReleasedAt: z.date().nullable(),
  candidates: z.number(),
  submitted: z.number(),
  createdAt: z.date(),
});
export type ExamView = z.infer<typeof ExamView>;
export const ExamList = z.object({ items: z.array(ExamView) });

export const CandidateSelection = z.object({
  organisationIds: z.array(z.number().int().positive()).max(500).default([]),
  /** track codes or names; alone: people with the track in the exam's subtree; with organisations: narrows them */
  tracks: z.array(z.string().min(1)).max(20).default([]),
  personIds: z.array(z.number().int().positive()).max(50_000).default([]),
  employeeNos: z.array(z.string().min(1)).max(50_000).default([]),
  /** replace the list instead of adding to it */
  replace: z.boolean().default(false),
});
export type CandidateSelection = z.infer<typeof CandidateSelection>;
export const CandidateRow = z.object({ personId: z.number(), employeeNo: z.string(), name: z.string(), organisationName: z.string(), paperId: z.number().nullable(), paperLabel: z.string().nullable(), extraMinutes: z.number() });
export const CandidateList = z.object({ total: z.number(), items: z.array(CandidateRow) });
export const CandidateChange = z.object({ added: z.number(), removed: z.number(), total: z.number(), unknown: z.array(z.object({ row: z.number().nullable(), employeeNo: z.string(), reason: z.string() })) });
export const RemoveCandidatesBody = z.object({ personIds: z.array(z.number().int().positive()).min(1) });
export const ExtraTimeBody = z.object({ extraMinutes: z.number().min(0).max(600) });
export const PersonParams = z.object({ id: Id, personId: Id });
