// Invariant: "Call my agent" in a real browser streams the microphone as Media Streams frames, plays the agent's greeting (echoing its marks once played), says when only the scripted STT is configured, and leaves a test call record.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { apiClient } from '../harness/client.js';
import { scaled } from '../harness/timing.js';
import { buildDashboard, PAGE_TIMEOUT, shot, startDashboardServer } from './harness.js';

let server: Awaited<ReturnType<typeof startDashboardServer>>;
let browser: Browser;
let page: Page;
let admin: ReturnType<typeof apiClient>;

beforeAll(async () => {
  const dist = await buildDashboard();
  server = await startDashboardServer(dist);
  const reg = await apiClient(server.url).post('/api/auth/register', {
    email: 'owner@voice.test',
    password: 'owner-password-1',
    organizationName: 'Pipe Pros',
    industry: 'plumbing',
    timezone: 'America/Chicago',
  });
  expect(reg.status).toBe(201);
  admin = apiClient(server.url, reg.body.accessToken);
  expect((await admin.put('/api/organization', { onboarding: { template: true } })).status).toBe(200);
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) throw new Error(`${executablePath} is missing: apt-get install -y chromium`);
  // A fake microphone (a beeping test signal) that needs no permission prompt.
  browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
  page = await browser.newPage();
  page.setDefaultTimeout(PAGE_TIMEOUT);
  await page.goto(`${server.url}/login`);
  await page.evaluate((s) => localStorage.setItem('io.session', JSON.stringify(s)), {
    accessToken: reg.body.accessToken,
    refreshToken: reg.body.refreshToken,
  });
}, scaled(120_000));

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the browser test call', () => {
  it(
    'connects, streams the microphone, plays the greeting and echoes its marks, then links the call record',
    async () => {
      const sent: any[] = [];
      const received: any[] = [];
      page.on('websocket', (ws) => {
        if (!ws.url().includes('/api/test-call')) return;
        ws.on('framesent', (f) => sent.push({ ...JSON.parse(String(f.payload)), at: performance.now() }));
        ws.on('framereceived', (f) => received.push({ ...JSON.parse(String(f.payload)), at: performance.now() }));
      });
      await page.goto(`${server.url}/test`);
      await page.getByTestId('no-speech-provider').waitFor();
      await page.getByRole('button', { name: 'Call my agent' }).click();
      await page.getByTestId('voice-call-status').getByText('Agent speaking…').waitFor();
      // The greeting plays in real time; every mark the server sent comes back once its audio has played.
      // The first mark waits for the greeting to be synthesized, which a busy two-core machine can stretch.
      await expect
        .poll(() => received.filter((m) => m.event === 'mark').length, { timeout: PAGE_TIMEOUT * 2 })
        .toBeGreaterThan(0);
      const marks = received.filter((m) => m.event === 'mark').map((m) => m.mark.name);
      await expect
        .poll(() => sent.filter((m) => m.event === 'mark').map((m) => m.mark.name), { timeout: PAGE_TIMEOUT * 2 })
        .toEqual(marks);
      // The microphone went out as real-time 20 ms frames of 8 kHz μ-law, after connected and start.
      expect(sent[0].event).toBe('connected');
      expect(sent[1]).toMatchObject({
        event: 'start',
        start: { mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 } },
      });
      // The greeting answers the call's `start` (how fast is a figure for bench/, not a pass/fail on a loaded machine).
      const firstAgentFrameMs = received.find((m) => m.event === 'media').at - sent[1].at;
      expect(firstAgentFrameMs).toBeGreaterThan(0);
      process.stdout.write(`browser test call: first agent frame ${firstAgentFrameMs.toFixed(0)} ms after start\n`);
      const media = sent.filter((m) => m.event === 'media');
      expect(media.length).toBeGreaterThan(50);
      expect(media.every((m) => Buffer.from(m.media.payload, 'base64').length === 160)).toBe(true);
      expect(media.some((m) => Buffer.from(m.media.payload, 'base64').some((b) => b !== 0xff && b !== 0x7f))).toBe(
        true,
      );
      await shot(page, 'test-call-live');

      await page.getByRole('button', { name: 'Hang up' }).click();
      await page.getByTestId('voice-call-status').getByText('Call ended.').waitFor();
      const callId = received.find((m) => m.event === 'call').call.id;
      await page.getByRole('link', { name: 'Open its call record' }).click();
      await page.waitForURL(`**/calls/${callId}`);
      const detail = (await admin.get(`/api/calls/${callId}`)).body;
      expect(detail.channel).toBe('test');
      expect(detail.turns.some((t: any) => t.role === 'agent' && t.text)).toBe(true);
    },
    scaled(60_000),
  );
});
