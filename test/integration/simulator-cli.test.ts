// Invariant: the simulator's routes exist only on a server with a SIMULATOR_KEY and only that key opens them (never a signing secret in the answer); organizations are built with the API's own validation, each is built exactly from its business block on the scenario's clock, and `npm run simulate --url` reports PASS/FAIL with reasons, `N passed, M failed`, a JSON result and a failing exit code.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { eq } from 'drizzle-orm';
import { schema } from '../../src/db/index.js';
import { scaled } from '../harness/timing.js';

const KEY = 'simulator-key-for-tests-0123456789';
const TWILIO_TOKEN = 'twilio-auth-token-for-simulator-tests';
const ROOT = join(import.meta.dirname, '../..');
let server: Awaited<ReturnType<typeof startTestServer>>;
let dir: string;

const business = {
  name: 'Test Auto',
  timezone: 'America/New_York',
  industry: 'auto',
  hours: {
    mon: [['08:00', '17:00']],
    tue: [['08:00', '17:00']],
    wed: [['08:00', '17:00']],
    thu: [['08:00', '17:00']],
    fri: [['08:00', '17:00']],
  },
  services: [
    { name: 'Oil change', durationMin: 30, synonyms: ['oil'] },
    { name: 'Brake service', durationMin: 90 },
  ],
  appointments: [
    { service: 'Oil change', start: '2026-04-16T10:00', customerName: 'Ruth Wells', customerPhone: '+14045550142' },
  ],
  escalationNumber: '+14045550100',
};

