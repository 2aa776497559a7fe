/**
 * The one error type of the domain. Expected failures carry a code and become a 4xx at
 * the edge (plugins/errors.ts); anything else is a bug and becomes a 500 with no details.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'LOCKED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_FILE'
  | 'UNAVAILABLE';

const statusOf: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_FILE: 400,
  UNAVAILABLE: 503,
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly details?: unknown;
  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }
  get status(): number {
    return statusOf[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (why = 'Not allowed') => new AppError('FORBIDDEN', why);
/** A refused field; `reasonZh`: the whole reason in Chinese, when the domain words it itself (lib/reason-zh.ts covers the generic ones). */
export const invalid = (field: string, message: string, reasonZh?: string) => new AppError('VALIDATION', message, { field, ...(reasonZh ? { details: { reasonZh } } : {}) });
