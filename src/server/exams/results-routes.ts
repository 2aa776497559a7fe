import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { actOnAppeal, fileMyAppeal, listAppeals, myAppeals } from './appeal-service.ts';
import { AttemptParams, AttemptResult } from './attempt-schema.ts';
import { markingOverview, nextToMark, submitMark } from './marking-service.ts';
import { releaseResults, withdrawRelease } from './release-service.ts';
import { candidateReport, examResults, exportResults, itemAnalysis, rankings } from './results-service.ts';
import { AppealActionBody, AppealBody, AppealList, AppealView, ItemAnalysisView, MarkAck, MarkBody, MarkingOverview, NextToMark, QuestionParams, Rankings, RankingQuery, ReleaseBody, ResultsTable } from './results-schema.ts';
import { ErrorBody, ExamView, IdParams } from './schema.ts';

/** Marking (阅卷), appeals (申诉), release (公布) and results (成绩、排名、试题分析). */
export const resultsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['exam marking and results'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const Released = z.object({ exam: ExamView, contestRows: z.number() });

  app.get('/exams/:id/marking', { schema: { tags, summary: 'Subjective items to mark, per question, with progress', params: IdParams, response: { 200: MarkingOverview, ...errors } } }, async (request) => markingOverview(ctx, await request.requireActor(), request.params.id));
  app.get('/exams/:id/marking/:questionId/next', { schema: { tags, summary: 'The next blind response for me to mark (no candidate identity)', params: QuestionParams, response: { 200: NextToMark, ...errors } } }, async (request) => {
    return nextToMark(ctx, await request.requireActor(), request.params.id, request.params.questionId);
  });
  app.post('/exams/:id/marking/marks', { schema: { tags, summary: 'Mark a response (double marking and a third marker per the exam\'s policy)', params: IdParams, body: MarkBody, response: { 200: MarkAck, ...errors } } }, async (request) => {
    return submitMark(ctx, await request.requireActor(), request.params.id, request.body);
  });

  app.post('/exams/:id/release', { schema: { tags, summary: 'Release scores (and write them to the linked contest round)', params: IdParams, body: ReleaseBody, response: { 200: Released, ...errors } } }, async (request) => {
    return releaseResults(ctx, await request.requireActor(), request.params.id, request.body);
  });
  app.post('/exams/:id/unrelease', { schema: { tags, summary: 'Hide released scores again', params: IdParams, response: { 200: Released, ...errors } } }, async (request) => withdrawRelease(ctx, await request.requireActor(), request.params.id));
  app.get('/exams/:id/results', { schema: { tags, summary: 'Every candidate\'s counted attempt, rank and violations', params: IdParams, response: { 200: ResultsTable, ...errors } } }, async (request) => examResults(ctx, await request.requireActor(), request.params.id));
  app.get('/exams/:id/rankings', { schema: { tags, summary: 'Rankings overall, per track, or per organisation (depth 1 = provinces)', params: IdParams, querystring: RankingQuery, response: { 200: Rankings, ...errors } } }, async (request) => {
    return rankings(ctx, await request.requireActor(), request.params.id, request.query.by, request.query.depth);
  });
  app.get('/exams/:id/item-analysis', { schema: { tags, summary: 'Item analysis per paper (Moodle quiz statistics)', params: IdParams, response: { 200: ItemAnalysisView, ...errors } } }, async (request) => itemAnalysis(ctx, await request.requireActor(), request.params.id));
  app.get('/exams/:id/export', { schema: { tags, summary: 'Results and item analysis as .xlsx', params: IdParams } }, async (request, reply) => {
    const f = await exportResults(ctx, await request.requireActor(), request.params.id);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.fileName)}`);
    return reply.send(f.body);
  });
  app.get('/exams/attempts/:id/report', { schema: { tags, summary: 'One candidate\'s report with the key and knowledge points (organisers)', params: AttemptParams, response: { 200: AttemptResult, ...errors } } }, async (request) => {
    return candidateReport(ctx, await request.requireActor(), request.params.id);
  });

  app.post('/attempts/:id/appeals', { schema: { tags, summary: 'Appeal my score (an item, or the whole attempt with itemId null)', params: AttemptParams, body: AppealBody, response: { 201: AppealView, ...errors } } }, async (request, reply) => {
    return reply.status(201).send(await fileMyAppeal(ctx, await request.requireActor(), request.params.id, request.body));
  });
  app.get('/attempts/:id/appeals', { schema: { tags, summary: 'My appeals on this attempt, with their trail', params: AttemptParams, response: { 200: AppealList, ...errors } } }, async (request) => myAppeals(ctx, await request.requireActor(), request.params.id));
  app.get('/exams/:id/appeals', { schema: { tags, summary: 'Appeals on an exam (organisers)', params: IdParams, response: { 200: AppealList, ...errors } } }, async (request) => listAppeals(ctx, await request.requireActor(), request.params.id));
  app.post('/exams/appeals/:id/actions', { schema: { tags, summary: 'start-review, uphold, change (new mark) — organisers; withdraw — the candidate', params: IdParams, body: AppealActionBody, response: { 200: AppealView, ...errors } } }, async (request) => {
    return actOnAppeal(ctx, await request.requireActor(), request.params.id, request.body);
  });
};
