import type { Db } from '../db/index.js';
import type { Logger } from '../lib/index.js';
import { completeCall, recordEvent, recordTurn, type CallRow, type TurnInput } from './records.js';

/** A change worth telling the dashboard about. */
export type CallChange = { type: 'call.turn' | 'call.event'; callId: string; data: Record<string, unknown> };

/**
 * Writes a live call to the database as it happens, in order: each turn and event is persisted
 * when it completes, so a crash loses at most what is in flight. Never throws into the call: a
 * failed write is logged and the call goes on. Structurally matches voice/'s CallRecorder port.
 */
export function createCallRecorder(deps: {
  db: Db; logger: Logger; onChange?: (c: CallChange) => void;
  /** How the call is closed at the end (announced, taken off the active list…); completeCall by default. */
  complete?: (end: { endedAt: Date; reason: string }) => Promise<CallRow | null>;
}, call: { id: string; organizationId: string }) {
  let chain: Promise<unknown> = Promise.resolve();
  const enqueue = (what: string, fn: () => Promise<unknown>) => {
    chain = chain.then(fn).catch((err) => deps.logger.error({ err, callId: call.id }, `call record: ${what} failed`));
    return chain as Promise<void>;
  };
  const complete = deps.complete ?? ((end) => completeCall(deps.db, call.id, end));
  return {
    onStart(_info: { callId: string; orgId: string; engine: string; startedAt: Date }) { return Promise.resolve(); },
    onTurn(t: TurnInput & { index?: number }) {
      return enqueue('turn', async () => {
        await recordTurn(deps.db, call, t);
        deps.onChange?.({ type: 'call.turn', callId: call.id, data: { callerText: t.callerText, agentText: t.agentText, e2eMs: t.e2eMs ?? null } });
      });
    },
    onEvent(name: string, data: Record<string, unknown> = {}) {
      return enqueue('event', async () => {
        await recordEvent(deps.db, call, name, data);
        deps.onChange?.({ type: 'call.event', callId: call.id, data: { name, ...data } });
      });
    },
    onEnd(summary: { reason: string; endedAt: Date }) {
      return enqueue('end', async () => { await complete({ endedAt: summary.endedAt, reason: summary.reason }); });
    },
    /** Resolves when every write so far is done. */
    flush: () => chain.then(() => undefined),
  };
}
export type CallRecorderImpl = ReturnType<typeof createCallRecorder>;
