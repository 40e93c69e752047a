/** Browser-test harness: the real server (embedded defaults, every product route, the dashboard) and headless Chromium. */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { startTestServer } from '../harness/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where screenshots go (collected by CI as artefacts). */
export const SHOTS = `${ROOT}artifacts/screenshots`;

/**
 * Builds the dashboard into web/dist-test/<pid>, so tests never depend on a stale web/dist and test files
 * running side by side (vitest forks) never empty each other's build. The directory goes with the server.
 */
export async function buildDashboard(): Promise<string> {
  const dist = `${ROOT}web/dist-test/${process.pid}`;
  await build({ configFile: `${ROOT}web/vite.config.ts`, logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  return dist;
}

/** Starts the server with the product routes and the dashboard (built by buildDashboard). */
export async function startDashboardServer(dist: string) {
  const server = await startTestServer({ webDist: dist });
  return { ...server, close: async () => { await server.close(); rmSync(dist, { recursive: true, force: true }); } };
}

/** Launches Debian's Chromium headless. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install -y chromium`);
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({ executablePath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** Saves a full-page screenshot under artifacts/screenshots. */
export async function shot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}
