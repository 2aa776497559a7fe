import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { readAttachment, uploadAttachment } from './attachment-service.ts';
import { ErrorBody, IdParams } from './schema.ts';

const Uploaded = z.object({ id: z.number(), name: z.string(), kind: z.enum(['image', 'audio', 'video', 'file']), size: z.number(), url: z.string() });

export const attachmentRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['questions'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 413: ErrorBody };

  app.post('/banks/:id/attachments', {
    schema: { tags, summary: 'Upload a medium for scenario questions (multipart field "file"): image, audio, MP4 or PDF up to 20 MB', consumes: ['multipart/form-data'], params: IdParams, response: { 201: Uploaded, ...errors } },
  }, async (request, reply) => {
    const actor = await request.requireActor();
    if (!request.isMultipart()) throw new AppError('VALIDATION', 'send the file as multipart/form-data in the field "file"', { field: 'file' });
    const part = await request.file();
    if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION', 'no file in the field "file"', { field: 'file' });
    const data = await part.toBuffer();
    if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${ctx.config.maxUploadMb} MB`, { field: 'file' });
    return reply.status(201).send(await uploadAttachment(ctx, actor, request.params.id, { name: part.filename || 'attachment', data }));
  });

  app.get('/attachments/:id', { schema: { tags, summary: 'A scenario medium (for whoever may use its bank)', params: IdParams } }, async (request, reply) => {
    const actor = await request.requireActor();
    const a = await readAttachment(ctx, actor, request.params.id);
    reply.header('content-type', a.mime);
    reply.header('cache-control', 'private, max-age=86400');
    reply.header('etag', `"${a.sha256}"`);
    reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(a.name)}`);
    return reply.send(a.data);
  });
};
