import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { getAttempt, getAttemptClock, listMyExams, saveAnswersToAttempt, saveToAttempt, startAttempt, submitAttempt } from './attempt-service.ts';
import { AttemptClock, AttemptParams, AttemptResult, AttemptSummary, AttemptView, FlagBody, MyExamList, SaveAck, SaveAcks, SaveAnswerBody, SaveAnswersBody } from './attempt-schema.ts';
import { getMyResult } from './result-service.ts';
import { ErrorBody, IdParams } from './schema.ts';

/** Candidates: my exams, start/resume, the paper, saves, flags, submit, my result. */
export const attemptRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['exam attempts'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
  const meta = (request: { ip: string; headers: Record<string, unknown> }) => ({ ip: request.ip, userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null });

  app.get('/my/exams', { schema: { tags, summary: 'The published exams I am a candidate of, with my attempts', response: { 200: MyExamList, ...errors } } }, async (request) => listMyExams(ctx, await request.requireActor()));
  app.post('/exams/:id/attempts', {
    schema: { tags, summary: 'Start an attempt, or resume the one in progress (same attempt, same deadline, any device)', params: IdParams, response: { 200: AttemptSummary, ...errors } },
  }, async (request) => startAttempt(ctx, await request.requireActor(), request.params.id, meta(request)));
  app.get('/attempts/:id', {
    schema: { tags, summary: 'My attempt: the clock, the paper in my order (never the key), my saved answers and flags', params: AttemptParams, response: { 200: AttemptView, ...errors } },
  }, async (request) => getAttempt(ctx, await request.requireActor(), request.params.id, meta(request)));
  app.get('/attempts/:id/clock', {
    schema: { tags, summary: 'My attempt\'s clock only (server time, deadline, remaining, status), for re-syncing the countdown', params: AttemptParams, response: { 200: AttemptClock, ...errors } },
  }, async (request) => getAttemptClock(ctx, await request.requireActor(), request.params.id));
  app.put('/attempts/:id/answers', {
    schema: { tags, summary: 'Save one answer; the reply acknowledges it with a sequence number (the last acknowledged write wins per item)', params: AttemptParams, body: SaveAnswerBody, response: { 200: SaveAck, ...errors } },
  }, async (request) => saveToAttempt(ctx, await request.requireActor(), request.params.id, { field: 'answer', itemId: request.body.itemId, tabId: request.body.tabId, response: request.body.response }));
  app.post('/attempts/:id/answers', {
    schema: { tags, summary: 'Save several answers (the page\'s queued changes, in order) in one request: all acknowledged with consecutive sequence numbers, or none', params: AttemptParams, body: SaveAnswersBody, response: { 200: SaveAcks, ...errors } },
  }, async (request) => saveAnswersToAttempt(ctx, await request.requireActor(), request.params.id, request.body));
  app.put('/attempts/:id/flags', { schema: { tags, summary: 'Flag or unflag an item for review', params: AttemptParams, body: FlagBody, response: { 200: SaveAck, ...errors } } }, async (request) => {
    return saveToAttempt(ctx, await request.requireActor(), request.params.id, { field: 'flag', itemId: request.body.itemId, tabId: request.body.tabId, flagged: request.body.flagged });
  });
  app.post('/attempts/:id/submit', { schema: { tags, summary: 'Submit (objective items are graded now); idempotent', params: AttemptParams, response: { 200: AttemptSummary, ...errors } } }, async (request) => {
    return submitAttempt(ctx, await request.requireActor(), request.params.id);
  });
  app.get('/attempts/:id/result', {
    schema: { tags, summary: 'My result: scores once released, the key and explanations once answers are released', params: AttemptParams, response: { 200: AttemptResult, ...errors } },
  }, async (request) => getMyResult(ctx, await request.requireActor(), request.params.id));
};
