/**
 * What a call costs the embedded database, statement by statement: the ring (caller lookup + the
 * call's insert), the stream's start, a recorded turn and the call's completion, on PGlite with
 * statements prepared once (the product) and as PGlite runs them (every statement parsed and planned
 * at each call), side by side in one run over an organization with a call history.
 *
 *   npx tsx bench/db/statements.ts [--history 2000] [--calls 400] [--rounds 3]
 *
 * Prints the median per operation over all rounds (each round runs every operation on both
 * databases, alternating which goes first) and the ratio.
 */
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../../src/db/index.js';
import { completeCall, consumeStreamToken, createCall, recordTurn } from '../../src/calls/index.js';
import { findClientByPhone } from '../../src/clients/index.js';
import { createOrganization } from '../../src/business/index.js';

const { values } = parseArgs({
  options: {
    history: { type: 'string', default: '2000' },
    calls: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '3' },
  },
});
const HISTORY = Number(values.history);
const CALLS = Number(values.calls);
const ROUNDS = Number(values.rounds);

interface Variant {
  label: string;
  database: Database;
  organizationId: string;
  /** Milliseconds per operation, over every round. */
  ms: Map<string, number[]>;
}

async function variant(label: string, prepare: boolean): Promise<Variant> {
  const database = await openDatabase({ kind: 'pglite', prepare });
  const org = await createOrganization(database.db, {
    name: 'Bench Plumbing',
    timezone: 'America/Chicago',
    industry: 'plumbing',
  });
  // a history of calls from other numbers: every ring's lookup searches it
  for (let i = 0; i < HISTORY; i++)
    await createCall(database.db, {
      organizationId: org.id,
      channel: 'phone',
      callSid: `CAhist${i}`,
      from: `+1312${String(5_000_000 + i).padStart(7, '0')}`,
      to: '+13125550100',
      status: 'completed',
    });
  return { label, database, organizationId: org.id, ms: new Map() };
}

async function timed(v: Variant, op: string, fn: () => Promise<unknown>) {
  const t = performance.now();
  await fn();
  const list = v.ms.get(op) ?? [];
  list.push(performance.now() - t);
  v.ms.set(op, list);
}

/** One round: CALLS calls through ring, stream start, two turns and completion. */
async function round(v: Variant, r: number) {
  const { setup, db } = v.database;
  for (let i = 0; i < CALLS; i++) {
    const from = `+1773${String(r * CALLS + i).padStart(7, '0')}`;
    const token = `token-${r}-${i}`;
    let callId = '';
    await timed(v, 'ring: caller lookup', () => findClientByPhone(setup, v.organizationId, from));
    await timed(v, 'ring: call insert', async () => {
      const call = await createCall(setup, {
        organizationId: v.organizationId,
        channel: 'phone',
        callSid: `CA${v.label}${r}x${i}`,
        from,
        to: '+13125550100',
        status: 'ringing',
        streamToken: token,
        metadata: { nodeId: 'bench' },
      });
      callId = call.id;
    });
    await timed(v, 'stream start', () => consumeStreamToken(setup, callId, token, new Date()));
    const ref = { id: callId, organizationId: v.organizationId };
    await timed(v, 'turn (transaction)', () =>
      recordTurn(db, ref, { callerText: 'my sink is leaking', agentText: 'I can book a plumber for you.' }),
    );
    await timed(v, 'completion', () => completeCall(db, callId, { endedAt: new Date(), reason: 'hangup' }));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const prepared = await variant('prepared', true);
const plain = await variant('plain', false);
for (let r = 0; r < ROUNDS; r++) {
  const order = r % 2 === 0 ? [prepared, plain] : [plain, prepared];
  for (const v of order) await round(v, r);
}

console.log(
  `\nEmbedded database (PGlite), ${HISTORY} calls of history, ${CALLS} calls × ${ROUNDS} rounds; median ms per operation\n`,
);
console.log('| operation | as PGlite runs it | prepared once | ratio |');
console.log('|---|---|---|---|');
let plainTotal = 0;
let preparedTotal = 0;
for (const op of prepared.ms.keys()) {
  const a = median(plain.ms.get(op)!);
  const b = median(prepared.ms.get(op)!);
  plainTotal += a;
  preparedTotal += b;
  console.log(`| ${op} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(b / a).toFixed(2)}× |`);
}
console.log(
  `| **a whole call** | ${plainTotal.toFixed(2)} | ${preparedTotal.toFixed(2)} | **${(preparedTotal / plainTotal).toFixed(2)}×** |`,
);
await prepared.database.close();
await plain.database.close();
