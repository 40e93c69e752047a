/**
 * Work that can wait gives way to live calls. Closing the records of calls that just ended and writing
 * their summaries are a dozen database statements each; when a burst of calls rings while the last
 * ones end, that bookkeeping competes for the node's one event loop with the webhooks and stream
 * starts the new callers are waiting on. Such work first waits for a quiet moment: a short timer that
 * fires on time (the loop is keeping up), or at most `maxWaitMs`.
 */
export interface QuietOptions {
  /** How late a sampling timer may fire and the loop still count as quiet. */
  lagMs?: number;
  /** The sampling timer's period. */
  sampleMs?: number;
  /** Never waits longer than this: the work is deferred, not starved. */
  maxWaitMs?: number;
}

/** Resolves once this process's event loop keeps time again (or after `maxWaitMs`); answers how long it waited. */
export async function untilQuiet(opts: QuietOptions = {}): Promise<number> {
  const { lagMs = 25, sampleMs = 20, maxWaitMs = 3_000 } = opts;
  const start = performance.now();
  for (;;) {
    const t = performance.now();
    await new Promise<void>((r) => setTimeout(r, sampleMs));
    const now = performance.now();
    if (now - t - sampleMs < lagMs || now - start >= maxWaitMs) return now - start;
  }
}
