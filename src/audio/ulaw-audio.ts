/**
 * Phone audio (μ-law, 8 kHz, mono) as an opaque value. The edge that receives it makes it from the
 * form it arrived in (base64 off a JSON wire, bytes from a synthesizer, PCM) and each reader asks for
 * the form it needs; every form is computed at most once and kept. So the call session never sees a
 * wire encoding, and a frame relayed from one base64 wire to another (Twilio ⇄ a speech-to-speech
 * model) is never decoded or re-encoded on the way.
 */
import { pcmToUlaw, ULAW_TO_PCM, ulawToPcm } from './mulaw.js';

/** μ-law byte → 1 when its sample is above the quiet floor (|x| > 500 of 32 768, about −36 dBFS). */
const ABOVE_FLOOR = Uint8Array.from(ULAW_TO_PCM, (x) => (Math.abs(x) > 500 ? 1 : 0));

/** μ-law 8 kHz audio of any length (usually one 20 ms frame of 160 bytes). */
export class UlawAudio {
  private isVoiced: boolean | undefined;

  private constructor(
    private b64: string | null,
    private bytes: Uint8Array | null,
  ) {}

  /** Audio as it arrived base64-encoded (decoded only if someone reads its bytes). */
  static fromBase64(b64: string): UlawAudio {
    return new UlawAudio(b64, null);
  }

  /** μ-law bytes (kept, not copied: the caller hands them over). */
  static fromBytes(ulaw: Uint8Array): UlawAudio {
    return new UlawAudio(null, ulaw);
  }

  /** Encodes 16-bit PCM at 8 kHz. */
  static fromPcm(pcm: Int16Array): UlawAudio {
    return new UlawAudio(null, pcmToUlaw(pcm));
  }

  /** Length in bytes (= samples; 8 per millisecond), known without decoding. */
  get byteLength(): number {
    if (this.bytes) return this.bytes.length;
    const s = this.b64!;
    const pad = s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0;
    return (s.length / 4) * 3 - pad;
  }

  /** Duration in milliseconds. */
  get ms(): number {
    return this.byteLength / 8;
  }

  /** The μ-law bytes. */
  ulaw(): Uint8Array {
    return (this.bytes ??= Buffer.from(this.b64!, 'base64'));
  }

  /** Decoded to 16-bit PCM (into `out` when it is given and of the same length; a new array otherwise). */
  pcm(out?: Int16Array): Int16Array {
    const u = this.ulaw();
    return ulawToPcm(u, out && out.length === u.length ? out : new Int16Array(u.length));
  }

  /**
   * Whether the audio sounds like a voice rather than a quiet line: a quarter of its samples above the
   * quiet floor. A cheap test for pacing the relay (where talk starts and stops), not a voice detector.
   */
  get voiced(): boolean {
    if (this.isVoiced === undefined) this.isVoiced = this.bytes ? voicedBytes(this.bytes) : voicedBase64(this.b64!);
    return this.isVoiced;
  }

  /** Base64 of the bytes, for a JSON wire (the string it arrived as, when it came that way). */
  base64(): string {
    if (this.b64 === null) {
      const b = this.bytes!;
      this.b64 = Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('base64');
    }
    return this.b64;
  }
}

/** A quarter of the samples above the quiet floor. */
function voicedBytes(u: Uint8Array): boolean {
  let loud = 0;
  for (let i = 0; i < u.length; i++) loud += ABOVE_FLOOR[u[i]];
  return loud * 4 > u.length;
}

/** base64 character code → its 6 bits. */
const SEXTET = (() => {
  const t = new Uint8Array(128);
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < abc.length; i++) t[abc.charCodeAt(i)] = i;
  return t;
})();

/**
 * The same test on audio still in base64, read straight from the string (no decode, no allocation: it
 * runs on every caller frame): the last 30 samples before the final group, or all of a short frame.
 */
function voicedBase64(b64: string): boolean {
  const end = b64.length - 4; // the last group may be padding
  const start = Math.max(0, end - 40);
  if (end <= start) return voicedBytes(Buffer.from(b64, 'base64'));
  let loud = 0;
  for (let i = start; i < end; i += 4) {
    const n =
      (SEXTET[b64.charCodeAt(i)] << 18) |
      (SEXTET[b64.charCodeAt(i + 1)] << 12) |
      (SEXTET[b64.charCodeAt(i + 2)] << 6) |
      SEXTET[b64.charCodeAt(i + 3)];
    loud += ABOVE_FLOOR[n >>> 16] + ABOVE_FLOOR[(n >>> 8) & 0xff] + ABOVE_FLOOR[n & 0xff];
  }
  return loud * 4 > ((end - start) / 4) * 3;
}
