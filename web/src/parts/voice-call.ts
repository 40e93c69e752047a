/**
 * The browser side of `WS /api/test-call`: the microphone goes out as Twilio Media Streams frames
 * (20 ms of 8 kHz μ-law each), the agent's frames are played through WebAudio, each `mark` is echoed
 * once the audio before it has played, and `clear` flushes playback at once (barge-in) — what Twilio
 * does on a phone line, so the server runs the very same voice session.
 */
import { createUplink, decodeFrame, fromBase64, PHONE_RATE, toBase64 } from './phone-audio.js';

/** Where a test call is. */
export type CallPhase = 'connecting' | 'live' | 'ended';

/** What the page hears about a call. */
export interface CallObserver {
  phase(p: CallPhase, reason?: string): void;
  /** The call record this call is writing. */
  callId(id: string): void;
  /** Whether agent audio is playing right now. */
  agentSpeaking(speaking: boolean): void;
}

/** A running test call. */
export interface TestCall {
  hangup(): void;
  mute(muted: boolean): void;
}

const WORKLET = `class Tap extends AudioWorkletProcessor{process(i){const c=i[0]&&i[0][0];if(c)this.port.postMessage(c.slice(0));return true}}registerProcessor('io-mic-tap',Tap)`;
/** Audio queued ahead of the play head, against network jitter. */
const JITTER_S = 0.06;

/** The socket address of the test call on this origin. */
export const testCallUrl = () => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/test-call`;

/**
 * Asks for the microphone, opens the socket with a one-time ticket as a subprotocol (asked for just
 * before, so a slow microphone prompt cannot outlast it; no access token leaves the page), and starts streaming.
 */
export async function startTestCall(ticket: () => Promise<string>, obs: CallObserver): Promise<TestCall> {
  const mic = await navigator.mediaDevices.getUserMedia({
    audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true, channelCount: 1 },
  });
  const ctx = new AudioContext();
  await ctx.resume();
  const streamSid =
    'MZ' + Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  let seq = 0;
  let chunk = 0;
  let muted = false;
  let started = false;
  const send = (m: Record<string, unknown>) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify({ sequenceNumber: String(++seq), streamSid, ...m }));
  };

  const uplink = createUplink(ctx.sampleRate, (ulaw) => {
    if (!started) return;
    chunk++;
    if (muted) ulaw.fill(0xff); // μ-law silence: the line stays open, as a phone's does
    send({
      event: 'media',
      media: { track: 'inbound', chunk: String(chunk), timestamp: String(chunk * 20), payload: toBase64(ulaw) },
    });
  });
  const url = URL.createObjectURL(new Blob([WORKLET], { type: 'text/javascript' }));
  await ctx.audioWorklet.addModule(url);
  URL.revokeObjectURL(url);
  const pass = await ticket();
  // Opened after the last await, so its handlers below are attached before any event can fire.
  const ws = new WebSocket(testCallUrl(), ['infinioffice.test-call', `ticket.${pass}`]);
  const source = ctx.createMediaStreamSource(mic);
  const tap = new AudioWorkletNode(ctx, 'io-mic-tap');
  tap.port.onmessage = (e: MessageEvent<Float32Array>) => uplink(e.data);
  source.connect(tap);
  tap.connect(ctx.destination); // outputs silence; keeps the node pulled

  const playout = createPlayout(ctx, (name) => send({ event: 'mark', mark: { name } }), obs.agentSpeaking);
  let ended = false;
  const finish = (reason?: string) => {
    if (ended) return;
    ended = true;
    playout.stop();
    mic.getTracks().forEach((t) => t.stop());
    void ctx.close().catch(() => undefined);
    obs.phase('ended', reason);
  };

  ws.onopen = () => {
    ws.send(JSON.stringify({ event: 'connected', protocol: 'Call', version: '1.0.0' }));
    send({
      event: 'start',
      start: {
        accountSid: 'browser',
        streamSid,
        callSid: 'browser',
        tracks: ['inbound'],
        customParameters: {},
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: PHONE_RATE, channels: 1 },
      },
    });
    started = true;
    obs.phase('live');
  };
  ws.onmessage = (e) => {
    const m = JSON.parse(String(e.data)) as {
      event: string;
      media?: { payload: string };
      mark?: { name: string };
      call?: { id: string };
    };
    if (m.event === 'media' && m.media) playout.play(decodeFrame(fromBase64(m.media.payload)));
    else if (m.event === 'mark' && m.mark) playout.mark(m.mark.name);
    else if (m.event === 'clear') playout.clear();
    else if (m.event === 'call' && m.call) obs.callId(m.call.id);
  };
  ws.onclose = (e) =>
    finish(e.code === 1000 || e.code === 1005 ? undefined : e.reason || `connection closed (${e.code})`);
  ws.onerror = () => undefined; // onclose follows with the code
  obs.phase('connecting');

  return {
    hangup() {
      send({ event: 'stop', stop: { accountSid: 'browser', callSid: 'browser' } });
      ws.close(1000, 'hung up');
      finish();
    },
    mute(m) {
      muted = m;
    },
  };
}

/** Schedules 8 kHz frames back to back, echoes marks when reached, and flushes on clear. */
function createPlayout(ctx: AudioContext, echo: (name: string) => void, speaking: (s: boolean) => void) {
  let playHead = 0;
  const sources = new Set<AudioBufferSourceNode>();
  let marks: { name: string; at: number }[] = [];
  let wasSpeaking = false;
  const tick = setInterval(() => {
    const now = ctx.currentTime;
    while (marks.length && marks[0].at <= now) echo(marks.shift()!.name);
    const s = playHead > now;
    if (s !== wasSpeaking) speaking((wasSpeaking = s));
  }, 20);
  return {
    play(samples: Float32Array<ArrayBuffer>) {
      const buf = ctx.createBuffer(1, samples.length, PHONE_RATE);
      buf.copyToChannel(samples, 0);
      const src = ctx.createBufferSource();
      src.buffer = buf;
      src.connect(ctx.destination);
      playHead = Math.max(playHead, ctx.currentTime + JITTER_S);
      src.start(playHead);
      playHead += buf.duration;
      sources.add(src);
      src.onended = () => sources.delete(src);
    },
    mark(name: string) {
      marks.push({ name, at: Math.max(playHead, ctx.currentTime) });
    },
    /** Barge-in: drop what is queued and echo every pending mark at once, as Twilio does. */
    clear() {
      for (const s of sources) {
        try {
          s.stop();
        } catch {
          /* not started */
        }
      }
      sources.clear();
      playHead = ctx.currentTime;
      for (const m of marks.splice(0)) echo(m.name);
    },
    stop() {
      clearInterval(tick);
      sources.clear();
      marks = [];
      speaking(false);
    },
  };
}
