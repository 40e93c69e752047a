// Invariant: speech start/end follow onset and hangover exactly, and only acknowledgements count as backchannels.
import { describe, expect, it } from 'vitest';
import { SpeechDetector } from './speech-detector.js';
import { isBackchannel } from './backchannel.js';

describe('SpeechDetector', () => {
  it('ignores a one-frame click, starts after the onset and ends after the hangover at the last voiced frame', () => {
    const d = new SpeechDetector({ onsetMs: 60, hangoverMs: 200 });
    let t = 0;
    const feed = (v: boolean) => d.push(v, (t += 20));
    expect(feed(true)).toBeNull();
    expect(feed(false)).toBeNull();
    expect(d.isSpeaking).toBe(false);
    feed(true);
    feed(true);
    expect(feed(true)).toEqual({ type: 'start', at: 60 }); // the first voiced frame of the run arrived at 60
    for (let i = 0; i < 10; i++) feed(true);
    const lastVoiced = t;
    const changes = Array.from({ length: 10 }, () => feed(false)).filter(Boolean);
    expect(changes).toEqual([{ type: 'end', at: lastVoiced, speechMs: lastVoiced - 60 }]);
  });
});

describe('isBackchannel', () => {
  it.each(['mm-hmm', 'Okay.', 'right, right', 'uh-huh', 'yeah'])('“%s” is a backchannel', (t) =>
    expect(isBackchannel(t)).toBe(true),
  );
  it.each(['wait', 'no, Tuesday please', 'okay but I need Tuesday instead', '', 'stop'])('“%s” is not', (t) =>
    expect(isBackchannel(t)).toBe(false),
  );
});
