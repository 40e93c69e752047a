/**
 * Fake OpenAI: Chat Completions streamed as SSE (content deltas, tool_calls fragments by index,
 * finish_reason, usage, [DONE]), Audio Speech (`response_format: pcm` → 24 kHz PCM16 LE), and the
 * Realtime WebSocket on the GA interface (see openai-realtime.ts). Replies come from scripts the test sets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readWav } from '../../src/audio/index.js';
import { startFake, speechFor, sleep, type FakeServer } from './common.js';
import { realtimeState, serveRealtime, type ModelTurn, type RealtimeState } from './openai-realtime.js';

export type { ModelTurn } from './openai-realtime.js';

/** Fake OpenAI server and its knobs. */
export interface FakeOpenAi extends FakeServer, RealtimeState {
  apiKey: string;
  chatScript: ModelTurn[];
  /** Answers a chat request by what it asks (before the script); undefined falls through to the script. */
  chatReply?: (request: Record<string, unknown>) => ModelTurn | undefined;
  chatRequests: Array<Record<string, unknown>>;
  chatDelayMs: number;
  chatFailStatus: number;
  speechRequests: Array<Record<string, unknown>>;
  /** `/audio/transcriptions`: what each posted utterance says, and what was posted. */
  transcriptions: string[];
  transcriptionRequests: Array<{ model: string; language: string | null; sampleRate: number; ms: number }>;
  transcriptionDelayMs: number;
  transcriptionFailStatus: number;
}

/** Starts a fake OpenAI on 127.0.0.1:0 (base URL is `${url}/v1`). */
export async function startFakeOpenAi(apiKey = 'sk-test'): Promise<FakeOpenAi> {
  const st = {
    chatScript: [] as ModelTurn[],
    chatRequests: [] as Array<Record<string, unknown>>,
    chatDelayMs: 0,
    chatFailStatus: 0,
    speechRequests: [] as Array<Record<string, unknown>>,
    transcriptions: [] as string[],
    transcriptionRequests: [] as FakeOpenAi['transcriptionRequests'],
    transcriptionDelayMs: 0,
    transcriptionFailStatus: 0,
    ...realtimeState(),
  };
  const authOk = (h: string | undefined) => h === `Bearer ${apiKey}`;
  // handlers read knobs from the returned object, so tests can change them at run time
  // eslint-disable-next-line prefer-const -- the handlers close over it; it is assigned once the server is up
  let self!: FakeOpenAi;
  const fake = await startFake(
    async (req, res, body, raw) => {
      if (!authOk(req.headers.authorization))
        return void res
          .writeHead(401, { 'content-type': 'application/json' })
          .end('{"error":{"message":"Incorrect API key","type":"invalid_request_error"}}');
      const url = new URL(req.url!, 'http://x');
      if (url.pathname === '/v1/audio/transcriptions') return transcribe(req, res, raw, self);
      const json = JSON.parse(body || '{}') as Record<string, unknown>;
      if (url.pathname === '/v1/chat/completions') {
        self.chatRequests.push(json);
        if (self.chatFailStatus)
          return void res
            .writeHead(self.chatFailStatus, { 'content-type': 'application/json' })
            .end('{"error":{"message":"overloaded"}}');
        if (self.chatDelayMs) await sleep(self.chatDelayMs);
        return streamChat(res, self.chatReply?.(json) ?? self.chatScript.shift() ?? { text: 'Okay.' });
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
    (ws, req) => serveRealtime(ws, req, self),
    (req) =>
      !req.url?.startsWith('/v1/realtime')
        ? 404
        : !authOk(req.headers.authorization)
          ? 401
          : self.realtimeUpgradeStatus || null,
    () => self.realtimeOpenDelayMs,
  );
  self = Object.assign(fake, st, { apiKey }) as FakeOpenAi;
  return self;
}

/** `POST /v1/audio/transcriptions`: multipart with a WAV `file` and a `model`; answers `{ text }`. */
async function transcribe(req: IncomingMessage, res: ServerResponse, raw: Buffer, st: FakeOpenAi): Promise<void> {
  const bad = (message: string) =>
    void res
      .writeHead(400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ error: { message, type: 'invalid_request_error' } }));
  let form: FormData;
  try {
    form = await new Request('http://x', {
      method: 'POST',
      headers: { 'content-type': String(req.headers['content-type'] ?? '') },
      body: new Uint8Array(raw),
    }).formData();
  } catch {
    return bad('expected multipart/form-data');
  }
  const file = form.get('file');
  const model = form.get('model');
  if (!(file instanceof Blob) || typeof model !== 'string') return bad("'file' and 'model' are required");
  let wav: ReturnType<typeof readWav>;
  try {
    wav = readWav(new Uint8Array(await file.arrayBuffer()));
  } catch {
    return bad('file is not audio');
  }
  st.transcriptionRequests.push({
    model,
    language: form.get('language') as string | null,
    sampleRate: wav.sampleRate,
    ms: (wav.pcm.length * 1000) / wav.sampleRate,
  });
  if (st.transcriptionFailStatus)
    return void res
      .writeHead(st.transcriptionFailStatus, { 'content-type': 'application/json' })
      .end('{"error":{"message":"unavailable"}}');
  if (st.transcriptionDelayMs) await sleep(st.transcriptionDelayMs);
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end(JSON.stringify({ text: st.transcriptions.shift() ?? '' }));
}

async function streamChat(res: import('node:http').ServerResponse, turn: ModelTurn): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 0, model: 'fake' };
  const chunk = (choice: Record<string, unknown>) =>
    res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, ...choice }] })}\n\n`);
  chunk({ delta: { role: 'assistant', content: '' }, finish_reason: null });
  if ('text' in turn) {
    for (const piece of turn.text.match(/\S+\s*/g) ?? []) {
      chunk({ delta: { content: piece }, finish_reason: null });
      await sleep(1);
    }
    chunk({ delta: {}, finish_reason: 'stop' });
  } else {
    const a = turn.tool.arguments;
    chunk({
      delta: {
        tool_calls: [
          { index: 0, id: 'call_1', type: 'function', function: { name: turn.tool.name, arguments: a.slice(0, 5) } },
        ],
      },
      finish_reason: null,
    });
    chunk({ delta: { tool_calls: [{ index: 0, function: { arguments: a.slice(5) } }] }, finish_reason: null });
    chunk({ delta: {}, finish_reason: 'tool_calls' });
  }
  res.write(
    `data: ${JSON.stringify({ ...base, choices: [], usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } })}\n\n`,
  );
  res.end('data: [DONE]\n\n');
}
