/**
 * Voice gateway benchmark: K concurrent simulated calls, real-time paced (50 frames/s each way),
 * against zero-latency fake providers, for both engines. Prints a table.
 * Usage: npx tsx bench/voice/run.ts [--k 1,50,200,500,1000] [--engines cascade,realtime] [--seconds 12]
 * Each call: greeting, then the caller speaks 600 ms at t=3 s and t=7 s; hang-up at --seconds.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BenchCaller } from './caller.js';
import { startLightRealtimeFake } from './fake-providers.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const KS = (args.get('k') ?? '1,50,200,500,1000').split(',').map(Number);
const ENGINES = (args.get('engines') ?? 'cascade,realtime').split(',');
const SECONDS = Number(args.get('seconds') ?? 12);
const REPLY = 'Sure, we have a technician free tomorrow at ten in the morning.';

interface Stats { cpu: NodeJS.CpuUsage; rss: number; heap: number; framesIn: number; framesOut: number; added: number[]; e2e: number[]; calls: number }

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

async function runOne(engine: string, k: number): Promise<Record<string, string | number>> {
  const fake = engine === 'realtime' ? await startLightRealtimeFake(REPLY) : null;
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [engine, fake?.baseUrl ?? ''], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const { url } = await new Promise<{ url: string }>((r) => child.on('message', (m: { type: string; url: string }) => m.type === 'ready' && r(m)));
  await ask(child, 'gc');
  const base = await ask<Stats>(child, 'stats');
  const callers: BenchCaller[] = [];
  const t0 = performance.now();
  // ramp calls over up to 2 s, like calls arriving, not a thundering herd
  const rampMs = Math.min(2000, k * 2);
  let sent = 0;
  let lastTick = t0;
  const clock = setInterval(() => {
    const now = performance.now();
    const late = now - lastTick > 40;
    lastTick = now;
    const due = Math.floor((now - t0) / 20);
    while (sent < due) {
      sent++;
      for (const c of callers) c.tick(now, late);
    }
  }, 20);
  for (let i = 0; i < k; i++) {
    callers.push(new BenchCaller(url, `${engine}-${k}-${i}`));
    if (rampMs) await new Promise((r) => setTimeout(r, rampMs / k));
  }
  const started = performance.now();
  const at = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, started + ms - performance.now())));
  await at(2500);
  const mid = await ask<Stats>(child, 'stats');
  for (const c of callers) c.speak(600, performance.now());
  await at(6500);
  for (const c of callers) c.speak(600, performance.now());
  await at(SECONDS * 1000 - 500);
  const end = await ask<Stats>(child, 'stats');
  clearInterval(clock);
  for (const c of callers) c.hangup();
  await new Promise((r) => setTimeout(r, 500));
  child.send({ type: 'exit' });
  await new Promise((r) => child.once('exit', r));
  const appends = fake?.appends() ?? 0;
  await fake?.close();

  const cpuUs = end.cpu.user + end.cpu.system - (mid.cpu.user + mid.cpu.system);
  const relayed = end.framesIn + end.framesOut - (mid.framesIn + mid.framesOut);
  const wallS = (SECONDS * 1000 - 500 - 2500) / 1000;
  const sentByCallers = callers.reduce((n, c) => n + c.stats.framesSent, 0);
  const recvByCallers = callers.reduce((n, c) => n + c.stats.framesReceived, 0);
  // inbound loss: caller frames the server never handled (and, for realtime, never forwarded upstream)
  const lostIn = Math.max(0, sentByCallers - end.framesIn) + (engine === 'realtime' ? Math.max(0, end.framesIn - appends) : 0);
  const lostOut = Math.max(0, end.framesOut - recvByCallers);
  const added = [...mid.added, ...end.added];
  const jitter = callers.flatMap((c) => c.stats.jitter);
  const first = callers.map((c) => c.stats.firstFrameMs ?? Infinity);
  const e2e = callers.flatMap((c) => c.stats.e2e);
  return {
    engine,
    K: k,
    'added p50 ms': pct(added, 50).toFixed(1),
    'added p99 ms': pct(added, 99).toFixed(1),
    'e2e p50 ms': pct(e2e, 50).toFixed(0),
    'jitter p99 ms': pct(jitter, 99).toFixed(1),
    'lost in': lostIn,
    'lost out': lostOut,
    'late sends': callers.reduce((n, c) => n + c.stats.lateSends, 0),
    'µs/frame': relayed ? (cpuUs / relayed).toFixed(1) : '-',
    'CPU %/call': ((cpuUs / 1e6 / wallS / k) * 100).toFixed(3),
    'MiB/call': ((end.rss - base.rss) / 1048576 / k).toFixed(2),
    'first p50 ms': pct(first, 50).toFixed(0),
    'first p95 ms': pct(first, 95).toFixed(0),
    turns: added.length,
    dropped: callers.filter((c) => c.stats.closedEarly).length,
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
  const ok = rows.filter((r) => r.engine === engine && r['lost in'] === 0 && r['lost out'] === 0 && Number(r['added p99 ms']) < 50 && r.dropped === 0);
  console.log(`${engine}: largest K held (0 lost frames, p99 added < 50 ms): ${ok.length ? Math.max(...ok.map((r) => Number(r.K))) : 'none'}`);
}
