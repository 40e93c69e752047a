/**
 * A minimal stand-in for the lead engineer's `WS /twilio/stream`: a ws server on port 0 that runs the
 * real MediaStreamConnection + bridge + call engine, with a recording CallRecorder. For session tests
 * and the voice benchmark.
 */
import { WebSocketServer } from 'ws';
import type { AddressInfo } from 'node:net';
import { MediaStreamConnection, bridgeConnection, DEFAULT_MAX_FRAME_BYTES } from '../../src/telephony/index.js';
import type { CallEngine, CallEventName, CallRecorder, MediaSink, TurnRecord } from '../../src/voice/index.js';

/** Everything a recorder was told about one call. */
export interface RecordedCall {
  callId: string;
  started: boolean;
  turns: TurnRecord[];
  events: Array<{ name: CallEventName; data?: Record<string, unknown>; at: number }>;
  ended: { reason: string; durationMs: number } | null;
}

/** A recorder that keeps everything in memory. */
export function memoryRecorder(callId: string, calls: Map<string, RecordedCall>): CallRecorder {
  const rec: RecordedCall = { callId, started: false, turns: [], events: [], ended: null };
  calls.set(callId, rec);
  return {
    onStart: () => void (rec.started = true),
    onTurn: (t) => void rec.turns.push(t),
    onEvent: (name, data) => void rec.events.push({ name, data, at: performance.now() }),
    onEnd: (s) => void (rec.ended = { reason: s.reason, durationMs: s.durationMs }),
  };
}

/** The running stand-in server. */
export interface VoiceServer {
  url: string;
  calls: Map<string, RecordedCall>;
  engines: Map<string, CallEngine>;
  close(): Promise<void>;
}

/** Starts the server; `makeEngine` builds a session per authorized stream (callId from customParameters). */
export async function startVoiceServer(
  makeEngine: (callId: string, sink: MediaSink, recorder: CallRecorder, params: Record<string, string>) => CallEngine,
): Promise<VoiceServer> {
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    backlog: 4096,
    maxPayload: DEFAULT_MAX_FRAME_BYTES,
    perMessageDeflate: false,
  });
  await new Promise((r) => wss.once('listening', r));
  const calls = new Map<string, RecordedCall>();
  const engines = new Map<string, CallEngine>();
  wss.on('connection', (ws) => {
    const conn = new MediaStreamConnection<{ callId: string; params: Record<string, string> }>(ws, {
      authorizeStart: async (s) =>
        s.start.customParameters.callId
          ? { callId: s.start.customParameters.callId, params: s.start.customParameters }
          : null,
    });
    bridgeConnection(conn, (ctx, _start, sink) => {
      const e = makeEngine(ctx.callId, sink, memoryRecorder(ctx.callId, calls), ctx.params);
      engines.set(ctx.callId, e);
      return e;
    });
  });
  return {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`,
    calls,
    engines,
    close: async () => {
      for (const e of engines.values()) await e.close('test_end');
      for (const c of wss.clients) c.terminate();
      await new Promise<void>((r) => wss.close(() => r()));
    },
  };
}
