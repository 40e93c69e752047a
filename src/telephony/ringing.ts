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

/** The calls waiting for their stream, each with what ends its wait. */
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
  // A repeated webhook rings the same call again: the earlier ring's wait ends, this one's begins.
  ringing.get(callId)?.();
  // the drain's release is idempotent: the drain stops waiting at `drainWaitMs`, the call stays tracked
  const release = drain.add({
    wrapUp() {
      /* nothing to say yet: the stream has not started */
    },
  });
  const drainTimer = setTimeout(release, o.drainWaitMs ?? 15_000);
  const giveUpTimer = setTimeout(() => {
    end();
    o.noStream?.();
  }, o.giveUpMs ?? 60_000);
  drainTimer.unref();
  giveUpTimer.unref();
  const end = () => {
    clearTimeout(drainTimer);
    clearTimeout(giveUpTimer);
    release();
    if (ringing.get(callId) === end) ringing.delete(callId);
  };
  ringing.set(callId, end);
}

/** The call's stream started (its engine is now tracked). */
export function streamArrived(callId: string): void {
  ringing.get(callId)?.();
}
