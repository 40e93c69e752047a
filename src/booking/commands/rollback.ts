/** Leaving a transaction with a result when a statement has failed (the transaction must roll back). */

/** Thrown inside a transaction to roll it back while carrying a value out. */
export class Rollback<T> extends Error {
  constructor(readonly value: T) {
    super('rollback');
  }
}

/** Runs `work`; a {@link Rollback} thrown inside becomes its carried value after the rollback. */
export async function withRollback<T, R>(work: () => Promise<T>): Promise<T | R> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof Rollback) return e.value as R;
    throw e;
  }
}
