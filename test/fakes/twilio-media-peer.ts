/**
 * A fake Twilio on the media side: opens the Media Streams WebSocket like Twilio does (connected,
 * start with customParameters, 20 ms media frames in real time), plays what it receives on a virtual
 * line (the agent's audio queue drains at real-time speed), echoes each `mark` when the audio before
 * it has "played", and on `clear` drops the queue and echoes pending marks at once, as Twilio does.
 */
import WebSocket from 'ws';
import { pcmToUlaw } from '../../src/audio/index.js';

/** One agent frame as heard by the fake caller. */
export interface HeardFrame {
  at: number;
  payload: string;
}

/** Fake Twilio media-stream client. */
export class FakeTwilioPeer {
  readonly ws: WebSocket;
  readonly media: HeardFrame[] = [];
  readonly marksSent: string[] = [];
  readonly marksEchoed: Array<{ name: string; at: number }> = [];
  readonly clears: number[] = [];
  readonly log: Array<{ event: string; at: number }> = [];
  closeInfo: { code: number; reason: string } | null = null;
  startSentAt = 0;
  private seq = 0;
  private chunk = 0;
  private queuedMs = 0;
  private playClock = 0;
  private pendingMarks: Array<{ name: string; atMs: number }> = [];
  private timer: NodeJS.Timeout;
  readonly streamSid = 'MZ' + Math.random().toString(16).slice(2).padEnd(32, '0');
  readonly callSid: string;
  readonly opened: Promise<void>;
  readonly closed: Promise<void>;

  /** `headers` go on the upgrade request (Twilio signs it with X-Twilio-Signature); `callSid` as the webhook had it. */
  constructor(url: string, opts: { headers?: Record<string, string>; callSid?: string } = {}) {
    this.callSid = opts.callSid ?? 'CA' + Math.random().toString(16).slice(2).padEnd(32, '0');
    this.ws = new WebSocket(url, { headers: opts.headers });
    this.opened = new Promise((r, j) => {
      this.ws.once('open', () => r());
      this.ws.once('error', j);
    });
    this.closed = new Promise((r) =>
      this.ws.once('close', (code, reason) => ((this.closeInfo = { code, reason: reason.toString() }), r())),
    );
    this.ws.on('message', (d) => this.onMessage(d.toString()));
    this.timer = setInterval(() => this.play(), 5);
  }

  private now(): number {
    return performance.now();
  }

  private onMessage(raw: string): void {
    const m = JSON.parse(raw) as { event: string; media?: { payload: string }; mark?: { name: string } };
    const at = this.now();
    this.log.push({ event: m.event, at });
    if (m.event === 'media') {
      this.media.push({ at, payload: m.media!.payload });
      const ms = (Buffer.from(m.media!.payload, 'base64').length / 8) | 0;
      if (this.queuedMs <= 0) this.playClock = at;
      this.queuedMs += ms;
    } else if (m.event === 'mark') {
      this.marksSent.push(m.mark!.name);
      this.pendingMarks.push({ name: m.mark!.name, atMs: this.queuedMs });
      this.play();
    } else if (m.event === 'clear') {
      this.clears.push(at);
      this.queuedMs = 0;
      for (const p of this.pendingMarks.splice(0)) this.echo(p.name);
    }
  }

  /** Drains the virtual line at real-time speed and echoes marks whose audio has played. */
  private play(): void {
    const now = this.now();
    if (this.queuedMs > 0) {
      const elapsed = now - this.playClock;
      this.playClock = now;
      const played = Math.min(elapsed, this.queuedMs);
      this.queuedMs -= played;
      for (const p of this.pendingMarks) p.atMs -= played;
    }
    while (this.pendingMarks.length && this.pendingMarks[0].atMs <= 0) this.echo(this.pendingMarks.shift()!.name);
  }

  private echo(name: string): void {
    this.marksEchoed.push({ name, at: this.now() });
    this.send({ event: 'mark', sequenceNumber: String(++this.seq), streamSid: this.streamSid, mark: { name } });
  }

