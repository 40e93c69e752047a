import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type Database } from '../db/index.js';
import { newToken } from '../lib/index.js';
import { testDatabase } from '../../test/harness/server.js';
import { consumeStreamToken, createCall } from './records.js';

// The ring's insert and the stream's start are statements built once per database and run with new
// values each time: every call must still get its own row, its own values and its own one-time token.
let database: Database;
let organizationId: string;

beforeAll(async () => {
  database = await testDatabase();
  const [org] = await database.db
    .insert(schema.organizations)
    .values({ name: 'Records Plumbing', timezone: 'America/Chicago', chatKey: newToken(8), icsToken: newToken(8) })
    .returning();
  organizationId = org.id;
});
afterAll(() => database?.close());

const ring = (n: number, streamToken = newToken(24)) =>
  createCall(database.db, {
    organizationId,
    channel: 'phone',
    callSid: `CA${n}${newToken(6)}`,
    from: `+1312555${String(n).padStart(4, '0')}`,
    to: '+13125550100',
    status: 'ringing',
    startedAt: new Date(Date.UTC(2026, 11, 5, 15, n)),
    streamToken,
    metadata: { nodeId: `node-${n}` },
  });

describe('call records', () => {
  it('gives every call its own row and values, twenty calls in a row', async () => {
    const calls = await Promise.all(Array.from({ length: 20 }, (_, n) => ring(n)));
    expect(new Set(calls.map((c) => c.id)).size).toBe(20);
    calls.forEach((c, n) => {
      expect(c.from).toBe(`+1312555${String(n).padStart(4, '0')}`);
      expect(c.startedAt.toISOString()).toBe(new Date(Date.UTC(2026, 11, 5, 15, n)).toISOString());
      expect(c.metadata).toEqual({ nodeId: `node-${n}` });
      expect(c.status).toBe('ringing');
      expect(c.direction).toBe('inbound');
      expect(c.engine).toBeNull();
    });
  });

  it('answers the same record when Twilio asks again for a call it already told us of', async () => {
    const first = await ring(40);
    const again = await createCall(database.db, { organizationId, channel: 'phone', callSid: first.callSid });
    expect(again.id).toBe(first.id);
  });

  it('starts a call once, with its own token only, at the time it started', async () => {
    const tokens = [newToken(24), newToken(24)];
    const [a, b] = await Promise.all(tokens.map((t, i) => ring(50 + i, t)));
    const at = new Date('2026-12-05T15:59:30.123Z');
    expect(await consumeStreamToken(database.db, a.id, tokens[1], at)).toBeNull(); // the other call's token
    const started = await consumeStreamToken(database.db, a.id, tokens[0], at);
    expect(started).toMatchObject({ id: a.id, status: 'in-progress' });
    expect(started!.answeredAt!.toISOString()).toBe(at.toISOString());
    expect(started!.streamTokenUsedAt!.toISOString()).toBe(at.toISOString());
    expect(await consumeStreamToken(database.db, a.id, tokens[0], at)).toBeNull(); // one time only
    expect(await consumeStreamToken(database.db, b.id, tokens[1], at)).toMatchObject({ id: b.id });
  });
});
