/**
 * Pairs the small, steady WebSocket messages of a call's audio (one every 20 ms each way) into one
 * socket write: the first message of a pair is held in the corked socket until the second arrives,
 * or at most `maxHoldMs`. On loopback and on real networks the cost of a relayed frame is mostly the
 * write system call and the TCP work behind it, so pairing halves it; the price is up to one frame
 * (20 ms) of extra delay on every other frame, which the caller's jitter buffer and the model's
 * voice detection (hundreds of ms) absorb. Messages keep their order and stay separate messages.
 * Anything that must leave now (a clear, a cancel) calls `flush()` after sending; the first message
 * after a quiet spell (an answer's first frame, which the caller's wait ends on) is not held, nor is
 * one sent with `now` (the frame where the caller starts or stops talking, which voice detection keys on).
 * One shared 10 ms interval releases held writes for every call (not one timer per call).
 */
import type { Duplex } from 'node:stream';

/** The part of a `ws` WebSocket this needs (its raw socket is the private `_socket`). */
export interface PairableSocket {
  readyState: number;
  send(data: string): void;
}

const held = new Set<PairedWrites>();
let timer: NodeJS.Timeout | null = null;

function watch(p: PairedWrites): void {
  held.add(p);
  if (!timer) {
    timer = setInterval(() => {
      const now = performance.now();
      for (const x of held) x.release(now);
      if (held.size === 0 && timer) {
        clearInterval(timer);
        timer = null;
      }
    }, 10);
    timer.unref();
  }
}

/** Writes to one WebSocket, two small messages per system call. */
export class PairedWrites {
  private corkedAt: number | null = null;
  private count = 0;
  private lastSendAt = -Infinity;

  constructor(
    private readonly ws: PairableSocket,
    private readonly maxHoldMs = 25,
    private readonly perWrite = 2,
    /** A message after this long without one starts a run (an answer's first frame): it leaves at once. */
    private readonly quietMs = 60,
  ) {}

  private get socket(): Duplex | undefined {
    return (this.ws as unknown as { _socket?: Duplex })._socket;
  }

  /**
   * Sends `data` as one message; it leaves with the next one (or within `maxHoldMs`), unless `now`:
   * then it leaves at once, with anything held before it.
   */
  send(data: string, now = false): void {
    if (this.ws.readyState !== 1) return;
    const socket = this.socket;
    if (!socket || socket.destroyed) return void this.ws.send(data);
    const at = performance.now();
    const startsRun = at - this.lastSendAt > this.quietMs;
    this.lastSendAt = at;
    // The first frame of an answer is what the caller waits for: it is not held for a partner.
    if ((startsRun || now) && this.corkedAt === null) return void this.ws.send(data);
    if (this.corkedAt === null) {
      socket.cork();
      this.corkedAt = performance.now();
      this.count = 0;
      watch(this);
    }
    this.ws.send(data);
    if (++this.count >= this.perWrite || now) this.flush();
  }

  /** Writes everything held now (in order). */
  flush(): void {
    if (this.corkedAt === null) return;
    this.corkedAt = null;
    held.delete(this);
    const socket = this.socket;
    if (socket && !socket.destroyed) socket.uncork();
  }

  /** Called by the shared timer: releases a write held too long. */
  release(now: number): void {
    if (this.corkedAt !== null && now - this.corkedAt >= this.maxHoldMs) this.flush();
  }
}
