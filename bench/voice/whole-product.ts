/**
 * Load through the whole product, side by side with a plain bridge in the same run: the shared
 * Twilio-like harness (`/work/shared/bench`, or --harness DIR) drives
 *   1. `ref-bridge.mjs --mode=json` (a plain `node:http` + `ws` relay: the yardstick), and
 *   2. the product (`src/main.ts`: signed inbound-call webhook → TwiML → signed stream upgrade →
 *      database writes → realtime engine), on PostgreSQL + Redis (or --db embedded),
 * both against the harness's fake OpenAI Realtime server. The server under test is pinned to CPU 1,
 * the fake and the callers to CPU 0. Each run ladders K concurrent calls; runs alternate which
 * server goes first. Prints one row per run and the medians, with the machine's load average.
 *
 *   npm run bench:voice:product -- [--runs 3] [--steps 100,200,300,400,500,600] [--duration 20] [--db postgres|embedded] [--cpu-prof DIR (both servers)]
 *
 * Needs DATABASE_URL and REDIS_URL for --db postgres (defaults: the local test servers).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { registerOrg } from '../../test/harness/client.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    steps: { type: 'string', default: '100,200,300,400,500,600' },
    duration: { type: 'string', default: '20' },
    /** The harness stops a ladder at a step whose turn p99 passes this; high enough to see CPU at every K on a busy machine. */
    'stop-p99': { type: 'string', default: '1000' },
    db: { type: 'string', default: 'postgres' },
    harness: { type: 'string', default: '/work/shared/bench' },
    only: { type: 'string', default: 'ref,product' },
    'cpu-prof': { type: 'string' },
    /** Another checkout of the product (e.g. main before a change), measured as a third server in the same run. */
    baseline: { type: 'string' },
    out: { type: 'string', default: path.join(os.tmpdir(), `io-voice-bench-${process.pid}`) },
  },
});
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = Number(values.runs);
const ONLY = values.only!.split(',');
const TOKEN = 'bench-twilio-auth-token';
const OUT = values.out!;
fs.mkdirSync(OUT, { recursive: true });

/** The shared harness copied beside a `node_modules` link to ours (it needs only `ws`; the shared folder is read-only). */
function harnessCopy(): string {
  const dir = path.join(OUT, 'harness');
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(values.harness!))
    if (f.endsWith('.mjs') || f === 'package.json') fs.copyFileSync(path.join(values.harness!, f), path.join(dir, f));
  if (!fs.existsSync(path.join(dir, 'node_modules')))
    fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'));
  return dir;
}
const H = harnessCopy();

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

interface Proc {
  child: ChildProcess;
  out: () => string;
  exited: Promise<void>;
}
/** Spawns `cmd` pinned to `cpu`; resolves once its output matches `ready`. */
function start(
  cpu: number,
  cmd: string[],
  env: Record<string, string>,
  ready: RegExp | (() => Promise<boolean>),
  cwd = REPO,
): Promise<Proc> {
  const child = spawn('taskset', ['-c', String(cpu), ...cmd], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd.join(' ')}: no ready line\n${out}`)), 120_000);
    const on = (d: Buffer) => {
      out += d.toString();
      if (out.length > 200_000) out = out.slice(-100_000);
      if (ready instanceof RegExp && ready.test(out)) {
        clearTimeout(timer);
        resolve({ child, out: () => out, exited });
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    if (typeof ready === 'function') {
      const poll = async () => {
        if (await ready().catch(() => false)) {
          clearTimeout(timer);
          resolve({ child, out: () => out, exited });
        } else if (child.exitCode === null) setTimeout(poll, 200);
      };
      void poll();
    }
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${cmd.join(' ')} exited\n${out}`));
    });
  }).catch((e) => {
    child.kill('SIGKILL');
    throw e;
  }) as Promise<Proc>;
}
async function stop(p: Proc) {
  p.child.kill('SIGTERM');
  const t = setTimeout(() => p.child.kill('SIGKILL'), 40_000);
  await p.exited;
  clearTimeout(t);
}

interface Step {
  K: number;
  attempt: number;
  callsOpen: number;
  turnMs: { p50: number | null; p99: number | null };
  lossTotal?: number;
  noResponseTurns: number;
  serverUsPerFrame: number | null;
  serverCpuPct: number | null;
  webhookMs?: { p50: number | null; p99: number | null; n: number };
  inStartupDrop: number;
  serverRssMaxMB: number | null;
}
interface LoadResult {
  maxSustainedK: number | null;
  steps: Step[];
}

