/**
 * Calls this node answered with a `<Stream>` whose stream has not started yet.
 * - A drain that began between the webhook and the stream's `start` must wait for them too, or the
 *   node exits under a call it promised to take (found by the rolling-restart test: the call was
 *   marked `interrupted`). It waits at most `drainWaitMs`.
 * - A stream that never starts (Twilio could not reach the stream URL, the caller hung up while it
 *   connected) leaves a call that would stay "ringing" for good when no status callback comes: after
 *   `giveUpMs`, `noStream` closes it.
 */
import type { Drain } from '../lib/index.js';

const ringing = new Map<string, () => void>();

export interface RingingOptions {
  /** How long a drain waits for the stream (ms). */
  drainWaitMs?: number;
  /** How long the stream may take before the call is given up (ms). */
  giveUpMs?: number;
  /** Closes the call whose stream never started. */
  noStream?: () => void;
}

/** Counts the call as live for the drain until its stream starts, and gives it up if it never does. */
export function ringingCall(drain: Drain, callId: string, o: RingingOptions = {}): void {
  let drained = false;
  const done = drain.add({
    wrapUp() {
      /* nothing to say yet: the stream has not started */
    },
  });
  const release = () => {
    if (!drained) done();
    drained = true;
  };
  const drainTimer = setTimeout(release, o.drainWaitMs ?? 15_000);
  const giveUpTimer = setTimeout(
    () => {
      if (!ringing.has(callId)) return;
      ringing.delete(callId);
      release();
      o.noStream?.();
    },
    Math.max(o.giveUpMs ?? 60_000, 1),
  );
  drainTimer.unref();
  giveUpTimer.unref();
  ringing.set(callId, () => {
    clearTimeout(drainTimer);
    clearTimeout(giveUpTimer);
    release();
  });
}

/** The call's stream started (its engine is now tracked). */
export function streamArrived(callId: string): void {
  const done = ringing.get(callId);
  ringing.delete(callId);
  done?.();
}