  /** Sends any JSON (or raw string) frame. */
  send(obj: unknown): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(typeof obj === 'string' ? obj : JSON.stringify(obj));
  }

  /** `connected` then `start` with the given custom parameters. */
  async begin(customParameters: Record<string, string> = {}): Promise<void> {
    await this.opened;
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
    this.startSentAt = this.now();
    this.send({
      event: 'start',
      sequenceNumber: String(++this.seq),
      streamSid: this.streamSid,
      start: {
        accountSid: 'AC' + '0'.repeat(32),
        streamSid: this.streamSid,
        callSid: this.callSid,
        tracks: ['inbound'],
        customParameters,
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
      },
    });
  }

  /** One media frame of μ-law bytes. */
  sendFrame(ulaw: Uint8Array): void {
    this.send({
      event: 'media',
      sequenceNumber: String(++this.seq),
      streamSid: this.streamSid,
      media: {
        track: 'inbound',
        chunk: String(++this.chunk),
        timestamp: String(this.chunk * 20),
        payload: Buffer.from(ulaw).toString('base64'),
      },
    });
  }

  /** Streams PCM 8 kHz as 20 ms frames in real time (the caller speaking, or silence). */
  async speak(pcm: Int16Array): Promise<void> {
    const frames = Math.ceil(pcm.length / 160);
    const t0 = this.now();
    for (let i = 0; i < frames; i++) {
      const f = new Int16Array(160);
      f.set(pcm.subarray(i * 160, Math.min(pcm.length, (i + 1) * 160)));
      this.sendFrame(pcmToUlaw(f));
      const wait = t0 + (i + 1) * 20 - this.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  }

  /** Streams silence for `ms`. */
  silence(ms: number): Promise<void> {
    return this.speak(new Int16Array((ms * 8) | 0));
  }

  private line: { queue: Array<{ pcm: Int16Array; off: number; done: () => void }>; timer: NodeJS.Timeout } | null =
    null;

  /**
   * Streams continuously like a real phone line: queued speech when there is some, silence otherwise,
   * one 20 ms frame per tick (catching up if a timer fires late).
   */
  startLine(): void {
    if (this.line) return;
    const t0 = this.now();
    let sent = 0;
    const queue: Array<{ pcm: Int16Array; off: number; done: () => void }> = [];
    const timer = setInterval(() => {
      const due = Math.floor((this.now() - t0) / 20);
      while (sent < due) {
        sent++;
        const f = new Int16Array(160);
        const cur = queue[0];
        if (cur) {
          f.set(cur.pcm.subarray(cur.off, cur.off + 160));
          cur.off += 160;
          if (cur.off >= cur.pcm.length) {
            queue.shift();
            cur.done();
          }
        }
        this.sendFrame(pcmToUlaw(f));
      }
    }, 5);
    this.line = { queue, timer };
  }

  /** Queues speech on the running line; resolves when it has all been sent. */
  say(pcm: Int16Array): Promise<void> {
    this.startLine();
    return new Promise((done) => this.line!.queue.push({ pcm, off: 0, done }));
  }

  sendDtmf(digit: string): void {
    this.send({
      event: 'dtmf',
      sequenceNumber: String(++this.seq),
      streamSid: this.streamSid,
      dtmf: { track: 'inbound_track', digit },
    });
  }

  stop(): void {
    this.send({
      event: 'stop',
      sequenceNumber: String(++this.seq),
      streamSid: this.streamSid,
      stop: { accountSid: 'AC' + '0'.repeat(32), callSid: this.callSid },
    });
  }

  /** Agent frames received after `t`. */
  framesAfter(t: number): HeardFrame[] {
    return this.media.filter((f) => f.at > t);
  }

  close(): void {
    clearInterval(this.timer);
    if (this.line) clearInterval(this.line.timer);
    this.ws.close();
  }
}
