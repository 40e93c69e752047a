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
