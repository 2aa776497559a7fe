import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { commitPeopleImport, peopleTemplate, previewPeopleImport } from './people-import-service.ts';
import { ErrorBody, ImportCommitBody, ImportPreview, ImportResult, JobParams, TemplateQuery } from './schema.ts';

const truthy = (v: unknown) => v === true || v === 'true' || v === '1' || v === 'on';

export const importRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['people import'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };

  app.get('/people/import/template', { schema: { tags, summary: 'Download the people template (工号,姓名,性别,组织,手机,专业,角色)', querystring: TemplateQuery } }, async (request, reply) => {
    await request.requireActor();
    const t = await peopleTemplate(request.query.format, request.query.lang);
    reply.header('content-type', t.contentType);
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(t.fileName)}`);
    return reply.send(t.body);
  });

  app.post('/people/import', {
    schema: {
      tags,
      summary: 'Upload a people spreadsheet (.xlsx or .csv, multipart field "file") and preview what it would change; nothing is written',
      consumes: ['multipart/form-data'],
      querystring: z.object({ createOrganisations: z.enum(['true', 'false']).optional() }),
      response: { 200: ImportPreview, ...errors },
    },
  }, async (request) => {
    const actor = await request.requireActor();
    if (!request.isMultipart()) throw new AppError('VALIDATION', 'send the file as multipart/form-data in the field "file"', { field: 'file' });
    let file: { buffer: Buffer; fileName: string } | undefined;
    let createOrganisations = truthy(request.query.createOrganisations);
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        const buffer = await part.toBuffer();
        if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${ctx.config.maxUploadMb} MB`, { field: 'file' });
        file = { buffer, fileName: part.filename || 'upload' };
      } else if (part.fieldname === 'createOrganisations') {
        createOrganisations = truthy(part.value);
      }
    }
    if (!file) throw new AppError('VALIDATION', 'no file in the field "file"', { field: 'file' });
    return previewPeopleImport(ctx, actor, file, { createOrganisations });
  });

  app.post('/people/import/:jobId/commit', {
    schema: { tags, summary: 'Write a previewed import: the valid rows, or all or nothing', params: JobParams, body: ImportCommitBody, response: { 200: ImportResult, ...errors } },
  }, async (request) => {
    const actor = await request.requireActor();
    return commitPeopleImport(ctx, actor, request.params.jobId, request.body.mode);
  });
};
