/**
 * HTTP load on the two hottest dashboard reads (`GET /api/services`, `GET /api/config`) with a valid
 * token, against a server in its own process (so the load generator does not share its event loop),
 * on PGlite and — when DATABASE_URL is set — PostgreSQL. Prints requests/s and latency percentiles,
 * first at full speed (autocannon, 10 connections), then open-loop at a steady 1,000 requests/s.
 *
 *   npx tsx bench/api/run.ts            # PGlite only
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/api/run.ts
 */
import autocannon from 'autocannon';
import http from 'node:http';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = out.match(/running at (http:\/\/localhost:\d+)/);
      if (m) resolve({ child, url: m[1].replace('localhost', '127.0.0.1') });
    });
    child.stderr!.on('data', (d) => {
      out += d;
    });
    child.on('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
}

/** Closed-loop maximum throughput with autocannon (10 connections). */
async function loadMax(url: string, token: string) {
  const r = await autocannon({
    url,
    duration: DURATION,
    connections: 10,
    headers: { authorization: `Bearer ${token}` },
  });
  return { rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/**
 * Open-loop steady rate: one request every 1000/rate ms, each timed from when it was due (so a slow
 * server is not hidden by the client waiting — no coordinated omission). autocannon's overallRate
 * releases each second's quota in a burst, which measures the burst, not the rate.
 */
async function loadSteady(url: string, token: string, rate: number, seconds = DURATION) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const lat: number[] = [];
  let errors = 0;
  const total = rate * seconds;
  const t0 = performance.now();
  await new Promise<void>((done) => {
    let sent = 0;
    let finished = 0;
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) * rate) / 1000));
      for (; sent < due; sent++) {
        const dueAt = t0 + (sent * 1000) / rate;
        http
          .get(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode !== 200) errors++;
              lat.push(performance.now() - dueAt);
              if (++finished === total) done();
            });
          })
          .on('error', () => {
            errors++;
            if (++finished === total) done();
          });
      }
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  agent.destroy();
  lat.sort((a, b) => a - b);
  const q = (p: number) => lat[Math.min(lat.length - 1, Math.floor(p * lat.length))].toFixed(1);
  return { rps: Math.round(lat.length / ((performance.now() - t0) / 1000)), p50: q(0.5), p99: q(0.99), errors };
}

async function benchTarget(label: string, env: Record<string, string>) {
  const email = `bench-${Date.now()}@demo.test`;
  const { child, url } = await startServer({ ...env, DEMO_EMAIL: email, DEMO_PASSWORD: 'bench-password-1' });
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench-password-1' }),
    }).then((r) => r.json());
    const rows: string[][] = [];
    for (const route of ['/api/services', '/api/config']) {
      await loadMax(url + route, login.accessToken).catch(() => undefined); // warm-up
      const max = await loadMax(url + route, login.accessToken);
      await loadSteady(url + route, login.accessToken, 1000, 2); // warm the sockets and the pool at the rate
      const fixed = await loadSteady(url + route, login.accessToken, 1000);
      rows.push([label, route, 'max (10 conn)', String(max.rps), `${max.p50}`, `${max.p99}`, String(max.errors)]);
      rows.push([
        label,
        route,
        '1,000 req/s steady',
        String(fixed.rps),
        `${fixed.p50}`,
        `${fixed.p99}`,
        String(fixed.errors),
      ]);
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
