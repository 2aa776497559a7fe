import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { ChunkParams, CreateUploadBody, ErrorBody, UploadParams, UploadView } from './schema.ts';
import { completeUpload, createUpload, getUpload, MAX_CHUNK, putChunk } from './upload-service.ts';

/** Resumable chunked uploads (registration videos and documents). */
export const uploadRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['uploads'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
  // chunks arrive as raw bytes; this parser is scoped to this plugin
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: MAX_CHUNK + 1024 }, (_req, body, done) => done(null, body));

  app.post('/uploads', { schema: { tags, summary: 'Declare an upload: returns its id, chunk size and count', body: CreateUploadBody, response: { 201: UploadView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createUpload(ctx, actor, request.body));
  });
  app.get('/uploads/:id', { schema: { tags, summary: 'Which chunks arrived (to resume) and how many bytes', params: UploadParams, response: { 200: UploadView, ...errors } } }, async (request) => {
    return getUpload(ctx, await request.requireActor(), request.params.id);
  });
  app.put('/uploads/:id/chunks/:index', { bodyLimit: MAX_CHUNK + 1024, schema: { tags, summary: 'Send chunk INDEX as application/octet-stream', params: ChunkParams, response: { 200: UploadView, ...errors } } }, async (request) => {
    return putChunk(ctx, await request.requireActor(), request.params.id, request.params.index, request.body as Buffer);
  });
  app.post('/uploads/:id/complete', { schema: { tags, summary: 'Join the chunks once all arrived', params: UploadParams, response: { 200: UploadView, ...errors } } }, async (request) => {
    return completeUpload(ctx, await request.requireActor(), request.params.id);
  });
};
