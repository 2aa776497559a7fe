import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { addCandidates, importCandidates, listCandidates, removeCandidates, setExtraTime } from './candidate-service.ts';
import { createExam, getExam, listExams, setExamStatus, updateExam } from './exam-service.ts';
import { CandidateChange, CandidateList, CandidateSelection, CreateExamBody, ErrorBody, ExamList, ExamView, ExtraTimeBody, IdParams, PersonParams, RemoveCandidatesBody, UpdateExamBody } from './schema.ts';

/** Organisers: exams and their candidate lists. */
export const examRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['exams'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/exams', { schema: { tags, summary: 'Exams in my organisation subtrees', response: { 200: ExamList, ...errors } } }, async (request) => listExams(ctx, await request.requireActor()));
  app.post('/exams', { schema: { tags, summary: 'Create an exam (draft) over a paper (shuffled per candidate) or a paper set (dealt out)', body: CreateExamBody, response: { 201: ExamView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createExam(ctx, actor, request.body));
  });
  app.get('/exams/:id', { schema: { tags, summary: 'One exam', params: IdParams, response: { 200: ExamView, ...errors } } }, async (request) => getExam(ctx, await request.requireActor(), request.params.id));
  app.patch('/exams/:id', { schema: { tags, summary: 'Change an exam (the paper source only before anyone starts)', params: IdParams, body: UpdateExamBody, response: { 200: ExamView, ...errors } } }, async (request) => {
    return updateExam(ctx, await request.requireActor(), request.params.id, request.body);
  });
  app.post('/exams/:id/status', {
    schema: { tags, summary: 'Publish (candidates see it), back to draft, or archive', params: IdParams, body: z.object({ status: z.enum(['draft', 'published', 'archived']) }), response: { 200: ExamView, ...errors } },
  }, async (request) => setExamStatus(ctx, await request.requireActor(), request.params.id, request.body.status));

  app.get('/exams/:id/candidates', { schema: { tags, summary: 'Candidates and the paper dealt to each', params: IdParams, response: { 200: CandidateList, ...errors } } }, async (request) => {
    return listCandidates(ctx, await request.requireActor(), request.params.id);
  });
  app.post('/exams/:id/candidates', {
    schema: { tags, summary: 'Add candidates by organisation subtree, track, person ids or 工号 (or replace the list)', params: IdParams, body: CandidateSelection, response: { 200: CandidateChange, ...errors } },
  }, async (request) => addCandidates(ctx, await request.requireActor(), request.params.id, request.body));
  app.post('/exams/:id/candidates/import', {
    schema: { tags, summary: 'Add candidates from a spreadsheet (.xlsx/.csv, column 工号; multipart field "file", optional field replace=true)', consumes: ['multipart/form-data'], params: IdParams, response: { 200: CandidateChange, ...errors, 413: ErrorBody } },
  }, async (request) => {
    const actor = await request.requireActor();
    if (!request.isMultipart()) throw new AppError('VALIDATION', 'send the file as multipart/form-data in the field "file"', { field: 'file' });
    let file: { buffer: Buffer; fileName: string } | undefined;
    let replace = false;
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') { part.file.resume(); continue; }
        const buffer = await part.toBuffer();
        if (part.file.truncated) throw new AppError('PAYLOAD_TOO_LARGE', `the file is larger than ${ctx.config.maxUploadMb} MB`, { field: 'file' });
        file = { buffer, fileName: part.filename || 'upload' };
      } else if (part.fieldname === 'replace') replace = part.value === 'true';
    }
    if (!file) throw new AppError('VALIDATION', 'no file in the field "file"', { field: 'file' });
    return importCandidates(ctx, actor, request.params.id, file, replace);
  });
  app.post('/exams/:id/candidates/remove', { schema: { tags, summary: 'Remove candidates who have not started', params: IdParams, body: RemoveCandidatesBody, response: { 200: CandidateChange, ...errors } } }, async (request) => {
    return removeCandidates(ctx, await request.requireActor(), request.params.id, request.body.personIds);
  });
  app.put('/exams/:id/candidates/:personId/extra-time', {
    schema: { tags, summary: 'Extra time for one candidate (applies to attempts started afterwards; never past the window)', params: PersonParams, body: ExtraTimeBody, response: { 200: CandidateList, ...errors } },
  }, async (request) => setExtraTime(ctx, await request.requireActor(), request.params.id, request.params.personId, request.body.extraMinutes));
};
