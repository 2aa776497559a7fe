import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { exportQuestions, questionTemplate, type FileOut } from './question-export-service.ts';
import { commitQuestionImport, previewQuestionImport, type ImportFormatOption } from './question-import-service.ts';
import { ErrorBody, ExportQuery, IdParams, ImportFormat, ImportPreview, ImportQuery, ImportSummary, JobParams, TemplateQuery } from './schema.ts';

const attachment = (fileName: string) => `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export const questionFileRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['question import and export'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 413: ErrorBody };
  const send = (reply: { header: (k: string, v: string) => unknown; send: (b: Buffer) => unknown }, f: FileOut) => {
    reply.header('content-type', f.contentType);
    reply.header('content-disposition', attachment(f.fileName));
    return reply.send(f.body);
  };

  app.get('/banks/import/template', { schema: { tags, summary: 'The question template (题型,题干,选项A…F,答案,专业,知识点,难度,分值,解析,来源,状态,附件,编号)', querystring: TemplateQuery } }, async (request, reply) => {
    await request.requireActor();
    return send(reply, await questionTemplate(request.query.format));
  });

  app.post('/banks/:id/import', {
    schema: {
      tags,
      summary: 'Upload a question file (multipart field "file"; .xlsx/.csv template, Moodle XML, GIFT or Aiken, detected unless format is given) and preview what it would change; nothing is written',
      consumes: ['multipart/form-data'],
      params: IdParams,
      querystring: ImportQuery,
      response: { 200: ImportPreview, ...errors },
    },
  }, async (request) => {
    const actor = await request.requireActor();
    if (!request.isMultipart()) throw new AppError('VALIDATION', 'send the file as multipart/form-data in the field "file"', { field: 'file' });
    let file: { buffer: Buffer; fileName: string } | undefined;
    let format: ImportFormatOption = request.query.format;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        const buffer = await part.toBuffer().catch((e: { code?: string }) => {
          if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${ctx.config.maxUploadMb} MB`, { field: 'file' });
          throw e;
        });
        if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${ctx.config.maxUploadMb} MB`, { field: 'file' });
        file = { buffer, fileName: part.filename || 'upload' };
      } else if (part.fieldname === 'format') {
        const f = ImportFormat.safeParse(part.value);
        if (!f.success) throw new AppError('VALIDATION', `format must be one of ${ImportFormat.options.join(', ')}`, { field: 'format' });
        format = f.data;
      }
    }
    if (!file) throw new AppError('VALIDATION', 'no file in the field "file"', { field: 'file' });
    return previewQuestionImport(ctx, actor, request.params.id, file, format);
  });

  app.post('/banks/:id/import/:jobId/commit', {
    schema: { tags, summary: 'Write a previewed import in one transaction (re-planned against the bank as it is now)', params: JobParams, response: { 200: ImportSummary, ...errors } },
  }, async (request) => {
    const actor = await request.requireActor();
    return commitQuestionImport(ctx, actor, request.params.id, request.params.jobId);
  });

  app.get('/banks/:id/export', { schema: { tags, summary: 'Download the bank as .xlsx (the template) or Moodle XML', params: IdParams, querystring: ExportQuery } }, async (request, reply) => {
    const actor = await request.requireActor();
    return send(reply, await exportQuestions(ctx, actor, request.params.id, request.query));
  });
};
