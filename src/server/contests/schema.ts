import { z } from 'zod';
import { ROUND_KINDS, STAGE_KINDS } from './engine/contest-model.ts';

/**
 * The contests API's shapes. Definitions are checked for shape here and for meaning by the
 * engine (validateContest), whose problems come back as details [{field, message, messageZh}].
 */
const Id = z.coerce.number().int().positive();
export const IdParams = z.object({ id: Id });
export const StageParams = z.object({ id: Id, stageKey: z.string().min(1).max(60) });
export const EntryParams = z.object({ id: Id, entryId: Id });
export const VenueParams = z.object({ id: Id, venueId: Id });
export { ErrorBody } from '../lib/error-body.ts';

const Normalisation = z.union([z.object({ kind: z.literal('raw') }), z.object({ kind: z.literal('percentOfMax'), maxScore: z.number() })]);
export const RoundDefSchema = z.object({
  id: z.string().min(1).max(60),
  name: z.string().max(100),
  kind: z.enum(ROUND_KINDS),
  role: z.enum(['scored', 'decider']).default('scored'),
  normalisation: Normalisation.default({ kind: 'raw' }),
  weightPercent: z.number(),
  source: z.string().max(200).optional(),
});
const TieBreak = z.union([
  z.object({ kind: z.literal('roundScore'), roundId: z.string() }),
  z.object({ kind: z.literal('fewerViolations') }),
  z.object({ kind: z.literal('earlierFinish'), roundId: z.string().optional() }),
  z.object({ kind: z.literal('decider'), roundId: z.string() }),
]);
const Advancement = z.union([
  z.object({ kind: z.literal('topN'), perTrack: z.number(), maxPerOrganisation: z.number().optional(), tieAtCut: z.enum(['refuse', 'includeAll']).default('refuse') }),
  z.object({ kind: z.literal('groupPk'), groupSize: z.number(), outPerGroup: z.number(), remain: z.number() }),
  z.object({ kind: z.literal('singleElimination'), thirdPlace: z.boolean() }),
  z.object({ kind: z.literal('doubleElimination'), grandFinal: z.enum(['simple', 'double']) }),
  z.object({ kind: z.literal('roundRobin') }),
  z.object({ kind: z.literal('none') }),
]);
export const StageDefSchema = z.object({
  id: z.string().min(1).max(60),
  name: z.string().max(100),
  kind: z.enum(STAGE_KINDS),
  rounds: z.array(RoundDefSchema).max(20),
  tieBreaks: z.array(TieBreak).max(10).default([]),
  advancement: Advancement,
});
export const DefinitionInput = z.object({
  tracks: z.array(z.object({ id: z.string().min(1).max(60), name: z.string().max(100) })).max(20),
  entrants: z.union([z.object({ kind: z.literal('individual') }), z.object({ kind: z.literal('team'), size: z.number() })]),
  quotas: z.array(z.object({ organisationId: z.coerce.string(), trackId: z.string(), max: z.number() })).max(2000).default([]),
  stages: z.array(StageDefSchema).max(3),
});
export const SettingsSchema = z.object({ allowCrossOrganisationTeams: z.boolean().optional(), requireVideo: z.boolean().optional() });

export const CreateContestBody = z.object({ title: z.string().trim().min(1).max(200), organisationId: Id, definition: DefinitionInput, settings: SettingsSchema.default({}) });
export const UpdateContestBody = z.object({ title: z.string().trim().min(1).max(200).optional(), definition: DefinitionInput.optional(), settings: SettingsSchema.optional() });
export const StatusBody = z.object({ status: z.enum(['draft', 'registration', 'running', 'finished']) });

export const ContestView = z.object({
  id: z.number(),
  title: z.string(),
  status: z.string(),
  organisationId: z.number(),
  organisationName: z.string(),
  definition: z.any(),
  settings: SettingsSchema,
  canManage: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const ContestList = z.object({ items: z.array(ContestView) });

export const RegisterBody = z.object({
  trackId: z.string().min(1),
  name: z.string().trim().max(100).optional(),
  memberIds: z.array(Id).max(10).default([]),
  organisationId: Id.optional(),
  introduction: z.string().max(5000).default(''),
  materials: z.array(z.string().uuid()).max(10).default([]),
});
export const ReviewBody = z.object({ decision: z.enum(['approved', 'rejected']), reason: z.string().trim().max(1000).default(''), acceptLate: z.boolean().default(false) });
export const EligibleQuery = z.object({ q: z.string().max(50).optional(), organisationId: Id.optional(), trackId: z.string().max(60).optional() });
export const EligiblePeople = z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), employeeNo: z.string(), organisationName: z.string() })) });
export const EntryListQuery = z.object({ status: z.enum(['submitted', 'approved', 'rejected', 'withdrawn']).optional() });
export const EntryView = z.object({
  id: z.number(),
  contestId: z.number(),
  trackId: z.string(),
  kind: z.string(),
  name: z.string(),
  organisationId: z.number(),
  organisationName: z.string(),
  captainId: z.number().nullable(),
  status: z.string(),
  seed: z.number().nullable(),
  introduction: z.string(),
  materials: z.array(z.object({ uploadId: z.string(), kind: z.string(), fileName: z.string() })),
  review: z.object({ decision: z.string(), reason: z.string(), at: z.string() }).nullable(),
  late: z.object({ stageKey: z.string(), at: z.string() }).nullable(),
  members: z.array(z.object({ personId: z.number(), employeeNo: z.string(), name: z.string(), role: z.string() })),
  createdAt: z.date(),
});
export const EntryList = z.object({ items: z.array(EntryView) });

