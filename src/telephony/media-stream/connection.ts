/**
 * One Twilio Media Streams socket: validates every frame and the protocol order
 * (connected → start → media/mark/dtmf → stop), asks `authorizeStart` before anything paid is
 * contacted, and turns frames into typed events. Bad frames close the socket with a code and reason;
 * nothing here throws into the caller of `ws`.
 */
import type { WebSocket, RawData } from 'ws';
import { PairedWrites } from '../../lib/index.js';
import { CLOSE, DEFAULT_MAX_FRAME_BYTES, outboundSerializer, parseInbound } from './codec.js';
import type { StartMessage, TwilioInboundMessage } from './messages.js';

/** Events of a media stream connection, keyed by name. */
export interface MediaStreamEvents<C> {
  /** The stream was authorized; `context` is what `authorizeStart` returned. */
  start: (context: C, start: StartMessage) => void;
  /** 20 ms of caller audio (base64 μ-law) and Twilio's media timestamp in ms. */
  media: (payloadBase64: string, timestampMs: number) => void;
  mark: (name: string) => void;
  dtmf: (digit: string) => void;
  stop: () => void;
  /** The socket closed (by either side); `byUs` when we closed it for a protocol reason. */
  close: (info: { code: number; reason: string; byUs: boolean }) => void;
}

/** Options of a connection. */
export interface MediaStreamOptions<C> {
  /** Checks the per-call token in start.customParameters; null closes the stream with 1008. */
  authorizeStart(start: StartMessage): Promise<C | null>;
  maxFrameBytes?: number;
  /** Caller frames held while `authorizeStart` runs (default 500 = 10 s): none are dropped. */
  maxPendingFrames?: number;
}

type State = 'awaitingConnected' | 'awaitingStart' | 'authorizing' | 'started' | 'stopped' | 'closed';

/** A per-socket Media Streams protocol handler. */
export class MediaStreamConnection<C> {
  private state: State = 'awaitingConnected';
  private readonly listeners: { [K in keyof MediaStreamEvents<C>]?: MediaStreamEvents<C>[K][] } = {};
  private pending: TwilioInboundMessage[] = [];
  private ser: ReturnType<typeof outboundSerializer> | null = null;
  private closeInfo: { code: number; reason: string } | null = null;
  /** Audio and marks leave two per socket write (see lib/paired-writes). */
  private readonly out: PairedWrites;
  /** The stream sid from `start`, once known. */
  streamSid: string | null = null;
  /** The call sid from `start`, once known. */
  callSid: string | null = null;

  constructor(
    private readonly ws: WebSocket,
    private readonly opts: MediaStreamOptions<C>,
  ) {
    this.out = new PairedWrites(ws);
    ws.on('message', (data, isBinary) => this.onFrame(data, isBinary));
    ws.on('close', (code, reason) => this.onClosed(code, reason.toString()));
    ws.on('error', () => this.close(CLOSE.internal, 'socket error'));
  }

  /** Subscribes to an event. */
  on<K extends keyof MediaStreamEvents<C>>(event: K, fn: MediaStreamEvents<C>[K]): this {
    ((this.listeners[event] ??= []) as MediaStreamEvents<C>[K][]).push(fn);
    return this;
  }

  /** Current protocol state (for diagnostics and tests). */
  get protocolState(): State {
    return this.state;
  }

  /** Sends audio (base64 μ-law) to be played; ignored before start or after close. */
  sendMedia(payloadBase64: string): void {
    if (this.ser && this.isOpen()) this.out.send(this.ser.media(payloadBase64));
  }

  /** Sends a mark; Twilio echoes it when the audio sent before it has played. */
  sendMark(name: string): void {
    if (this.ser && this.isOpen()) this.out.send(this.ser.mark(name));
  }

  /** Drops the audio buffered at Twilio. */
  sendClear(): void {
    if (this.ser && this.isOpen()) {
      this.ws.send(this.ser.clear());
      this.out.flush();
    }
  }

