// Invariant: every scripted call in bench/brain/scenarios ends as its expectations say (text channel).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runScenario, type Scenario } from './test-support/scenario-runner.js';

const DIR = join(import.meta.dirname, '../../bench/brain/scenarios');
const scenarios: Scenario[] = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .flatMap((f) => [parse(readFileSync(join(DIR, f), 'utf8'), { merge: true })].flat() as Scenario[]);

describe('scenarios', () => {
  it('has at least 40 scenarios across six industries', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.business.industry)).size).toBe(6);
  });
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    const r = await runScenario(s);
    expect(r.failures, r.transcript.map((t) => `${t.role}: ${t.text}`).join('\n')).toEqual([]);
  });
});
