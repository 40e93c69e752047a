// Invariant: what an anonymous chat visitor can hold is bounded — open chats per address (429) and per
// business (the oldest idle one is closed to make room), messages per chat, messages per business per
// day, idle chats closed, the saved conversation small — and a chat lives in the shared live store, so
// another node continues it. (On the old code chats lived in one node's memory without any of these
// bounds: every cap test fails, and on two nodes the second node answered 404.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { scaled } from '../harness/timing.js';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/lib/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { testDatabase } from '../harness/server.js';
import { createConversation } from '../../src/brain/index.js';
import { PLUMBER } from '../../src/brain/test-support/businesses.js';
import { createFakePorts } from '../../src/brain/test-support/fake-ports.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({
    env: {
      TRUST_PROXY: '1',
      CHAT_SESSIONS_PER_IP: '3',
      CHAT_SESSIONS_PER_ORG: '3',
      CHAT_TURNS_PER_SESSION: '3',
      CHAT_MESSAGES_PER_ORG_DAY: '8',
    },
  });
});
afterAll(async () => {
  await server?.close();
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });
const open = (url: string, key: string, ip: string) => apiClient(url).post(`/api/chat/${key}/sessions`, {}, from(ip));
const say = (url: string, key: string, id: string, text: string, ip = '198.51.100.7') =>
  apiClient(url).post(`/api/chat/${key}/sessions/${id}/messages`, { text }, from(ip));

async function callStatus(api: ReturnType<typeof apiClient>, id: string) {
  return (await api.get(`/api/calls/${id}`)).body.status as string;
}

describe('chat sessions are bounded', () => {
  it('one address may hold only a few open chats; another address still gets one', async () => {
    const org = await registerOrg(server.url);
    const key = org.organization.chatKey;
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await open(server.url, key, '203.0.113.50')).status);
    expect(codes).toEqual([201, 201, 201, 429, 429]);
    expect((await open(server.url, key, '203.0.113.51')).status).toBe(201);
  });

  it("a business's own test chats (signed in) do not use up its visitors' allowance at that address, nor it theirs", async () => {
    const org = await registerOrg(server.url);
    const key = org.organization.chatKey;
    const testChat = (ip: string) => org.api.post(`/api/chat/${key}/sessions`, { channel: 'test' }, from(ip));
    for (let i = 0; i < 3; i++) expect((await open(server.url, key, '203.0.113.90')).status).toBe(201);
    expect((await open(server.url, key, '203.0.113.90')).status).toBe(429);
    expect((await testChat('203.0.113.90')).status).toBe(201);
    // the business's own test chats are bounded like an address's: two more make three open, a fourth is refused
    for (let i = 0; i < 2; i++) expect((await testChat('203.0.113.91')).status).toBe(201);
    expect((await testChat('203.0.113.91')).status).toBe(429);
    expect((await open(server.url, key, '203.0.113.91')).status).toBe(201);
    // a test chat needs a signed-in member of that business
    const anonymous = await apiClient(server.url).post(
      `/api/chat/${key}/sessions`,
      { channel: 'test' },
      from('203.0.113.92'),
    );
    expect(anonymous.status).toBe(401);
  });

  it("at the business's cap the oldest idle chat is closed to make room, and its call record completed", async () => {
    const org = await registerOrg(server.url);
    const key = org.organization.chatKey;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await open(server.url, key, `203.0.113.${60 + i}`)).body.id);
    // the first chat spoke last, so the second is the oldest idle one
    expect((await say(server.url, key, ids[0], 'what are your hours?')).status).toBe(200);
    const newest = await open(server.url, key, '203.0.113.70');
    expect(newest.status).toBe(201);
    expect((await say(server.url, key, ids[1], 'hello?')).status).toBe(404);
    expect((await say(server.url, key, ids[0], 'thanks, and do you do drain cleaning?')).status).toBe(200);
    expect((await say(server.url, key, newest.body.id, 'hi')).status).toBe(200);
    expect(await callStatus(org.api, ids[1])).toBe('completed');
  });

  it('a chat carries a bounded number of messages, then closes politely', async () => {
    const org = await registerOrg(server.url);
    const key = org.organization.chatKey;
    const { id } = (await open(server.url, key, '203.0.113.80')).body;
    for (const t of ['hi', 'what are your hours?', 'do you do drain cleaning?'])
      expect((await say(server.url, key, id, t)).status).toBe(200);
    const last = await say(server.url, key, id, 'one more thing');
    expect(last.status).toBe(200);
    expect(last.body.done).toBe(true);
    expect(last.body.reply).toMatch(/length limit/);
    expect((await say(server.url, key, id, 'hello?')).status).toBe(404);
  });

  it("a business's chat messages per day are capped over all its chats (429), other businesses unaffected", async () => {
    const org = await registerOrg(server.url);
    const key = org.organization.chatKey;
    const codes: number[] = [];
    for (let c = 0; c < 4; c++) {
      const { id } = (await open(server.url, key, `203.0.113.${90 + c}`)).body;
      for (let m = 0; m < 3; m++) codes.push((await say(server.url, key, id, 'what are your hours?')).status);
    }
    expect(codes.filter((s) => s === 200)).toHaveLength(8);
    expect(codes.slice(8)).toEqual([429, 429, 429, 429]);
    const other = await registerOrg(server.url);
    const { id } = (await open(server.url, other.organization.chatKey, '203.0.113.99')).body;
    expect((await say(server.url, other.organization.chatKey, id, 'what are your hours?')).status).toBe(200);
  });

  it('the saved conversation stays small however long the chat runs', async () => {
    const convo = createConversation({
      business: PLUMBER,
      now: { now: () => new Date('2026-03-10T15:00:00Z') },
      deps: createFakePorts(PLUMBER).ports,
    });
    convo.greet();
    const sizes: number[] = [];
    for (let i = 0; i < 40; i++) {
      await convo.handle({
        text: i % 2 ? 'what are your hours on saturday?' : `is ${'x'.repeat(1500)} something you fix?`,
      });
      sizes.push(JSON.stringify(convo.snapshot()).length);
    }
    expect(Math.max(...sizes)).toBeLessThan(64 * 1024);
    expect(sizes[39]).toBeLessThan(sizes[9] * 1.5);
  });
});

