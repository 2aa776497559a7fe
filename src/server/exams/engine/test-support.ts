import { AppError } from '../../errors.ts';

/** The field a refusal names (a thrown AppError's `field`), for tests of the engine's checks; undefined when nothing was thrown. */
export const fieldOf = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return e instanceof AppError ? e.field : 'not an AppError';
  }
  return undefined;
};
