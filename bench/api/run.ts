/**
 * HTTP load on the two hottest dashboard reads (`GET /api/services`, `GET /api/config`) with a valid
 * token, against a server in its own process (so the load generator does not share its event loop),
 * on PGlite and — when DATABASE_URL is set — PostgreSQL. Prints requests/s and latency percentiles,
 * first at full speed (10 connections), then at a fixed 1,000 requests/s.
 *
 *   npx tsx bench/api/run.ts            # PGlite only
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/api/run.ts
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/localhost:\d+)/);
      if (m) resolve({ child, url: m[1].replace('localhost', '127.0.0.1') });
    });
    child.stderr!.on('data', (d) => { out += d; });
    child.on('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
}

async function load(url: string, token: string, rate?: number) {
  const r = await autocannon({
    url, duration: DURATION, connections: rate ? 20 : 10, ...(rate ? { overallRate: rate } : {}),
    headers: { authorization: `Bearer ${token}` },
  });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

async function benchTarget(label: string, env: Record<string, string>) {
  const email = `bench-${Date.now()}@demo.test`;
  const { child, url } = await startServer({ ...env, DEMO_EMAIL: email, DEMO_PASSWORD: 'bench-password-1' });
  try {
    const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'bench-password-1' }) }).then((r) => r.json());
    const rows: string[][] = [];
    for (const route of ['/api/services', '/api/config']) {
      await load(url + route, login.accessToken).catch(() => undefined); // warm-up
      const max = await load(url + route, login.accessToken);
      const fixed = await load(url + route, login.accessToken, 1000);
      rows.push([label, route, 'max (10 conn)', String(max.rps), `${max.p50}`, `${max.p99}`, String(max.errors)]);
      rows.push([label, route, '1,000 req/s', String(fixed.rps), `${fixed.p50}`, `${fixed.p99}`, String(fixed.errors)]);
    }
    return rows;
  } finally {
    child.kill('SIGTERM');
  }
}

const header = ['database', 'route', 'load', 'req/s', 'p50 ms', 'p99 ms', 'errors'];
const rows: string[][] = [];
const dir = mkdtempSync(path.join(tmpdir(), 'io-bench-'));
try {
  rows.push(...(await benchTarget('PGlite', { DATA_DIR: dir, DATABASE_URL: '', REDIS_URL: '' })));
  if (process.env.DATABASE_URL) rows.push(...(await benchTarget('PostgreSQL', { DATA_DIR: dir })));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
