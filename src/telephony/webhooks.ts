import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq, isNull } from 'drizzle-orm';
import { schema } from '../db/index.js';
import { callSetupBegan, isUuid, newToken } from '../lib/index.js';
import { isOpenAt } from '../hours/index.js';
import {
  adoptCallSid,
  applyTelephonyStatus,
  createCall,
  giveUpUnstartedCall,
  recordEvent,
  reviseVoicemailCall,
  storeRecording,
  type CallRow,
  type EdgeAnswer,
} from '../calls/index.js';
import { isRecorded } from '../conversations/index.js';
import { outboundPlanOf, voicemailMessage } from '../channels/index.js';
import type { ApiContext } from '../api/index.js';
import { answers, contentAnswer, ErrorAnswer, errorBody, NoContent } from '../api/index.js';
import type { TelephonyDeps } from './deps.js';
import { externalBase, wsBase } from './public-url.js';
import { callEngineOf, dropPrewarmed, prewarm } from './prewarm.js';
import { ringingCall } from './ringing.js';
import { createTtlCache } from './webhook-cache.js';
import type { LoadedBusiness } from '../conversations/index.js';
import type { Admission } from '../billing/index.js';
import { registerTransferWebhooks } from './transfer.js';
import { voicemailAfterStreamKey } from './stream.js';
import {
  connectStreamTwiml,
  dialTwiml,
  hangupTwiml,
  isValidTwilioSignature,
  redirectTwiml,
  sayHangupTwiml,
  updateCallTwiml,
  voicemailTwiml,
} from './twilio/index.js';

type Form = Record<string, string>;

/** Twilio's final call statuses. */
const FINAL = new Set(['completed', 'busy', 'failed', 'no-answer', 'canceled']);

