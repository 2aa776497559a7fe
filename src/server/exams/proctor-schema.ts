import { z } from 'zod';
import { VIOLATION_KINDS } from './engine/proctoring.ts';

/** Proctoring shapes: events and snapshots from the candidate, the live view and messages for proctors. */
export const EventsBody = z.object({ events: z.array(z.object({ kind: z.enum(VIOLATION_KINDS), clientAt: z.coerce.date().optional() })).min(1).max(100) });
export const EventsAck = z.object({ violations: z.number(), remaining: z.number().nullable(), byKind: z.record(z.string(), z.number()), autoSubmitted: z.boolean() });
export const SnapshotAck = z.object({ id: z.number(), takenAt: z.date(), size: z.number() });
export const MessagesQuery = z.object({ after: z.coerce.number().int().min(0).default(0) });
export const MessageList = z.object({ items: z.array(z.object({ id: z.number(), fromName: z.string().nullable(), body: z.string(), sentAt: z.date(), toEveryone: z.boolean() })) });
export const SendMessageBody = z.object({ personId: z.number().int().positive().nullable().default(null), body: z.string().trim().min(1).max(2000) });
export const ForceSubmitBody = z.object({ reason: z.string().max(500).default('') });
export const ProctorRowView = z.object({
  personId: z.number(),
  employeeNo: z.string(),
  name: z.string(),
  organisationName: z.string(),
  attemptId: z.number().nullable(),
  status: z.enum(['not-started', 'online', 'offline', 'submitted']),
  progress: z.number(),
  answered: z.number(),
  total: z.number(),
  violations: z.number(),
  lastViolationAt: z.number().nullable(),
  autoSubmitDue: z.boolean(),
  lastSnapshotAt: z.number().nullable(),
  lastSnapshotId: z.number().nullable(),
  lastSeenAt: z.date().nullable(),
  deadline: z.date().nullable(),
  ip: z.string().nullable(),
  device: z.string().nullable(),
});
export const ProctorViewSchema = z.object({ examId: z.number(), serverNow: z.date(), rows: z.array(ProctorRowView) });
export const AttemptLog = z.object({
  attemptId: z.number(),
  personId: z.number(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  summary: z.object({ count: z.number(), byKind: z.record(z.string(), z.number()), autoSubmitDue: z.boolean(), remaining: z.number().nullable(), violations: z.array(z.object({ at: z.number(), until: z.number(), kinds: z.array(z.string()), events: z.number() })) }),
  events: z.array(z.object({ kind: z.string(), at: z.date(), clientAt: z.date().nullable(), ip: z.string().nullable(), userAgent: z.string().nullable() })),
  snapshots: z.array(z.object({ id: z.number(), takenAt: z.date(), mime: z.string(), size: z.number() })),
});
