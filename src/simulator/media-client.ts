/**
 * The simulator's side of Twilio Media Streams: opens the stream as Twilio does (signed upgrade,
 * `connected`, `start` with the TwiML's parameters and the webhook's CallSid), keeps a real-time
 * phone line of 20 ms μ-law frames (queued caller speech, silence otherwise), plays the agent's audio
 * on a virtual line at real-time speed, echoes each `mark` once the audio before it has played and
 * honours `clear` (drops what is queued, echoes pending marks at once), as Twilio does.
 * https://www.twilio.com/docs/voice/media-streams/websocket-messages
 */
import WebSocket from 'ws';
import { pcmToUlaw } from '../audio/index.js';

const FRAME_SAMPLES = 160;

/** A Media Streams client acting as Twilio for one call. */
export class MediaStreamClient {
  readonly ws: WebSocket;
  /** Arrival times (performance.now) of the agent's media frames. */
  readonly agentFrames: number[] = [];
  readonly clears: number[] = [];
  /** Total agent audio received, ms. */
  agentAudioMs = 0;
  readonly opened: Promise<void>;
  readonly closed: Promise<{ code: number; reason: string }>;
  isClosed = false;
  private readonly streamSid =
    'MZ' + Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  private seq = 0;
  private chunk = 0;
  private queuedMs = 0;
  private playClock = 0;
  private pendingMarks: Array<{ name: string; atMs: number }> = [];
  private speech: Array<{ pcm: Int16Array; off: number; done: () => void }> = [];
  private lineTimer: NodeJS.Timeout | null = null;

  constructor(
    url: string,
    private readonly callSid: string,
    signature: string,
  ) {
    this.ws = new WebSocket(url, { headers: { 'x-twilio-signature': signature } });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) =>
      this.ws.once('close', (code, reason) => {
        this.isClosed = true;
        this.stopLine();
        resolve({ code, reason: reason.toString() });
      }),
    );
    this.ws.on('message', (d) => this.onMessage(d.toString()));
  }

  /** Sends `connected` and `start`, then keeps the line streaming in real time. */
  async begin(customParameters: Record<string, string>): Promise<void> {
    await this.opened;
    this.send({ event: 'connected', protocol: 'Call', version: '1.0.0' });
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
    this.startLine();
  }

  /** Queues caller speech (8 kHz PCM) on the line; resolves when its last frame has been sent. */
  say(pcm: Int16Array): Promise<void> {
    return new Promise((done) => this.speech.push({ pcm, off: 0, done }));
  }

  /** Key presses, as Twilio sends them. */
  dtmf(digits: string): void {
    for (const digit of digits)
      this.send({
        event: 'dtmf',
        sequenceNumber: String(++this.seq),
        streamSid: this.streamSid,
        dtmf: { track: 'inbound_track', digit },
      });
  }

  /** Whether agent audio is still playing on the virtual line (or arrived within `quietMs`). */
  agentSpeaking(quietMs: number): boolean {
    this.drain();
    const last = this.agentFrames[this.agentFrames.length - 1] ?? -Infinity;
    return this.queuedMs > 0 || performance.now() - last < quietMs;
  }

  /** The caller hangs up: `stop`, then the socket closes. */
  async hangup(): Promise<void> {
    this.stopLine();
    this.send({
      event: 'stop',
      sequenceNumber: String(++this.seq),
      streamSid: this.streamSid,
      stop: { accountSid: 'AC' + '0'.repeat(32), callSid: this.callSid },
    });
    if (this.ws.readyState === WebSocket.OPEN) this.ws.close(1000, 'caller hung up');
    await Promise.race([this.closed, new Promise((r) => setTimeout(r, 2000))]);
    if (!this.isClosed) this.ws.terminate();
  }

  private send(obj: unknown): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(obj));
  }

  private onMessage(raw: string): void {
    let m: { event?: string; media?: { payload?: string }; mark?: { name?: string } };
    try {
      m = JSON.parse(raw);
    } catch {
      return;
    }
    const now = performance.now();
    if (m.event === 'media' && m.media?.payload) {
      this.drain();
      this.agentFrames.push(now);
      if (this.queuedMs <= 0) this.playClock = now;
      const ms = Buffer.from(m.media.payload, 'base64').length / 8;
      this.queuedMs += ms;
      this.agentAudioMs += ms;
    } else if (m.event === 'mark' && m.mark?.name) {
      this.drain();
      this.pendingMarks.push({ name: m.mark.name, atMs: this.queuedMs });
      this.drain();
    } else if (m.event === 'clear') {
      this.clears.push(now);
      this.queuedMs = 0;
      for (const p of this.pendingMarks.splice(0)) this.echo(p.name);
    }
  }

  /** Plays the virtual line up to now and echoes the marks whose audio has played. */
  private drain(): void {
    const now = performance.now();
    if (this.queuedMs > 0) {
      const played = Math.min(now - this.playClock, this.queuedMs);
      this.playClock = now;
      this.queuedMs -= played;
      for (const p of this.pendingMarks) p.atMs -= played;
    }
    while (this.pendingMarks.length && this.pendingMarks[0].atMs <= 0) this.echo(this.pendingMarks.shift()!.name);
  }

  private echo(name: string): void {
    this.send({ event: 'mark', sequenceNumber: String(++this.seq), streamSid: this.streamSid, mark: { name } });
  }

  /** One frame per 20 ms, caught up when a timer fires late, like a real line. */
  private startLine(): void {
    const t0 = performance.now();
    let sent = 0;
    this.lineTimer = setInterval(() => {
      this.drain();
      const due = Math.floor((performance.now() - t0) / 20);
      while (sent < due) {
        sent++;
        const f = new Int16Array(FRAME_SAMPLES);
        const cur = this.speech[0];
        if (cur) {
          f.set(cur.pcm.subarray(cur.off, cur.off + FRAME_SAMPLES));
          cur.off += FRAME_SAMPLES;
          if (cur.off >= cur.pcm.length) {
            this.speech.shift();
            cur.done();
          }
        }
        this.send({
          event: 'media',
          sequenceNumber: String(++this.seq),
          streamSid: this.streamSid,
          media: {
            track: 'inbound',
            chunk: String(++this.chunk),
            timestamp: String(this.chunk * 20),
            payload: Buffer.from(pcmToUlaw(f)).toString('base64'),
          },
        });
      }
    }, 5);
  }

  private stopLine(): void {
    if (this.lineTimer) clearInterval(this.lineTimer);
    this.lineTimer = null;
    for (const s of this.speech.splice(0)) s.done();
  }
}
