// Invariant: `npm start` on embedded defaults serves the demo business, stops cleanly on SIGTERM, and keeps every change across a restart.
import { describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiClient } from '../harness/client.js';
import { scaled } from '../harness/timing.js';

function start(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      REDIS_URL: '',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no start line:\n${out}`)), scaled(60_000));
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = out.match(/running at (http:\/\/localhost:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1] });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${out}`));
    });
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('process lifecycle', () => {
  it(
    'serves the demo login, exits 0 on SIGTERM and keeps data across a restart',
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'io-life-'));
      try {
        const first = await start(dir);
        const login = await apiClient(first.url).post('/api/auth/login', {
          email: 'owner@demo-plumbing.test',
          password: 'demo-password-123',
        });
        expect(login.status).toBe(200);
        expect(login.body.organization.industry).toBe('plumbing');
        const api = apiClient(first.url, login.body.accessToken);
        expect((await api.get('/api/staff')).body.items.length).toBeGreaterThanOrEqual(2);
        const created = await api.post('/api/services', { name: 'Kept Across Restart', durationMin: 45 });
        expect(created.status).toBe(201);
        expect(await stop(first.child)).toBe(0);

        const second = await start(dir);
        const again = await apiClient(second.url).post('/api/auth/login', {
          email: 'owner@demo-plumbing.test',
          password: 'demo-password-123',
        });
        const names = (await apiClient(second.url, again.body.accessToken).get('/api/services')).body.items.map(
          (s: any) => s.name,
        );
        expect(names).toContain('Kept Across Restart');
        expect(names.filter((n: string) => n === 'Drain Cleaning')).toHaveLength(1);
        // The JWT key was kept too: the first run's token still works.
        expect((await apiClient(second.url, login.body.accessToken).get('/api/me')).status).toBe(200);
        expect(await stop(second.child)).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    scaled(120_000),
  );
});
