/**
 * How long tests wait. A loaded two-core CI machine is several times slower than an idle laptop, so
 * every wait in the suites is a multiple of one base figure: `TEST_TIMEOUT_SCALE` (default 1) lets
 * `.ci/run` or a developer on a busy machine stretch them all without touching a test.
 */
export const TIMEOUT_SCALE = Math.max(1, Number(process.env.TEST_TIMEOUT_SCALE ?? '1') || 1);

/** `ms` stretched by `TEST_TIMEOUT_SCALE`. */
export function scaled(ms: number): number {
  return Math.round(ms * TIMEOUT_SCALE);
}

/**
 * How far the product's own voice deadlines (1.5 s to the first reply, 1 s to the first TTS chunk)
 * stretch in suites that check what was said rather than how fast: on a starved CPU the offline
 * brain's database round trips alone can pass 1.5 s and turn a booking into an apology.
 */
export const MAX_VOICE_DEADLINE_SCALE = 20; // the product's config ceiling
export const VOICE_DEADLINE_SCALE = Math.min(MAX_VOICE_DEADLINE_SCALE, 4 * TIMEOUT_SCALE);
