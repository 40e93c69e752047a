/**
 * Cuts a stream of samples (or μ-law bytes) of any chunk size into fixed 20 ms frames.
 * Providers deliver audio in arbitrary chunks; Twilio plays 20 ms / 160-byte frames best.
 */

/** Samples in one 20 ms frame at `sampleRate`. */
export const frameSamples = (sampleRate: number, frameMs = 20): number => (sampleRate * frameMs) / 1000;

/** Accumulates bytes and yields whole frames of `frameBytes`; `flush` pads the tail with `pad`. */
export class ByteFramer {
  private buf: Uint8Array;
  private used = 0;

  constructor(
    readonly frameBytes = 160,
    private readonly pad = 0xff,
  ) {
    this.buf = new Uint8Array(frameBytes);
  }

  /** Adds bytes; returns the complete frames they finish (each a fresh array). */
  push(data: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    let off = 0;
    while (off < data.length) {
      const n = Math.min(this.frameBytes - this.used, data.length - off);
      this.buf.set(data.subarray(off, off + n), this.used);
      this.used += n;
      off += n;
      if (this.used === this.frameBytes) {
        frames.push(this.buf);
        this.buf = new Uint8Array(this.frameBytes);
        this.used = 0;
      }
    }
    return frames;
  }

  /** The buffered tail as one padded frame, or null when nothing is buffered. */
  flush(): Uint8Array | null {
    if (this.used === 0) return null;
    this.buf.fill(this.pad, this.used);
    const f = this.buf;
    this.buf = new Uint8Array(this.frameBytes);
    this.used = 0;
    return f;
  }

  /** Drops anything buffered (barge-in). */
  reset(): void {
    this.used = 0;
  }

  /** True when no partial frame is buffered (a whole frame may then pass through untouched). */
  get empty(): boolean {
    return this.used === 0;
  }
}

/** Same as ByteFramer for PCM16 samples. */
export class PcmFramer {
  private buf: Int16Array;
  private used = 0;

  constructor(readonly frameSamples = 160) {
    this.buf = new Int16Array(frameSamples);
  }

  /** Adds samples; returns the complete frames they finish. */
  push(data: Int16Array): Int16Array[] {
    const frames: Int16Array[] = [];
    let off = 0;
    while (off < data.length) {
      const n = Math.min(this.frameSamples - this.used, data.length - off);
      this.buf.set(data.subarray(off, off + n), this.used);
      this.used += n;
      off += n;
      if (this.used === this.frameSamples) {
        frames.push(this.buf);
        this.buf = new Int16Array(this.frameSamples);
        this.used = 0;
      }
    }
    return frames;
  }

  /** The buffered tail zero-padded to a frame, or null. */
  flush(): Int16Array | null {
    if (this.used === 0) return null;
    this.buf.fill(0, this.used);
    const f = this.buf;
    this.buf = new Int16Array(this.frameSamples);
    this.used = 0;
    return f;
  }
}
