import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { createLevel, levelPaper, myBadges, myLevels, submitLevel } from './practice-level-service.ts';
import { BadgeList, CreateLevelBody, DailyQuery, DailySet, Leaderboard, LeaderboardQuery, LevelList, LevelOutcome, LevelPaper, LevelSubmitBody, MasteryView, PracticeAnswerBody, PracticeFeedback, WrongBookView } from './practice-schema.ts';
import { answerPractice, dailyPractice, leaderboard, mastery, wrongBook } from './practice-service.ts';
import { ErrorBody, IdParams } from './schema.ts';

/** Practice (练习): daily practice, wrong-answer book, levels, badges, mastery, leaderboard. */
export const practiceRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['practice'];
  const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

  app.get('/practice/daily', { schema: { tags, summary: 'Today\'s practice: wrong-book questions first, then the weakest knowledge points', querystring: DailyQuery, response: { 200: DailySet, ...errors } } }, async (request) => dailyPractice(ctx, await request.requireActor(), request.query.count));
  app.post('/practice/answers', { schema: { tags, summary: 'Answer one practice question; the reply grades it and shows the key', body: PracticeAnswerBody, response: { 200: PracticeFeedback, ...errors } } }, async (request) => answerPractice(ctx, await request.requireActor(), request.body));
  app.get('/practice/wrong-book', { schema: { tags, summary: 'My wrong-answer book (错题本): leaves it after two right answers in a row', response: { 200: WrongBookView, ...errors } } }, async (request) => wrongBook(ctx, await request.requireActor()));
  app.get('/practice/mastery', { schema: { tags, summary: 'Mastery per knowledge point (for the chart)', response: { 200: MasteryView, ...errors } } }, async (request) => mastery(ctx, await request.requireActor()));
  app.get('/practice/levels', { schema: { tags, summary: 'The levels (闯关) that apply to me and my progress', response: { 200: LevelList, ...errors } } }, async (request) => myLevels(ctx, await request.requireActor()));
  app.post('/practice/levels', { schema: { tags, summary: 'Add a level from a paper (organisers)', body: CreateLevelBody, response: { 201: z.object({ id: z.number() }), ...errors } } }, async (request, reply) => {
    return reply.status(201).send(await createLevel(ctx, await request.requireActor(), request.body));
  });
  app.get('/practice/levels/:id', { schema: { tags, summary: 'An open level\'s questions (no key)', params: IdParams, response: { 200: LevelPaper, ...errors } } }, async (request) => levelPaper(ctx, await request.requireActor(), request.params.id));
  app.post('/practice/levels/:id/submit', { schema: { tags, summary: 'Submit a level: score, pass or not, the levels now open', params: IdParams, body: LevelSubmitBody, response: { 200: LevelOutcome, ...errors } } }, async (request) => {
    return submitLevel(ctx, await request.requireActor(), request.params.id, request.body.answers);
  });
  app.get('/practice/badges', { schema: { tags, summary: 'My badges and progress towards each', response: { 200: BadgeList, ...errors } } }, async (request) => myBadges(ctx, await request.requireActor()));
  app.get('/practice/leaderboard', { schema: { tags, summary: 'Practice leaderboard of an organisation (default: my province)', querystring: LeaderboardQuery, response: { 200: Leaderboard, ...errors } } }, async (request) => leaderboard(ctx, await request.requireActor(), request.query));
};
