/**
 * The Realtime WebSocket of the fake OpenAI, GA interface only: session.created/updated,
 * input_audio_buffer.* with a server VAD over the `audio/pcmu` it receives, input transcription,
 * response.output_audio.* deltas, function calls, response.cancel, conversation.item.truncate.
 * Like the vendor since May 2026 it refuses the beta interface: the `OpenAI-Beta: realtime=v1`
 * header gets a `beta_api_shape_disabled` error and a close, and beta session fields
 * (`modalities`, `input_audio_format`, `voice` at the top…) get `unknown_parameter` errors.
 * https://developers.openai.com/api/reference/resources/realtime/server-events
 */
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { energyVad, ulawToPcm } from '../../src/audio/index.js';
import { ulawSpeechFor, sleep } from './common.js';

/** A scripted model turn: text, or a tool call (then the text of the turn after the tool result). */
export type ModelTurn = { text: string } | { tool: { name: string; arguments: string } };

/** Knobs and observations of the fake Realtime endpoint. */
export interface RealtimeState {
  /** What each caller utterance says, and what the model answers. */
  realtimeTranscripts: string[];
  realtimeScript: ModelTurn[];
  /** Client events received (appends excluded). */
  realtimeEvents: Array<Record<string, unknown>>;
  realtimeConnections: number;
  /** Caller audio frames received over all realtime sessions. */
  realtimeAppends: number;
  /** Delay before the realtime WebSocket handshake completes (a slow upstream connection). */
  realtimeOpenDelayMs: number;
  /** The effective GA session of each accepted `session.update`. */
  realtimeSessions: Array<Record<string, unknown>>;
  /** Error codes the fake answered (beta header or shapes, bad formats). */
  realtimeRefusals: string[];
  /** The model name each connection asked for. */
  realtimeModels: string[];
  /** Stall: connections accept everything and never answer again (a half-dead upstream). */
  realtimeStall: boolean;
  /** Answer the upgrade with this HTTP status instead (5xx outage). */
  realtimeUpgradeStatus: number;
  /** Open Realtime sockets (a test may drop them: `ws.terminate()` is a half-dead upstream). */
  realtimeSockets: Set<WebSocket>;
}

/** Initial knobs. */
export function realtimeState(): RealtimeState {
  return {
    realtimeTranscripts: [],
    realtimeScript: [],
    realtimeEvents: [],
    realtimeConnections: 0,
    realtimeAppends: 0,
    realtimeOpenDelayMs: 0,
    realtimeSessions: [],
    realtimeRefusals: [],
    realtimeModels: [],
    realtimeStall: false,
    realtimeUpgradeStatus: 0,
    realtimeSockets: new Set(),
  };
}

const BETA_SESSION_FIELDS = [
  'modalities',
  'input_audio_format',
  'output_audio_format',
  'input_audio_transcription',
  'turn_detection',
  'voice',
];
const PCMU = 'audio/pcmu';

/** Why a GA `session.update` is refused, or null. */
function sessionProblem(s: Record<string, unknown> | undefined): { code: string; message: string } | null {
  if (!s) return { code: 'missing_required_parameter', message: "Missing required parameter: 'session'." };
  for (const f of BETA_SESSION_FIELDS)
    if (f in s) return { code: 'unknown_parameter', message: `Unknown parameter: 'session.${f}'.` };
  if (s.type !== 'realtime')
    return { code: 'missing_required_parameter', message: "Missing required parameter: 'session.type'." };
  const audio = (s.audio ?? {}) as { input?: { format?: { type?: string } }; output?: { format?: { type?: string } } };
  for (const side of ['input', 'output'] as const) {
    const f = audio[side]?.format;
    if (f && f.type !== PCMU && f.type !== 'audio/pcm' && f.type !== 'audio/pcma')
      return { code: 'invalid_value', message: `Invalid value for 'session.audio.${side}.format.type'.` };
  }
  return null;
}

