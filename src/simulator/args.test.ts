// Invariant: the simulator's command line reads "--json out.json" and "--json=out.json" alike, and never takes a scenario file for the results file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './args.js';

describe('simulate --json', () => {
  it('writes results where "--json <file>" says, the scenario files staying scenarios', () => {
    expect(parseArgs(['--json', '/tmp/not-there-yet-results.json', 'scenarios/auto.yaml'])).toMatchObject({
      json: '/tmp/not-there-yet-results.json',
      paths: ['scenarios/auto.yaml'],
    });
    expect(parseArgs(['--json=/tmp/r.json', 'scenarios'])).toMatchObject({ json: '/tmp/r.json', paths: ['scenarios'] });
    expect(parseArgs(['--json', '-'])).toMatchObject({ json: '-', paths: ['scenarios'] });
  });

  it('keeps the default results file when the word after --json is a scenario', () => {
    expect(parseArgs(['--json', 'scenarios/auto.yaml'])).toMatchObject({
      json: 'simulator-results.json',
      paths: ['scenarios/auto.yaml'],
    });
    expect(parseArgs(['--json', 'package.json'])).toMatchObject({
      json: 'simulator-results.json',
      paths: ['package.json'],
    });
  });

  it('writes over the results of an earlier run named after --json instead of reading them as scenarios', () => {
    const earlier = join(mkdtempSync(join(tmpdir(), 'sim-args-')), 'results.json');
    writeFileSync(earlier, JSON.stringify({ summary: { passed: 1 }, scenarios: [] }));
    expect(parseArgs(['--json', earlier, 'scenarios/auto.yaml'])).toMatchObject({
      json: earlier,
      paths: ['scenarios/auto.yaml'],
    });
  });
});
