// Invariant: every finished call carries a one- or two-sentence summary the owner reads in the call
// list, on the call page, in the call.completed email and in the webhook — written by the language
// model when one is configured (OpenAI chat completions wire format), composed from what happened
// otherwise or when the model fails — and the numbers count calls by outcome, test calls left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { scaled } from '../harness/timing.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import { startWebhookReceiver, type WebhookReceiver } from '../fakes/webhook-receiver.js';
import { fixedClock } from '../../src/lib/index.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Org = Awaited<ReturnType<typeof registerOrg>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A chat on the widget; `asOwner` opens the owner's own test chat (the dashboard's "talk to your agent"). */
async function chat(
  server: Server,
  orgKey: string,
  lines: string[],
  opts: { phone?: string; channel?: 'test'; asOwner?: Org } = {},
) {
  const anon = opts.asOwner?.api ?? apiClient(server.url);
  const s = await anon.post(`/api/chat/${orgKey}/sessions`, {
    phone: opts.phone ?? '+13125550142',
    ...(opts.channel ? { channel: opts.channel } : {}),
  });
  expect(s.status, JSON.stringify(s.body)).toBe(201);
  for (const text of lines) {
    const r = await anon.post(`/api/chat/${orgKey}/sessions/${s.body.id}/messages`, { text });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    if (r.body.done) return s.body.id as string;
  }
  expect((await anon.post(`/api/chat/${orgKey}/sessions/${s.body.id}/end`, {})).status).toBe(204);
  return s.body.id as string;
}

/** Polls until `check` answers something truthy (scaled deadline). */
async function eventually<T>(check: () => Promise<T | undefined | null | false>, ms = 10_000): Promise<T> {
  const end = Date.now() + scaled(ms);
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await sleep(100);
  }
}

/** The owner's email about a call and the business's webhook delivery for it, once both arrived. */
async function ownerSees(org: Org, rx: WebhookReceiver, callId: string, ms = 10_000) {
  const email = await eventually(
    async () =>
      ((await org.api.get('/api/dev-inbox?channel=email')).body.items as any[]).find((m) =>
        m.subject?.startsWith('Call from'),
      ),
    ms,
  );
  const hook = await eventually(
    async () => [...rx.processed.values()].find((b) => b.type === 'call.completed' && b.data.callId === callId),
    ms,
  );
  return { email, hook };
}

async function subscribe(org: Org, rx: WebhookReceiver) {
  expect(
    (
      await org.api.put('/api/notifications', {
        events: { 'call.completed': ['email'] },
        emails: ['owner@summary.test'],
      })
    ).status,
  ).toBe(200);
  const hook = await org.api.post('/api/webhooks', { url: `${rx.url}/hook`, events: ['call.completed'] });
  expect(hook.status).toBe(201);
  rx.secret = hook.body.secret;
}

describe('without a language model: the composed summary', () => {
  let server: Server;
  let rx: WebhookReceiver;
  beforeAll(async () => {
    // The receiver checks signatures against the server's clock (the product signs with it).
    const clock = fixedClock('2026-03-10T15:00:00Z', true);
    rx = await startWebhookReceiver(() => clock.now().getTime());
    server = await startTestServer({ clock, env: { WEBHOOK_ALLOW_PRIVATE: 'true' } });
  });
  afterAll(async () => {
    await server?.close();
    await rx?.close();
  });

  it(
    'a chat booking reads "Maria Lopez booked a drain cleaning … for Wednesday, Mar 11 at 10:00 AM." in the list, the call page, the email and the webhook',
    async () => {
      const org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago' });
      await subscribe(org, rx);
      const id = await chat(server, org.organization.chatKey, [
        'Hi, I need a drain cleaning tomorrow at 10am',
        'My name is Maria Lopez',
        'yes',
        'yes that is right',
        '123 Main Street, Springfield',
        'yes',
        'no thanks, bye',
      ]);
      const detail = (await org.api.get(`/api/calls/${id}`)).body;
      expect(detail.outcome).toBe('booked');
      expect(detail.summary).toMatch(
        /^Maria Lopez booked a drain cleaning (with [A-Z][a-z]+ )?for Wednesday, Mar 11 at 10:00 AM\.$/,
      );
      const listed = (await org.api.get('/api/calls')).body.items.find((c: any) => c.id === id);
      expect(listed.summary).toBe(detail.summary);
      const { email, hook } = await ownerSees(org, rx, id);
      expect(email.text).toContain(`Summary: ${detail.summary}`);
      expect(hook.data).toMatchObject({ callId: id, outcome: 'booked', summary: detail.summary });
    },
    scaled(90_000),
  );

  it(
    "a visitor who only asks gets a summary too, and the numbers count outcomes without the owner's test chats",
    async () => {
      const org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago' });
      const asked = await chat(server, org.organization.chatKey, ['What are your hours?']);
      const detail = (await org.api.get(`/api/calls/${asked}`)).body;
      expect(detail.outcome).toBe('answered');
      expect(detail.summary.length).toBeGreaterThan(10);
      expect(detail.summary).toMatch(/^A website visitor|^The caller|asked/);
      const test = await chat(server, org.organization.chatKey, ['What are your hours?'], {
        channel: 'test',
        asOwner: org,
      });
      expect((await org.api.get(`/api/calls/${test}`)).body.summary).toMatch(/\S/);

      const m = (await org.api.get('/api/dashboard/metrics?from=2026-03-01T00:00:00Z&to=2026-03-31T00:00:00Z')).body;
      expect(m.calls).toBe(1);
      expect(m.byOutcome).toEqual({ answered: 1 });
      const scrape = await (await fetch(`${server.url}/metrics`)).text();
      expect(scrape).toMatch(
        /infinioffice_calls_completed_total\{outcome="answered",channel="chat",direction="inbound"\} [1-9]/,
      );
      expect(scrape).toMatch(
        /infinioffice_calls_completed_total\{outcome="booked",channel="chat",direction="inbound"\} [1-9]/,
      );
      expect(scrape).not.toMatch(/infinioffice_calls_completed_total\{[^}]*channel="test"/);
      expect(scrape).toMatch(/infinioffice_call_duration_seconds_count\{outcome="answered",channel="chat"\} [1-9]/);
    },
    scaled(90_000),
  );
});

