/**
 * Fake OpenAI: Chat Completions streamed as SSE (content deltas, tool_calls fragments by index,
 * finish_reason, usage, [DONE]), Audio Speech (`response_format: pcm` → 24 kHz PCM16 LE), and the
 * Realtime WebSocket (session.created/updated, input_audio_buffer.* with a server VAD over the g711
 * μ-law it receives, transcription, response.* with audio deltas, function calls, response.cancel,
 * conversation.item.truncate). Replies come from scripts the test sets.
 */
import type { WebSocket } from 'ws';
import { energyVad, ulawToPcm } from '../../src/audio/index.js';
import { startFake, speechFor, ulawSpeechFor, sleep, type FakeServer } from './common.js';

/** A scripted model turn: text, or a tool call (then the text of the turn after the tool result). */
export type ModelTurn = { text: string } | { tool: { name: string; arguments: string } };

/** Fake OpenAI server and its knobs. */
export interface FakeOpenAi extends FakeServer {
  apiKey: string;
  chatScript: ModelTurn[];
  chatRequests: Array<Record<string, unknown>>;
  chatDelayMs: number;
  chatFailStatus: number;
  speechRequests: Array<Record<string, unknown>>;
  /** Realtime: what each caller utterance says, and what the model answers. */
  realtimeTranscripts: string[];
  realtimeScript: ModelTurn[];
  realtimeEvents: Array<Record<string, unknown>>;
  realtimeConnections: number;
  /** Caller audio frames received over all realtime sessions. */
  realtimeAppends: number;
  /** Delay before the realtime WebSocket handshake completes (a slow upstream connection). */
  realtimeOpenDelayMs: number;
}

/** Starts a fake OpenAI on 127.0.0.1:0 (base URL is `${url}/v1`). */
export async function startFakeOpenAi(apiKey = 'sk-test'): Promise<FakeOpenAi> {
  const st = {
    chatScript: [] as ModelTurn[],
    chatRequests: [] as Array<Record<string, unknown>>,
    chatDelayMs: 0,
    chatFailStatus: 0,
    speechRequests: [] as Array<Record<string, unknown>>,
    realtimeTranscripts: [] as string[],
    realtimeScript: [] as ModelTurn[],
    realtimeEvents: [] as Array<Record<string, unknown>>,
    realtimeConnections: 0,
    realtimeAppends: 0,
    realtimeOpenDelayMs: 0,
  };
  const authOk = (h: string | undefined) => h === `Bearer ${apiKey}`;
  // handlers read knobs from the returned object, so tests can change them at run time
  let self!: FakeOpenAi;
  const fake = await startFake(
    async (req, res, body) => {
      if (!authOk(req.headers.authorization)) return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":{"message":"Incorrect API key","type":"invalid_request_error"}}');
      const url = new URL(req.url!, 'http://x');
      const json = JSON.parse(body || '{}') as Record<string, unknown>;
      if (url.pathname === '/v1/chat/completions') {
        self.chatRequests.push(json);
        if (self.chatFailStatus) return void res.writeHead(self.chatFailStatus, { 'content-type': 'application/json' }).end('{"error":{"message":"overloaded"}}');
        if (self.chatDelayMs) await sleep(self.chatDelayMs);
        return streamChat(res, self.chatScript.shift() ?? { text: 'Okay.' });
      }
      if (url.pathname === '/v1/audio/speech') {
        self.speechRequests.push(json);
        const pcm = speechFor(String(json.input ?? ''), 24000);
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const b = Buffer.from(pcm.buffer);
        res.write(b.subarray(0, 1001)); // odd split: clients must carry half samples
        await sleep(2);
        return void res.end(b.subarray(1001));
      }
      res.writeHead(404).end();
    },
    (ws) => realtime(ws, self),
    (req) => (!req.url?.startsWith('/v1/realtime') ? 404 : authOk(req.headers.authorization) ? null : 401),
    () => self.realtimeOpenDelayMs,
  );
  self = Object.assign(fake, st, { apiKey }) as FakeOpenAi;
  return self;
}

