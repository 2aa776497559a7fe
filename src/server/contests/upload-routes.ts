import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import fs from 'node:fs';
import type { AppContext } from '../context.ts';
import { ChunkParams, CreateUploadBody, ErrorBody, MaterialParams, UploadParams, UploadView } from './schema.ts';
import { completeUpload, createUpload, getUpload, materialFile, MAX_CHUNK, parseRange, putChunk } from './upload-service.ts';

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
  app.get('/contests/:id/entries/:entryId/materials/:uploadId', { schema: { tags, summary: "A registration's material (document or video; Range requests answered with 206), for the registrant, the reviewers over its organisation and the organisers", params: MaterialParams, response: { 200: z.any(), 206: z.any(), ...errors } } }, async (request, reply) => {
    const m = await materialFile(ctx, await request.requireActor(), request.params.id, request.params.entryId, request.params.uploadId);
    const disposition = `${m.inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(m.fileName)}`;
    reply.header('accept-ranges', 'bytes').header('content-type', m.contentType).header('content-disposition', disposition).header('x-content-type-options', 'nosniff').header('content-security-policy', "default-src 'none'; sandbox").header('cache-control', 'private, max-age=3600');
    const range = parseRange(request.headers.range, m.size);
    if (range === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${m.size}`).send();
    if (!range) return reply.header('content-length', m.size).send(fs.createReadStream(m.file));
    return reply.status(206).header('content-range', `bytes ${range.start}-${range.end}/${m.size}`).header('content-length', range.end - range.start + 1).send(fs.createReadStream(m.file, { start: range.start, end: range.end }));
  });
  app.post('/uploads/:id/complete', { schema: { tags, summary: 'Join the chunks once all arrived', params: UploadParams, response: { 200: UploadView, ...errors } } }, async (request) => {
    return completeUpload(ctx, await request.requireActor(), request.params.id);
  });
};
