/** Browser-test harness: the real server (embedded defaults, every product route, the dashboard) and headless Chromium. */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import type { RoutePlugin } from '../../src/api/app.js';
import { createWebPlugin } from '../../src/api/plugins/web.js';
import { productRoutes } from '../../src/wiring/product.js';
import { startTestServer } from '../harness/server.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where screenshots go (collected by CI as artefacts). */
export const SHOTS = `${ROOT}artifacts/screenshots`;
const DIST = `${ROOT}web/dist-test`;

/** Builds the dashboard once per test file into web/dist-test, so tests never depend on a stale web/dist. */
export async function buildDashboard(): Promise<string> {
  await build({ configFile: `${ROOT}web/vite.config.ts`, logLevel: 'error', build: { outDir: DIST, emptyOutDir: true } });
  return DIST;
}

/** All capability routes of the product, exactly as `startServer` registers them by default. */
const product: RoutePlugin = async (app, ctx) => {
  for (const plugin of await productRoutes(ctx)) await app.register(async (s) => plugin(s, ctx));
};

/** Starts the server with the product routes and the dashboard (built by buildDashboard). */
export async function startDashboardServer(dist: string) {
  return startTestServer({ routes: [product, createWebPlugin({ dist })] });
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
