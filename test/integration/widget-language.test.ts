// Invariant: the chat widget speaks the customer's language — its config names the agent's language (or `auto`, for the page to decide) with a greeting per language, a chat opened from a Spanish page of an `auto` agent starts in Spanish, and every reply says which language the agent now speaks so the widget's own words follow a switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { fixedClock } from '../../src/lib/index.js';
import { schema } from '../../src/db/index.js';
import { scaled } from '../harness/timing.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z', true) });
}, scaled(60_000));
afterAll(async () => {
  await server?.close();
});

async function business(language: string) {
  const org = await registerOrg(server.url, { name: 'Pipe Pros' });
  await server.database.db
    .update(schema.agents)
    .set({ language })
    .where(eq(schema.agents.organizationId, org.organization.id));
  return org;
}

describe('the widget in the customer’s language', () => {
  it('config: es is Spanish with a Spanish greeting, auto leaves it to the page with both greetings, a list takes its first', async () => {
    const es = await business('es');
    const cfg = (await apiClient(server.url).get(`/api/widget/${es.organization.chatKey}/config`)).body;
    expect(cfg).toMatchObject({
      language: 'es',
      greeting: '¡Hola! Gracias por visitar Pipe Pros. ¿En qué podemos ayudarle?',
    });
    const auto = await business('auto');
    const a = (await apiClient(server.url).get(`/api/widget/${auto.organization.chatKey}/config`)).body;
    expect(a.language).toBe('auto');
    expect(a.greeting).toBe('Hi! Thanks for visiting Pipe Pros. How can we help you today?');
    expect(a.greetings.es).toBe('¡Hola! Gracias por visitar Pipe Pros. ¿En qué podemos ayudarle?');
    const list = await business('es,en');
    expect((await apiClient(server.url).get(`/api/widget/${list.organization.chatKey}/config`)).body.language).toBe(
      'es',
    );
    // the owner's own greeting is the one shown, in every language
    await list.api.put('/api/widget', { greeting: 'Hola, ¿qué necesita?' });
    const own = (await apiClient(server.url).get(`/api/widget/${list.organization.chatKey}/config`)).body;
    expect(own.greeting).toBe('Hola, ¿qué necesita?');
    expect(own.greetings).toBeUndefined();
  });

  it('a chat from a Spanish page of an auto agent starts in Spanish; from an English page it switches when the visitor writes Spanish, and says so', async () => {
    const org = await business('auto');
    const anon = apiClient(server.url);
    const es = await anon.post(`/api/chat/${org.organization.chatKey}/sessions`, { language: 'es' });
    expect(es.status).toBe(201);
    expect(es.body.language).toBe('es');
    expect(es.body.greeting).toMatch(/Gracias por llamar a Pipe Pros|¿En qué puedo ayudarle/);

    const en = await anon.post(`/api/chat/${org.organization.chatKey}/sessions`, { language: 'en' });
    expect(en.body.language).toBe('en');
    const r = await anon.post(`/api/chat/${org.organization.chatKey}/sessions/${en.body.id}/messages`, {
      text: 'Hola, ¿a qué hora abren mañana?',
    });
    expect(r.status).toBe(200);
    expect(r.body.language).toBe('es');
    expect(r.body.reply).toContain('Claro, puedo atenderle en español');

    // an English-only agent ignores a Spanish page: it only speaks English
    const only = await business('en');
    expect((await anon.post(`/api/chat/${only.organization.chatKey}/sessions`, { language: 'es' })).body.language).toBe(
      'en',
    );
    expect((await anon.post(`/api/chat/${only.organization.chatKey}/sessions`, { language: 'fr' })).status).toBe(400);
  });
});
