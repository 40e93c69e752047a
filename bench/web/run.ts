/**
 * The dashboard's weight and speed: gzip size of what the first load fetches (entry JS, its preloaded
 * chunks, CSS) against the 250 KB budget, the size of every lazy page chunk, and the time to interactive
 * of the home page in headless Chromium against the real server (embedded defaults), cold (empty cache)
 * and warm (cached assets). "Interactive" = the home's numbers are rendered from the API and the main
 * thread has had an idle period (requestIdleCallback fired), measured from navigation start.
 *
 *   npx tsx bench/web/run.ts           # BENCH_RUNS=7 to change the number of page loads per mode
 */
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { apiClient } from '../../test/harness/client.js';
import { buildDashboard, launchBrowser, startDashboardServer } from '../../test/browser/harness.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUDGET_KB = 250;
const kb = (n: number) => (n / 1024).toFixed(1);
const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

async function main() {
  const dist = await buildDashboard();
  const html = readFileSync(`${dist}/index.html`, 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const rows: [string, string, string][] = [];
  let firstJs = 0;
  let firstCss = 0;
  for (const f of first) {
    const raw = readFileSync(`${dist}/${f}`).length;
    const z = gz(`${dist}/${f}`);
    if (f.endsWith('.js')) firstJs += z;
    else firstCss += z;
    rows.push([`first load: ${f}`, kb(raw), kb(z)]);
  }
  const lazy = readdirSync(`${dist}/assets`).filter((f) => f.endsWith('.js') && !first.includes(`assets/${f}`));
  const lazyGz = lazy.reduce((a, f) => a + gz(`${dist}/assets/${f}`), 0);
  rows.push([`lazy chunks (${lazy.length} files, loaded per page)`, '', kb(lazyGz)]);
  rows.push(['biggest lazy chunk', '', kb(Math.max(...lazy.map((f) => gz(`${dist}/assets/${f}`))))]);

  const server = await startDashboardServer(dist);
  const browser = await launchBrowser();
  try {
    const reg = await apiClient(server.url).post('/api/auth/register', {
      email: 'bench@web.test',
      password: 'bench-password-1',
      organizationName: 'Bench Plumbing',
      industry: 'plumbing',
      timezone: 'America/New_York',
    });
    const session = JSON.stringify({ accessToken: reg.body.accessToken, refreshToken: reg.body.refreshToken });
    let transferred = 0;
    const measure = async (warm: boolean) => {
      const times: number[] = [];
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addInitScript((s) => localStorage.setItem('io.session', s), session);
      const page = await context.newPage();
      if (warm) {
        await page.goto(`${server.url}/`);
        await page.locator('.stat').first().waitFor();
      }
      for (let i = 0; i < RUNS; i++) {
        if (!warm) await context.clearCookies();
        const cdp = await context.newCDPSession(page);
        if (!warm) await cdp.send('Network.clearBrowserCache');
        await page.goto(`${server.url}/`, { waitUntil: 'commit' });
        // A string, not a function: tsx would wrap named arrow functions in a helper the page does not have.
        const ms = await page.evaluate<number>(`new Promise((resolve) => {
          (function check() {
            if (document.querySelector('.stat .v')) requestIdleCallback(() => resolve(performance.now()), { timeout: 1000 });
            else requestAnimationFrame(check);
          })();
        })`);
        times.push(ms);
        if (!warm && i === 0) {
          transferred = await page.evaluate<number>(`performance.getEntriesByType('resource')
            .filter((r) => /\\.(js|css)$/.test(new URL(r.name).pathname)).reduce((a, r) => a + r.transferSize, 0)`);
        }
        await cdp.detach();
      }
      await context.close();
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)], max: times[times.length - 1] };
    };
    const cold = await measure(false);
    const warm = await measure(true);

    console.log('\nDashboard bundle (vite build, gzip -9)\n');
    console.log(['what'.padEnd(58), 'raw KB'.padStart(8), 'gzip KB'.padStart(8)].join(' '));
    for (const [a, b, c] of rows) console.log([a.padEnd(58), b.padStart(8), c.padStart(8)].join(' '));
    const total = firstJs + firstCss;
    console.log(
      [
        `FIRST LOAD TOTAL (JS ${kb(firstJs)} + CSS ${kb(firstCss)})`.padEnd(58),
        ''.padStart(8),
        kb(total).padStart(8),
      ].join(' '),
      total / 1024 <= BUDGET_KB ? `  within the ${BUDGET_KB} KB budget` : `  OVER the ${BUDGET_KB} KB budget`,
    );
    console.log(
      `Home page, cold: JS + CSS actually transferred (gzip over HTTP, incl. the lazy Home chunk): ${kb(transferred)} KB`,
    );
    console.log(`\nHome page time to interactive, headless Chromium, ${RUNS} loads each (ms from navigation start)\n`);
    console.log(['mode'.padEnd(24), 'median'.padStart(8), 'max'.padStart(8)].join(' '));
    console.log(
      ['cold (cache cleared)'.padEnd(24), cold.median.toFixed(0).padStart(8), cold.max.toFixed(0).padStart(8)].join(
        ' ',
      ),
    );
    console.log(
      ['warm (assets cached)'.padEnd(24), warm.median.toFixed(0).padStart(8), warm.max.toFixed(0).padStart(8)].join(
        ' ',
      ),
    );
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
