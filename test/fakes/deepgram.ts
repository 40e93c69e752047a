/**
 * Fake Deepgram: live transcription over WebSocket (/v1/listen) and Aura TTS over HTTP (/v1/speak),
 * speaking Deepgram's wire protocol (Token auth, binary audio in, `Results` with is_final /
 * speech_final, `SpeechStarted`, `UtteranceEnd`, `Metadata`; Finalize / CloseStream / KeepAlive).
 * What each utterance "says" comes from `transcripts` (audio is detected with an energy VAD).
 */
import type { WebSocket } from 'ws';
import { energyVad, ulawToPcm } from '../../src/audio/index.js';
import { startFake, ulawSpeechFor, sleep, type FakeServer } from './common.js';

/** Fake Deepgram server and its knobs. */
export interface FakeDeepgram extends FakeServer {
  apiKey: string;
  transcripts: string[];
  /** Query strings of listen connections. */
  listenQueries: URLSearchParams[];
  speakRequests: Array<{ text: string; query: URLSearchParams }>;
  /** Delay before Aura answers (ms). */
  speakDelayMs: number;
  /** Status to fail the next speak requests with (0 = none). */
  speakFailStatus: number;
  /** Status to refuse live transcription upgrades with (0 = none): a Deepgram outage. */
  listenFailStatus: number;
  /**
   * While true, every live socket stays open (pings answered by the ws layer) and takes audio but says
   * nothing — no results, no SpeechStarted, no close: a stuck upstream worker.
   */
  listenStall: boolean;
  /** Live transcription sockets opened so far. */
  listenConnections: number;
  controlMessages: string[];
}

/** Starts a fake Deepgram on 127.0.0.1:0. */
export async function startFakeDeepgram(apiKey = 'dg-test-key'): Promise<FakeDeepgram> {
  const state = {
    transcripts: [] as string[],
    listenQueries: [] as URLSearchParams[],
    speakRequests: [] as FakeDeepgram['speakRequests'],
    speakDelayMs: 0,
    speakFailStatus: 0,
    listenFailStatus: 0,
    listenStall: false,
    listenConnections: 0,
    controlMessages: [] as string[],
  };
  const authOk = (h: string | undefined) => h === `Token ${apiKey}`;
  // handlers read knobs from the returned object, so tests can change them at run time
  // eslint-disable-next-line prefer-const -- the handlers close over it; it is assigned once the server is up
  let self!: FakeDeepgram;
  const fake = await startFake(
    async (req, res, body) => {
      const url = new URL(req.url!, 'http://x');
      if (req.method !== 'POST' || url.pathname !== '/v1/speak') return void res.writeHead(404).end();
      if (!authOk(req.headers.authorization))
        return void res.writeHead(401, { 'content-type': 'application/json' }).end('{"err_code":"INVALID_AUTH"}');
      const { text } = JSON.parse(body) as { text: string };
      self.speakRequests.push({ text, query: url.searchParams });
      if (self.speakFailStatus) return void res.writeHead(self.speakFailStatus).end('{"err_msg":"fail"}');
      // Aura-1 voices (aura-asteria-en…) were retired 2026-02-13; the vendor answers 400.
      if (!/^aura-2-[a-z]+-[a-z]{2}$/.test(url.searchParams.get('model') ?? ''))
        return void res
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"err_code":"INVALID_QUERY_PARAMETER","err_msg":"No such model/version/tier combination found."}');
      if (self.speakDelayMs) await sleep(self.speakDelayMs);
      const audio = ulawSpeechFor(text);
      res.writeHead(200, { 'content-type': 'audio/basic' });
      const half = Math.floor(audio.length / 2);
      res.write(Buffer.from(audio.subarray(0, half)));
      await sleep(5);
      res.end(Buffer.from(audio.subarray(half)));
    },
    (ws, req) => listen(ws, new URL(req.url!, 'http://x').searchParams, self),
    (req) =>
      !req.url?.startsWith('/v1/listen')
        ? 404
        : !authOk(req.headers.authorization)
          ? 401
          : self.listenFailStatus || null,
  );
  self = Object.assign(fake, state, { apiKey }) as FakeDeepgram;
  return self;
}

function listen(
  ws: WebSocket,
  q: URLSearchParams,
  state: {
    transcripts: string[];
    listenQueries: URLSearchParams[];
    controlMessages: string[];
    listenStall: boolean;
    listenConnections: number;
  },
): void {
  state.listenQueries.push(q);
  state.listenConnections++;
  const rate = Number(q.get('sample_rate') ?? 16000);
  const mulaw = q.get('encoding') === 'mulaw';
  const endpointMs = Number(q.get('endpointing') ?? 10);
  const vad = energyVad();
  let speaking = false;
  let speechMs = 0;
  let silenceMs = 0;
  let t = 0;
  let current = '';
  const send = (o: unknown) => ws.send(JSON.stringify(o));
  const results = (text: string, isFinal: boolean, speechFinal: boolean) =>
    send({
      type: 'Results',
      channel_index: [0, 1],
      duration: speechMs / 1000,
      start: t / 1000,
      is_final: isFinal,
      speech_final: speechFinal,
      channel: { alternatives: [{ transcript: text, confidence: 0.98, words: [] }] },
      metadata: { request_id: 'fake' },
    });
  const final = () => {
    results(current, true, true);
    send({ type: 'UtteranceEnd', channel: [0, 1], last_word_end: t / 1000 });
    speaking = false;
    speechMs = silenceMs = 0;
  };
  ws.on('message', (data, isBinary) => {
    if (state.listenStall) return;
    if (!isBinary) {
      const m = JSON.parse(data.toString()) as { type: string };
      state.controlMessages.push(m.type);
      if (m.type === 'Finalize' && speaking) final();
      if (m.type === 'CloseStream') {
        send({ type: 'Metadata', request_id: 'fake', duration: t / 1000, channels: 1 });
        ws.close(1000);
      }
      return;
    }
    const buf = data as Buffer;
    const pcm = mulaw
      ? ulawToPcm(new Uint8Array(buf))
      : new Int16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    const ms = (pcm.length * 1000) / rate;
    t += ms;
    if (vad.isSpeech(pcm)) {
      if (!speaking) {
        speaking = true;
        current = state.transcripts.shift() ?? '';
        send({ type: 'SpeechStarted', channel: [0], timestamp: t / 1000 });
      }
      speechMs += ms;
      silenceMs = 0;
      if (Math.round(speechMs) % 200 === 0 && current) {
        const words = current.split(' ');
        results(words.slice(0, Math.max(1, Math.floor(words.length / 2))).join(' '), false, false);
      }
    } else if (speaking) {
      silenceMs += ms;
      if (silenceMs >= endpointMs) final();
    }
  });
}
