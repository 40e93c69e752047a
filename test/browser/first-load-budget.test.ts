// Invariant: the dashboard's first load (index.html, every script and stylesheet it loads eagerly, and the home page's chunk) stays under 250 KB gzip; pages are separate chunks loaded on demand.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { scaled } from '../harness/timing.js';
import { buildDashboard } from './harness.js';

const BUDGET_BYTES = 250 * 1024;
let dist = '';
afterAll(() => {
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe('first-load budget', () => {
  it(
    'index.html, its eager scripts and styles and the home page are under 250 KB gzip',
    async () => {
      dist = await buildDashboard();
      const html = readFileSync(join(dist, 'index.html'), 'utf8');
      // the home page opens first, so its chunk is part of the first load too
      const home = readdirSync(join(dist, 'assets'))
        .filter((f) => /^Home-.*\.js$/.test(f))
        .map((f) => `assets/${f}`);
      const eager = [...[...html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]), ...home];
      expect(eager.length).toBeGreaterThan(0);
      const sizes = [
        ['index.html', gzipSync(html, { level: 9 }).length] as const,
        ...eager.map((f) => [f, gzipSync(readFileSync(join(dist, f)), { level: 9 }).length] as const),
      ];
      const total = sizes.reduce((n, [, b]) => n + b, 0);
      console.log(
        `first load: ${(total / 1024).toFixed(1)} KB gzip (${sizes.map(([f, b]) => `${f} ${(b / 1024).toFixed(1)} KB`).join(', ')})`,
      );
      expect(total).toBeLessThan(BUDGET_BYTES);
    },
    scaled(120_000),
  );
});
