import { AppError } from '../../errors.ts';

/**
 * Expected failures of the contests engine are values, never exceptions: a `Result` whose
 * problems each name the field (a path into the input) and say what is wrong in English and
 * Chinese. The service turns a failed result into an AppError('VALIDATION') with `orThrow`.
 * Bugs (an impossible state) still throw.
 */
export type Problem = { field: string; message: string; messageZh: string };

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const problem = (field: string, message: string, messageZh: string): Problem => ({ field, message, messageZh });

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/** The value, or an AppError('VALIDATION') naming the first problem's field and carrying all of them. */
export function orThrow<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  const first = result.problems[0];
  const message = result.problems.map((p) => p.message).join('; ');
  throw new AppError('VALIDATION', message, { field: first?.field, details: result.problems });
}
