/**
 * Wires a Media Streams connection to a call engine: `start` builds the session (after the per-call
 * token was checked by `authorizeStart`), frames flow both ways, and a close ends the session.
 * This is where the wire's base64 μ-law meets the session's opaque audio (the browser test call
 * runs through here too): a frame relayed untouched keeps its base64 and is never re-encoded.
 */
import { UlawAudio } from '../../audio/index.js';
import type { CallEngine, MediaSink } from '../../voice/index.js';
import { CLOSE } from './codec.js';
import type { MediaStreamConnection } from './connection.js';
import type { StartMessage } from './messages.js';

/** Makes the MediaSink a session writes to, over a connection. */
export function connectionSink<C>(conn: MediaStreamConnection<C>): MediaSink {
  return {
    sendMedia: (frame) => conn.sendMedia(frame.base64()),
    sendMark: (n) => conn.sendMark(n),
    sendClear: () => conn.sendClear(),
    hangup: (reason) => conn.close(CLOSE.normal, reason),
  };
}

/**
 * Attaches an engine built by `createEngine` at `start`. Caller audio that arrives before the engine
 * is ready is queued by the connection, so nothing is dropped.
 */
export function bridgeConnection<C>(
  conn: MediaStreamConnection<C>,
  createEngine: (context: C, start: StartMessage, sink: MediaSink) => CallEngine,
): void {
  let engine: CallEngine | null = null;
  conn.on('start', (ctx, start) => {
    engine = createEngine(ctx, start, connectionSink(conn));
    engine.start().catch(() => conn.close(CLOSE.internal, 'session failed to start'));
  });
  conn.on('media', (payload, ts) => engine?.onMedia(UlawAudio.fromBase64(payload), ts));
  conn.on('mark', (n) => engine?.onMark(n));
  conn.on('dtmf', (d) => engine?.onDtmf(d));
  conn.on('stop', () => engine?.onStop());
  conn.on('close', (info) => void engine?.close(info.byUs ? `closed: ${info.reason}` : 'caller_hangup'));
}
