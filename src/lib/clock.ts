/** A source of the current time; injected so that logic never reads the wall clock itself. */
export interface Clock {
  now(): Date;
}

/** The real wall clock. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock fixed at (or offset from) a given instant; for tests and the simulator's `now`. */
export function fixedClock(at: Date | string, advancing = false): Clock {
  const base = typeof at === 'string' ? new Date(at) : at;
  const started = Date.now();
  return { now: () => new Date(base.getTime() + (advancing ? Date.now() - started : 0)) };
}
