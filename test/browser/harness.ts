/** Browser-test harness: the real server (embedded defaults, every product route, the dashboard) and headless Chromium. */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { build } from 'vite';
import { fixedClock } from '../../src/lib/index.js';
import { startTestServer } from '../harness/server.js';
import { scaled } from '../harness/timing.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where screenshots go (collected by CI as artefacts). */
export const SHOTS = `${ROOT}artifacts/screenshots`;

/**
 * Builds the dashboard into web/dist-test/<pid>, so tests never depend on a stale web/dist and test files
 * running side by side (vitest forks) never empty each other's build. The directory goes with the server.
 */
export async function buildDashboard(): Promise<string> {
  const dist = `${ROOT}web/dist-test/${process.pid}`;
  await build({
    configFile: `${ROOT}web/vite.config.ts`,
    logLevel: 'error',
    build: { outDir: dist, emptyOutDir: true },
  });
  return dist;
}

/**
 * The instant every browser test lives at, on the server and in the page alike: a Wednesday morning
 * in every US zone, so "the first free slot", "today" and "next Tuesday" mean the same on any day,
 * at any hour and in any `TZ` the suite runs. Time flows on from here at the normal rate.
 */
export const BROWSER_NOW = '2026-03-11T14:30:00Z';

/** How long a page waits for an element before failing (stretched by TEST_TIMEOUT_SCALE). */
export const PAGE_TIMEOUT = scaled(15_000);

/** Starts the server with the product routes and the dashboard (built by buildDashboard), its clock at `now` (`env`: configuration overrides). */
export async function startDashboardServer(dist: string, now: string = BROWSER_NOW, env: Record<string, string> = {}) {
  const server = await startTestServer({ webDist: dist, clock: fixedClock(now, true), env });
  return {
    ...server,
    close: async () => {
      await server.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's Chromium headless. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A browser context whose pages see the same clock as the server (BROWSER_NOW, flowing), and whose
 * waits are scaled for the machine's load.
 */
export async function newContext(
  browser: Browser,
  options: BrowserContextOptions = {},
  now: string = BROWSER_NOW,
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.install({ time: new Date(now) });
  context.setDefaultTimeout(PAGE_TIMEOUT);
  return context;
}

/** One page in its own context (see newContext). */
export async function newPage(
  browser: Browser,
  options: BrowserContextOptions = {},
  now: string = BROWSER_NOW,
): Promise<Page> {
  return (await newContext(browser, options, now)).newPage();
}

/** A session as the dashboard keeps it (localStorage `io.session`). */
export interface BrowserSession {
  accessToken: string;
  refreshToken: string;
}

/**
 * A page in a new context (see newContext) signed in as `session`: the session is planted in
 * localStorage before the dashboard's scripts run (unless the page saved one of its own since), and
 * script errors and console errors (failed resource loads aside) are collected into `problems`.
 * `prepare` runs on the context before the page opens (permissions, more init scripts).
 */
export async function signedInPage(
  browser: Browser,
  session: BrowserSession,
  problems: string[],
  options: BrowserContextOptions = {},
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<Page> {
  const context = await newContext(browser, options);
  const saved = JSON.stringify({ accessToken: session.accessToken, refreshToken: session.refreshToken });
  await context.addInitScript((s) => {
    if (!localStorage.getItem('io.session')) localStorage.setItem('io.session', s);
  }, saved);
  await prepare?.(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  return page;
}

/** Saves a full-page screenshot under artifacts/screenshots. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}
