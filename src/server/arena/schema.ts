import { z } from 'zod';

/** The arena API's shapes. WebSocket messages are checked in hub/protocol.ts (the engine's checkShape). */
const Id = z.coerce.number().int().positive();
export const IdParams = z.object({ id: Id });
export const StepParams = z.object({ id: Id, step: z.coerce.number().int().min(0) });
export { ErrorBody } from '../lib/error-body.ts';

export const FormatSchema = z.enum(['mandatory', 'buzzer', 'risk', 'team-pk', 'mass-quiz']);
const OptionSchema = z.object({ key: z.string().min(1).max(16), text: z.string().max(2000) });
export const QuestionSchema = z.object({
  id: z.string().min(1).max(64),
  kind: z.enum(['single', 'multiple', 'true-false', 'oral']),
  prompt: z.string().max(20_000),
  options: z.array(OptionSchema).max(26).default([]),
  answer: z.union([z.array(z.string()).min(1), z.literal('oral')]),
  points: z.number().positive().max(100_000),
  timeLimitMs: z.number().int().positive().max(3_600_000),
  format: FormatSchema.optional(),
  assignedTo: z.string().optional(),
});

export const RulesSchema = z
  .object({
    penalties: z.object({ falseStart: z.number().min(0), wrongAnswer: z.number().min(0) }),
    falseStartLocksOut: z.boolean(),
    reopenAfterWrong: z.enum(['auto', 'host', 'never']),
    riskStakes: z.array(z.number().positive()).min(1).max(10),
    buzz: z.object({ mode: z.enum(['arrival', 'compensated']), compensationCapMs: z.number().min(0), decisionWindowMs: z.number().min(0), tieMarginMs: z.number().min(0), answerTimeMs: z.number().positive() }),
    massQuiz: z.object({ formula: z.enum(['speed', 'correctness-first']), streakBonus: z.object({ perAnswer: z.number().min(0), max: z.number().min(0) }), allowLateJoin: z.boolean(), pass: z.object({ minCorrect: z.number().int().min(1).max(1000), reward: z.string().trim().min(1).max(100) }).nullable().optional() }),
    elimination: z.union([z.object({ mode: z.literal('none') }), z.object({ mode: z.literal('wrong-out') }), z.object({ mode: z.literal('lowest-out'), afterQuestions: z.array(z.string()) })]),
  })
  .partial();

export const CreateRoundBody = z.object({
  title: z.string().min(1).max(200),
  organisationId: z.number().int().positive(),
  format: FormatSchema,
  isPublic: z.boolean().optional(),
  hostIds: z.array(z.number().int().positive()).max(50).optional(),
  rules: RulesSchema.optional(),
  questions: z.array(QuestionSchema).max(500).optional(),
  contest: z.object({ contestId: z.number().int().positive(), roundKey: z.string().min(1).max(100) }).nullable().optional(),
});
export const UpdateRoundBody = CreateRoundBody.pick({ title: true, isPublic: true, hostIds: true, rules: true, questions: true }).partial();

export const RosterBody = z.object({
  teams: z.array(z.object({ name: z.string().min(1).max(100), memberIds: z.array(z.number().int().positive()).min(1).max(20), entryId: z.number().int().positive().optional() })).max(50).optional(),
  players: z.array(z.object({ personId: z.number().int().positive(), entryId: z.number().int().positive().optional() })).max(10_000).optional(),
});
export const PaperQuestionsBody = z.object({
  paperId: z.number().int().positive(),
  format: FormatSchema.optional(),
  timeLimitMs: z.number().int().positive().max(3_600_000).optional(),
  points: z.number().positive().optional(),
  replace: z.boolean().optional(),
});
export const JoinBody = z.object({ code: z.string().regex(/^\d{6}$/), name: z.string().trim().min(1).max(32) });
export const ScreenQuery = z.object({ token: z.string().min(1).max(200).optional() });
export const MyRoundsResponse = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      format: FormatSchema,
      organisationName: z.string(),
      status: z.enum(['waiting', 'live', 'finished']),
      onRoster: z.boolean(),
      teamName: z.string().nullable(),
      questionCount: z.number(),
      startedAt: z.date().nullable(),
      finishedAt: z.date().nullable(),
      playPath: z.string(),
    }),
  ),
});
export const EventsQuery = z.object({ afterSeq: z.coerce.number().int().min(0).optional() });
export const ExportQuery = z.object({ format: z.enum(['text', 'json']).default('text') });
export const WsQuery = z.object({
  as: z.enum(['host', 'player', 'screen', 'spectator']).optional(),
  token: z.string().max(200).optional(),
  guest: z.string().max(200).optional(),
  code: z.string().max(20).optional(),
  name: z.string().max(64).optional(),
  lastSeq: z.coerce.number().int().min(0).optional(),
});

/** Responses are documented loosely (the engine's types are the contract): any JSON object. */
export const AnyObject = z.record(z.string(), z.unknown());

export const PassQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });
export const PassListResponse = z.object({
  roundId: z.number(),
  title: z.string(),
  status: z.enum(['lobby', 'running', 'finished']),
  minCorrect: z.number(),
  reward: z.string(),
  players: z.number(),
  passed: z.number(),
  rows: z.array(z.object({ place: z.number(), name: z.string(), employeeNo: z.string().nullable(), organisation: z.string().nullable(), correct: z.number(), score: z.number() })),
});