/** Twilio's webhooks: inbound voice (answers TwiML), call status and recordings (idempotent). */
export function createTwilioWebhooks(deps: TelephonyDeps) {
  return async function twilioWebhooks(app: FastifyInstance, ctx: ApiContext) {
    // Twilio waits on every answer here (a ringing caller on the first): set-up's lane of the database.
    const db = ctx.database.setup;
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );

    // What every ring reads and rarely changes, kept a few seconds per organization (see webhook-cache.ts).
    const ttlMs = deps.webhookCacheMs ?? 5_000;
    const numbers = createTtlCache<string | null>(ttlMs);
    const businesses = createTtlCache<LoadedBusiness>(ttlMs);
    const admissions = createTtlCache<Admission | undefined>(ttlMs);
    const unlisten = ctx.orgChanges?.listen((organizationId) => {
      // a number moved to or from this organization, its settings, its plan or hard cap
      numbers.invalidate((_k, owner) => owner === organizationId || owner == null);
      businesses.invalidate((k) => k === organizationId);
      admissions.invalidate((k) => k === organizationId);
    });
    // A stream given up on after the server closed has nobody to record it (its database is gone).
    let closed = false;
    app.addHook('onClose', async () => {
      closed = true;
      unlisten?.();
    });

    async function orgOfNumber(e164: string | undefined) {
      if (!e164) return null;
      return numbers.get(e164, async () => {
        const [row] = await db
          .select({ organizationId: schema.phoneNumbers.organizationId })
          .from(schema.phoneNumbers)
          .where(eq(schema.phoneNumbers.e164, e164));
        return row?.organizationId ?? null;
      });
    }

    /**
     * Closes an answered call whose media stream never started: without a status callback from Twilio
     * it would stay "ringing" on the dashboard for good. Nothing is written once the server has closed.
     */
    async function giveUpOnStream(call: { id: string; organizationId: string }, business: LoadedBusiness) {
      dropPrewarmed(call.id);
      if (closed) return;
      try {
        const at = deps.receptionist.clockOf(business).now();
        if (!(await giveUpUnstartedCall(db, call.id, at))) return;
        ctx.logger.warn({ callId: call.id }, 'the media stream never started: call closed as failed');
        await deps.receptionist.complete(
          { organizationId: call.organizationId, callId: call.id },
          { endedAt: at, reason: 'no_stream', durationMs: 0 },
        );
      } catch (err) {
        ctx.logger.error({ err, callId: call.id }, 'closing a call whose stream never started');
      }
    }

    /** Rejects (403) anything not signed by Twilio with the account's auth token. */
    async function verify(req: FastifyRequest, organizationId: string | null) {
      const url = externalBase(req, ctx.config.publicUrl) + req.url;
      const sig = req.headers['x-twilio-signature'] as string | undefined;
      const form = (req.body ?? {}) as Form;
      if (isValidTwilioSignature(await deps.authToken(organizationId), sig, url, form)) return true;
      if (organizationId && isValidTwilioSignature(await deps.authToken(null), sig, url, form)) return true;
      return false;
    }
    const forbidden = { error: { code: 'invalid_signature', message: 'request is not signed by Twilio' } };
    registerTransferWebhooks(app, { live: ctx.live, verify: (req) => verify(req, null) });
    const twiml = (reply: any, body: string) => reply.type('text/xml').send(body);
    // Every Twilio webhook answering TwiML documents it the same way.
    const twimlRoute = {
      schema: {
        tags: ['telephony'],
        security: [],
        response: { 200: contentAnswer('text/xml', 'TwiML'), '4xx': ErrorAnswer, '5xx': ErrorAnswer },
      },
    };
    /** The call a Twilio callback is about (by its CallSid), if it is one of ours. */
    const callOfSid = async (callSid: string | undefined) =>
      callSid ? (await db.select().from(schema.calls).where(eq(schema.calls.callSid, callSid)))[0] : undefined;
    /**
     * The call a status or answering-machine callback is about: by its CallSid, else a call we placed
     * whose CallSid we have not stored yet, named by the callback's address (`?call=`, see the dialer).
     */
    const callOfCallback = async (req: FastifyRequest, callSid: string | undefined) => {
      const known = await callOfSid(callSid);
      const id = (req.query as { call?: string } | undefined)?.call;
      if (known || !callSid || !id || !isUuid(id)) return known;
      const [placed] = await db
        .select()
        .from(schema.calls)
        .where(and(eq(schema.calls.id, id), eq(schema.calls.direction, 'outbound'), isNull(schema.calls.callSid)));
      return placed;
    };
    /** After the signature was checked: a call found by its address takes the callback's CallSid. */
    const withCallSid = async (call: CallRow | undefined, callSid: string | undefined) =>
      !call || call.callSid || !callSid ? call : ((await adoptCallSid(db, call.id, callSid)) ?? undefined);

    app.post('/twilio/voice', twimlRoute, async (req, reply) => {
      callSetupBegan();
      const form = (req.body ?? {}) as Form;
      const organizationId = await orgOfNumber(form.To);
      if (!(await verify(req, organizationId))) return reply.status(403).send(forbidden);
      if (!organizationId)
        return twiml(reply, sayHangupTwiml('Sorry, this number is not connected to a receptionist yet. Goodbye.'));
      // With the caller ID: a returning client is greeted by name.
      const business = await businesses.get(organizationId, () => deps.receptionist.load(organizationId));
      // Who is calling (a returning client is greeted by name): only the answered call needs it, so it
      // is looked up while the rest of the webhook runs, beside the call's insert.
      const withCaller = deps.receptionist.withCaller(business, form.From || null);
      const now = deps.receptionist.clockOf(business).now();
      const base = externalBase(req, ctx.config.publicUrl);
      const { config } = business;
      const record = (status: string, extra: { streamToken?: string; engine?: string } = {}, edge?: EdgeAnswer) =>
        createCall(db, {
          organizationId,
          channel: 'phone',
          callSid: form.CallSid,
          from: form.From,
          to: form.To,
          status,
          startedAt: now,
          ...extra,
          // STIR/SHAKEN attestation of the caller ID (TN-Validation-Passed-A, …-Failed, No-TN-Validation), when Twilio has one;
          // `edge`: why the agent did not take the call (its summary says so).
          metadata: {
            nodeId: deps.nodeId,
            accountSid: form.AccountSid,
            ...(form.StirVerstat ? { stirVerstat: String(form.StirVerstat).slice(0, 64) } : {}),
            ...(edge ? { edge } : {}),
          },
        });
      if (ctx.drain.draining) {
        // This node is stopping: through the balancer once (another node takes the call); a second
        // time here, or with no balancer in front, the caller leaves a voicemail instead of ringing out.
        if (ctx.config.publicUrl && !(req.query as { handoff?: string }).handoff) {
          return twiml(reply, redirectTwiml(`${ctx.config.publicUrl}/twilio/voice?handoff=1`));
        }
        await record('voicemail', {}, 'unavailable');
        return twiml(
          reply,
          voicemailTwiml(
            `Thanks for calling ${business.org.name}. Please leave your name, number and what you need after the tone, and we will call you back shortly.`,
            `${base}/twilio/recording`,
            `${base}/twilio/hangup`,
          ),
        );
      }
      // Minutes are counted when calls end: a cap is seen at most the cache's lifetime late.
      const admission = deps.admitCall
        ? await admissions.get(organizationId, () => deps.admitCall!(organizationId))
        : undefined;
      if (admission && !admission.admit) {
        // At the owner's hard cap the AI does not answer, but the caller is never left on a dead line.
        await record('voicemail', {}, 'over_limit');
        return twiml(
          reply,
          voicemailTwiml(
            `Thanks for calling ${business.org.name}. We can't take your call live right now. Please leave your name, number and what you need after the tone, and we will call you back as soon as we can.`,
            `${base}/twilio/recording`,
            `${base}/twilio/hangup`,
          ),
        );
      }
      if (!isOpenAt(business.profile, now) && config.afterHours !== 'answer') {
        const forward = config.afterHours === 'forward' && config.escalationNumber;
        await record(forward ? 'forwarded' : 'voicemail', {}, forward ? 'forwarded' : 'after_hours');
        if (forward) {
          return twiml(
            reply,
            dialTwiml(
              '',
              config.escalationNumber!,
              'Sorry, nobody could take your call. Please call again during business hours.',
            ),
          );
        }
        return twiml(
          reply,
          voicemailTwiml(
            `Thanks for calling ${business.org.name}. We are closed right now. Please leave your name, number and what you need after the tone, and we will call you back.`,
            `${base}/twilio/recording`,
            `${base}/twilio/hangup`,
          ),
        );
      }
      const streamToken = newToken(24);
      const [call, caller] = await Promise.all([
        record('ringing', { streamToken, engine: callEngineOf(business, deps.providers) }),
        withCaller,
      ]);
      // The TwiML leaves first; what the stream will want is prepared right after (its start is a round trip away).
      setImmediate(() => prewarm(deps, call, caller));
      ringingCall(ctx.drain, call.id, {
        giveUpMs: deps.streamStartTimeoutMs,
        noStream: () => void giveUpOnStream(call, business),
      });
      const recording = isRecorded({ channel: 'phone', outbound: null }, business)
        ? { statusCallback: `${base}/twilio/recording` }
        : undefined;
      return twiml(
        reply,
        connectStreamTwiml(
          `${wsBase(base)}/twilio/stream`,
          { callId: call.id, token: streamToken },
          recording,
          `${base}/twilio/stream-ended`,
        ),
      );
    });

    app.post(
      '/twilio/status',
      { schema: { tags: ['telephony'], security: [], response: answers({ 204: NoContent }) } },
      async (req, reply) => {
        const form = (req.body ?? {}) as Form;
        const found = await callOfCallback(req, form.CallSid);
        if (!(await verify(req, found?.organizationId ?? null))) return reply.status(403).send(forbidden);
        const call = await withCallSid(found, form.CallSid);
        if (call && form.CallStatus) {
          const duration = form.CallDuration && /^\d+$/.test(form.CallDuration) ? Number(form.CallDuration) : null;
          const row = await applyTelephonyStatus(db, form.CallSid, form.CallStatus, duration, new Date());
          // A call that never reached the agent (one we placed that nobody answered; one the edge sent to
          // voicemail, forwarded, or that hung up before its stream started) has no session to close it.
          if (row && !row.answeredAt && !row.outcome && FINAL.has(form.CallStatus)) {
            await deps.receptionist.complete(
              { organizationId: row.organizationId, callId: row.id },
              { endedAt: row.endedAt ?? new Date(), reason: form.CallStatus },
            );
          }
        }
        return reply.status(204).send();
      },
    );

    // Asynchronous answering-machine detection on calls we placed (DetectMessageEnd: after the beep).
    app.post(
      '/twilio/amd',
      { schema: { tags: ['telephony'], security: [], response: answers({ 204: NoContent }) } },
      async (req, reply) => {
        const form = (req.body ?? {}) as Form;
        const found = await callOfCallback(req, form.CallSid);
        if (!(await verify(req, found?.organizationId ?? null))) return reply.status(403).send(forbidden);
        const call = await withCallSid(found, form.CallSid);
        const plan = call ? outboundPlanOf(call) : null;
        if (!call || !plan || !form.AnsweredBy) return reply.status(204).send();
        const ref = { id: call.id, organizationId: call.organizationId };
        const machine = form.AnsweredBy.startsWith('machine_end') || form.AnsweredBy === 'fax';
        if (!machine) {
          await recordEvent(db, ref, 'amd', { answeredBy: form.AnsweredBy });
          return reply.status(204).send();
        }
        const creds = await deps.credentials(call.organizationId);
        const text = form.AnsweredBy === 'fax' ? '' : voicemailMessage(plan);
        // The event first: the stream ends when the TwiML changes, and the call's outcome is read from its events.
        await recordEvent(db, ref, 'tool_call', {
          type: 'tool_call',
          name: 'leave_voicemail',
          ok: !!creds && !!text,
          args: { answeredBy: form.AnsweredBy },
          result: { text },
          ms: 0,
        });
        if (creds) await updateCallTwiml(creds, call.callSid!, text ? sayHangupTwiml(text) : hangupTwiml());
        return reply.status(204).send();
      },
    );

    // Where a voicemail's <Record> goes once the caller finished: the call ends.
    app.post('/twilio/hangup', twimlRoute, async (req, reply) => {
      if (!(await verify(req, null))) return reply.status(403).send(forbidden);
      return twiml(reply, hangupTwiml());
    });

    // The agent ended the media stream with the caller still on the line (<Connect action>). When the
    // speech recogniser failed for good, the session has told the caller to leave a message after the
    // tone: Twilio records it (a message for the owner, like any voicemail). Any other end hangs up.
    app.post('/twilio/stream-ended', twimlRoute, async (req, reply) => {
      const form = (req.body ?? {}) as Form;
      const call = await callOfSid(form.CallSid);
      if (!(await verify(req, call?.organizationId ?? null))) return reply.status(403).send(forbidden);
      if (!call || !(await ctx.live.getValue(voicemailAfterStreamKey(call.id)).catch(() => null)))
        return twiml(reply, hangupTwiml());
      const base = externalBase(req, ctx.config.publicUrl);
      await recordEvent(db, { id: call.id, organizationId: call.organizationId }, 'voicemail', {
        after: 'stt_failure',
      });
      return twiml(reply, voicemailTwiml('', `${base}/twilio/recording?voicemail=1`, `${base}/twilio/hangup`));
    });

    app.post(
      '/twilio/recording',
      { schema: { tags: ['telephony'], security: [], response: answers({ 204: NoContent }) } },
      async (req, reply) => {
        const form = (req.body ?? {}) as Form;
        const call = await callOfSid(form.CallSid);
        const organizationId = call?.organizationId ?? null;
        if (!(await verify(req, organizationId))) return reply.status(403).send(forbidden);
        if (!call || !form.RecordingSid || !/^RE[0-9a-f]{32}$/i.test(form.RecordingSid))
          return reply.status(204).send();
        if (form.RecordingStatus && form.RecordingStatus !== 'completed') return reply.status(204).send();
        // Idempotent: only the first callback for a recording changes anything. Twilio's URL is not
        // kept: the audio is fetched by the recording's id through GET /api/calls/:id/recording.
        const count = (v: string | undefined) => (v && /^\d+$/.test(v) ? Number(v) : null);
        const stored = await storeRecording(db, call.id, {
          recordingSid: form.RecordingSid,
          durationSec: count(form.RecordingDuration),
          channels: count(form.RecordingChannels),
        });
        // A voicemail the caller left after the agent could no longer hear them (stream-ended) is a message too.
        const afterStream = (req.query as { voicemail?: string }).voicemail === '1';
        if (stored && (afterStream || (call.status !== 'in-progress' && !call.answeredAt))) {
          await deps.receptionist.captureLead({
            organizationId: call.organizationId,
            callId: call.id,
            phone: call.from,
            kind: 'message',
            need: `Voicemail (${count(form.RecordingDuration) ?? '?'} s): listen on the call page`,
          });
          // The recording may come after the call's end: its outcome and summary then learn of the message.
          await reviseVoicemailCall(db, call.id);
        }
        return reply.status(204).send();
      },
    );
  };
}
export { errorBody };
