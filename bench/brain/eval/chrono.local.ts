import * as chrono from '/tmp/chrono/node_modules/chrono-node/dist/esm/index.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { BUSINESSES } from './businesses.js';
import { seeded } from './rng.js';
import { readTurn } from './score.js';
import { normalize, numbersToDigits } from '../../../src/brain/nlu/index.js';
import type { Generator, TurnCase } from './types.js';
const dir = join(import.meta.dirname, 'generators');
const turns: TurnCase[] = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
  const g = (await import(pathToFileURL(join(dir, f)).href)).default as Generator;
  for (const b of BUSINESSES) turns.push(...(g.turns?.(seeded(`${g.name}:${b.key}:turns`), b) ?? []));
}
const cases = turns.filter((t) => (t.slots.date || t.slots.time) && !t.ctx?.offered);
let ours = 0, theirs = 0, oursD = 0, theirsD = 0, oursT = 0, theirsT = 0, nD = 0, nT = 0;
const byCls = new Map<string, [number, number, number]>();
const ex: string[] = [];
for (const t of cases) {
  const tz = t.business.profile.timezone;
  const now = DateTime.fromISO(t.now, { zone: tz });
  const r = readTurn(t);
  const res = chrono.casual.parse(numbersToDigits(normalize(t.text)), { instant: now.toJSDate(), timezone: now.offset }, { forwardDate: true });
  let cd: string | undefined, ct: string | undefined;
  for (const r of res) {
    const d = DateTime.fromJSDate(r.start.date(), { zone: tz });
    if (r.start.isCertain('day') || r.start.isCertain('weekday')) cd = d.toISODate()!;
    if (r.start.isCertain('hour')) ct = d.toFormat('HH:mm');
  }
  const okO = (!t.slots.date || r.slots.date === t.slots.date) && (!t.slots.time || r.slots.time === t.slots.time);
  const okC = (!t.slots.date || cd === t.slots.date) && (!t.slots.time || ct === t.slots.time);
  if (t.slots.date) { nD++; if (r.slots.date === t.slots.date) oursD++; if (cd === t.slots.date) theirsD++; }
  if (t.slots.time) { nT++; if (r.slots.time === t.slots.time) oursT++; if (ct === t.slots.time) theirsT++; }
  if (okO) ours++;
  if (okC) theirs++;
  const c = byCls.get(t.cls) ?? [0, 0, 0];
  c[0]++; if (okO) c[1]++; if (okC) c[2]++;
  byCls.set(t.cls, c);
  if (!okC && ex.length < 25) ex.push(`"${t.text}" want ${t.slots.date ?? ''} ${t.slots.time ?? ''} chrono ${cd ?? '∅'} ${ct ?? '∅'}`);
}
const p = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
console.log(`${cases.length} turns with a date or time: hand-written ${p(ours, cases.length)}, chrono-node ${p(theirs, cases.length)}`);
console.log(`date: ours ${p(oursD, nD)} chrono ${p(theirsD, nD)} (${nD}); time: ours ${p(oursT, nT)} chrono ${p(theirsT, nT)} (${nT})`);
for (const [k, [n, a, b]] of byCls) console.log(`  ${k}: ${n} ours ${p(a, n)} chrono ${p(b, n)}`);
for (const e of ex) console.log('  ' + e);
