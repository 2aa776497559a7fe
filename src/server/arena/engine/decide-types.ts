import type { EventBody } from './events.ts';

/** An event body as handlers build it; decide stamps `at` and `by`. */
export type BodyOut = EventBody;
export type HandlerResult = { ok: true; events: BodyOut[] } | { ok: false; code: import('./commands.ts').RefusalCode; reason: string };
export const okWith = (...events: BodyOut[]): HandlerResult => ({ ok: true, events });
