// Invariant: the offline TTS leaves no scratch folders in the temp directory, whether the process exits normally or was killed.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { scaled } from '../../../test/harness/timing.js';

const SCRIPT = `
import fs from 'node:fs';
import os from 'node:os';
import { FliteTextToSpeech } from '${path.resolve('src/providers/tts/offline-flite.ts')}';
const tts = new FliteTextToSpeech();
const pcm = await tts.render('Hello, thanks for calling.');
const dirs = fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('flite-' + process.pid + '-')).length;
console.log(JSON.stringify({ pid: process.pid, samples: pcm.length, dirs }));
process.exit(0);
`;

/** Runs the offline TTS once in a fresh process that exits without closing it; answers what it saw. */
function run() {
  // A file, not \`-e\`: an \`--input-type\` flag would be inherited by the synthesis worker.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'io-flite-test-'));
  try {
    fs.writeFileSync(path.join(dir, 'speak.mts'), SCRIPT);
    return JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', path.join(dir, 'speak.mts')], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .pop()!,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('offline TTS scratch folders', () => {
  it(
    'are removed when the process exits, and a killed process’s folders are swept at the next start',
    () => {
      const orphan = path.join(os.tmpdir(), 'flite-2147483000-abcdef');
      fs.mkdirSync(orphan, { recursive: true });
      const out = run();
      expect(out.samples).toBeGreaterThan(4000);
      expect(out.dirs).toBe(1); // in use while the process runs
      expect(fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`flite-${out.pid}-`))).toEqual([]);
      expect(fs.existsSync(orphan)).toBe(false);
    },
    scaled(60_000),
  );
});