/** One ladder of the harness's callers (pinned to CPU 0) against a server. */
async function load(
  label: string,
  target: string[],
  serverPid: number,
  fakePort: number,
  file: string,
): Promise<LoadResult> {
  // Warm-up (not measured): 20 calls for 6 s, so first-call work (lazy imports, JIT, pools) is behind both servers.
  const warm = await start(
    0,
    [
      'node',
      path.join(H, 'twilio-caller-load.mjs'),
      ...target,
      `--server-pid=${serverPid}`,
      `--fake-stats=http://127.0.0.1:${fakePort}/stats`,
      '--steps=20',
      '--duration=6',
      '--confirm=0',
      '--label=warm-up',
    ],
    {},
    /./,
    H,
  );
  await warm.exited;
  const p = await start(
    0,
    [
      'node',
      path.join(H, 'twilio-caller-load.mjs'),
      ...target,
      `--server-pid=${serverPid}`,
      `--fake-stats=http://127.0.0.1:${fakePort}/stats`,
      `--steps=${values.steps}`,
      `--duration=${values.duration}`,
      '--confirm=0',
      `--stop-p99=${values['stop-p99']}`,
      `--label=${label}`,
      `--out=${file}`,
    ],
    {},
    /./,
    H,
  );
  p.child.stdout!.on('data', (d: Buffer) => process.stdout.write(`  ${label}: ${d}`));
  await p.exited;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as LoadResult;
}

/**
 * `--cpu-prof DIR`: both servers under test write a V8 CPU profile there (one file per process and thread).
 * A profile is written only at a normal exit: SIGTERM is made one for the yardstick, which has no handler.
 */
const cpuProf = () =>
  values['cpu-prof']
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${path.resolve(values['cpu-prof'])}`,
        '--import',
        'data:text/javascript,process.once("SIGTERM",()=>process.exit(0))',
      ]
    : [];

async function refRun(run: number, fakePort: number): Promise<LoadResult> {
  const port = await freePort();
  const ref = await start(
    1,
    [
      'node',
      ...cpuProf(),
      path.join(H, 'ref-bridge.mjs'),
      `--port=${port}`,
      `--upstream=ws://127.0.0.1:${fakePort}/v1/realtime`,
      '--mode=json',
    ],
    {},
    /ref-bridge ws/,
    H,
  );
  try {
    return await load(
      'ref-bridge json',
      [`--url=ws://127.0.0.1:${port}/`],
      ref.child.pid!,
      fakePort,
      path.join(OUT, `ref-${run}.json`),
    );
  } finally {
    await stop(ref);
  }
}

async function productRun(run: number, fakePort: number, cwd = REPO, label = 'product'): Promise<LoadResult> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(OUT, 'data-'));
  const db: Record<string, string> =
    values.db === 'embedded'
      ? { DATABASE_URL: '', REDIS_URL: '', DATA_DIR: dataDir, SEED_DEMO: '0' }
      : {
          DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
          REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
          SEED_DEMO: '0',
          REDIS_KEY_PREFIX: `iobench${process.pid}r${run}:`,
        };
  const product = await start(
    1,
    ['node', ...cpuProf(), '--import', 'tsx', 'src/main.ts'],
    {
      ...db,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ID: `bench-${run}`,
      JWT_SECRET: 'voice-bench-jwt-secret-0123456789abcdef012345',
      ENCRYPTION_KEY: 'ab'.repeat(32),
      TWILIO_AUTH_TOKEN: TOKEN,
      OPENAI_API_KEY: 'sk-bench',
      OPENAI_BASE_URL: `http://127.0.0.1:${fakePort}/v1`,
      PUBLIC_URL: '',
    },
    async () => (await fetch(`http://127.0.0.1:${port}/health`)).status === 200,
    cwd,
  );
  try {
    const base = `http://127.0.0.1:${port}`;
    const org = await registerOrg(base, { name: 'Bench Plumbing', industry: 'plumbing' });
    // One number per organization across runs on a shared database: a fresh number each run.
    const number = `+1312555${String(1000 + Math.floor(Math.random() * 9000))}`;
    const set = [
      await org.api.post('/api/phone-numbers', { e164: number }),
      // Summaries are composed without a model: the harness's fake speaks only the Realtime protocol, and a
      // summary model answering 404 would be retried twice per call (a failure's cost, not a call's).
      await org.api.put('/api/agent', { engine: 'realtime', llm: 'offline' }),
      await org.api.put('/api/config', { afterHours: 'answer' }),
    ];
    for (const r of set) if (r.status >= 300) throw new Error(`setup: ${r.status} ${JSON.stringify(r.body)}`);
    return await load(
      label,
      [`--webhook=${base}/twilio/voice`, `--auth-token=${TOKEN}`, `--to=${number}`],
      product.child.pid!,
      fakePort,
      path.join(OUT, `${label === 'product' ? 'product' : 'baseline'}-${run}.json`),
    );
  } finally {
    await stop(product);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (x: number | null | undefined, d = 1) => (x == null || !Number.isFinite(x) ? '—' : x.toFixed(d));
/** The last attempt of each K. */
const byK = (r: LoadResult) => new Map(r.steps.map((s) => [s.K, s]));

interface RunRow {
  run: number;
  load: string;
  ref?: LoadResult;
  product?: LoadResult;
  baseline?: LoadResult;
}
const rows: RunRow[] = [];
const fakePort = await freePort();
const fake = await start(
  0,
  ['node', path.join(H, 'fake-openai-realtime.mjs'), `--port=${fakePort}`, '--max-seconds=36000'],
  {},
  /listening/,
  H,
);
try {
  for (let run = 1; run <= RUNS; run++) {
    const row: RunRow = {
      run,
      load: os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' / '),
    };
    const order = run % 2 ? ['ref', 'product', 'baseline'] : ['baseline', 'product', 'ref'];
    for (const which of order) {
      if (which === 'baseline' ? !values.baseline : !ONLY.includes(which)) continue;
      console.log(
        `# run ${run}: ${which} (load avg ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' / ')})`,
      );
      if (which === 'ref') row.ref = await refRun(run, fakePort);
      else if (which === 'product') row.product = await productRun(run, fakePort);
      else row.baseline = await productRun(run, fakePort, path.resolve(values.baseline!), 'baseline');
    }
    row.load += ` → ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}`;
    rows.push(row);
  }
} finally {
  await stop(fake);
}

