import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { consumeStreamToken } from '../calls/index.js';
import { callSetupBegan } from '../lib/index.js';
import { callTarget } from '../conversations/index.js';
import type { CallEngine, MediaSink } from '../voice/index.js';
import type { LiveStore } from '../live/index.js';
import type { ApiContext } from '../api/index.js';
import type { StreamContext, TelephonyDeps } from './deps.js';
import {
  bridgeConnection,
  MediaStreamConnection,
  DEFAULT_MAX_FRAME_BYTES,
  type StartMessage,
} from './media-stream/index.js';
import { takePrewarmed } from './prewarm.js';
import { externalBase, wsBase } from './public-url.js';
import { streamArrived } from './ringing.js';
import { isValidTwilioSignature } from './twilio/index.js';

/**
 * `WS /twilio/stream`: only Twilio may open it (the upgrade is signed over the `<Stream url>`), and
 * only for a call we answered (the one-time token of its TwiML must come back in `start`). Then the
 * call session runs over the socket, with its record written as it happens.
 */
export function createMediaStreamRoute(deps: TelephonyDeps) {
  return async function mediaStreamRoute(app: FastifyInstance, ctx: ApiContext) {
    // The stream's start is what a caller waits on before the greeting: set-up's lane of the database.
    const db = ctx.database.setup;
    const live = new Set<CallEngine>();
    app.addHook('onClose', async () => {
      await Promise.allSettled([...live].map((e) => e.close('server shutdown')));
    });

    app.get(
      '/twilio/stream',
      {
        websocket: true,
        schema: { hide: true },
        preValidation: async (req, reply) => {
          const url = `${wsBase(externalBase(req, ctx.config.publicUrl))}/twilio/stream`;
          if (
            !isValidTwilioSignature(
              await deps.authToken(null),
              req.headers['x-twilio-signature'] as string | undefined,
              url,
            )
          ) {
            return reply
              .status(403)
              .send({ error: { code: 'invalid_signature', message: 'stream is not signed by Twilio' } });
          }
        },
      },
      (socket: WebSocket) => {
        const conn = new MediaStreamConnection<StreamContext>(socket, {
          maxFrameBytes: DEFAULT_MAX_FRAME_BYTES,
          authorizeStart: async (start: StartMessage) => {
            callSetupBegan();
            const { callId, token } = start.start.customParameters;
            if (!callId || !token) return null;
            const call = await consumeStreamToken(db, callId, token, new Date()).catch(() => null);
            if (!call || (call.callSid && call.callSid !== start.start.callSid)) return null;
            const prewarmed = takePrewarmed(call.id);
            const business =
              prewarmed?.business ?? (await deps.receptionist.load(call.organizationId, callTarget(call).callerPhone));
            return { call, business, prewarmed };
          },
        });
        bridgeConnection(conn, (c, _start, sink) => {
          const engine = deps.createEngine(c, leaveMessageOnSttFailure(sink, ctx.live, c.call.id));
          live.add(engine);
          conn.on('close', () => live.delete(engine));
          // The drain waits for the call's end to be recorded (the first close's promise), not just the socket.
          const untrack = ctx.drain.add(engine);
          streamArrived(c.call.id);
          const close = engine.close.bind(engine);
          engine.close = (reason) => {
            const p = close(reason);
            void p.finally(untrack);
            return p;
          };
          return engine;
        });
      },
    );
  };
}

/** Where the media stream leaves word that its caller is to leave a voicemail (read by `/twilio/stream-ended`). */
export const voicemailAfterStreamKey = (callId: string): string => `voicemail-after-stream:${callId}`;

/**
 * The session ends the stream with `stt_failure` once no speech recogniser can hear the caller, having
 * asked them to leave a message after the tone: the word is left (before the stream closes, so it is
 * there when Twilio asks what follows the stream) for Twilio to record the message.
 */
function leaveMessageOnSttFailure(sink: MediaSink, live: LiveStore, callId: string): MediaSink {
  return {
    ...sink,
    hangup: (reason) => {
      if (reason !== 'stt_failure') return sink.hangup(reason);
      void live
        .setValue(voicemailAfterStreamKey(callId), '1', 600)
        .catch(() => undefined)
        .finally(() => sink.hangup(reason));
    },
  };
}
