import { randomUUID } from 'node:crypto';
import type { Db } from '../db/index.js';
import { pgErrorCode } from '../db/index.js';
import type { Logger } from '../lib/index.js';
import { appendTurn, completeCall, nextTurnSeq, recordEvent, type CallRow, type TurnInput } from './records.js';

/** A change worth telling the dashboard about. */
export type CallChange =
  | { type: 'call.turn'; callId: string; data: { callerText: string; agentText: string; e2eMs: number | null } }
  | { type: 'call.event'; callId: string; data: { name: string; [detail: string]: unknown } };

/** How a call's writes wait for a database that is away. */
export interface RecorderBuffer {
  /** Writes held at most (turns, events); past it new events are dropped and counted, turns and the end still kept. */
  maxItems: number;
  /** Retry backoff: first wait and longest wait between attempts. */
  retryMs: [number, number];
  /** After this long failing, what is still held is given up (logged as lost). */
  giveUpMs: number;
}
export const DEFAULT_RECORDER_BUFFER: RecorderBuffer = { maxItems: 500, retryMs: [100, 2000], giveUpMs: 15 * 60_000 };

/** A write that will fail the same way every time (bad data, a missing row): retrying it would only block the call's queue. */
const isPermanent = (err: unknown) => /^(22|23|42)/.test(pgErrorCode(err).code ?? '');

type Item = { what: 'turn' | 'event' | 'end'; write: () => Promise<void>; done: () => void };

/**
 * Writes a live call to the database as it happens, in order: each turn and event is persisted
 * when it completes, so a crash loses at most what is in flight. Never throws into the call. While
 * the database is away, writes wait in a bounded per-call buffer and are retried in order when it
 * returns; each write carries its own ids and turn seq, so a replay after a lost acknowledgement
 * adds nothing twice. Structurally matches voice/'s CallRecorder port.
 */
export function createCallRecorder(
  deps: {
    db: Db;
    logger: Logger;
    onChange?: (c: CallChange) => void;
    /** How the call is closed at the end (announced, taken off the active list…); completeCall by default. */
    complete?: (end: { endedAt: Date; reason: string; durationMs?: number }) => Promise<CallRow | null>;
    buffer?: Partial<RecorderBuffer>;
  },
  call: { id: string; organizationId: string },
) {
  const opts = { ...DEFAULT_RECORDER_BUFFER, ...deps.buffer };
  const queue: Item[] = [];
  let pumping: Promise<void> | null = null;
  let seq: number | null = null;
  let lost = 0;

  const drop = (item: Item, why: string, err?: unknown) => {
    lost++;
    deps.logger.error({ err, callId: call.id, what: item.what, lost }, `call record: ${item.what} lost (${why})`);
    item.done();
  };

  async function pump() {
    let wait = opts.retryMs[0];
    let failingSince: number | null = null;
    while (queue.length) {
      const item = queue[0];
      try {
        await item.write();
        if (failingSince !== null)
          deps.logger.info(
            { callId: call.id, heldMs: Date.now() - failingSince },
            'call record: database back, held writes flushed in order',
          );
        failingSince = null;
        wait = opts.retryMs[0];
        queue.shift();
        item.done();
      } catch (err) {
        if (isPermanent(err)) {
          queue.shift();
          drop(item, 'rejected by the database', err);
          continue;
        }
        if (failingSince === null) {
          failingSince = Date.now();
          deps.logger.warn(
            { err, callId: call.id },
            'call record: database unreachable, holding writes until it returns',
          );
        } else if (Date.now() - failingSince > opts.giveUpMs) {
          for (const held of queue.splice(0)) drop(held, 'database away too long', err);
          break;
        }
        await new Promise((r) => setTimeout(r, wait).unref());
        wait = Math.min(wait * 2, opts.retryMs[1]);
      }
    }
    pumping = null;
  }

  const enqueue = (what: Item['what'], write: () => Promise<void>) =>
    new Promise<void>((done) => {
      const item = { what, write, done };
      if (what === 'event' && queue.length >= opts.maxItems) {
        drop(item, 'buffer full');
        return;
      }
      queue.push(item);
      pumping ??= pump();
    });

  const complete = deps.complete ?? ((end) => completeCall(deps.db, call.id, end));
  return {
    onStart(_info: { callId: string; organizationId: string; engine: string; startedAt: Date }) {
      return Promise.resolve();
    },
    onTurn(t: TurnInput & { index?: number }) {
      const turn = { ...t, at: t.at ?? new Date() };
      const ids: [string, string] = [randomUUID(), randomUUID()];
      return enqueue('turn', async () => {
        seq ??= await nextTurnSeq(deps.db, call.id);
        seq += await appendTurn(deps.db, call, turn, { seq, ids });
        deps.onChange?.({
          type: 'call.turn',
          callId: call.id,
          data: { callerText: t.callerText, agentText: t.agentText, e2eMs: t.e2eMs ?? null },
        });
      });
    },
    onEvent(name: string, data: Record<string, unknown> = {}) {
      const at = new Date();
      const id = randomUUID();
      return enqueue('event', async () => {
        await recordEvent(deps.db, call, name, data, at, id);
        deps.onChange?.({ type: 'call.event', callId: call.id, data: { name, ...data } });
      });
    },
    onEnd(summary: { reason: string; endedAt: Date; durationMs?: number }) {
      const end = { endedAt: summary.endedAt, reason: summary.reason, durationMs: summary.durationMs };
      return enqueue('end', async () => {
        try {
          await complete(end);
        } catch (err) {
          if (!isPermanent(err) || !deps.complete) throw err;
          // What rides along with the completion (metering, the outbox announcement) was refused:
          // the call record itself must still be closed, or it stays "in progress" for ever.
          deps.logger.error(
            { err, callId: call.id },
            'call record: completion side effects refused; closing the call without them',
          );
          await completeCall(deps.db, call.id, end);
        }
      });
    },
    /** Resolves when every write so far is done (or given up). */
    flush: () => pumping ?? Promise.resolve(),
    /** Writes waiting for the database, and writes given up so far. */
    backlog: () => ({ held: queue.length, lost }),
  };
}
export type CallRecorderImpl = ReturnType<typeof createCallRecorder>;
