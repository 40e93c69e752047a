/**
 * Post-call summaries by the language model. A finished call already carries its composed summary;
 * when the server has a model, completion defers the call's announcement (the `call.completed`
 * email, SMS and webhook) to this worker instead, which asks the organization's model for one or two
 * sentences, keeps them, and announces the call in the same transaction. A model that fails is
 * retried with backoff; after the last attempt — or with no model for the organization — the
 * composed summary stays and the call is announced with it. Nothing here runs on the call's path.
 */
import { asc, eq } from 'drizzle-orm';
import { schema, type Db } from '../db/index.js';
import { backoffDelay, pollingLoop, untilQuiet, type Clock, type Logger } from '../lib/index.js';
import type { LanguageModel } from '../brain/index.js';
import {
  claimSummaries,
  finishSummary,
  retrySummary,
  type CallCompletedSink,
  type CallRow,
  type ClaimedSummary,
} from '../calls/index.js';

/** Tuning of the worker; every field has a default. */
export interface CallSummaryOptions {
  /** Idle wait between passes (default 1000 ms). */
  pollMs?: number;
  /** How long a claim holds before another worker may take the job (default 60 s, above the timeout). */
  leaseMs?: number;
  /** One model request is aborted after this long (default 20 s). */
  timeoutMs?: number;
  /** Attempts before the composed summary is kept (default 3). */
  maxAttempts?: number;
  /** First retry delay, doubling per attempt (default 2 s, capped at 1 min). */
  backoffBaseMs?: number;
  batchSize?: number;
}

/** What the worker needs. */
export interface CallSummaryDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  /** Announces the call once its summary is final (in the transaction that keeps it). */
  announce: CallCompletedSink;
  /** The model that writes this organization's summaries; null keeps the composed one. */
  modelFor: (organizationId: string) => Promise<LanguageModel | null>;
  options?: CallSummaryOptions;
}

/** Counts of one pass. */
export interface SummaryPass {
  claimed: number;
  written: number;
  composed: number;
  retried: number;
}

/** The longest summary kept from a model (two sentences fit easily). */
const MAX_CHARS = 400;

const INSTRUCTIONS = [
  'You write the note a small-business owner reads about one finished call or chat with their AI receptionist.',
  'Answer with one or two plain sentences, past tense, no greeting, no lists, no quotes around the answer.',
  'Say who (by name when known), what they wanted, and what was done: booked what, with whom and when; a message left; a question asked; an emergency.',
  'Use only the facts given. If nothing happened, say so briefly (for example: "Caller asked about prices and hung up.").',
].join(' ');

/** The model's answer as a stored summary: one line, no wrapping quotes, cut at a sentence end; '' when unusable. */
export function cleanModelSummary(raw: string): string {
  let t = raw
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^summary:\s*/i, '');
  if (/^["“].*["”]$/.test(t)) t = t.slice(1, -1).trim();
  if (t.length <= MAX_CHARS) return t;
  const cut = t.slice(0, MAX_CHARS);
  const end = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return end > 40 ? cut.slice(0, end + 1) : `${cut.slice(0, MAX_CHARS - 1).trimEnd()}…`;
}

/** The facts the model summarizes: the channel, what the record says happened, and the transcript. */
async function promptFor(db: Db, call: CallRow): Promise<string> {
  const turns = await db
    .select({ role: schema.callTurns.role, text: schema.callTurns.text })
    .from(schema.callTurns)
    .where(eq(schema.callTurns.callId, call.id))
    .orderBy(asc(schema.callTurns.seq));
  const kind =
    call.channel === 'chat'
      ? 'website chat'
      : call.channel === 'test'
        ? 'test call by the owner'
        : `${call.direction} phone call`;
  const transcript = turns.length
    ? turns.map((t) => `${t.role === 'caller' ? 'Caller' : 'Agent'}: ${t.text}`).join('\n')
    : '(nobody spoke)';
  return [
    `Channel: ${kind}`,
    `Outcome: ${call.outcome ?? 'unknown'}`,
    `What the records show: ${call.summary ?? ''}`,
    'Transcript:',
    transcript.slice(-12_000),
  ].join('\n');
}

/** Asks the model for the summary; throws when it fails or answers nothing usable. */
async function askModel(model: LanguageModel, prompt: string, signal: AbortSignal): Promise<string> {
  let text = '';
  for await (const d of model.chat(
    {
      messages: [
        { role: 'system', content: INSTRUCTIONS },
        { role: 'user', content: prompt },
      ],
      temperature: 0.2,
    },
    signal,
  )) {
    if (d.type === 'text') text += d.text;
  }
  if (signal.aborted) throw new Error('summary request timed out');
  const clean = cleanModelSummary(text);
  if (!clean) throw new Error('the model answered no summary');
  return clean;
}

/** Builds the worker: `runOnce` for one pass, `start`/`stop` for a server's lifetime. */
export function createCallSummaries(deps: CallSummaryDeps) {
  const o = deps.options ?? {};
  const opt = {
    pollMs: o.pollMs ?? 1000,
    leaseMs: o.leaseMs ?? 60_000,
    timeoutMs: o.timeoutMs ?? 20_000,
    maxAttempts: o.maxAttempts ?? 3,
    backoffBaseMs: o.backoffBaseMs ?? 2000,
    batchSize: o.batchSize ?? 10,
  };
  const log = deps.logger.child({ component: 'calls.summaries' });

  async function finish(c: ClaimedSummary, text: string | null): Promise<boolean> {
    return deps.db.transaction(async (tx) => {
      const row = await finishSummary(tx, c, text);
      if (row) await deps.announce(tx, row);
      return !!row;
    });
  }

  async function summarize(c: ClaimedSummary, r: SummaryPass): Promise<void> {
    let model: LanguageModel | null = null;
    try {
      model = await deps.modelFor(c.call.organizationId);
      if (!model) {
        if (await finish(c, null)) r.composed++;
        return;
      }
      const text = await askModel(model, await promptFor(deps.db, c.call), AbortSignal.timeout(opt.timeoutMs));
      if (await finish(c, text)) r.written++;
    } catch (err) {
      const last = c.attempt >= opt.maxAttempts;
      log.warn(
        { err, callId: c.call.id, attempt: c.attempt, model: model?.label, last },
        last ? 'summary model failed; the composed summary stays' : 'summary model failed; will retry',
      );
      if (last) {
        if (await finish(c, null)) r.composed++;
        return;
      }
      const due = new Date(deps.clock.now().getTime() + backoffDelay(c.attempt - 1, opt.backoffBaseMs, 60_000));
      if (await retrySummary(deps.db, c, due)) r.retried++;
    }
  }

  async function runOnce(): Promise<SummaryPass> {
    const r: SummaryPass = { claimed: 0, written: 0, composed: 0, retried: 0 };
    // summaries can wait: during a burst of new calls the node serves them first
    await untilQuiet();
    const batch = await claimSummaries(deps.db, deps.clock.now(), opt.leaseMs, opt.batchSize);
    r.claimed = batch.length;
    await Promise.all(batch.map((c) => summarize(c, r)));
    return r;
  }

  const loop = pollingLoop(runOnce, {
    pollMs: opt.pollMs,
    batchSize: opt.batchSize,
    onError: (err) => log.error({ err }, 'summary pass failed'),
  });
  return { runOnce, start: loop.start, stop: loop.stop };
}
export type CallSummaries = ReturnType<typeof createCallSummaries>;
