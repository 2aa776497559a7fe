/**
 * Expected refusals of the judging engine: a typed value, never a throw. The service turns a
 * refusal into a 4xx (or, for the phone's offline queue, into a per-item status it can show).
 */
export type Refusal<C extends string = string> = { ok: false; code: C; reason: string; reasonZh: string };

export const refuse = <C extends string>(code: C, reason: string, reasonZh: string): Refusal<C> => ({ ok: false, code, reason, reasonZh });
