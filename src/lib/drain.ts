/** A live call as the drain sees it: it can be asked to say goodbye and hang up. */
export interface DrainableCall {
  wrapUp(): void;
}

/** What a drain did: calls that ended on their own, and calls it had to close with a goodbye. */
export interface DrainReport {
  finished: number;
  wrappedUp: number;
  leftOpen: number;
  ms: number;
}

/**
 * A node's graceful stop: once draining it takes no new calls (health and the inbound webhook ask
 * it), lets the live ones end on their own up to a limit, then asks the rest to say goodbye and
 * hang up, and waits a grace period for their goodbyes and records.
 */
export function createDrain(now: () => number = () => performance.now()) {
  let draining = false;
  const calls = new Set<DrainableCall>();
  let changed: (() => void) | null = null;
  const waitEmpty = (ms: number) =>
    new Promise<void>((resolve) => {
      if (!calls.size) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        changed = null;
        resolve();
      }
      changed = () => {
        if (!calls.size) done();
      };
    });
  return {
    get draining() {
      return draining;
    },
    get liveCalls() {
      return calls.size;
    },
    /** Tracks a live call; answers the function to call once it has ended and its record is written. */
    add(call: DrainableCall): () => void {
      calls.add(call);
      return () => {
        if (calls.delete(call)) changed?.();
      };
    },
    /** Stops taking calls, lets live ones finish up to `limitMs`, wraps up the rest and waits up to `graceMs` for them. */
    async drain(limitMs: number, graceMs = 10_000): Promise<DrainReport> {
      const t0 = now();
      draining = true;
      const atStart = calls.size;
      await waitEmpty(limitMs);
      const rest = [...calls];
      for (const c of rest) {
        try {
          c.wrapUp();
        } catch {
          /* a call that cannot speak any more is closed by the server's stop */
        }
      }
      await waitEmpty(graceMs);
      return {
        finished: atStart - rest.length,
        wrappedUp: rest.length,
        leftOpen: calls.size,
        ms: Math.round(now() - t0),
      };
    },
  };
}
export type Drain = ReturnType<typeof createDrain>;
