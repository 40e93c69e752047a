// Invariant: every call scenario in scenarios/ ends as its expectations say when played through the simulator against the product on embedded defaults (text via the chat API, phone over signed webhooks and real-time Media Streams); only scenarios marked `skip` with a reason may fall short.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scaled, VOICE_DEADLINE_SCALE } from '../harness/timing.js';
import { loadScenarios, runScenarios, startEmbeddedServer, summary, type EmbeddedServer, type ScenarioResult } from '../../src/simulator/index.js';

const DIR = join(import.meta.dirname, '../../scenarios');
const scenarios = loadScenarios([DIR]);
let server: EmbeddedServer;
let results: ScenarioResult[] = [];

beforeAll(async () => {
  server = await startEmbeddedServer({ inMemory: true, env: { VOICE_DEADLINE_SCALE: String(VOICE_DEADLINE_SCALE) } });
  // Phone calls run in real time and mostly wait on the line, so a few share the two cores well.
  results = await runScenarios(server.target, scenarios, { concurrency: 4 });
  const s = summary(results);
  console.log(`scenarios: ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped; agent turns per booking ${s.agentTurnsPerBooking}; reply latency median ${s.replyLatencyMs.median} ms`);
}, scaled(400_000));
afterAll(async () => { await server?.close(); });

describe('the scenario corpus', () => {
  it('has at least 40 scenarios across six industries, on both channels', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    const industries = new Set(scenarios.map((s) => s.scenario.business.industry));
    for (const i of ['plumbing', 'hvac', 'electrical', 'auto', 'dental', 'salon']) expect(industries, i).toContain(i);
    // and businesses no template describes (a veterinary clinic, a piano tuner), with their own service names
    expect(new Set(scenarios.filter((s) => s.scenario.business.industry === 'other').map((s) => s.scenario.business.name)).size).toBeGreaterThanOrEqual(2);
    expect(scenarios.filter((s) => s.scenario.channel === 'phone').length).toBeGreaterThanOrEqual(5);
  });

  it.each(scenarios.map((s) => [s.scenario.name] as const))('%s', (name) => {
    const r = results.find((x) => x.name === name)!;
    const transcript = r.transcript.map((t) => `${t.role}: ${t.text}`).join('\n');
    expect(r.status === 'fail' ? r.reasons : [], `${name}\n${transcript}\n${r.notes.join('\n')}`).toEqual([]);
  });

  it('records a transcript and a tool call for every scenario that got past the greeting', () => {
    for (const r of results.filter((x) => x.status === 'pass' && x.outcome !== 'hangup')) {
      expect(r.transcript.some((t) => t.role === 'caller'), r.name).toBe(true);
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
