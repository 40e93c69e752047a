/**
 * Soak: N concurrent phone calls with churn (each caller rings, hears the greeting, asks one or two
 * questions, hangs up, rings again) for a while, through the whole product (signed webhook, TwiML,
 * Media Streams socket, offline providers, database records). Then checks that nothing was lost
 * and nothing leaked: every call has its outcome and every caller turn, RSS growth after GC,
 * timers and sockets left open, the offline TTS's scratch folders.
 *
 *   npx tsx --expose-gc bench/soak/run.ts [--minutes 10] [--calls 20]
 *
 * Uses PostgreSQL / Redis when DATABASE_URL / REDIS_URL are set (as the CI pass does), else PGlite
 * and the in-process live store. A benchmark, not a timed test: it prints a table.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { asc, eq, inArray } from 'drizzle-orm';
import { startTestServer } from '../../test/harness/server.js';
import { registerOrg } from '../../test/harness/client.js';
import { FakeTwilioPeer } from '../../test/fakes/twilio-media-peer.js';
import { quiet, tone, until } from '../../test/harness/line.js';
import { fixedClock } from '../../src/lib/index.js';
import { createProviders } from '../../src/providers/index.js';
import { twilioSignature } from '../../src/telephony/index.js';
import { schema } from '../../src/db/index.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    calls: { type: 'string', default: '20' },
    log: { type: 'string', default: 'silent' },
  },
});
const MINUTES = Number(values.minutes);
const CONCURRENT = Number(values.calls);
const TOKEN = 'soak-twilio-auth-token';
const NUMBER = `+1312555${String(Math.floor(Math.random() * 9000) + 1000)}`;
const QUESTIONS = ['What are your hours on Saturday?', 'Do you fix water heaters?', 'Where are you located?'];

const gc = () => {
  for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
};
const rssMb = () => process.memoryUsage().rss / 1e6;
const heapMb = () => process.memoryUsage().heapUsed / 1e6;
const resources = () => {
  const counts: Record<string, number> = {};
  for (const r of process.getActiveResourcesInfo()) counts[r] = (counts[r] ?? 0) + 1;
  return counts;
};
const fliteDirs = () => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(`flite-${process.pid}-`)).length;

const providers = createProviders({});
const server = await startTestServer({
  clock: fixedClock('2026-03-10T15:00:00Z', true),
  providers,
  env: { TWILIO_AUTH_TOKEN: TOKEN, LOG_LEVEL: values.log! },
});
const org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago', name: 'Soak Plumbing' });
await org.api.post('/api/phone-numbers', { e164: NUMBER });

interface Placed {
  callId: string;
  said: string[];
  deadAirMs: number[];
}
const placed: Placed[] = [];
let failures = 0;

/** One caller from ring to hang-up; answers what it said. */
async function oneCall(n: number): Promise<void> {
  const callSid = 'CA' + (n.toString(16) + Math.random().toString(16).slice(2)).padEnd(32, '0').slice(0, 32);
  const form = {
    CallSid: callSid,
    AccountSid: 'AC' + '1'.repeat(32),
    From: '+13125550142',
    To: NUMBER,
    CallStatus: 'ringing',
  };
  const hook = `${server.url}/twilio/voice`;
  const res = await fetch(hook, {
    method: 'POST',
    body: new URLSearchParams(form).toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': twilioSignature(TOKEN, hook, form),
    },
  });
  const xml = await res.text();
  const url = xml.match(/<Stream url="([^"]+)"/)?.[1];
  if (!url) throw new Error(`no stream: ${xml.slice(0, 200)}`);
  const params = Object.fromEntries(
    [...xml.matchAll(/<Parameter name="(\w+)" value="([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const peer = new FakeTwilioPeer(url, { headers: { 'x-twilio-signature': twilioSignature(TOKEN, url) }, callSid });
  const record: Placed = { callId: params.callId, said: [], deadAirMs: [] };
  placed.push(record);
  try {
    await peer.begin(params);
    if (!(await until(() => peer.media.length > 0, 10_000))) throw new Error('no greeting');
    peer.startLine();
    await quiet(peer);
    const asks = 1 + (n % 2);
    for (let i = 0; i < asks; i++) {
      const text = QUESTIONS[(n + i) % QUESTIONS.length];
      providers.scriptBook.say(params.callId, text);
      record.said.push(text);
      await peer.say(tone(500));
      const spoke = performance.now();
      if (!(await until(() => peer.framesAfter(spoke).length > 10, 15_000))) throw new Error('no answer');
      record.deadAirMs.push(peer.framesAfter(spoke)[0].at - spoke);
      await quiet(peer);
    }
    peer.stop();
  } finally {
    peer.close();
    await peer.closed;
  }
}

async function slot(k: number, until: number, counter: { n: number }) {
  while (Date.now() < until) {
    const n = counter.n++;
    await oneCall(n).catch((e) => {
      failures++;
      console.error(`call ${n} (slot ${k}): ${(e as Error).message}`);
    });
  }
}

// Warm-up at the soak's own concurrency for 30 s, so that caches, pools, JIT and the heap's working set
// for that many calls are in their steady state before the baseline: what grows after it is growth with
// time (a leak), not the step from a few calls to all of them. (With 4 warm-up calls that step alone read
// as +30 % RSS once the offline synthesizer left the process and no longer hid it.)
const counter = { n: 0 };
const warmUntil = Date.now() + 30_000;
await Promise.all(Array.from({ length: CONCURRENT }, (_, k) => slot(k, warmUntil, counter)));
await new Promise((r) => setTimeout(r, 2000));
gc();
const base = { rss: rssMb(), heap: heapMb(), resources: resources(), flite: fliteDirs() };
const t0 = Date.now();
const end = t0 + MINUTES * 60_000;
let peakRss = base.rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, rssMb());
}, 1000);
await Promise.all(Array.from({ length: CONCURRENT }, (_, k) => slot(k, end, counter)));
clearInterval(sampler);
const elapsedMin = (Date.now() - t0) / 60_000;

