/**
 * Offline brain benchmark: per-turn processing time (NLU + statechart + tools over in-memory ports)
 * across every scenario in bench/brain/scenarios, NLU alone, and agent turns per booking.
 * Run: npx tsx bench/brain/turns.ts [rounds]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { createNlu } from '../../src/brain/nlu/index.js';
import type { BusinessProfile } from '../../src/brain/types.js';
import { runScenario, type Scenario, type ScenarioResult } from '../../src/brain/test-support/scenario-runner.js';

const ROUNDS = Number(process.argv[2] ?? 20);
const DIR = join(import.meta.dirname, 'scenarios');
const scenarios: Scenario[] = readdirSync(DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .flatMap((f) => [parse(readFileSync(join(DIR, f), 'utf8'), { merge: true })].flat() as Scenario[]);

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

const turnMs: number[] = [];
const brainMs: number[] = [];
let last: ScenarioResult[] = [];
for (let r = 0; r < ROUNDS; r++) {
  last = [];
  for (const s of scenarios) {
    const res = await runScenario(s);
    if (r > 0) {
      // round 0 warms the JIT
      turnMs.push(...res.turnMs);
      brainMs.push(...res.turnMs.map((t, i) => t - res.toolMs[i]));
    }
    last.push(res);
  }
}

const nluMs: number[] = [];
for (const s of scenarios) {
  const nlu = createNlu(s.business as BusinessProfile);
  const now = DateTime.fromISO(s.now, { zone: s.business.timezone }).toJSDate();
  const lines = s.caller.says.filter((l): l is string => typeof l === 'string');
  for (let r = 0; r < ROUNDS; r++) {
    for (const l of lines) {
      const t0 = performance.now();
      nlu.understand(l, now);
      if (r > 0) nluMs.push(performance.now() - t0);
    }
  }
}

const booked = last.filter((r) => r.outcome === 'booked');
const upFront = booked.filter((r) => {
  const s = scenarios.find((x) => x.name === r.name)!;
  const first = s.caller.says[0];
  if (typeof first !== 'string') return false;
  const u = createNlu(s.business as BusinessProfile).understand(
    first,
    DateTime.fromISO(s.now, { zone: s.business.timezone }).toJSDate(),
  );
  return !!u.service && !!u.when;
});
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

console.log('\nbrain offline benchmark');
console.table({
  'turn (handle)': {
    samples: turnMs.length,
    median: fmt(pct(turnMs, 50)),
    p99: fmt(pct(turnMs, 99)),
    max: fmt(Math.max(...turnMs)),
  },
  'turn minus tool time': {
    samples: brainMs.length,
    median: fmt(pct(brainMs, 50)),
    p99: fmt(pct(brainMs, 99)),
    max: fmt(Math.max(...brainMs)),
  },
  'NLU only': {
    samples: nluMs.length,
    median: fmt(pct(nluMs, 50)),
    p99: fmt(pct(nluMs, 99)),
    max: fmt(Math.max(...nluMs)),
  },
});
console.table({
  scenarios: { value: `${last.filter((r) => r.passed).length}/${last.length} passed` },
  'agent turns per booking (mean, all bookings)': {
    value: `${mean(booked.map((r) => r.agentTurns)).toFixed(2)} over ${booked.length}`,
  },
  'agent turns per booking (service + time in first sentence)': {
    value: `${mean(upFront.map((r) => r.agentTurns)).toFixed(2)} over ${upFront.length}`,
  },
});
for (const r of last.filter((x) => !x.passed)) console.log(`FAIL ${r.name}: ${r.failures.join('; ')}`);