/** Serves one Realtime WebSocket. */
export function serveRealtime(ws: WebSocket, req: IncomingMessage, st: RealtimeState): void {
  st.realtimeConnections++;
  st.realtimeSockets.add(ws);
  ws.on('close', () => st.realtimeSockets.delete(ws));
  st.realtimeModels.push(new URL(req.url ?? '/', 'http://x').searchParams.get('model') ?? '');
  let n = 0;
  const id = (p: string) => `${p}_${++n}`;
  const send = (o: Record<string, unknown>) =>
    ws.readyState === 1 && !st.realtimeStall && ws.send(JSON.stringify({ event_id: id('event'), ...o }));
  const refuse = (code: string, message: string, type = 'invalid_request_error') => {
    st.realtimeRefusals.push(code);
    send({ type: 'error', error: { type, code, message, param: null, event_id: null } });
  };
  if (req.headers['openai-beta']) {
    refuse(
      'beta_api_shape_disabled',
      'The beta Realtime API shape is no longer supported. Remove the OpenAI-Beta header.',
    );
    ws.close(1008, 'beta_api_shape_disabled');
    return;
  }
  const vad = energyVad();
  let speaking = false;
  let silenceMs = 0;
  let audioMs = 0;
  let itemId = '';
  let configured = false;
  let active: { id: string; cancelled: boolean } | null = null;
  send({
    type: 'session.created',
    session: {
      id: id('sess'),
      object: 'realtime.session',
      type: 'realtime',
      model: 'fake-realtime',
      output_modalities: ['audio'],
      audio: {
        input: { format: { type: 'audio/pcm', rate: 24000 } },
        output: { format: { type: 'audio/pcm', rate: 24000 }, voice: 'alloy' },
      },
    },
  });

  const respond = async (params?: {
    conversation?: string;
    metadata?: unknown;
    input?: Array<{ content?: Array<{ type?: string; text?: string }> }>;
  }) => {
    // An out-of-band response over given input (how text is read aloud) speaks that input.
    const given =
      params?.conversation === 'none'
        ? params.input?.flatMap((i) => i.content ?? []).find((c) => c.type === 'input_text')?.text
        : undefined;
    const turn = given !== undefined ? { text: given } : (st.realtimeScript.shift() ?? { text: 'Okay.' });
    const r = { id: id('resp'), cancelled: false };
    if (given === undefined) active = r;
    send({
      type: 'response.created',
      response: {
        id: r.id,
        object: 'realtime.response',
        status: 'in_progress',
        output: [],
        metadata: params?.metadata ?? null,
        conversation_id: params?.conversation === 'none' ? null : 'conv_1',
      },
    });
    const item = id('item');
    if ('tool' in turn) {
      send({
        type: 'response.output_item.added',
        response_id: r.id,
        output_index: 0,
        item: { id: item, type: 'function_call', call_id: 'call_' + item, name: turn.tool.name },
      });
      send({
        type: 'response.function_call_arguments.done',
        response_id: r.id,
        item_id: item,
        output_index: 0,
        call_id: 'call_' + item,
        name: turn.tool.name,
        arguments: turn.tool.arguments,
      });
      send({ type: 'response.done', response: { id: r.id, status: 'completed' } });
      return;
    }
    send({
      type: 'response.output_item.added',
      response_id: r.id,
      output_index: 0,
      item: { id: item, type: 'message', role: 'assistant' },
    });
    send({ type: 'conversation.item.added', item: { id: item, type: 'message', role: 'assistant', content: [] } });
    const audio = ulawSpeechFor(turn.text);
    for (let off = 0; off < audio.length && !r.cancelled; off += 800) {
      send({
        type: 'response.output_audio.delta',
        response_id: r.id,
        item_id: item,
        output_index: 0,
        content_index: 0,
        delta: Buffer.from(audio.subarray(off, off + 800)).toString('base64'),
      });
      await sleep(1);
    }
    if (r.cancelled) return;
    send({ type: 'response.output_audio.done', response_id: r.id, item_id: item, output_index: 0, content_index: 0 });
    send({
      type: 'response.output_audio_transcript.done',
      response_id: r.id,
      item_id: item,
      output_index: 0,
      content_index: 0,
      transcript: turn.text,
    });
    send({
      type: 'conversation.item.done',
      item: { id: item, type: 'message', role: 'assistant', status: 'completed' },
    });
    send({ type: 'response.done', response: { id: r.id, status: 'completed', metadata: params?.metadata ?? null } });
    if (active === r) active = null;
  };

  const onAppend = (m: Record<string, unknown>) => {
    st.realtimeAppends++;
    const pcm = ulawToPcm(new Uint8Array(Buffer.from(String(m.audio), 'base64')));
    const ms = pcm.length / 8;
    audioMs += ms;
    if (vad.isSpeech(pcm)) {
      silenceMs = 0;
      if (!speaking) {
        speaking = true;
        itemId = id('item');
        send({ type: 'input_audio_buffer.speech_started', audio_start_ms: audioMs, item_id: itemId });
      }
    } else if (speaking && (silenceMs += ms) >= 300) {
      speaking = false;
      send({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: audioMs, item_id: itemId });
      send({ type: 'input_audio_buffer.committed', item_id: itemId, previous_item_id: null });
      send({
        type: 'conversation.item.added',
        item: { id: itemId, type: 'message', role: 'user', content: [{ type: 'input_audio' }] },
      });
      send({
        type: 'conversation.item.input_audio_transcription.completed',
        item_id: itemId,
        content_index: 0,
        transcript: st.realtimeTranscripts.shift() ?? '',
      });
      if (configured) void respond();
    }
  };

  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as Record<string, unknown> & { type: string };
    if (m.type !== 'input_audio_buffer.append') st.realtimeEvents.push(m);
    switch (m.type) {
      case 'session.update': {
        const problem = sessionProblem(m.session as Record<string, unknown> | undefined);
        if (problem) return refuse(problem.code, problem.message);
        configured = true;
        st.realtimeSessions.push(m.session as Record<string, unknown>);
        return send({ type: 'session.updated', session: { object: 'realtime.session', ...(m.session as object) } });
      }
      case 'input_audio_buffer.append':
        return onAppend(m);
      case 'response.create':
        return void respond(m.response as Parameters<typeof respond>[0]);
      case 'response.cancel':
        if (!active)
          return send({
            type: 'error',
            error: { type: 'invalid_request_error', code: 'response_cancel_not_active', message: 'no active response' },
          });
        active.cancelled = true;
        send({ type: 'response.done', response: { id: active.id, status: 'cancelled' } });
        active = null;
        return;
      case 'conversation.item.create': {
        const item = (m.item ?? {}) as { type?: string; role?: string; content?: Array<{ type?: string }> };
        const want = item.role === 'assistant' ? 'output_text' : 'input_text';
        if (item.type === 'message' && item.content?.some((c) => c.type !== want && c.type !== 'input_audio'))
          return refuse('invalid_value', `Invalid value for 'item.content[0].type': expected '${want}'.`);
        send({ type: 'conversation.item.added', item: m.item as object });
        return send({ type: 'conversation.item.done', item: m.item as object });
      }
      case 'conversation.item.truncate':
        return send({
          type: 'conversation.item.truncated',
          item_id: m.item_id,
          content_index: 0,
          audio_end_ms: m.audio_end_ms,
        });
      default:
        return refuse('invalid_event', `Invalid event type '${m.type}'.`);
    }
  });
}
