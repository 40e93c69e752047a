// Invariant: the README's provider table matches the code exactly: every speech/language variable the config reads is listed, every one listed is read, and each listed default is the one the code uses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES, loadConfig } from './index.js';

const PROVIDER = /^(DEEPGRAM|OPENAI|LLM|STT)_/;
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const listed = new Set(
  [...readme.matchAll(/`([A-Z][A-Z0-9_]{2,})(?:=[^`]*)?`/g)].map((m) => m[1]).filter((v) => PROVIDER.test(v)),
);

describe('README provider table', () => {
  it('lists every provider variable the config reads, and only those', () => {
    const read = ENV_VARIABLES.filter((v) => PROVIDER.test(v));
    expect([...listed].sort()).toEqual([...read].sort());
  });
  it('states the model defaults the code uses', () => {
    const c = loadConfig({ DEEPGRAM_API_KEY: 'k', OPENAI_API_KEY: 'k' });
    const defaults = [
      c.openai!.model,
      c.openai!.realtimeModel,
      c.openai!.transcribeModel,
      c.openai!.ttsModel,
      c.openai!.voice,
      c.deepgram!.sttModel,
      c.deepgram!.ttsModel,
    ];
    for (const d of defaults) expect(readme).toContain(`\`${d}\``);
    expect(readme).toContain('checked 2026-12-02');
  });
});
