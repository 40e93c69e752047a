/**
 * Work that can wait gives way to live calls. Closing the records of calls that just ended and writing
 * their summaries are a dozen database statements each; when a burst of calls rings while the last
 * ones end, that bookkeeping competes with the webhooks and stream starts the new callers are waiting
 * on: for the node's one event loop, and on the embedded database (one connection, statements run in
 * turn) for the database itself, where a ring's insert waited behind hundreds of completions' statements.
 * Such work first waits for a quiet moment: no call set up for `calmMs`, and a short timer that fires
 * on time (the loop is keeping up), or at most `maxWaitMs`.
 */
export interface QuietOptions {
  /** How late a sampling timer may fire and the loop still count as quiet. */
  lagMs?: number;
  /** The sampling timer's period. */
  sampleMs?: number;
  /** How long after the last call set-up (ring, stream start) the node counts as calm. */
  calmMs?: number;
  /** Never waits longer than this: the work is deferred, not starved. */
  maxWaitMs?: number;
}

/** When this process last began setting up a call (`performance.now()`). */
let lastCallSetupAt = -Infinity;

/** Marks a call being set up now (a ring, a stream start): deferrable work waits until set-ups pause. */
export function callSetupBegan(): void {
  lastCallSetupAt = performance.now();
}

/** Resolves once calls stop being set up and the event loop keeps time (or after `maxWaitMs`); answers how long it waited. */
export async function untilQuiet(opts: QuietOptions = {}): Promise<number> {
  const { lagMs = 25, sampleMs = 20, calmMs = 250, maxWaitMs = 5_000 } = opts;
  const start = performance.now();
  for (;;) {
    const t = performance.now();
    await new Promise<void>((r) => setTimeout(r, sampleMs));
    const now = performance.now();
    const calm = now - lastCallSetupAt >= calmMs && now - t - sampleMs < lagMs;
    if (calm || now - start >= maxWaitMs) return now - start;
  }
}