  /** Bytes queued in the socket but not yet written (backpressure signal). */
  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  /** Closes the socket with a code and a reason (at most 123 bytes, the protocol's limit). */
  close(code: number = CLOSE.normal, reason = ''): void {
    if (this.state === 'closed') return;
    this.closeInfo ??= { code, reason };
    this.state = 'closed';
    this.out.flush();
    try {
      this.ws.close(code, reason.slice(0, 120));
    } catch {
      this.ws.terminate();
    }
  }

  private isOpen(): boolean {
    return this.ws.readyState === 1;
  }

  private emit<K extends keyof MediaStreamEvents<C>>(event: K, ...args: Parameters<MediaStreamEvents<C>[K]>): void {
    const ls = this.listeners[event];
    if (!ls) return;
    for (const fn of ls) {
      try {
        (fn as (...a: unknown[]) => void)(...args);
      } catch {
        this.close(CLOSE.internal, `internal error handling ${event}`);
      }
    }
  }

  private onFrame(data: RawData, isBinary: boolean): void {
    if (this.state === 'closed' || this.state === 'stopped') return;
    if (isBinary) return this.close(CLOSE.unsupported, 'binary frames are not part of the protocol');
    const text =
      typeof data === 'string'
        ? data
        : Buffer.isBuffer(data)
          ? data.toString('utf8')
          : Buffer.concat(data as Buffer[]).toString('utf8');
    const r = parseInbound(text, this.opts.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES);
    if (!r.ok) return this.close(r.code, r.reason);
    this.dispatch(r.msg);
  }

  private dispatch(msg: TwilioInboundMessage): void {
    switch (this.state) {
      case 'awaitingConnected':
        if (msg.event !== 'connected') return this.close(CLOSE.policy, `${msg.event} before connected`);
        this.state = 'awaitingStart';
        return;
      case 'awaitingStart':
        if (msg.event !== 'start') return this.close(CLOSE.policy, `${msg.event} before start`);
        return void this.authorize(msg);
      case 'authorizing':
        if (msg.event === 'connected' || msg.event === 'start')
          return this.close(CLOSE.policy, `duplicate ${msg.event}`);
        if (this.pending.length >= (this.opts.maxPendingFrames ?? 500))
          return this.close(CLOSE.policy, 'too many frames before authorization');
        this.pending.push(msg);
        return;
      case 'started':
        return this.deliver(msg);
      default:
        return;
    }
  }

  private deliver(msg: TwilioInboundMessage): void {
    if (msg.event === 'connected' || msg.event === 'start') return this.close(CLOSE.policy, `duplicate ${msg.event}`);
    if (msg.streamSid !== this.streamSid) return this.close(CLOSE.policy, 'streamSid does not match start');
    switch (msg.event) {
      case 'media':
        if (msg.media.track !== 'inbound') return;
        return this.emit('media', msg.media.payload, Number(msg.media.timestamp));
      case 'mark':
        return this.emit('mark', msg.mark.name);
      case 'dtmf':
        return this.emit('dtmf', msg.dtmf.digit);
      case 'stop':
        this.state = 'stopped';
        this.emit('stop');
        return this.close(CLOSE.normal, 'stream stopped');
    }
  }

  private async authorize(start: StartMessage): Promise<void> {
    if (start.streamSid !== start.start.streamSid) return this.close(CLOSE.policy, 'streamSid mismatch in start');
    this.state = 'authorizing';
    let ctx: C | null = null;
    try {
      ctx = await this.opts.authorizeStart(start);
    } catch {
      return this.close(CLOSE.internal, 'authorization failed');
    }
    if (this.state !== 'authorizing') return; // closed meanwhile
    if (ctx === null) return this.close(CLOSE.policy, 'stream not authorized');
    this.streamSid = start.streamSid;
    this.callSid = start.start.callSid;
    this.ser = outboundSerializer(start.streamSid);
    this.state = 'started';
    this.emit('start', ctx, start);
    const held = this.pending;
    this.pending = [];
    for (const m of held) {
      if (this.state !== 'started') break;
      this.deliver(m);
    }
  }

  private onClosed(code: number, reason: string): void {
    const byUs = this.closeInfo !== null;
    const info = this.closeInfo ?? { code, reason };
    this.state = 'closed';
    this.out.flush();
    this.pending = [];
    this.emit('close', { ...info, byUs });
  }
}