describe('idle chats are closed', () => {
  let idle: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    idle = await startTestServer({ env: { CHAT_IDLE_SEC: '1' } });
  });
  afterAll(async () => {
    await idle?.close();
  });

  it('a chat without a message for longer than the idle time is closed and its call completed', async () => {
    const org = await registerOrg(idle.url);
    const key = org.organization.chatKey;
    const { id } = (await apiClient(idle.url).post(`/api/chat/${key}/sessions`, {})).body;
    const end = Date.now() + scaled(15_000);
    let status = await callStatus(org.api, id);
    while (status !== 'completed' && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 250));
      status = await callStatus(org.api, id);
    }
    expect(status).toBe('completed');
    expect(
      (await apiClient(idle.url).post(`/api/chat/${key}/sessions/${id}/messages`, { text: 'hello?' })).status,
    ).toBe(404);
  });
});

const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);

describe.skipIf(!shared)('a chat continues on another node (shared PostgreSQL and Redis)', () => {
  const nodes: RunningServer[] = [];
  let closeDb: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const db = await testDatabase();
    closeDb = db.close;
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      LOG_LEVEL: 'silent',
      DATABASE_URL: db.url,
      REDIS_URL: process.env.REDIS_URL,
      REGISTER_RATE_LIMIT: '1000',
      JWT_SECRET: 'c'.repeat(40),
      ENCRYPTION_KEY: 'cd'.repeat(32),
      REDIS_KEY_PREFIX: `io-test-chat-${Date.now()}:`,
    });
    for (const nodeId of ['chat-a', 'chat-b'])
      nodes.push(await startServer({ ...config, nodeId }, { logger: createLogger('silent', { pretty: false }) }));
  });
  afterAll(async () => {
    for (const n of nodes) await n.close();
    await closeDb();
  });

  it('a chat opened on node A is answered on node B, and goes on after B stops', async () => {
    const org = await registerOrg(nodes[0].url);
    const key = org.organization.chatKey;
    const opened = await apiClient(nodes[0].url).post(`/api/chat/${key}/sessions`, {});
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    const onB = await apiClient(nodes[1].url).post(`/api/chat/${key}/sessions/${id}/messages`, {
      text: 'I need a drain cleaning',
    });
    expect(onB.status, JSON.stringify(onB.body)).toBe(200);
    expect(onB.body.reply).toMatch(/drain/i);
    // the state B left is what A continues from: the service is known, A asks about the time
    await nodes[1].close();
    const onA = await apiClient(nodes[0].url).post(`/api/chat/${key}/sessions/${id}/messages`, {
      text: 'tomorrow morning please',
    });
    expect(onA.status).toBe(200);
    expect(onA.body.reply).not.toMatch(/what (service|can I help)/i);
    expect((await apiClient(nodes[0].url).post(`/api/chat/${key}/sessions/${id}/end`, {})).status).toBe(204);
    expect(await callStatus(org.api, id)).toBe('completed');
  });
});
