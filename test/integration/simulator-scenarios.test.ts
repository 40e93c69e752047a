// Invariant: every call scenario in scenarios/ ends as its expectations say when played through the simulator against the product on embedded defaults (text via the chat API, phone over signed webhooks and real-time Media Streams); only scenarios marked `skip` with a reason may fall short. This file checks the corpus as a whole and plays the industry files; the dialog-*, understand-*, es-* (Spanish) and outside-* parts play in their own files (scenario-suite.ts).
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../src/simulator/index.js';
import { SCENARIO_DIR, scenarioFiles, scenarioSuite } from './scenario-suite.js';

describe('the scenario corpus', () => {
  const scenarios = loadScenarios([SCENARIO_DIR]);
  it('has at least 100 scenarios across six industries and businesses outside them, on both channels', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(100);
    const industries = new Set(scenarios.map((s) => s.scenario.business.industry));
    for (const i of ['plumbing', 'hvac', 'electrical', 'auto', 'dental', 'salon']) expect(industries, i).toContain(i);
    // and businesses no template describes (a veterinary clinic, a piano tuner), with their own service names
    expect(
      new Set(scenarios.filter((s) => s.scenario.business.industry === 'other').map((s) => s.scenario.business.name))
        .size,
    ).toBeGreaterThanOrEqual(2);
    expect(scenarios.filter((s) => s.scenario.channel === 'phone').length).toBeGreaterThanOrEqual(5);
  });

  it('is split so that every file plays in exactly one part', () => {
    const parts = [
      scenarioFiles((f) => f.startsWith('dialog-')),
      scenarioFiles((f) => f.startsWith('understand-')),
      scenarioFiles((f) => f.startsWith('es-')),
      scenarioFiles((f) => f.startsWith('outside-')),
      scenarioFiles((f) => f.startsWith('outside3-')),
      scenarioFiles((f) => f === 'outside4-returning.yaml' || f === 'outside4-speech.yaml'),
      scenarioFiles((f) => f === 'outside4-trades.yaml' || f === 'outside4-spanish.yaml'),
      scenarioFiles((f) => f === 'outside5-offices.yaml' || f === 'outside5-availability.yaml'),
      scenarioFiles((f) => f === 'outside5-world-english.yaml' || f === 'outside5-phone-talk.yaml'),
      scenarioFiles((f) => f === 'outside6-when.yaml' || f === 'outside6-chat-typing.yaml'),
      scenarioFiles((f) => f === 'outside6-services.yaml' || f === 'outside6-returning-trust.yaml'),
      scenarioFiles((f) => f.startsWith('outside7-')),
      scenarioFiles((f) => f.startsWith('outside8-')),
      scenarioFiles((f) => f === 'outside9-errands.yaml' || f === 'outside9-terse.yaml'),
      scenarioFiles((f) => f === 'outside9-staff.yaml' || f === 'outside9-calendar.yaml'),
      scenarioFiles((f) => !/^(dialog|understand|es|outside\d*)-/.test(f)),
    ];
    expect(parts.flat().sort()).toEqual(scenarioFiles(() => true));
  });
});

scenarioSuite(
  'industries',
  // the outside rounds (outside-, outside3- … outside8-) play in their own parts, never here as well
  scenarioFiles((f) => !/^(dialog|understand|es|outside\d*)-/.test(f)),
);
