/**
 * Light simulated callers for the benchmark: one shared 20 ms clock sends every caller's frame
 * (prebuilt strings), agent frames are timestamped on arrival, marks are echoed when the audio before
 * them would have finished playing (and at once on `clear`), as Twilio does.
 */
import { RawWs } from './raw-ws.js';
import { pcmToUlaw, tone } from '../../src/audio/index.js';
import { SILENCE_B64 } from './fake-providers.js';

const SPEECH_B64 = Buffer.from(pcmToUlaw(tone(20, 300, 8000, 0.3))).toString('base64');

/** What one caller measured. */
export interface CallerStats {
  firstFrameMs: number | null;
  /** End of caller speech → first agent frame, per turn. */
  e2e: number[];
  /** |inter-arrival − 20 ms| of agent frames inside a continuous run. */
  jitter: number[];
  framesSent: number;
  framesReceived: number;
  /** Caller frames the generator itself sent late by > 40 ms (load-generator health). */
  lateSends: number;
  closedEarly: boolean;
  /** The WebSocket upgrade completed. */
  connected: boolean;
}

/** One simulated caller. */
export class BenchCaller {
  readonly stats: CallerStats = {
    firstFrameMs: null,
    e2e: [],
    jitter: [],
    framesSent: 0,
    framesReceived: 0,
    lateSends: 0,
    closedEarly: false,
    connected: false,
  };
  private ws: RawWs;
  private seq = 0;
  private startAt = 0;
  private speakUntil = 0;
  private speechEndAt: number | null = null;
  private lastFrameAt = 0;
  private runLen = 0;
  private playEnd = 0;
  private marks: Array<{ name: string; at: number }> = [];
  private open = false;
  private done = false;
  readonly sid: string;

  constructor(
    url: string,
    private readonly callId: string,
  ) {
    this.sid = 'MZ' + callId.padStart(32, '0');
    this.ws = new RawWs(url, {
      open: () => this.begin(),
      message: (d) => this.onMessage(d),
      close: () => {
        if (!this.done) this.stats.closedEarly = true;
        this.open = false;
      },
    });
  }

  private begin(): void {
    this.open = true;
    this.stats.connected = true;
    this.ws.send('{"event":"connected","protocol":"Call","version":"1.0.0"}');
    this.startAt = performance.now();
    this.ws.send(
      JSON.stringify({
        event: 'start',
        sequenceNumber: '1',
        streamSid: this.sid,
        start: {
          accountSid: 'AC' + '0'.repeat(32),
          streamSid: this.sid,
          callSid: 'CA' + this.callId.padStart(32, '0'),
          tracks: ['inbound'],
          customParameters: { callId: this.callId },
          mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        },
      }),
    );
  }

  /** Starts speaking for `ms` from now. */
  speak(ms: number, now: number): void {
    this.speakUntil = now + ms;
  }

  /** Called by the shared clock; sends the frames due. */
  tick(now: number, late: boolean): void {
    if (!this.open) return;
    if (late) this.stats.lateSends++;
    const speaking = now < this.speakUntil;
    if (!speaking && this.speakUntil && this.speechEndAt === null) this.speechEndAt = this.speakUntil;
    const n = ++this.seq;
    this.ws.send(
      `{"event":"media","sequenceNumber":"${n}","streamSid":"${this.sid}","media":{"track":"inbound","chunk":"${n}","timestamp":"${n * 20}","payload":"${speaking ? SPEECH_B64 : SILENCE_B64}"}}`,
    );
    this.stats.framesSent++;
    while (this.marks.length && this.marks[0].at <= now) this.echo(this.marks.shift()!.name);
  }

  /** Classifies by the byte after `{"event":"` (m-e media, m-a mark, c clear) without decoding media. */
  private onMessage(raw: Buffer): void {
    const now = performance.now();
    const c0 = raw[10];
    const c1 = raw[11];
    if (c0 === 0x6d && c1 === 0x65) {
      this.stats.framesReceived++;
      if (this.stats.firstFrameMs === null) this.stats.firstFrameMs = now - this.startAt;
      if (this.speechEndAt !== null && this.speakUntil && now > this.speechEndAt) {
        this.stats.e2e.push(now - this.speechEndAt);
        this.speechEndAt = null;
        this.speakUntil = 0;
      }
      const gap = now - this.lastFrameAt;
      if (gap < 100) {
        if (++this.runLen > 3) this.stats.jitter.push(Math.abs(gap - 20));
      } else this.runLen = 0;
      this.lastFrameAt = now;
      this.playEnd = Math.max(this.playEnd, now) + 20;
    } else if (c0 === 0x6d && c1 === 0x61) {
      const name = (JSON.parse(raw.toString()) as { mark: { name: string } }).mark.name;
      this.marks.push({ name, at: Math.max(this.playEnd, now) });
    } else if (c0 === 0x63) {
      this.playEnd = now;
      for (const m of this.marks.splice(0)) this.echo(m.name);
    }
  }

  private echo(name: string): void {
    this.seq++;
    this.ws.send(
      `{"event":"mark","sequenceNumber":"${this.seq}","streamSid":"${this.sid}","mark":{"name":${JSON.stringify(name)}}}`,
    );
  }

  /** Hangs up like Twilio: `stop`, then close. */
  hangup(): void {
    this.done = true;
    this.open = false;
    if (this.ws.open)
      this.ws.send(
        `{"event":"stop","sequenceNumber":"${++this.seq}","streamSid":"${this.sid}","stop":{"accountSid":"AC${'0'.repeat(32)}","callSid":"CA${this.callId.padStart(32, '0')}"}}`,
      );
    setTimeout(() => this.ws.terminate(), 200);
  }
}
