/**
 * Calls this node answered with a `<Stream>` whose stream has not started yet. A drain that began
 * between the webhook and the stream's `start` must wait for them too, or the node exits under a
 * call it promised to take (found by the rolling-restart test: the call was marked `interrupted`).
 */
import type { Drain } from '../lib/index.js';

const ringing = new Map<string, () => void>();

/** Counts the call as live for the drain until its stream starts (or `ms` passes without one). */
export function ringingCall(drain: Drain, callId: string, ms = 15_000): void {
  const done = drain.add({
    wrapUp() {
      /* nothing to say yet: the stream has not started */
    },
  });
  const timer = setTimeout(() => streamArrived(callId), ms);
  timer.unref();
  ringing.set(callId, () => {
    clearTimeout(timer);
    done();
  });
}

/** The call's stream started (its engine is now tracked), or it never will. */
export function streamArrived(callId: string): void {
  const done = ringing.get(callId);
  ringing.delete(callId);
  done?.();
}