beforeAll(async () => {
  server = await startTestServer({ env: { SIMULATOR_KEY: KEY, TWILIO_AUTH_TOKEN: TWILIO_TOKEN } });
  dir = mkdtempSync(join(tmpdir(), 'sim-cli-'));
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function simulate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/simulator/cli.ts'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('POST /api/simulator/organizations', () => {
  const body = { business, now: '2026-04-14T09:00' };

  it('refuses callers without the simulator key, with a wrong one, and an admin of the product', async () => {
    const anon = apiClient(server.url);
    expect((await anon.post('/api/simulator/organizations', body)).status).toBe(401);
    expect(
      (await anon.post('/api/simulator/organizations', body, { 'x-simulator-key': 'wrong-key-wrong-key-wrong' }))
        .status,
    ).toBe(401);
    const admin = await registerOrg(server.url);
    expect((await admin.api.post('/api/simulator/organizations', body)).status).toBe(401);
  });

  it('does not exist on a server without a SIMULATOR_KEY', async () => {
    const plain = await startTestServer();
    try {
      const res = await apiClient(plain.url).post('/api/simulator/organizations', body, { 'x-simulator-key': KEY });
      expect(res.status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('refuses a block the API would refuse (a range that closes when it opens) and builds nothing', async () => {
    const bad = {
      ...body,
      business: { ...business, name: 'Backwards Hours Garage', hours: { mon: [['09:00', '09:00']] } },
    };
    const res = await apiClient(server.url).post('/api/simulator/organizations', bad, { 'x-simulator-key': KEY });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/hours\.mon\.0: closes \(09:00\) when it opens \(09:00\)/);
    const built = await server.database.db
      .select({ id: schema.organizations.id })
      .from(schema.organizations)
      .where(eq(schema.organizations.name, 'Backwards Hours Garage'));
    expect(built).toHaveLength(0);
  });

  it('builds the business from its block, on the scenario clock, without handing out a signing token', async () => {
    const admin = await registerOrg(server.url);
    const res = await apiClient(server.url).post(
      '/api/simulator/organizations',
      { ...body, phone: true },
      { 'x-simulator-key': KEY },
    );
    expect(res.status).toBe(201);
    const org = res.body;
    expect(Object.keys(org)).not.toContain('twilioAuthToken');
    expect(JSON.stringify(org)).not.toContain(TWILIO_TOKEN);
    expect(org.phoneNumber).toMatch(/^\+1\d{3}55501\d\d$/);
    const api = apiClient(server.url, org.accessToken);
    expect((await api.get('/api/services')).body.items.map((s: any) => s.name).sort()).toEqual([
      'Brake service',
      'Oil change',
    ]);
    const appts = (await api.get('/api/appointments?from=2026-04-01T00:00:00Z&to=2026-05-01T00:00:00Z')).body.items;
    expect(appts.map((a: any) => [a.start.slice(0, 16), a.customer.name])).toEqual([
      ['2026-04-16T10:00', 'Ruth Wells'],
    ]);
    // the organization's clock is the scenario's `now` (09:00 in New York = 13:00Z)
    const chat = await apiClient(server.url).post(`/api/chat/${org.chatKey}/sessions`, {});
    const call = (await api.get(`/api/calls/${chat.body.id}`)).body;
    expect(Math.abs(Date.parse(call.startedAt) - Date.parse('2026-04-14T13:00:00Z'))).toBeLessThan(60_000);
    // another organization's token cannot queue lines for this call
    const keyed = { 'x-simulator-key': KEY };
    expect((await admin.api.post(`/api/simulator/calls/${chat.body.id}/say`, { texts: ['hello'] }, keyed)).status).toBe(
      404,
    );
    expect((await api.post(`/api/simulator/calls/${chat.body.id}/say`, { texts: ['hello'] })).status).toBe(401);
    expect((await api.post(`/api/simulator/calls/${chat.body.id}/say`, { texts: ['hello'] }, keyed)).status).toBe(204);
  });

  it('rejects a business block naming a service that does not exist', async () => {
    const bad = {
      ...body,
      business: { ...business, appointments: [{ service: 'Tire rotation', start: '2026-04-16T10:00' }] },
    };
    const res = await apiClient(server.url).post('/api/simulator/organizations', bad, { 'x-simulator-key': KEY });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Tire rotation/);
  });
});

describe('npm run simulate --url', () => {
  it(
    'prints PASS and FAIL with reasons, the closing count, writes JSON and exits 1',
    async () => {
      const scenario = (name: string, start: string) => ({
        name,
        channel: 'text',
        now: '2026-04-14T09:00',
        business,
        caller: { from: '+14045550161', says: ['Brake service Thursday at 8, this is Devon Reyes', 'yes'] },
        expect: { appointment: { service: 'Brake service', start, customerName: 'Devon Reyes' }, outcome: 'booked' },
      });
      const folder = join(dir, 'set');
      rmSync(folder, { recursive: true, force: true });
      await import('node:fs').then((fs) => fs.mkdirSync(folder));
      writeFileSync(join(folder, 'a.json'), JSON.stringify(scenario('books-thursday-at-8', '2026-04-16T08:00')));
      writeFileSync(join(folder, 'b.yaml'), stringify([scenario('expects-the-wrong-time', '2026-04-16T09:00')]));
      writeFileSync(
        join(folder, 'c.yaml'),
        stringify({
          name: 'phone-question-signed-with-the-given-token',
          channel: 'phone',
          now: '2026-04-14T09:00',
          business: {
            ...business,
            knowledge: [{ q: 'Do you offer a shuttle?', a: 'We run a free shuttle within 5 miles.' }],
          },
          caller: { from: '+14045550162', says: ['do you have a shuttle?'], hangupAfterTurns: 3 },
          expect: { agentSaid: ['5 miles'], outcome: 'answered' },
        }),
      );
      const out = join(dir, 'results.json');
      // the server's simulator key; phone calls signed with the server's Twilio auth token, given on the command line
      const r = await simulate([
        '--url',
        server.url,
        '--simulator-key',
        KEY,
        '--twilio-token',
        TWILIO_TOKEN,
        `--json=${out}`,
        folder,
      ]);
      expect(r.stdout).toMatch(/^PASS books-thursday-at-8 \(text/m);
      expect(r.stdout).toMatch(/^FAIL expects-the-wrong-time \(text/m);
      expect(r.stdout).toContain('appointment: start 2026-04-16T08:00 ≠ 2026-04-16T09:00');
      expect(r.stdout).toMatch(/^PASS phone-question-signed-with-the-given-token \(phone/m);
      expect(r.stdout.trim().split('\n').at(-1)).toBe('2 passed, 1 failed');
      expect(r.code).toBe(1);
      const json = JSON.parse(readFileSync(out, 'utf8'));
      expect(json.scenarios).toHaveLength(3);
      const pass = json.scenarios.find((s: any) => s.name === 'books-thursday-at-8');
      expect(pass.status).toBe('pass');
      expect(pass.transcript.filter((t: any) => t.role === 'caller')).toHaveLength(2);
      expect(pass.latenciesMs).toHaveLength(2);
      expect(pass.toolCalls.map((t: any) => t.name)).toContain('book_appointment');
      expect(pass.verdicts.every((v: any) => v.ok)).toBe(true);
      expect(json.summary).toMatchObject({ passed: 2, failed: 1, bookings: 2 });
    },
    scaled(60_000),
  );

  it(
    'exits 2 naming the file and field of an invalid scenario',
    async () => {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, stringify({ name: 'bad', now: 'tomorrow', business, caller: { says: [] } }));
      const r = await simulate(['--url', server.url, file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('bad.yaml');
      expect(r.stderr).toMatch(/now: local time/);
    },
    scaled(30_000),
  );
});
