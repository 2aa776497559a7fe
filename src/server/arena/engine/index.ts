/** The live-round engine (issue 6): pure, event-sourced; see docs in each module. */
export * from './model.ts';
export * from './commands.ts';
export * from './events.ts';
export { decide, settle, foldNew } from './decide.ts';
export { evolve, replay, replaySteps, EventSequenceError } from './evolve.ts';
export { initialState, type ArenaState, type QuestionRun } from './state.ts';
export * from './buzz.ts';
export * from './rtt.ts';
export { speedPoints, streakBonus, speedBonus, scoreMassAnswer, distributionOf } from './mass-quiz.ts';
export { placeOf, topOf, podiumOf, type Ranked, type Standing } from './leaderboard.ts';
export * from './views.ts';
export * from './replay-export.ts';
