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

/** An armed timer of a `Scheduler` (opaque: only its scheduler can cancel it). */
export type TimerHandle = { readonly __timer: unique symbol };

/**
 * The clock plus timers, for code that runs in real time (a call session: pacing, silence, barge-in,
 * deadlines). Injected so that its tests run in simulated time: `systemScheduler` in the product,
 * `SimulatedScheduler` in tests, where time moves only when the test advances it.
 */
export interface Scheduler extends Clock {
  /** Monotonic milliseconds (for durations; the real one is `performance.now()`). */
  ms(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  setInterval(fn: () => void, ms: number): TimerHandle;
  /** Cancels a timeout or an interval (a null or a fired one is ignored). */
  clear(t: TimerHandle | null | undefined): void;
  /** Resolves after `ms` on this scheduler's time. */
  sleep(ms: number): Promise<void>;
}

/** The real clock and Node's timers. */
export const systemScheduler: Scheduler = {
  now: () => new Date(),
  ms: () => performance.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as TimerHandle,
  setInterval: (fn, ms) => setInterval(fn, ms) as unknown as TimerHandle,
  clear: (t) => {
    if (t) clearTimeout(t as unknown as NodeJS.Timeout); // clearTimeout also clears an interval
  },
  sleep: (ms) => new Promise((r) => setTimeout(r, ms).unref()),
};

interface SimTimer {
  at: number;
  seq: number;
  every: number | null;
  fn: () => void;
}

/**
 * Simulated time: nothing fires until the test advances the clock; timers fire in time order (ties
 * in the order they were set), and between two firings the promises they started are let run, so an
 * `await` chain in the code under test settles before time moves on.
 */
export class SimulatedScheduler implements Scheduler {
  private t = 0;
  private seq = 0;
  private readonly timers = new Set<SimTimer>();
  private readonly epoch: number;

  /** `start` is the wall-clock instant at simulated time 0. */
  constructor(start: Date | string = '2026-01-05T15:00:00.000Z') {
    this.epoch = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.epoch + this.t);
  }
  ms(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, null);
  }
  setInterval(fn: () => void, ms: number): TimerHandle {
    return this.add(fn, ms, Math.max(1, ms));
  }
  clear(t: TimerHandle | null | undefined): void {
    if (t) this.timers.delete(t as unknown as SimTimer);
  }
  sleep(ms: number): Promise<void> {
    return new Promise((r) => this.setTimeout(r, ms));
  }

  /** Timers armed and not yet fired (intervals count while they run). */
  get pending(): number {
    return this.timers.size;
  }

  /**
   * Moves time forward by `ms`, firing every timer that falls due on the way, in order. Real I/O the
   * code started (a socket, a child process) gets a turn of the event loop between firings.
   */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await settle();
    for (;;) {
      const next = this.nextDue(end);
      if (!next) break;
      this.t = next.at;
      if (next.every === null) this.timers.delete(next);
      else next.at += next.every;
      next.fn();
      await settle();
    }
    this.t = end;
    await settle();
  }

  /** Advances in `stepMs` steps until `cond` holds or `maxMs` of simulated time passed; answers `cond`. */
  async until(cond: () => boolean, maxMs: number, stepMs = 10): Promise<boolean> {
    const end = this.t + maxMs;
    while (!cond() && this.t < end) await this.advance(Math.min(stepMs, end - this.t));
    return cond();
  }

  private add(fn: () => void, ms: number, every: number | null): TimerHandle {
    const timer: SimTimer = { at: this.t + Math.max(0, ms), seq: ++this.seq, every, fn };
    this.timers.add(timer);
    return timer as unknown as TimerHandle;
  }

  private nextDue(end: number): SimTimer | null {
    let best: SimTimer | null = null;
    for (const x of this.timers)
      if (x.at <= end && (!best || x.at < best.at || (x.at === best.at && x.seq < best.seq))) best = x;
    return best;
  }
}

/** Lets pending promise callbacks (and one turn of I/O) run. */
function settle(): Promise<void> {
  return new Promise((r) => setImmediate(r));
}