async function streamChat(res: import('node:http').ServerResponse, turn: ModelTurn): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake' };
  const chunk = (choice: Record<string, unknown>) => res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, ...choice }] })}\n\n`);
  chunk({ delta: { role: 'assistant', content: '' }, finish_reason: null });
  if ('text' in turn) {
    for (const piece of turn.text.match(/\S+\s*/g) ?? []) {
      chunk({ delta: { content: piece }, finish_reason: null });
      await sleep(1);
    }
    chunk({ delta: {}, finish_reason: 'stop' });
  } else {
    const a = turn.tool.arguments;
    chunk({ delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function', function: { name: turn.tool.name, arguments: a.slice(0, 5) } }] }, finish_reason: null });
    chunk({ delta: { tool_calls: [{ index: 0, function: { arguments: a.slice(5) } }] }, finish_reason: null });
    chunk({ delta: {}, finish_reason: 'tool_calls' });
  }
  res.write(`data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`);
  res.end('data: [DONE]\n\n');
}

function realtime(ws: WebSocket, st: { realtimeTranscripts: string[]; realtimeScript: ModelTurn[]; realtimeEvents: Array<Record<string, unknown>>; realtimeConnections: number; realtimeAppends: number; realtimeOpenDelayMs: number }): void {
  st.realtimeConnections++;
  let n = 0;
  const id = (p: string) => `${p}_${++n}`;
  const send = (o: Record<string, unknown>) => ws.readyState === 1 && ws.send(JSON.stringify({ event_id: id('event'), ...o }));
  const vad = energyVad();
  let speaking = false;
  let silenceMs = 0;
  let audioMs = 0;
  let itemId = '';
  let active: { id: string; cancelled: boolean } | null = null;
  send({ type: 'session.created', session: { id: id('sess'), model: 'fake-realtime' } });

  const respond = async () => {
    const turn = st.realtimeScript.shift() ?? { text: 'Okay.' };
    const r = { id: id('resp'), cancelled: false };
    active = r;
    send({ type: 'response.created', response: { id: r.id, status: 'in_progress', output: [] } });
    const item = id('item');
    if ('tool' in turn) {
      send({ type: 'response.output_item.added', response_id: r.id, output_index: 0, item: { id: item, type: 'function_call', call_id: 'call_' + item, name: turn.tool.name } });
      send({ type: 'response.function_call_arguments.done', response_id: r.id, item_id: item, output_index: 0, call_id: 'call_' + item, name: turn.tool.name, arguments: turn.tool.arguments });
      send({ type: 'response.done', response: { id: r.id, status: 'completed' } });
      return;
    }
    send({ type: 'response.output_item.added', response_id: r.id, output_index: 0, item: { id: item, type: 'message', role: 'assistant' } });
    const audio = ulawSpeechFor(turn.text);
    for (let off = 0; off < audio.length && !r.cancelled; off += 800) {
      send({ type: 'response.audio.delta', response_id: r.id, item_id: item, output_index: 0, content_index: 0, delta: Buffer.from(audio.subarray(off, off + 800)).toString('base64') });
      await sleep(1);
    }
    if (r.cancelled) return;
    send({ type: 'response.audio.done', response_id: r.id, item_id: item, output_index: 0, content_index: 0 });
    send({ type: 'response.audio_transcript.done', response_id: r.id, item_id: item, output_index: 0, content_index: 0, transcript: turn.text });
    send({ type: 'response.done', response: { id: r.id, status: 'completed' } });
    active = null;
  };

  ws.on('message', (data) => {
    const m = JSON.parse(data.toString()) as Record<string, unknown> & { type: string };
    if (m.type !== 'input_audio_buffer.append') st.realtimeEvents.push(m);
    switch (m.type) {
      case 'session.update':
        return send({ type: 'session.updated', session: m.session as object });
      case 'input_audio_buffer.append': {
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
          send({ type: 'conversation.item.input_audio_transcription.completed', item_id: itemId, content_index: 0, transcript: st.realtimeTranscripts.shift() ?? '' });
          void respond();
        }
        return;
      }
      case 'response.create':
        return void respond();
      case 'response.cancel':
        if (!active) return send({ type: 'error', error: { type: 'invalid_request_error', code: 'response_cancel_not_active', message: 'no active response' } });
        active.cancelled = true;
        send({ type: 'response.done', response: { id: active.id, status: 'cancelled' } });
        active = null;
        return;
      case 'conversation.item.create':
        return send({ type: 'conversation.item.created', item: m.item as object });
      case 'conversation.item.truncate':
        return send({ type: 'conversation.item.truncated', item_id: m.item_id, content_index: 0, audio_end_ms: m.audio_end_ms });
    }
  });
}
