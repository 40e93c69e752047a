/**
 * Warm transfer: the caller stays with the agent (on hold, having been told) while a screening call
 * rings the business's person, who hears who is calling and why and presses 1 to take the call.
 * Accepted: the caller's call is moved into a two-party conference the person already joined.
 * Declined, unanswered, sent to voicemail or too slow: the caller never left the agent, which goes
 * on to take a message. The decision is made once (first of: key press, end of the screening call,
 * the agent's deadline) through the shared live store, so any node may receive Twilio's webhooks.
 */
import type { FastifyInstance } from 'fastify';
import { newToken, type Logger } from '../lib/index.js';
import type { LiveStore } from '../live/index.js';
import type { TelephonyDeps } from './deps.js';
import { answers, contentAnswer, ErrorAnswer, NoContent } from '../api/index.js';
import {
  conferenceTwiml,
  endCall,
  placeScreeningCall,
  sayHangupTwiml,
  screeningTwiml,
  updateCallTwiml,
} from './twilio/index.js';

/** How a transfer ended. */
export type TransferResult = 'accepted' | 'declined' | 'no-answer' | 'failed';

/** What a warm transfer works with. */
export interface WarmTransferDeps {
  live: LiveStore;
  credentials: TelephonyDeps['credentials'];
  /** The server's public base URL (Twilio's callbacks). */
  base(): string;
  logger: Logger;
  /** How long the screening call rings (s) and how long the caller is kept waiting in all (ms). */
  ringSec?: number;
  waitMs?: number;
}

/** One transfer to make: the live call, the business number it came in on, who to ring and what they hear. */
export interface TransferRequest {
  organizationId: string;
  callSid: string;
  businessNumber: string;
  to: string;
  whisper: string;
}

type State = 'ringing' | Exclude<TransferResult, 'failed'>;
const key = (id: string) => `transfer:${id}`;
const TTL_SEC = 600;
// The caller hears a hold line and waits: 15 s of ringing plus the whisper and a key press fit in the
// cascade's 30 s allowance for a running tool.
const RING_SEC = 15;
const WAIT_MS = 27_000;

/** Decides a transfer once; false when something else already decided it. */
async function decide(live: LiveStore, id: string, state: State): Promise<boolean> {
  if (!(await live.claimOnce(`${key(id)}:decided`, TTL_SEC))) return false;
  await live.setValue(key(id), state, TTL_SEC);
  return true;
}

/** The room both parties of a transfer meet in (no personal data in its name, as Twilio asks). */
const roomOf = (id: string) => `transfer-${id}`;

/** Creates the warm transfer used by the brain's transfer_to_human on phone calls. */
export function createWarmTransfer(deps: WarmTransferDeps) {
  const ringSec = deps.ringSec ?? RING_SEC;
  const waitMs = deps.waitMs ?? WAIT_MS;

  async function waitForDecision(id: string, deadline: number): Promise<Exclude<State, 'ringing'>> {
    for (;;) {
      const state = (await deps.live.getValue(key(id))) as State | null;
      if (state && state !== 'ringing') return state as Exclude<State, 'ringing'>;
      if (Date.now() >= deadline)
        return (await decide(deps.live, id, 'no-answer')) ? 'no-answer' : waitForDecision(id, Number.POSITIVE_INFINITY);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  return {
    /** Rings the person, waits for their decision, and moves the caller on acceptance. */
    async transfer(req: TransferRequest): Promise<TransferResult> {
      const creds = await deps.credentials(req.organizationId);
      if (!creds) return 'failed';
      const id = newToken(12);
      await deps.live.setValue(key(id), 'ringing', TTL_SEC);
      const base = deps.base();
      let leg: { callSid: string };
      try {
        leg = await placeScreeningCall(creds, {
          to: req.to,
          from: req.businessNumber,
          ringSec,
          twiml: screeningTwiml(req.whisper, `${base}/twilio/transfer/screen?transfer=${id}`),
          statusCallback: `${base}/twilio/transfer/status?transfer=${id}`,
        });
      } catch (err) {
        deps.logger.warn({ err }, 'placing the transfer call failed');
        return 'failed';
      }
      const state = await waitForDecision(id, Date.now() + waitMs);
      if (state === 'accepted') {
        try {
          await updateCallTwiml(creds, req.callSid, conferenceTwiml(roomOf(id)));
          return 'accepted';
        } catch (err) {
          // the caller hung up meanwhile: the person must not sit in an empty room
          deps.logger.warn({ err }, 'moving the caller into the transfer failed');
          await endCall(creds, leg.callSid).catch(() => undefined);
          return 'failed';
        }
      }
      if (state === 'no-answer') await endCall(creds, leg.callSid).catch(() => undefined);
      return state;
    },
  };
}
export type WarmTransfer = ReturnType<typeof createWarmTransfer>;

/** What the transfer webhooks are given by the Twilio webhook plugin. */
export interface TransferWebhookDeps {
  live: LiveStore;
  /** Twilio's signature check of the request (403 otherwise). */
  verify(req: import('fastify').FastifyRequest): Promise<boolean>;
}

const FINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/**
 * `POST /twilio/transfer/screen` (the person's key press) and `POST /twilio/transfer/status` (the
 * screening call's end). Signed by Twilio; an unknown or finished transfer changes nothing.
 */
export function registerTransferWebhooks(app: FastifyInstance, deps: TransferWebhookDeps) {
  const forbidden = { error: { code: 'invalid_signature', message: 'request is not signed by Twilio' } };
  const idOf = (q: unknown) => {
    const id = (q as { transfer?: string }).transfer;
    return id && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : null;
  };

  app.post(
    '/twilio/transfer/screen',
    {
      schema: {
        tags: ['telephony'],
        security: [],
        response: { 200: contentAnswer('text/xml', 'TwiML'), '4xx': ErrorAnswer, '5xx': ErrorAnswer },
      },
    },
    async (req, reply) => {
      if (!(await deps.verify(req))) return reply.status(403).send(forbidden);
      const id = idOf(req.query);
      const digits = String(((req.body ?? {}) as Record<string, string>).Digits ?? '');
      const xml = (body: string) => reply.type('text/xml').send(body);
      if (!id || (await deps.live.getValue(key(id))) !== 'ringing')
        return xml(sayHangupTwiml('Sorry, the caller is no longer waiting. Goodbye.'));
      if (digits === '1') {
        if (await decide(deps.live, id, 'accepted')) return xml(conferenceTwiml(roomOf(id), 'Connecting you now.'));
        return xml(sayHangupTwiml('Sorry, the caller is no longer waiting. Goodbye.'));
      }
      await decide(deps.live, id, 'declined');
      return xml(sayHangupTwiml('Okay, the receptionist will take a message instead. Goodbye.'));
    },
  );

  app.post(
    '/twilio/transfer/status',
    { schema: { tags: ['telephony'], security: [], response: answers({ 204: NoContent }) } },
    async (req, reply) => {
      if (!(await deps.verify(req))) return reply.status(403).send(forbidden);
      const id = idOf(req.query);
      const status = String(((req.body ?? {}) as Record<string, string>).CallStatus ?? '');
      if (id && FINAL.has(status) && (await deps.live.getValue(key(id))) === 'ringing') {
        // answered and hung up (or a voicemail box that heard the whisper) is a decline; the rest never answered
        await decide(deps.live, id, status === 'completed' ? 'declined' : 'no-answer');
      }
      return reply.status(204).send();
    },
  );
}