// ---- the table ----
console.log(
  `\nWhole product (${values.db}) vs ref-bridge --mode=json, ${values.duration} s per step, steps ${values.steps}; server pinned to CPU 1\n`,
);
console.log(
  '| run | load avg (1/5/15 min, start → end) | calls held: ref / product (ratio) | µs per relayed frame at K: ref / product (ratio) | webhook p50 / p99 ms at K (arrivals/s) | turn p99 ms at K: ref / product | startup drop ref / product |',
);
console.log('|---|---|---|---|---|---|---|');
const baseline: string[] = [];
const ratios = {
  held: [] as number[],
  cpu: [] as number[],
  hook99: [] as number[],
  refK: [] as number[],
  prodK: [] as number[],
  refUs: [] as number[],
  prodUs: [] as number[],
};
for (const r of rows) {
  const refK = r.ref?.maxSustainedK ?? null;
  const prodK = r.product?.maxSustainedK ?? null;
  // CPU per frame compared at the largest K that both held (same load on both)
  const rs = r.ref ? byK(r.ref) : new Map<number, Step>();
  const ps = r.product ? byK(r.product) : new Map<number, Step>();
  const common = [...rs.keys()].filter((k) => ps.has(k) && k <= Math.min(refK ?? 0, prodK ?? 0));
  const kc = common.length ? Math.max(...common) : [...rs.keys()].filter((k) => ps.has(k))[0];
  const a = kc != null ? rs.get(kc) : undefined;
  const b = kc != null ? ps.get(kc) : undefined;
  const cpuRatio = a?.serverUsPerFrame && b?.serverUsPerFrame ? b.serverUsPerFrame / a.serverUsPerFrame : NaN;
  const heldRatio = refK && prodK ? prodK / refK : NaN;
  // the webhook at the product's largest held step (the harness rings K calls over min(3 s, 8 ms × K))
  const hk = prodK ?? [...ps.keys()][0];
  const h = hk != null ? ps.get(hk) : undefined;
  const rate = hk ? hk / (Math.min(3000, hk * 8) / 1000) : NaN;
  ratios.held.push(heldRatio);
  ratios.cpu.push(cpuRatio);
  ratios.hook99.push(h?.webhookMs?.p99 ?? NaN);
  ratios.refK.push(refK ?? NaN);
  ratios.prodK.push(prodK ?? NaN);
  ratios.refUs.push(a?.serverUsPerFrame ?? NaN);
  ratios.prodUs.push(b?.serverUsPerFrame ?? NaN);
  if (r.baseline) {
    const bs = byK(r.baseline);
    const bb = kc != null ? bs.get(kc) : undefined;
    baseline.push(
      `| ${r.run} | baseline (${values.baseline}) held ${r.baseline.maxSustainedK ?? '—'}; µs/frame at K=${kc ?? '—'}: ${f(bb?.serverUsPerFrame)} (${f(bb?.serverUsPerFrame && a?.serverUsPerFrame ? bb.serverUsPerFrame / a.serverUsPerFrame : NaN, 2)}× ref) |`,
    );
  }
  console.log(
    `| ${r.run} | ${r.load} | ${refK ?? '—'} / ${prodK ?? '—'} (${f(heldRatio, 2)}×) | K=${kc ?? '—'}: ${f(a?.serverUsPerFrame)} / ${f(b?.serverUsPerFrame)} (${f(cpuRatio, 2)}×) | K=${hk ?? '—'} (${f(rate, 0)}/s): ${f(h?.webhookMs?.p50)} / ${f(h?.webhookMs?.p99)} | ${f(a?.turnMs.p99)} / ${f(b?.turnMs.p99)} | ${a?.inStartupDrop ?? '—'} / ${b?.inStartupDrop ?? '—'} |`,
  );
}
console.log(
  `| **median** | | ${f(median(ratios.refK), 0)} / ${f(median(ratios.prodK), 0)} (**${f(median(ratios.held), 2)}×**) | ${f(median(ratios.refUs))} / ${f(median(ratios.prodUs))} (**${f(median(ratios.cpu), 2)}×**) | p99 **${f(median(ratios.hook99))}** | | |`,
);
if (baseline.length) console.log(`\n| run | the same run, another checkout |\n|---|---|\n${baseline.join('\n')}`);
console.log(`\nraw results: ${OUT}/*.json (node ${H}/summarize.mjs ${OUT}/*.json prints every step)`);
process.exit(0);
