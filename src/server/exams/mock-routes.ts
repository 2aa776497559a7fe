import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { AttemptParams } from './attempt-schema.ts';
import { DeclareMockBody, MockAttemptView, MockExamList, MockExamView, MockFlagBody, MockHistory, MockResult, MockSaveAck, MockSaveBody, MyMockList, MyWeeks, LeaderboardLimit, UpdateMockBody, WeekLeaderboard, WeekParams } from './mock-schema.ts';
import { declareMock, getMockAttempt, listDeclaredMocks, mockResult, myMockHistory, myMocks, saveMockAnswer, myWeeks, startMock, submitMock, updateMock, weekLeaderboard } from './mock-service.ts';
import { ErrorBody, IdParams } from './schema.ts';

/** Mock exams (模拟考): declared by organisers per subtree, sat by learners from the practice area. */
export const mockRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['practice: mock exams'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/practice/mock-exams', { schema: { tags, summary: 'Mock exams declared in my subtrees (organisers)', response: { 200: MockExamList, ...errors } } }, async (request) => listDeclaredMocks(ctx, await request.requireActor()));
  app.post('/practice/mock-exams', { schema: { tags, summary: 'Declare a mock exam for a subtree over a bank blueprint (objective sections only)', body: DeclareMockBody, response: { 201: MockExamView, ...errors } } }, async (request, reply) => {
    return reply.status(201).send(await declareMock(ctx, await request.requireActor(), request.body));
  });
  app.patch('/practice/mock-exams/:id', { schema: { tags, summary: 'Rename, change the duration or attempts per day, open or close a mock exam', params: IdParams, body: UpdateMockBody, response: { 200: MockExamView, ...errors } } }, async (request) => {
    return updateMock(ctx, await request.requireActor(), request.params.id, request.body);
  });

  app.get('/practice/mocks', { schema: { tags, summary: 'Mock exams open to me, with attempts left today, the attempt in progress and my best', response: { 200: MyMockList, ...errors } } }, async (request) => myMocks(ctx, await request.requireActor()));
  app.get('/practice/mocks/history', { schema: { tags, summary: 'My mock exam scores over time (for the chart)', response: { 200: MockHistory, ...errors } } }, async (request) => myMockHistory(ctx, await request.requireActor()));
  app.get('/practice/mocks/:id/weeks/:week/leaderboard', {
    schema: { tags, summary: 'A weekly quiz\'s leaderboard for a week (2026-W48, or current): top `limit` by score then time, ties share a place, and my place; for the subtree\'s learners and organisers over it', params: WeekParams, querystring: LeaderboardLimit, response: { 200: WeekLeaderboard, ...errors } },
  }, async (request) => weekLeaderboard(ctx, await request.requireActor(), request.params.id, request.params.week === 'current' ? null : request.params.week, request.query.limit));
  app.get('/practice/mocks/:id/leaderboard', { schema: { tags, summary: 'A weekly quiz\'s leaderboard for the current week', params: IdParams, querystring: LeaderboardLimit, response: { 200: WeekLeaderboard, ...errors } } }, async (request) => {
    return weekLeaderboard(ctx, await request.requireActor(), request.params.id, null, request.query.limit);
  });
  app.get('/practice/mocks/:id/weeks', { schema: { tags, summary: 'My weekly scores on a weekly quiz over the weeks, with my place each week', params: IdParams, response: { 200: MyWeeks, ...errors } } }, async (request) => myWeeks(ctx, await request.requireActor(), request.params.id));
  app.post('/practice/mocks/:id/attempts', { schema: { tags, summary: 'Start (a paper is assembled for this attempt) or resume the attempt in progress', params: IdParams, response: { 200: MockAttemptView, ...errors } } }, async (request) => {
    return startMock(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/practice/mock-attempts/:id', { schema: { tags, summary: 'My mock attempt: paper (no key), answers, server clock', params: AttemptParams, response: { 200: MockAttemptView, ...errors } } }, async (request) => getMockAttempt(ctx, await request.requireActor(), request.params.id));
  app.put('/practice/mock-attempts/:id/answers', { schema: { tags, summary: 'Save one answer (409 once submitted or past deadline + grace)', params: AttemptParams, body: MockSaveBody, response: { 200: MockSaveAck, ...errors } } }, async (request) => {
    return saveMockAnswer(ctx, await request.requireActor(), request.params.id, { field: 'answer', ...request.body });
  });
  app.put('/practice/mock-attempts/:id/flags', { schema: { tags, summary: 'Flag or unflag an item', params: AttemptParams, body: MockFlagBody, response: { 200: MockSaveAck, ...errors } } }, async (request) => {
    return saveMockAnswer(ctx, await request.requireActor(), request.params.id, { field: 'flag', ...request.body });
  });
  app.post('/practice/mock-attempts/:id/submit', { schema: { tags, summary: 'Submit (idempotent): graded at once, wrong answers go to the wrong-answer book', params: AttemptParams, response: { 200: MockResult, ...errors } } }, async (request) => {
    return submitMock(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/practice/mock-attempts/:id/result', { schema: { tags, summary: 'My result: score, by knowledge point, each item with the key', params: AttemptParams, response: { 200: MockResult, ...errors } } }, async (request) => mockResult(ctx, await request.requireActor(), request.params.id));
};
