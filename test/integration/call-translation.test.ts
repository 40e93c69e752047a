// Invariant: the owner reads a call held in Spanish as spoken, with an English line under each non-English turn when a language model is configured — made once on demand over the OpenAI chat wire (local fake), kept on the call — and a plain 409 (no_language_model) without a model; another organization's call is 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { registerOrg } from '../harness/client.js';
import { scaled } from '../harness/timing.js';
import { startFakeOpenAi, type FakeOpenAi } from '../fakes/openai.js';
import { schema } from '../../src/db/index.js';
import { fixedClock } from '../../src/lib/index.js';
import { parseNumberedLines } from '../../src/conversations/index.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const SPANISH = /[áéíóúñ¿¡]|\b(?:hola|sí|gracias|cita|mañana|tengo)\b/i;

/** A finished call with its transcript, as the recorder leaves it. */
async function call(
  server: Server,
  organizationId: string,
  language: string,
  lines: Array<['caller' | 'agent', string]>,
) {
  const db = server.database.db;
  const [row] = await db
    .insert(schema.calls)
    .values({ organizationId, channel: 'chat', status: 'completed', language })
    .returning();
  await db
    .insert(schema.callTurns)
    .values(lines.map(([role, text], i) => ({ organizationId, callId: row.id, seq: i + 1, role, text })));
  return row.id;
}

const SPANISH_CALL: Array<['caller' | 'agent', string]> = [
  ['agent', 'Thanks for calling Pipe Pros. How can I help you today?'],
  ['caller', 'Hola, tengo el fregadero tapado, ¿pueden venir mañana?'],
  ['agent', 'Claro, puedo atenderle en español. ¿A nombre de quién?'],
];

describe('with a language model', () => {
  let server: Server;
  let openai: FakeOpenAi;
  beforeAll(async () => {
    openai = await startFakeOpenAi('sk-translate');
    // the model translates the Spanish lines and repeats the English one, as it is told to
    openai.chatReply = (req) => {
      const messages = req.messages as Array<{ role: string; content: string }>;
      if (!/translate/i.test(messages[0]?.content ?? '')) return undefined;
      const lines = [...parseNumberedLines(messages[1].content)].map(
        ([n, t]) => `${n}: ${SPANISH.test(t) ? `[English] ${t}` : t}`,
      );
      return { text: lines.join('\n') };
    };
    server = await startTestServer({
      clock: fixedClock('2026-03-10T15:00:00Z', true),
      env: { OPENAI_API_KEY: 'sk-translate', OPENAI_BASE_URL: `${openai.url}/v1`, OPENAI_MODEL: 'gpt-test' },
    });
  }, scaled(60_000));
  afterAll(async () => {
    await server?.close();
    await openai?.close();
  });

  it('translates the non-English turns once, keeps the transcript as spoken, and another organization gets 404', async () => {
    const org = await registerOrg(server.url);
    const id = await call(server, org.organization.id, 'es', SPANISH_CALL);
    const detail = await org.api.get(`/api/calls/${id}`);
    expect(detail.body.language).toBe('es');
    expect(detail.body.turns.map((t: any) => t.text)).toEqual(SPANISH_CALL.map(([, t]) => t));

    const before = openai.chatRequests.length;
    const t = await org.api.post(`/api/calls/${id}/translation`, {});
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(t.body).toEqual({
      language: 'en',
      from: 'es',
      items: [
        { seq: 2, role: 'caller', text: '[English] Hola, tengo el fregadero tapado, ¿pueden venir mañana?' },
        { seq: 3, role: 'agent', text: '[English] Claro, puedo atenderle en español. ¿A nombre de quién?' },
      ],
    });
    expect(openai.chatRequests.length).toBe(before + 1);
    // asked again: the kept translation, no second request to the model
    expect((await org.api.post(`/api/calls/${id}/translation`, {})).body.items).toHaveLength(2);
    expect(openai.chatRequests.length).toBe(before + 1);

    const other = await registerOrg(server.url);
    expect((await other.api.post(`/api/calls/${id}/translation`, {})).status).toBe(404);
    expect((await org.api.post('/api/calls/not-a-call/translation', {})).status).toBe(404);
  });

  it('an English call has nothing to translate and asks the model nothing', async () => {
    const org = await registerOrg(server.url);
    const id = await call(server, org.organization.id, 'en', [
      ['agent', 'Hello!'],
      ['caller', 'Hi, are you open Saturday?'],
    ]);
    const before = openai.chatRequests.length;
    const t = await org.api.post(`/api/calls/${id}/translation`, {});
    expect(t.body).toEqual({ language: 'en', from: 'en', items: [] });
    expect(openai.chatRequests.length).toBe(before);
  });
});

describe('without a language model', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z', true) });
  }, scaled(60_000));
  afterAll(async () => {
    await server?.close();
  });

  it('answers 409 no_language_model, and the transcript is there as spoken', async () => {
    const org = await registerOrg(server.url);
    const id = await call(server, org.organization.id, 'es', SPANISH_CALL);
    const t = await org.api.post(`/api/calls/${id}/translation`, {});
    expect(t.status).toBe(409);
    expect(t.body.error.code).toBe('no_language_model');
    expect((await org.api.get(`/api/calls/${id}`)).body.turns[1].text).toBe(SPANISH_CALL[1][1]);
  });
});
