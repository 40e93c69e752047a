import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { toSessionPort } from '../brain/index.js';
import { callTarget } from './call-target.js';
import { consumeStreamToken, type CallRow } from '../calls/index.js';
import { CallSession, RealtimeCallSession, type CallEngine, type MediaSink } from '../voice/index.js';
import type { ApiContext } from '../api/context.js';
import type { LoadedBusiness } from '../wiring/business-profile.js';
import type { TelephonyDeps } from './deps.js';
import { bridgeConnection, MediaStreamConnection, DEFAULT_MAX_FRAME_BYTES, type StartMessage } from './media-stream/index.js';
import { realtimeOptions, takePrewarmed, type Prewarmed } from './prewarm.js';
import { externalBase, wsBase } from './public-url.js';
import { isValidTwilioSignature } from './twilio/index.js';

/** What an authorized stream runs with. */
export interface StreamContext { call: CallRow; business: LoadedBusiness; prewarmed?: Prewarmed }

/**
 * `WS /twilio/stream`: only Twilio may open it (the upgrade is signed over the `<Stream url>`), and
 * only for a call we answered (the one-time token of its TwiML must come back in `start`). Then the
 * call session runs over the socket, with its record written as it happens.
 */
export function createMediaStreamRoute(deps: TelephonyDeps) {
  return async function mediaStreamRoute(app: FastifyInstance, ctx: ApiContext) {
    const db = ctx.database.db;
    const live = new Set<CallEngine>();
    app.addHook('onClose', async () => { await Promise.allSettled([...live].map((e) => e.close('server shutdown'))); });

    app.get('/twilio/stream', {
      websocket: true,
      schema: { hide: true },
      preValidation: async (req, reply) => {
        const url = `${wsBase(externalBase(req, ctx.config.publicUrl))}/twilio/stream`;
        if (!isValidTwilioSignature(await deps.authToken(null), req.headers['x-twilio-signature'] as string | undefined, url)) {
          return reply.status(403).send({ error: { code: 'invalid_signature', message: 'stream is not signed by Twilio' } });
        }
      },
    }, (socket: WebSocket) => {
      const conn = new MediaStreamConnection<StreamContext>(socket, {
        maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
        authorizeStart: async (start: StartMessage) => {
          const { callId, token } = start.start.customParameters;
          if (!callId || !token) return null;
          const call = await consumeStreamToken(db, callId, token, new Date()).catch(() => null);
          if (!call || (call.callSid && call.callSid !== start.start.callSid)) return null;
          const prewarmed = takePrewarmed(call.id);
          const business = prewarmed?.business ?? await deps.receptionist.load(call.organizationId);
          return { call, business, prewarmed };
        },
      });
      bridgeConnection(conn, (c, _start, sink) => {
        const engine = createEngine(deps, c, sink);
        live.add(engine);
        conn.on('close', () => live.delete(engine));
        return engine;
      });
    });
  };
}

/**
 * The voice session of one call over a media sink: the cascade or realtime engine, recorded as it
 * happens. Shared by the phone (`channel: 'phone'`) and the dashboard's browser test call (`'test'`,
 * whose `from` is a person's label, not a phone number the brain could call back).
 */
export function createEngine(deps: TelephonyDeps, { call, business, prewarmed }: StreamContext, sink: MediaSink): CallEngine {
  const target = callTarget(call);
  const recorder = deps.receptionist.recorder(target);
  const { providers } = deps;
  recorder.setCostFlags({ paidStt: providers.stt.label !== 'scripted.stt', paidTts: providers.tts.label !== providers.offlineTts.label, paidLlm: Boolean(providers.llm) });
  const voice = business.agent.voice === 'default' ? '' : business.agent.voice;
  void deps.receptionist.callStarted({ orgId: call.organizationId, callId: call.id, channel: call.channel, from: call.from, startedAt: call.startedAt });
  const rec = {
    ...recorder,
    onEnd: (s: { reason: string; endedAt: Date }) => {
      deps.providers.scriptBook.clear(call.id);
      return recorder.onEnd(s);
    },
  };
  if (call.engine === 'realtime' && providers.realtime) {
    const record = (e: { type: string }) => void rec.onEvent('brain', { ...e });
    if (prewarmed?.realtime) prewarmed.realtime.onEvent.fn = record;
    const brain = prewarmed?.realtime?.brain ?? deps.receptionist.realtimeBrain(target, business, record);
    return new RealtimeCallSession(sink, {
      realtime: providers.realtime, brain, recorder: rec, lineTts: providers.offlineTts, greetings: deps.greetings, preconnected: prewarmed?.realtime?.connecting,
    }, { callId: call.id, orgId: call.organizationId, connect: realtimeOptions(deps, brain, business), timing: { maxCallMs: business.config.maxCallMinutes * 60_000 } });
  }
  const { conversation } = deps.receptionist.start(target, business);
  return new CallSession(sink, {
    conversation: toSessionPort(conversation),
    providers: { stt: providers.stt, tts: providers.tts, fallbackTts: providers.offlineTts },
    recorder: rec,
    greetings: deps.greetings,
  }, { callId: call.id, orgId: call.organizationId, voice, timing: { maxCallMs: business.config.maxCallMinutes * 60_000 } });
}
