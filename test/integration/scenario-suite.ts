/**
 * Plays one part of the scenario corpus against its own embedded server. The corpus is split across
 * test files so that each server (and its in-memory database) holds a third of the businesses, and
 * the parts run side by side on CI's two workers instead of one long file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_VOICE_DEADLINE_SCALE, scaled } from '../harness/timing.js';
import {
  loadScenarios,
  runScenarios,
  startEmbeddedServer,
  summary,
  type EmbeddedServer,
  type ScenarioResult,
} from '../../src/simulator/index.js';

/** The folder every scenario lives in. */
export const SCENARIO_DIR = join(import.meta.dirname, '../../scenarios');

/** Scenario files of the corpus whose names pass `pick`. */
export function scenarioFiles(pick: (file: string) => boolean): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && pick(f))
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

/** Defines the tests of one part: every scenario ends as it expects, with a transcript and audio. */
export function scenarioSuite(title: string, files: string[]) {
  const scenarios = loadScenarios(files);
  let server: EmbeddedServer;
  let results: ScenarioResult[] = [];

  beforeAll(async () => {
    // The corpus checks what the agent understood and said, not how fast: the provider deadlines stretch to
    // their ceiling, since the machine's load is read once at start and can climb while the corpus plays
    // (a missed deadline turns a booking into an apology). Deadlines have their own suites (src/voice).
    server = await startEmbeddedServer({
      inMemory: true,
      env: { VOICE_DEADLINE_SCALE: String(MAX_VOICE_DEADLINE_SCALE) },
    });
    // Phone calls run in real time and mostly wait on the line (a part's CPU stays well under one core even at 8),
    // so several share the two cores well; each scenario's business opens its own test chats, so no limit waits.
    results = await runScenarios(server.target, scenarios, { concurrency: 8 });
    const s = summary(results);
    console.log(
      `scenarios (${title}): ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped; agent turns per booking ${s.agentTurnsPerBooking}; reply latency median ${s.replyLatencyMs.median} ms`,
    );
  }, scaled(400_000));
  afterAll(async () => {
    await server?.close();
  });

  describe(`scenarios: ${title}`, () => {
    it.each(scenarios.map((s) => [s.scenario.name] as const))('%s', (name) => {
      const r = results.find((x) => x.name === name)!;
      const transcript = r.transcript.map((t) => `${t.role}: ${t.text}`).join('\n');
      expect(r.status === 'fail' ? r.reasons : [], `${name}\n${transcript}\n${r.notes.join('\n')}`).toEqual([]);
    });

    it('records a transcript and a tool call for every scenario that got past the greeting', () => {
      for (const r of results.filter((x) => x.status === 'pass' && x.outcome !== 'hangup')) {
        expect(
          r.transcript.some((t) => t.role === 'caller'),
          r.name,
        ).toBe(true);
        expect(r.toolCalls.length, r.name).toBeGreaterThan(0);
      }
    });

    it('hears the agent over the media stream on every phone scenario', () => {
      for (const r of results.filter((x) => x.channel === 'phone')) {
        expect(r.agentAudioMs ?? 0, r.name).toBeGreaterThan(1000);
        expect(r.latenciesMs.length, r.name).toBeGreaterThan(0);
      }
    });
  });
}
