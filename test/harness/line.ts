/** Helpers for tests that talk on a phone line: caller "speech", waiting, and waiting for the agent to finish. */
import type { FakeTwilioPeer } from '../fakes/twilio-media-peer.js';

/** A 220 Hz tone: enough energy for the voice detectors to hear the caller speak. */
export function tone(ms: number): Int16Array {
  const pcm = new Int16Array(ms * 8);
  for (let i = 0; i < pcm.length; i++) pcm[i] = Math.round(6000 * Math.sin((2 * Math.PI * 220 * i) / 8000));
  return pcm;
}

/** Polls `cond` until it holds or `ms` pass; answers its last value. */
export async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  return cond();
}

/** Waits until the agent has stopped sending audio for `ms` (its reply has been spoken). */
export async function quiet(peer: FakeTwilioPeer, ms = 700): Promise<void> {
  const end = Date.now() + 20_000;
  while (Date.now() < end) {
    const last = peer.media[peer.media.length - 1]?.at ?? 0;
    if (performance.now() - last > ms) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}
