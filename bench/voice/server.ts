/**
 * The server side of the voice benchmark, in its own process so its CPU time can be measured alone:
 * the real Media Streams connection, bridge and call engine (cascade or realtime) behind a ws server,
 * with zero-latency providers. Talks to the runner over IPC.
 * Usage (by run.ts): node --import tsx bench/voice/server.ts <cascade|realtime> [realtimeBaseUrl]
 */
import { startVoiceServer } from '../../test/fakes/voice-server.js';
import { OpenAiRealtimeVoice, ScriptedSpeechToText } from '../../src/providers/index.js';
import {
  CallSession,
  GreetingCache,
  RealtimeCallSession,
  cannedConversation,
  type CallRecorder,
  type PhoneAudio,
  type TurnRecord,
} from '../../src/voice/index.js';
import { LoopScriptBook, ZeroLatencyTts } from './fake-providers.js';

const engine = process.argv[2] === 'realtime' ? 'realtime' : 'cascade';
const rtBase = process.argv[3];
export const GREETING = 'Thanks for calling Acme Plumbing, how can I help?';
export const REPLY = 'Sure, we have a technician free tomorrow at ten in the morning.';

const tts = new ZeroLatencyTts();
const greetings = new GreetingCache();
await greetings.warm('org', tts, GREETING);
const stt = new ScriptedSpeechToText(new LoopScriptBook('I need a plumber tomorrow'), { endpointMs: 200 });
const rt = rtBase ? new OpenAiRealtimeVoice({ apiKey: 'bench', baseUrl: rtBase, connectTimeoutMs: 10_000 }) : null;

const events: Record<string, number> = {};
let framesIn = 0;
let framesOut = 0;
let added: number[] = [];
/** |gap − 20 ms| between consecutive frames a call sends, inside a continuous run (sampled). */
let sendJitter: number[] = [];
let e2e: number[] = [];

const server = await startVoiceServer((callId, sink, recorder, _params) => {
  let last = 0;
  let run = 0;
  const counting = {
    ...sink,
    sendMedia: (p: PhoneAudio) => {
      framesOut++;
      const now = performance.now();
      const gap = now - last;
      last = now;
      if (gap < 100) {
        if (++run > 3 && (framesOut & 7) === 0) sendJitter.push(Math.abs(gap - 20));
      } else run = 0;
      sink.sendMedia(p);
    },
  };
  const rec: CallRecorder = {
    ...recorder,
    onTurn: (t: TurnRecord) => {
      if (t.callerText && t.e2eMs !== null) {
        e2e.push(t.e2eMs);
        // pipeline-added = end of speech → first frame, minus the providers' own time
        added.push(
          engine === 'cascade' ? t.e2eMs - (t.asrMs ?? 0) - (t.llmMs ?? 0) - (t.ttsMs ?? 0) : t.e2eMs - (t.llmMs ?? 0),
        );
      }
    },
    onEvent: (name) => {
      if (name === 'provider_failure' || name === 'barge_in') events[name] = (events[name] ?? 0) + 1;
    },
  };
  const e =
    engine === 'cascade'
      ? new CallSession(
          counting,
          {
            conversation: cannedConversation(GREETING, [{ when: 'plumber', say: [REPLY] }]),
            providers: { stt, tts, fallbackTts: tts },
            recorder: rec,
            greetings,
          },
          { callId, organizationId: 'org', timing: { silenceMs: 60_000 } },
        )
      : new RealtimeCallSession(
          counting,
          {
            realtime: rt!,
            brain: { instructions: 'bench', greeting: () => GREETING, tools: [], callTool: async () => '{}' },
            recorder: rec,
            lineTts: tts,
            greetings,
          },
          { callId, organizationId: 'org' },
        );
  const onMedia = e.onMedia.bind(e);
  e.onMedia = (p: PhoneAudio) => {
    framesIn++;
    onMedia(p);
  };
  return e;
});

process.on('message', (m: { type: string }) => {
  if (m.type === 'stats') {
    const mem = process.memoryUsage();
    process.send!({
      type: 'stats',
      cpu: process.cpuUsage(),
      rss: mem.rss,
      heap: mem.heapUsed,
      framesIn,
      framesOut,
      added,
      e2e,
      sendJitter,
      events,
      calls: server.calls.size,
      engines: server.engines.size,
    });
    added = [];
    sendJitter = [];
    e2e = [];
  } else if (m.type === 'gc') {
    (globalThis as { gc?: () => void }).gc?.();
    process.send!({ type: 'gc' });
  } else if (m.type === 'exit') {
    void server.close().then(() => process.exit(0));
  }
});
process.send!({ type: 'ready', url: server.url });