// Every call's record must be complete: outcome, and every caller sentence as a turn, in order.
const ids = placed.map((p) => p.callId).filter(Boolean);
const db = server.database.db;
const deadline = Date.now() + 60_000;
let rows: (typeof schema.calls.$inferSelect)[] = [];
while (Date.now() < deadline) {
  rows = ids.length ? await db.select().from(schema.calls).where(inArray(schema.calls.id, ids)) : [];
  if (rows.length === ids.length && rows.every((r) => r.outcome)) break;
  await new Promise((r) => setTimeout(r, 500));
}
let lostRecords = ids.length - rows.filter((r) => r.outcome).length;
let lostTurns = 0;
let duplicateSeqs = 0;
for (const p of placed) {
  const turns = await db
    .select()
    .from(schema.callTurns)
    .where(eq(schema.callTurns.callId, p.callId))
    .orderBy(asc(schema.callTurns.seq));
  const callerTexts = turns.filter((t) => t.role === 'caller').map((t) => t.text);
  lostTurns += p.said.filter((s, i) => callerTexts[i] !== s).length;
  duplicateSeqs += turns.length - new Set(turns.map((t) => t.seq)).size;
}
if (!ids.length) lostRecords = 0;

await new Promise((r) => setTimeout(r, 3000));
gc();
const after = { rss: rssMb(), heap: heapMb(), resources: resources(), flite: fliteDirs() };
const grown = (k: string) => (after.resources[k] ?? 0) - (base.resources[k] ?? 0);
const dead = placed.flatMap((p) => p.deadAirMs).sort((a, b) => a - b);
const pct = (q: number) =>
  dead.length ? dead[Math.min(dead.length - 1, Math.floor(q * dead.length))].toFixed(0) : '-';

const load = os
  .loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ');
console.log(
  `\nSoak: ${CONCURRENT} concurrent calls with churn for ${elapsedMin.toFixed(1)} min (${server.database.kind}, live ${server.ctx.live.kind}), load avg ${load}\n`,
);
const handles = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
console.log(
  '| calls placed | failed | lost records | lost caller turns | duplicate seqs | dead air p50 / p95 / p99 / max | RSS base → peak → after GC | heap used base → after GC | timers / sockets left vs base | handles base → after | flite scratch dirs |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
console.log(
  `| ${placed.length} | ${failures} | ${lostRecords} | ${lostTurns} | ${duplicateSeqs} | ${pct(0.5)} / ${pct(0.95)} / ${pct(0.99)} / ${dead.length ? dead[dead.length - 1].toFixed(0) : '-'} ms | ${base.rss.toFixed(0)} → ${peakRss.toFixed(0)} → ${after.rss.toFixed(0)} MB (${(((after.rss - base.rss) / base.rss) * 100).toFixed(1)}%) | ${base.heap.toFixed(0)} → ${after.heap.toFixed(0)} MB | ${grown('Timeout')} / ${grown('TCPSocketWrap')} | ${handles(base.resources)} → ${handles(after.resources)} | ${after.flite} (base ${base.flite}) |`,
);
console.log(
  `\nresources at base: ${JSON.stringify(base.resources)}\nresources after:   ${JSON.stringify(after.resources)}`,
);
await server.close();
process.exit(0);
