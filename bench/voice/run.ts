/**
 * Voice gateway benchmark: K concurrent simulated calls, real-time paced (50 frames/s each way),
 * against zero-latency fake providers, for both engines. Prints a table.
 * Usage: npx tsx bench/voice/run.ts [--k 1,50,200,500,1000] [--engines cascade,realtime] [--seconds 12] [--generators 2]
 * Processes: this runner (+ the light Realtime fake), the server under test, and load-generator processes.
 * Each call: greeting, then the caller speaks 600 ms at t=3 s and t=7 s; hang-up at --seconds.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startLightRealtimeFake } from './fake-providers.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const KS = (args.get('k') ?? '1,50,200,500,1000').split(',').map(Number);
const ENGINES = (args.get('engines') ?? 'cascade,realtime').split(',');
const SECONDS = Number(args.get('seconds') ?? 12);
const REPLY = 'Sure, we have a technician free tomorrow at ten in the morning.';
const GENERATORS = Number(args.get('generators') ?? 2);

interface Stats {
  cpu: NodeJS.CpuUsage;
  rss: number;
  heap: number;
  framesIn: number;
  framesOut: number;
  added: number[];
  e2e: number[];
  sendJitter: number[];
  events: Record<string, number>;
  calls: number;
  engines: number;
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function ask<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type === type) {
        child.off('message', on);
        resolve(m as T);
      }
    };
    child.on('message', on);
    child.send({ type });
  });
}

interface CallerReport {
  silent: number;
  unconnected: number;
  framesSent: number;
  framesReceived: number;
  lateSends: number;
  skipped: number;
  dropped: number;
  first: number[];
  e2e: number[];
  jitter: number[];
}

function spawnTs(file: string, argv: string[]): ChildProcess {
  return fork(fileURLToPath(new URL(file, import.meta.url)), argv, {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}
function once<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type === type) {
        child.off('message', on);
        resolve(m as T);
      }
    };
    child.on('message', on);
  });
}

async function runOne(engine: string, k: number): Promise<Record<string, string | number>> {
  const fake = engine === 'realtime' ? await startLightRealtimeFake(REPLY) : null;
  const server = spawnTs('./server.ts', [engine, fake?.baseUrl ?? '']);
  const { url } = await once<{ url: string }>(server, 'ready');
  await ask(server, 'gc');
  const base = await ask<Stats>(server, 'stats');
  // callers in GENERATORS processes so the load generator is not the bottleneck
  const gens = Array.from({ length: k >= 100 ? GENERATORS : 1 }, () => spawnTs('./callers.ts', []));
  await Promise.all(gens.map((g) => once(g, 'ready')));
  const ids = Array.from({ length: k }, (_, i) => `${engine}-${k}-${i}`);
  const rampMs = Math.min(2000, k * 2);
  await Promise.all(
    gens.map(
      (g, gi) => (
        g.send({ type: 'start', url, ids: ids.filter((_, i) => i % gens.length === gi), rampMs }),
        once(g, 'started')
      ),
    ),
  );
  const started = performance.now();
  const at = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, started + ms - performance.now())));
  await at(2500);
  const mid = await ask<Stats>(server, 'stats');
  for (const g of gens) g.send({ type: 'speak' });
  await at(6500);
  for (const g of gens) g.send({ type: 'speak' });
  await at(SECONDS * 1000 - 500);
  const end = await ask<Stats>(server, 'stats');
  // stop sending, let in-flight frames land, then count: what was sent and never handled is lost
  const reports = await Promise.all(gens.map((g) => (g.send({ type: 'quiesce' }), once<CallerReport>(g, 'quiesce'))));
  const fin = await ask<Stats>(server, 'stats');
  for (const g of gens) g.send({ type: 'hangup' });
  await Promise.all(gens.map((g) => new Promise((r) => g.once('exit', r))));
  server.send({ type: 'exit' });
  await new Promise((r) => server.once('exit', r));
  const appends = fake?.appends() ?? 0;
  await fake?.close();

  const sum = (f: (r: CallerReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const cpuUs = end.cpu.user + end.cpu.system - (mid.cpu.user + mid.cpu.system);
  const relayed = end.framesIn + end.framesOut - (mid.framesIn + mid.framesOut);
  const wallS = (SECONDS * 1000 - 500 - 2500) / 1000;
  const lostIn =
    Math.max(0, sum((r) => r.framesSent) - fin.framesIn) +
    (engine === 'realtime' ? Math.max(0, fin.framesIn - appends) : 0);
  const lostOut = Math.max(0, fin.framesOut - sum((r) => r.framesReceived));
  const added = [...mid.added, ...end.added, ...fin.added];
  const jitter = reports.flatMap((r) => r.jitter);
  const first = reports.flatMap((r) => r.first);
  const e2e = reports.flatMap((r) => r.e2e);
  return {
    engine,
    K: k,
    'added p50 ms': pct(added, 50).toFixed(1),
    'added p99 ms': pct(added, 99).toFixed(1),
    'e2e p50 ms': pct(e2e, 50).toFixed(0),
    'send jitter p99 ms': pct([...mid.sendJitter, ...end.sendJitter], 99).toFixed(1),
    'recv jitter p99 ms': pct(jitter, 99).toFixed(1),
    'lost in': lostIn,
    'lost out': lostOut,
    'gen late/skipped': `${sum((r) => r.lateSends)}/${sum((r) => r.skipped)}`,
    'µs/frame': relayed ? (cpuUs / relayed).toFixed(1) : '-',
    'CPU %/call': ((cpuUs / 1e6 / wallS / k) * 100).toFixed(3),
    'MiB/call': ((end.rss - base.rss) / 1048576 / k).toFixed(2),
    'first p50 ms': pct(first, 50).toFixed(0),
    'first p95 ms': pct(first, 95).toFixed(0),
    turns: added.length,
    dropped: sum((r) => r.dropped),
    failures: fin.events.provider_failure ?? 0,
    'sessions/silent/unconnected': `${fin.engines}/${sum((r) => r.silent)}/${sum((r) => r.unconnected)}`,
    'barge-ins': fin.events.barge_in ?? 0,
  };
}

const rows: Array<Record<string, string | number>> = [];
for (const engine of ENGINES) {
  for (const k of KS) {
    const row = await runOne(engine, k);
    rows.push(row);
    console.error(JSON.stringify(row));
  }
}
console.table(rows);
for (const engine of ENGINES) {
  const ok = rows.filter(
    (r) =>
      r.engine === engine &&
      r['lost in'] === 0 &&
      r['lost out'] === 0 &&
      Number(r['added p99 ms']) < 50 &&
      r.dropped === 0,
  );
  console.log(
    `${engine}: largest K held (0 lost frames, p99 added < 50 ms): ${ok.length ? Math.max(...ok.map((r) => Number(r.K))) : 'none'}`,
  );
}