export const ScoreBody = z.object({
  roundKey: z.string().min(1),
  entryId: Id,
  score: z.number(),
  maxScore: z.number().positive().optional(),
  violations: z.number().int().min(0).default(0),
  finishedAt: z.coerce.date().optional(),
  note: z.string().max(500).default(''),
});
export const AdvanceBody = z.object({ dryRun: z.boolean().default(false) });
export const PkStartBody = z.object({ entryIds: z.array(Id).optional() });
export const PkRoundBody = z.object({ scores: z.array(z.object({ entryId: Id, score: z.number(), violations: z.number().int().min(0).optional(), finishedAt: z.number().optional(), decider: z.number().optional() })) });
export const BracketBody = z.object({ entryIds: z.array(Id).optional(), thirdPlace: z.boolean().optional(), kind: z.enum(['single', 'double']).default('single') });
export const MatchResultBody = z.object({ matchId: z.string().min(1), winnerId: Id, score: z.tuple([z.number(), z.number()]).optional() });

export const VenueBody = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(['main', 'branch']),
  mode: z.enum(['online', 'onsite', 'hybrid']),
  organisationId: Id.optional(),
  address: z.string().max(300).default(''),
  roundKeys: z.array(z.string()).max(20).default([]),
});
export const VenuePeopleBody = z.object({ people: z.array(z.object({ personId: Id, role: z.enum(['contestant', 'judge', 'host', 'reviewer', 'staff']) })).max(2000) });

const AwardTierSchema = z.object({ id: z.string().min(1), name: z.string(), nameZh: z.string() });
export const AwardRuleSchema = z.union([
  z.object({ kind: z.literal('byCount'), tiers: z.array(z.object({ tier: AwardTierSchema, count: z.number() })), tiePolicy: z.enum(['shareHigher', 'tieBreak']) }),
  z.object({ kind: z.literal('byRank'), tiers: z.array(z.object({ tier: AwardTierSchema, toRank: z.number() })), tiePolicy: z.enum(['shareHigher', 'tieBreak']) }),
]);
export const AwardSource = z.union([
  z.object({ kind: z.literal('tiers'), stageKey: z.string(), trackId: z.string().optional(), rule: AwardRuleSchema }),
  z.object({ kind: z.literal('podium'), stageKey: z.string() }),
  z.object({ kind: z.literal('bestIndividual'), stageKey: z.string(), roundId: z.string(), trackId: z.string().optional(), tieBreaks: z.array(TieBreak).max(10).default([]) }),
]);
export const ComputeAwardsBody = z.object({ sources: z.array(AwardSource).min(1).max(20) });
export const PosterQuery = z.object({ version: z.coerce.number().int().positive().optional(), personId: z.coerce.number().int().positive().optional(), download: z.enum(['1', 'true', '0', 'false']).transform((v) => v === '1' || v === 'true').optional() });
export const VersionQuery = z.object({ version: z.coerce.number().int().positive().optional(), entryId: z.coerce.number().int().positive().optional() });

export const CreateUploadBody = z.object({
  fileName: z.string().trim().min(1).max(200),
  size: z.number().int().positive(),
  mimeType: z.string().max(100),
  kind: z.enum(['document', 'video']),
  chunkSize: z.number().int().optional(),
});
export const UploadParams = z.object({ id: z.string().uuid() });
export const MaterialParams = z.object({ id: Id, entryId: Id, uploadId: z.string().uuid() });
export const ChunkParams = z.object({ id: z.string().uuid(), index: z.coerce.number().int().min(0) });
export const UploadView = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  size: z.number(),
  chunkSize: z.number(),
  chunkCount: z.number(),
  receivedChunks: z.array(z.number()),
  receivedBytes: z.number(),
  status: z.string(),
});

