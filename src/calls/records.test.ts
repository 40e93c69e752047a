import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema, type Database } from '../db/index.js';
import { newToken } from '../lib/index.js';
import { testDatabase } from '../../test/harness/server.js';
import { appendTurn, consumeStreamToken, createCall } from './records.js';

// The ring's insert, the stream's start and a turn's rows are statements built once per database and run
// with new values each time: every call and turn must still get its own row, values and one-time token.
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

  it("writes each turn's rows with their own values, and a replayed turn changes nothing", async () => {
    const call = await ring(60);
    const ids = () => [randomUUID(), randomUUID()] as [string, string];
    const at = new Date('2026-12-05T16:00:00.000Z');
    const first = { seq: 0, ids: ids() };
    expect(
      await appendTurn(
        database.db,
        call,
        {
          callerText: 'My sink is leaking',
          asrMs: 120,
          agentText: 'I can help with that.',
          llmMs: 300,
          ttsMs: 90,
          e2eMs: 640,
          at,
        },
        first,
      ),
    ).toBe(2);
    expect(
      await appendTurn(
        database.db,
        call,
        { callerText: '', agentText: 'Are you still there?', interrupted: true, heardText: 'Are you', at },
        { seq: 2, ids: ids() },
      ),
    ).toBe(1);
    expect(
      await appendTurn(
        database.db,
        call,
        { callerText: 'Yes, sorry.', agentText: '', asrMs: 80, at },
        { seq: 3, ids: ids() },
      ),
    ).toBe(1);
    // the first turn again (its acknowledgement was lost): same ids, same seqs
    await appendTurn(
      database.db,
      call,
      { callerText: 'My sink is leaking', agentText: 'I can help with that.', at },
      first,
    );
    const rows = await database.db
      .select()
      .from(schema.callTurns)
      .where(eq(schema.callTurns.callId, call.id))
      .orderBy(asc(schema.callTurns.seq));
    expect(
      rows.map((r) => [r.seq, r.role, r.text, r.asrMs, r.llmMs, r.ttsMs, r.e2eMs, r.interrupted, r.heardText]),
    ).toEqual([
      [0, 'caller', 'My sink is leaking', 120, null, null, null, false, null],
      [1, 'agent', 'I can help with that.', null, 300, 90, 640, false, null],
      [2, 'agent', 'Are you still there?', null, null, null, null, true, 'Are you'],
      [3, 'caller', 'Yes, sorry.', 80, null, null, null, false, null],
    ]);
    expect(rows.every((r) => r.at.toISOString() === at.toISOString() && r.organizationId === organizationId)).toBe(
      true,
    );
  });
});
