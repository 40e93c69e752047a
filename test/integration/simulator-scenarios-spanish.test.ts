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
});

scenarioSuite('spanish', files);
