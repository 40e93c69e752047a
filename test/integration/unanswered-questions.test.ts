// Invariant: every question the agent could not answer reaches the owner's list once (paraphrases counted together, with how often and on which calls); answering it adds a knowledge entry that the next caller hears, and the question leaves the list. Another organization sees none of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../harness/server.js';
import { apiClient, registerOrg } from '../harness/client.js';
import { fixedClock } from '../../src/lib/index.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-03-10T15:00:00Z', true) });
});
afterAll(async () => {
  await server?.close();
});

/** One chat conversation; answers every reply of the agent. */
async function chat(orgKey: string, lines: string[]) {
  const anon = apiClient(server.url);
  const s = await anon.post(`/api/chat/${orgKey}/sessions`, {});
  expect(s.status).toBe(201);
  const replies: string[] = [];
  for (const text of lines) {
    const r = await anon.post(`/api/chat/${orgKey}/sessions/${s.body.id}/messages`, { text });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    replies.push(r.body.reply);
    if (r.body.done) break;
  }
  return replies;
}

describe('questions the agent could not answer', () => {
  it('are listed once per question with counts, answered in one step, and the next caller gets the answer', async () => {
    const org = await registerOrg(server.url, { industry: 'plumbing' });
    const other = await registerOrg(server.url, { industry: 'plumbing' });
    const key = org.organization.chatKey;
    await chat(key, ['Do you sell gift cards?']);
    await chat(key, ['can I buy a gift card from you']);
    await chat(key, ['Do you have a loyalty program for seniors?']);
    const list = (await org.api.get('/api/unanswered-questions')).body.items as {
      id: string;
      question: string;
      count: number;
      callIds: string[];
    }[];
    expect(list.map((q) => q.question)).toEqual([
      'Do you sell gift cards?',
      'Do you have a loyalty program for seniors?',
    ]);
    expect(list[0]).toMatchObject({ count: 2 });
    expect(list[0].callIds).toHaveLength(2);
    expect((await other.api.get('/api/unanswered-questions')).body.items).toEqual([]);
    expect((await other.api.post(`/api/unanswered-questions/${list[0].id}/answer`, { answer: 'x' })).status).toBe(404);
    expect((await org.api.post(`/api/unanswered-questions/${list[0].id}/answer`, { answer: '' })).status).toBe(400);

    const created = await org.api.post(`/api/unanswered-questions/${list[0].id}/answer`, {
      answer: 'Yes, gift cards are sold at the front desk in any amount.',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), question: 'Do you sell gift cards?' });
    expect((await org.api.get('/api/knowledge')).body.items.some((k: { id: string }) => k.id === created.body.id)).toBe(
      true,
    );
    const after = (await org.api.get('/api/unanswered-questions')).body.items as { question: string }[];
    expect(after.map((q) => q.question)).toEqual(['Do you have a loyalty program for seniors?']);

    const replies = await chat(key, ['Do you sell gift cards?']);
    expect(replies.join(' ')).toMatch(/gift cards are sold at the front desk/i);
  });
});
