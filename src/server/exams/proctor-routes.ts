import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { AttemptParams } from './attempt-schema.ts';
import { AttemptLog, EventsAck, EventsBody, ForceSubmitBody, MessageList, MessagesQuery, ProctorViewSchema, SendMessageBody, SnapshotAck } from './proctor-schema.ts';
import { attemptLog, forceSubmit, getSnapshot, MAX_SNAPSHOT_BYTES, myMessages, proctorView, recordEvents, sendMessage, uploadSnapshot } from './proctor-service.ts';
import { ErrorBody, IdParams } from './schema.ts';

/** Proctoring (监考): the candidate's browser reports; proctors watch, message and force-submit. */
export const proctorRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['proctoring'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const meta = (request: { ip: string; headers: Record<string, unknown> }) => ({ ip: request.ip, userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null });
  // a snapshot is the raw image as the body; Fastify refuses a larger one with 413 before it is read
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp'], { parseAs: 'buffer', bodyLimit: MAX_SNAPSHOT_BYTES }, (_request, body, done) => done(null, body));

  app.post('/attempts/:id/events', {
    schema: { tags, summary: 'Report focus loss, tab switches, fullscreen exits, copy/paste attempts (server-stamped); auto-submits at the declared N-th violation', params: AttemptParams, body: EventsBody, response: { 200: EventsAck, ...errors } },
  }, async (request) => recordEvents(ctx, await request.requireActor(), request.params.id, request.body.events, meta(request)));
  app.post('/attempts/:id/snapshots', {
    schema: { tags, summary: 'A camera snapshot: the body is the image (image/jpeg, image/png or image/webp, ≤ 500 KB)', params: AttemptParams, response: { 201: SnapshotAck, ...errors, 413: ErrorBody } },
  }, async (request, reply) => {
    const actor = await request.requireActor();
    const mime = String(request.headers['content-type'] ?? '').split(';')[0].trim();
    if (!Buffer.isBuffer(request.body)) throw new AppError('UNSUPPORTED_FILE', 'send the image as the body with its image content type', { field: 'image' });
    return reply.status(201).send(await uploadSnapshot(ctx, actor, request.params.id, { mime, bytes: request.body }));
  });
  app.get('/attempts/:id/messages', { schema: { tags, summary: 'Messages from the proctors to me or to everyone (poll with after=last id)', params: AttemptParams, querystring: MessagesQuery, response: { 200: MessageList, ...errors } } }, async (request) => {
    return myMessages(ctx, await request.requireActor(), request.params.id, request.query.after);
  });

  app.get('/exams/:id/proctor', { schema: { tags, summary: 'The live proctor view: who is in, progress, violations, last snapshot', params: IdParams, response: { 200: ProctorViewSchema, ...errors } } }, async (request) => {
    return proctorView(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/exams/attempts/:id/log', { schema: { tags, summary: 'One attempt\'s proctoring log: events with IP and device, violation summary, snapshots', params: AttemptParams, response: { 200: AttemptLog, ...errors } } }, async (request) => {
    return attemptLog(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/exams/snapshots/:id', { schema: { tags, summary: 'A snapshot image', params: IdParams } }, async (request, reply) => {
    const snap = await getSnapshot(ctx, await request.requireActor(), request.params.id);
    reply.header('content-type', snap.mime);
    reply.header('cache-control', 'private, max-age=3600');
    return reply.send(snap.bytes);
  });
  app.post('/exams/:id/messages', { schema: { tags, summary: 'Message one candidate (personId) or all (null)', params: IdParams, body: SendMessageBody, response: { 201: z.object({ id: z.number() }), ...errors } } }, async (request, reply) => {
    return reply.status(201).send(await sendMessage(ctx, await request.requireActor(), request.params.id, request.body));
  });
  app.post('/exams/attempts/:id/force-submit', { schema: { tags, summary: 'Submit a candidate\'s attempt now (graded as it stands)', params: AttemptParams, body: ForceSubmitBody, response: { 200: z.object({ submitted: z.boolean() }), ...errors } } }, async (request) => {
    return forceSubmit(ctx, await request.requireActor(), request.params.id, request.body.reason);
  });
};
