import type { Logger } from 'pino';

/** Error codes and names of a dependency going away (network, Redis, PostgreSQL): never a reason to drop live calls. */
const DEPENDENCY_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08003',
  '08001',
  '57014',
  '53300',
]);
const DEPENDENCY_NAMES = new Set(['MaxRetriesPerRequestError', 'AbortError', 'DeadlineError', 'TimeoutError']);
const DEPENDENCY_MESSAGES =
  /Connection is closed|Command timed out|Stream isn't writeable|Connection terminated|timeout exceeded when trying to connect|Query read timeout|canceling statement due to statement timeout|Client has encountered a connection error/i;

/** True for an error that says a dependency failed, not that our own state is broken. */
export function isDependencyFailure(err: unknown): boolean {
  // Query layers wrap the driver's error (Drizzle's `cause`): look a few levels down.
  for (let cur = err, i = 0; i < 4 && cur && typeof cur === 'object'; i++, cur = (cur as { cause?: unknown }).cause) {
    const e = cur as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof e.code === 'string' && DEPENDENCY_CODES.has(e.code)) return true;
    if (typeof e.name === 'string' && DEPENDENCY_NAMES.has(e.name)) return true;
    if (typeof e.message === 'string' && DEPENDENCY_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/**
 * The process-level policy: a rejected promise nobody handled is logged and the node goes on (one
 * forgotten `.catch` on a Redis or database call must not drop every live call on the node); an
 * uncaught exception from a dependency going away likewise. Any other uncaught exception means our
 * own state may be corrupt: `onFatal` (a graceful close, then exit). Answers a function that removes the handlers.
 */
export function installProcessGuards(
  logger: Pick<Logger, 'error' | 'fatal'>,
  onFatal: (err: unknown) => void,
): () => void {
  const onRejection = (reason: unknown) => {
    logger.error(
      { err: reason, dependency: isDependencyFailure(reason) },
      'unhandled promise rejection (logged; the node keeps running)',
    );
  };
  const onException = (err: unknown) => {
    if (isDependencyFailure(err)) {
      logger.error({ err }, 'uncaught dependency failure (logged; the node keeps running)');
      return;
    }
    logger.fatal({ err }, 'uncaught exception: closing the node');
    onFatal(err);
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