describe('with a language model (OpenAI chat completions)', () => {
  let server: Server;
  let rx: WebhookReceiver;
  let openai: FakeOpenAi;
  const isSummaryRequest = (req: Record<string, unknown>) =>
    JSON.stringify(req.messages).includes('note a small-business owner reads');
  beforeAll(async () => {
    const clock = fixedClock('2026-03-10T15:00:00Z', true);
    [rx, openai] = await Promise.all([
      startWebhookReceiver(() => clock.now().getTime()),
      startFakeOpenAi('sk-summary'),
    ]);
    server = await startTestServer({
      clock,
      env: {
        WEBHOOK_ALLOW_PRIVATE: 'true',
        OPENAI_API_KEY: 'sk-summary',
        OPENAI_BASE_URL: `${openai.url}/v1`,
        OPENAI_MODEL: 'gpt-test-summary',
      },
    });
  });
  afterAll(async () => {
    await server?.close();
    await rx?.close();
    await openai?.close();
  });

  it(
    'the model writes the summary from the transcript; the email and webhook carry it',
    async () => {
      const org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago' });
      await subscribe(org, rx);
      openai.chatReply = (req) =>
        isSummaryRequest(req)
          ? { text: 'Caller asked about opening hours and hung up.' }
          : { text: 'We are open from 8 to 5 on weekdays.' };
      const id = await chat(server, org.organization.chatKey, ['What are your hours?']);
      const detail = await eventually(async () => {
        const d = (await org.api.get(`/api/calls/${id}`)).body;
        return d.summary === 'Caller asked about opening hours and hung up.' && d;
      });
      expect((await org.api.get('/api/calls')).body.items.find((c: any) => c.id === id).summary).toBe(detail.summary);
      const { email, hook } = await ownerSees(org, rx, id);
      expect(email.text).toContain('Summary: Caller asked about opening hours and hung up.');
      expect(hook.data.summary).toBe('Caller asked about opening hours and hung up.');
      // The request on the wire: the configured model, a system instruction, the transcript as the user's message.
      const req = openai.chatRequests.find(isSummaryRequest) as any;
      expect(req.model).toBe('gpt-test-summary');
      expect(req.stream).toBe(true);
      expect(req.messages[0].role).toBe('system');
      expect(req.messages[1]).toMatchObject({ role: 'user' });
      expect(req.messages[1].content).toContain('Caller: What are your hours?');
    },
    scaled(90_000),
  );

  it(
    "an organization whose agent runs offline: the owner is told with the composed summary, and the transcript never goes to the server's model",
    async () => {
      const org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago' });
      await subscribe(org, rx);
      expect((await org.api.put('/api/agent', { llm: 'offline' })).status).toBe(200);
      // a model that would answer (and be noticed) if it were asked
      openai.chatReply = (req) => (isSummaryRequest(req) ? { text: 'A summary nobody asked for.' } : undefined);
      const asked = () =>
        openai.chatRequests.filter((r) => isSummaryRequest(r) && JSON.stringify(r).includes('open on Sundays')).length;
      try {
        const id = await chat(server, org.organization.chatKey, ['Are you open on Sundays?']);
        const composed = (await org.api.get(`/api/calls/${id}`)).body.summary as string;
        expect(composed).toMatch(/asked|talked/);
        const { email, hook } = await ownerSees(org, rx, id);
        expect(hook.data.summary).toBe(composed);
        expect(email.text).toContain(`Summary: ${composed}`);
        // the summary worker passes every second: a call queued for it would have reached the model by now
        await sleep(scaled(2_500));
        expect(asked()).toBe(0);
        expect((await org.api.get(`/api/calls/${id}`)).body.summary).toBe(composed);
      } finally {
        openai.chatReply = undefined;
      }
    },
    scaled(90_000),
  );

  it(
    'when the model keeps failing, the composed summary stays and the owner is still told',
    async () => {
      const org = await registerOrg(server.url, { industry: 'plumbing', timezone: 'America/Chicago' });
      await subscribe(org, rx);
      openai.chatReply = undefined;
      openai.chatFailStatus = 503;
      try {
        const before = openai.chatRequests.filter(isSummaryRequest).length;
        const id = await chat(server, org.organization.chatKey, ['What are your hours?']);
        // The call has its composed summary the moment it ends; the model only ever replaces it.
        const composed = (await org.api.get(`/api/calls/${id}`)).body.summary as string;
        expect(composed).toMatch(/asked|talked/);
        // Three attempts with backoff (2 s, 4 s), then the composed summary is announced.
        const { email, hook } = await ownerSees(org, rx, id, 30_000);
        expect(openai.chatRequests.filter(isSummaryRequest).length - before).toBe(3);
        expect(hook.data.summary).toBe(composed);
        expect((await org.api.get(`/api/calls/${id}`)).body.summary).toBe(composed);
        expect(email.text).toContain(`Summary: ${composed}`);
      } finally {
        openai.chatFailStatus = 0;
      }
    },
    scaled(90_000),
  );
});
