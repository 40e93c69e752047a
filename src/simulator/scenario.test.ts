// Invariant: scenario files load as SCENARIOS.md writes them (YAML lists with shared business blocks, JSON, folders) and a wrong field is refused with its file and path.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from './scenario.js';

const yaml = `
- name: one
  now: 2026-03-10T09:15
  business: &b
    name: Shop
    timezone: America/Chicago
    hours: { mon: [["09:00", "17:00"]] }
    services: [{ name: Haircut, durationMin: 45 }]
  caller:
    from: "+13125550142"
    says: ["hi", { text: "wait", bargeIn: true }, { silenceMs: 6000 }, { dtmf: 1 }]
  expect: { appointment: none, outcome: [answered, hangup] }
- name: two
  channel: phone
  now: 2026-03-10T09:15
  business: { <<: *b, name: Other shop }
  caller: { says: ["yes"] }
`;

describe('loadScenarios', () => {
  it('reads YAML lists with merged business blocks, JSON files and nested folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scn-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.yaml'), yaml);
    writeFileSync(
      join(dir, 'sub', 'c.json'),
      JSON.stringify({
        name: 'three',
        now: '2026-03-10T09:15',
        business: { name: 'X', timezone: 'UTC', hours: {}, services: [{ name: 'Y', durationMin: 30 }] },
        caller: {},
      }),
    );
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const got = loadScenarios([dir]).map((l) => l.scenario);
    expect(got.map((s) => s.name)).toEqual(['one', 'two', 'three']);
    expect(got[0].channel).toBe('text');
    expect(got[0].caller.says).toEqual(['hi', { text: 'wait', bargeIn: true }, { silenceMs: 6000 }, { dtmf: '1' }]);
    expect(got[1].business).toMatchObject({ name: 'Other shop', timezone: 'America/Chicago' });
    expect(got[0].expect.outcome).toEqual(['answered', 'hangup']);
  });

  it('names the file, scenario and field of an error, and refuses duplicate names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scn-'));
    writeFileSync(join(dir, 'bad.yaml'), yaml.replace('durationMin: 45', 'durationMin: "long"'));
    expect(() => loadScenarios([join(dir, 'bad.yaml')])).toThrow(
      /bad\.yaml \[0\] \(one\):\n {2}business\.services\.0\.durationMin/,
    );
    writeFileSync(join(dir, 'dup.yaml'), yaml.replace('name: two', 'name: one'));
    expect(() => loadScenarios([join(dir, 'dup.yaml')])).toThrow(/duplicate scenario name one/);
  });
});
