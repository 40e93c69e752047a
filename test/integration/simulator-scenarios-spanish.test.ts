// Invariant: Spanish callers are served end to end (book, reschedule, cancel, hours, emergencies) on the text channel and over the phone path, with a Spanish business set to `es` and an English one set to `auto`; the es-* scenarios play in their own part of the corpus (scenario-suite.ts).
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../src/simulator/index.js';
import { scenarioFiles, scenarioSuite } from './scenario-suite.js';

const files = scenarioFiles((f) => f.startsWith('es-'));

describe('the Spanish scenarios', () => {
  it('are at least 25 across three industries, on both channels, for an es business and an auto one', () => {
    const scenarios = loadScenarios(files).map((s) => s.scenario);
    expect(scenarios.length).toBeGreaterThanOrEqual(25);
    expect(new Set(scenarios.map((s) => s.business.industry)).size).toBeGreaterThanOrEqual(3);
    expect(scenarios.filter((s) => s.channel === 'phone').length).toBeGreaterThanOrEqual(5);
    const languages = new Set(scenarios.map((s) => s.business.language));
    expect(languages).toContain('es');
    expect(languages).toContain('auto');
  });

  it('cover every task of the issue on both channels, for an es business and an English one on auto', () => {
    const scenarios = loadScenarios(files)
      .map((s) => s.scenario)
      .filter((s) => !/english/.test(s.name));
    const task = (s: (typeof scenarios)[number]): string[] => {
      const e = s.expect as Record<string, unknown>;
      const said = ([] as string[]).concat((e.agentSaid as string[] | undefined) ?? []).join(' ');
      return [
        e.appointment && e.appointment !== 'none' ? 'book' : '',
        e.rescheduled ? 'reschedule' : '',
        e.cancelled ? 'cancel' : '',
        /abrimos|horario/i.test(said) ? 'hours' : '',
        e.outcome === 'escalated' ? 'emergency' : '',
      ].filter(Boolean);
    };
    const covered = new Set(scenarios.flatMap((s) => task(s).map((t) => `${s.business.language}/${s.channel}/${t}`)));
    const missing: string[] = [];
    for (const language of ['es', 'auto'])
      for (const channel of ['text', 'phone'])
        for (const t of ['book', 'reschedule', 'cancel', 'hours', 'emergency']) {
          if (!covered.has(`${language}/${channel}/${t}`)) missing.push(`${language}/${channel}/${t}`);
        }
    expect(missing).toEqual([]);
  });
});

scenarioSuite('spanish', files);
