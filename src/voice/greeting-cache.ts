/**
 * Ready-to-send audio of each organization's greeting (and other fixed lines), so the first agent
 * frame can leave within milliseconds of the stream's `start`. Warm it at the webhook, while the
 * phone is still ringing.
 */
import type { TextToSpeech } from '../providers/index.js';
import type { UlawAudio } from '../audio/index.js';
import { toFrames } from './playout.js';
import { chunksToUlaw } from './audio-convert.js';

/** LRU of 20 ms μ-law frames keyed by organization, voice and text. */
export class GreetingCache {
  private readonly map = new Map<string, Promise<UlawAudio[]>>();
  constructor(private readonly maxEntries = 1000) {}

  private key(organizationId: string, voice: string, text: string): string {
    return `${organizationId}\u0000${voice}\u0000${text}`;
  }

  /** Cached frames, or null. */
  async get(organizationId: string, tts: TextToSpeech, text: string, voice = ''): Promise<UlawAudio[] | null> {
    const p = this.map.get(this.key(organizationId, tts.label + voice, text));
    return p ? p.catch(() => null) : null;
  }

  /** Synthesizes (once) and caches the line; returns its frames. */
  warm(organizationId: string, tts: TextToSpeech, text: string, voice = ''): Promise<UlawAudio[]> {
    const k = this.key(organizationId, tts.label + voice, text);
    let p = this.map.get(k);
    if (!p) {
      p = synthesizeFrames(tts, text, voice);
      p.catch(() => this.map.delete(k));
      this.map.set(k, p);
      if (this.map.size > this.maxEntries) this.map.delete(this.map.keys().next().value!);
    }
    return p;
  }
}

/** Renders a whole line to 20 ms μ-law frames. */
export async function synthesizeFrames(tts: TextToSpeech, text: string, voice = ''): Promise<UlawAudio[]> {
  const parts: Uint8Array[] = [];
  for await (const c of tts.synthesize(text, { voice: voice || undefined })) parts.push(chunksToUlaw(c));
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    all.set(p, off);
    off += p.length;
  }
  return toFrames(all);
}
