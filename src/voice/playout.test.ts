// Invariant: playout paces 20 ms frames in real time, sends one mark after each segment's last frame, and on clear reports exactly the share of the playing sentence the caller heard.
import { describe, expect, it } from 'vitest';
import { systemScheduler } from '../lib/index.js';
import { Playout } from './playout.js';
import type { MediaSink } from './ports.js';

function rig() {
  let now = 0;
  const out: Array<{ t: number; kind: string; v?: string }> = [];
  const sink: MediaSink = {
    sendMedia: (p) => out.push({ t: now, kind: 'media', v: p.base64() }),
    sendMark: (n) => out.push({ t: now, kind: 'mark', v: n }),
    sendClear: () => out.push({ t: now, kind: 'clear' }),
    hangup: () => {},
  };
  const played: string[] = [];
  const clock = { ...systemScheduler, ms: () => now }; // the test moves time itself and ticks by hand
  const p = new Playout(sink, { onPlayed: (s) => played.push(s.text) }, { scheduler: clock, manualTicks: true });
  const advance = (ms: number) => {
    for (let i = 0; i < ms; i += 5) {
      now += 5;
      p.tick(now);
    }
  };
  return { p, out, played, advance, at: () => now };
}

describe('Playout', () => {
  it('sends the first frames at once, then one every 20 ms, then the segment mark', () => {
    const { p, out, advance } = rig();
    const seg = p.begin('Hello there.');
    p.append(seg, new Uint8Array(160 * 10).fill(1));
    p.end(seg);
    expect(out.filter((o) => o.kind === 'media')).toHaveLength(3); // 1 due + 2 ahead
    advance(200);
    const media = out.filter((o) => o.kind === 'media');
    expect(media).toHaveLength(10);
    expect(media.at(-1)!.t).toBeGreaterThanOrEqual(140);
    expect(out.at(-1)).toMatchObject({ kind: 'mark', v: seg.id });
    expect(out.filter((o) => o.kind === 'mark')).toHaveLength(1);
  });

  it('keeps sentence order even when a later sentence’s audio arrives first', () => {
    const { p, out, advance } = rig();
    const a = p.begin('A');
    const b = p.begin('B');
    p.append(b, new Uint8Array(160).fill(2));
    p.end(b);
    advance(60);
    expect(out).toHaveLength(0);
    p.append(a, new Uint8Array(160).fill(1));
    p.end(a);
    advance(60);
    expect(out.map((o) => o.kind + (o.v === a.id || o.v === b.id ? o.v : ''))).toEqual([
      'media',
      `mark${a.id}`,
      'media',
      `mark${b.id}`,
    ]);
  });

  it('clear after one sentence was heard reports the played share of the next, in whole words', () => {
    const { p, out, played, advance } = rig();
    const s1 = p.begin('one two');
    p.append(s1, new Uint8Array(160 * 10));
    p.end(s1);
    const s2 = p.begin('three four five six');
    p.append(s2, new Uint8Array(160 * 20));
    p.end(s2);
    advance(200);
    p.onMark(s1.id); // Twilio: s1 finished playing now
    expect(played).toEqual(['one two']);
    advance(200); // half of s2's 400 ms
    const r = p.clear();
    expect(r.segment?.id).toBe(s2.id);
    expect(r.partialMs).toBe(200);
    expect(r.partialText).toBe('three four');
    expect(out.at(-1)!.kind).toBe('clear');
    const sent = out.length;
    advance(200);
    expect(out.length).toBe(sent); // nothing after the clear
    p.onMark(s2.id); // Twilio echoes the cleared mark: ignored
    expect(played).toEqual(['one two']);
    expect(p.speaking).toBe(false);
  });
});
