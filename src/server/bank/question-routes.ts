import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import type { Question } from './engine/model.ts';
import { createQuestion, getQuestion, listQuestions, questionStats, setQuestionStatus, updateQuestion } from './question-service.ts';
import { BankStats, ErrorBody, IdParams, QuestionDetail, QuestionInput, QuestionListQuery, QuestionPage, QuestionView, SaveQuestionResult } from './schema.ts';

export const questionRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['questions'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/banks/:id/questions', {
    schema: { tags, summary: 'Questions of a bank: filters (type, track, difficulty, status, knowledge-point subtree), full-text q on stems and options, pages', params: IdParams, querystring: QuestionListQuery, response: { 200: QuestionPage, ...errors } },
  }, async (request) => {
    const actor = await request.requireActor();
    return listQuestions(ctx, actor, request.params.id, request.query);
  });
  app.get('/banks/:id/stats', {
    schema: { tags, summary: 'Counts by type, status and difficulty under the same filters as the question list', params: IdParams, querystring: QuestionListQuery, response: { 200: BankStats, ...errors } },
  }, async (request) => {
    const actor = await request.requireActor();
    const { page: _page, pageSize: _pageSize, ...filter } = request.query;
    return questionStats(ctx, actor, request.params.id, filter);
  });
  app.post('/banks/:id/questions', { schema: { tags, summary: 'Add a question', params: IdParams, body: QuestionInput, response: { 201: QuestionView, ...errors } } }, async (request, reply) => {
    const actor = await request.requireActor();
    return reply.status(201).send(await createQuestion(ctx, actor, request.params.id, request.body as Question));
  });
  app.get('/questions/:id', { schema: { tags, summary: 'A question with its version history (newest first)', params: IdParams, response: { 200: QuestionDetail, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return getQuestion(ctx, actor, request.params.id);
  });
  app.put('/questions/:id', {
    schema: { tags, summary: 'Save a question: a change of content is a new version (papers keep theirs); a change of status alone is not', params: IdParams, body: QuestionInput, response: { 200: SaveQuestionResult, ...errors } },
  }, async (request) => {
    const actor = await request.requireActor();
    return updateQuestion(ctx, actor, request.params.id, request.body as Question);
  });
  app.post('/questions/:id/retire', { schema: { tags, summary: 'Retire a question (停用): assembly no longer picks it', params: IdParams, response: { 200: QuestionView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return setQuestionStatus(ctx, actor, request.params.id, 'retired');
  });
  app.post('/questions/:id/activate', { schema: { tags, summary: 'Activate a draft or retired question (启用)', params: IdParams, response: { 200: QuestionView, ...errors } } }, async (request) => {
    const actor = await request.requireActor();
    return setQuestionStatus(ctx, actor, request.params.id, 'active');
  });
};
