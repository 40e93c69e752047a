/** Rejects with a `DeadlineError` when `work` has not settled within `ms`; the timer never keeps the process alive. */
export async function withDeadline<T>(work: Promise<T>, ms: number, what = 'operation'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineError(`${what} took longer than ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** A dependency did not answer in time. */
export class DeadlineError extends Error {
  override name = 'DeadlineError';
}
