// Invariant: a crash of the offline speech synthesizer never takes the node down: the sentence it was speaking is spoken by a new synthesizer, and the next ones too.
import { afterAll, describe, expect, it } from 'vitest';
import { FliteTextToSpeech } from './offline-flite.js';
import { scaled } from '../../../test/harness/timing.js';

const gone = (pid: number) => {
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
};

describe('offline TTS synthesizer crash', () => {
  const tts = new FliteTextToSpeech();
  afterAll(() => tts.close());

  it(
    'speaks the sentence in flight and the next on a new synthesizer; close stops it',
    async () => {
      expect((await tts.render('Hello, thanks for calling.')).length).toBeGreaterThan(4000);
      const first = tts.synthesizerPid!;
      expect(first).toBeGreaterThan(0);

      // The synthesizer dies as Node 20's WASI sometimes makes it (a segmentation fault) with a sentence on its way.
      process.kill(first, 'SIGSEGV');
      const inFlight = await tts.render('Sorry, could you say that once more?');
      expect(inFlight.length).toBeGreaterThan(4000);
      const second = tts.synthesizerPid!;
      expect(second).toBeGreaterThan(0);
      expect(second).not.toBe(first);
      expect((await tts.render('Your appointment is booked.')).length).toBeGreaterThan(4000);

      await tts.close();
      expect(tts.synthesizerPid).toBeUndefined();
      expect(gone(second)).toBe(true);
      // A closed synthesizer starts again when asked to speak.
      expect((await tts.render('Goodbye.')).length).toBeGreaterThan(2000);
    },
    scaled(30_000),
  );
});
