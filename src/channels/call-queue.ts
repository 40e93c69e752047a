/**
 * Outbound calls delivered by the notify outbox (reminders, lead follow-ups, calls that waited for a
 * free line): what a refusal of the calling rules means to the queue. Outside the window the call
 * waits for the window's opening, with every line busy it looks again shortly — neither counts as a
 * failed attempt, so a waiting call is never dropped. A do-not-call number or no caller ID is final.
 */
import { DeliveryDeferred, DeliveryError, type Channel } from '../notify/index.js';
import { isAppError, type Clock } from '../lib/index.js';
import { CAPACITY_RETRY_MS } from './outbound/capacity.js';
import { dialWaitingCall, type OutboundDeps } from './outbound/place.js';

/** Turns a refusal of `placeOutboundCall` into what the dispatcher does with the outbox row. */
export function queueOutcomeOf(e: unknown, now: Date): Error {
  if (!isAppError(e)) return e instanceof Error ? e : new Error(String(e));
  switch (e.code) {
    case 'AT_CAPACITY':
      return new DeliveryDeferred(e.message, new Date(now.getTime() + CAPACITY_RETRY_MS));
    case 'OUTSIDE_CALLING_WINDOW': {
      const next = (e.details as { nextOpening?: string } | undefined)?.nextOpening;
      return next ? new DeliveryDeferred(e.message, new Date(next)) : new DeliveryError(e.message, true);
    }
    case 'DO_NOT_CALL':
      return new DeliveryError('the number is on the do-not-call list', true);
    case 'NO_CALLER_ID':
    case 'NOT_FOUND':
    case 'VALIDATION_FAILED':
      return new DeliveryError(e.message, true);
    default:
      return new DeliveryError(e.message);
  }
}

/** Dials the calls that waited for a free line (`outbound.dial` rows), once each. */
export function waitingCallChannel(deps: OutboundDeps & { clock: Clock }): Channel {
  return {
    label: 'outbound.waiting-call',
    async send(m) {
      const callId = String(m.payload.data.callId ?? '');
      const now = deps.clock.now();
      let r: Awaited<ReturnType<typeof dialWaitingCall>>;
      try {
        r = await dialWaitingCall(deps, m.organizationId, callId, now);
      } catch (e) {
        throw queueOutcomeOf(e, now);
      }
      if ('retryAt' in r)
        throw new DeliveryDeferred(
          r.reason === 'busy' ? 'all outbound lines are busy' : 'outside the calling window',
          r.retryAt,
        );
    },
  };
}