// ── typed responses (documented in OpenAPI) ──────────────────────────────────────────
const RoundLineView = z.object({ raw: z.number(), normalised: z.number(), weighted: z.number() });
const TieBreakStepView = z.object({ rule: TieBreak, value: z.number(), among: z.array(z.string()) });
const TieDecisionView = z.object({
  total: z.number(),
  among: z.array(z.string()),
  steps: z.array(z.object({ rule: TieBreak, outcome: z.enum(['separated', 'equal', 'not-applicable']), detail: z.array(z.string()) })),
  unresolved: z.array(z.array(z.string())),
});
export const StandingsView = z.object({
  contestId: z.number(),
  stage: z.object({ id: z.string(), name: z.string(), kind: z.enum(STAGE_KINDS), rounds: z.array(RoundDefSchema), tieBreaks: z.array(TieBreak), advancement: Advancement }),
  status: z.enum(['complete', 'incomplete']),
  missing: z.array(z.object({ entryId: z.number(), name: z.string(), trackId: z.string(), roundId: z.string(), late: z.boolean() })),
  tracks: z.array(
    z.object({
      trackId: z.string(),
      trackName: z.string(),
      rows: z.array(
        z.object({
          entryId: z.number(),
          name: z.string(),
          organisationName: z.string(),
          rank: z.number(),
          scoreRank: z.number(),
          total: z.number(),
          rounds: z.record(z.string(), RoundLineView),
          tieBreaks: z.array(TieBreakStepView),
          unresolvedWith: z.array(z.number()),
          explanation: z.string(),
          explanationZh: z.string(),
        }),
      ),
      incomplete: z.array(z.object({ entryId: z.number(), name: z.string(), organisationName: z.string(), missingRounds: z.array(z.string()), rounds: z.record(z.string(), RoundLineView), late: z.boolean() })),
      decisions: z.array(TieDecisionView),
    }),
  ),
});

const SlotView = z.union([
  z.object({ kind: z.literal('seed'), entrantId: z.string(), seed: z.number() }),
  z.object({ kind: z.literal('bye') }),
  z.object({ kind: z.literal('winner'), matchId: z.string() }),
  z.object({ kind: z.literal('loser'), matchId: z.string() }),
]);
const MatchView = z.object({
  id: z.string(),
  side: z.enum(['winners', 'losers', 'final', 'third']),
  round: z.number(),
  number: z.number(),
  slots: z.tuple([SlotView, SlotView]),
  resetOf: z.string().optional(),
});
const Opponent = z.string().nullable().optional();
export const BracketView = z.object({
  bracket: z.object({ kind: z.enum(['single', 'double']), entrants: z.array(z.string()), size: z.number(), matches: z.array(MatchView) }),
  results: z.array(z.object({ matchId: z.string(), winnerId: z.string(), score: z.tuple([z.number(), z.number()]).optional() })),
  matches: z.array(
    MatchView.extend({
      opponents: z.tuple([Opponent, Opponent]),
      status: z.enum(['bye', 'waiting', 'ready', 'done', 'void']),
      winner: z.string().optional(),
      loser: z.string().optional(),
      score: z.tuple([z.number(), z.number()]).optional(),
    }),
  ),
  placements: z.object({
    finished: z.boolean(),
    champion: z.string().optional(),
    runnerUp: z.string().optional(),
    third: z.union([z.string(), z.array(z.string())]).optional(),
    fourth: z.string().optional(),
  }),
});

export const StoredAwardView = z.object({
  entryId: z.number(),
  entryName: z.string(),
  organisationName: z.string(),
  trackId: z.string(),
  trackName: z.string(),
  members: z.array(z.string()),
  tierId: z.string(),
  tierName: z.string(),
  tierNameZh: z.string(),
  place: z.number(),
  shared: z.boolean(),
  source: z.string(),
  personId: z.number().optional(),
  personName: z.string().optional(),
});
export const AwardSetView = z.object({
  id: z.number(),
  version: z.number().nullable(),
  status: z.enum(['draft', 'reviewed', 'published']),
  awards: z.array(StoredAwardView),
  sources: z.array(z.unknown()),
  computedAt: z.date(),
  reviewedAt: z.date().nullable(),
  publishedAt: z.date().nullable(),
});
export const AwardSetList = z.object({ items: z.array(AwardSetView) });
export const PublicResultsView = z.object({
  contestId: z.number(),
  title: z.string(),
  organisationName: z.string(),
  version: z.number(),
  current: z.boolean(),
  publishedAt: z.date(),
  awards: z.array(StoredAwardView),
  versions: z.array(z.object({ version: z.number(), publishedAt: z.date(), awards: z.number() })),
});
export const HonourRollView = z.object({ items: z.array(z.object({ contestId: z.number(), title: z.string(), version: z.number(), publishedAt: z.date(), awards: z.array(StoredAwardView) })) });

export const Loose = z.any();
