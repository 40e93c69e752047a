/** Base error of the application: a stable code, an HTTP status and whether the message may be shown. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly expose: boolean;
  readonly details?: unknown;

  constructor(code: string, message: string, status = 400, details?: unknown, expose = true) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.details = details;
    this.expose = expose;
  }
}

/** Shorthand constructors for the errors every module raises. */
export const errors = {
  notFound: (what = 'resource') => new AppError('NOT_FOUND', `${what} not found`, 404),
  validation: (message: string, details?: unknown) => new AppError('VALIDATION_FAILED', message, 400, details),
  conflict: (code: string, message: string, details?: unknown) => new AppError(code, message, 409, details),
  forbidden: (message = 'your role does not allow this') => new AppError('FORBIDDEN', message, 403),
  unauthorized: (message = 'authentication required') => new AppError('UNAUTHORIZED', message, 401),
  rateLimited: (retryAfterSec: number) =>
    new AppError('RATE_LIMITED', 'too many requests, try again later', 429, { retryAfterSec }),
};

/** True when `e` is an AppError (also across module copies). */
export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError');
}
