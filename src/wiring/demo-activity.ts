/**
 * The demo business's past week, made by the product itself: the simulator's scripted plumbing callers
 * (scenarios/plumbing.yaml) phone the demo business one after another, spread over the last seven
 * days, and every line goes through the real receptionist — the same conversation, booking, leads,
 * client and notification code a live call uses — so the calls, transcripts, bookings, leads and the
 * emergency on the demo's pages are what the product did. Offline and quick: the rule-based brain
 * (never a paid model), text instead of audio, and a simulated clock per call that moves on by how
 * long each line takes to say (a call's duration is its words at a speaking pace, not a wait).
 * Runs once, when the demo organization is created.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { fileURLToPath } from 'node:url';
import { createCall, recordTurn } from '../calls/index.js';
import type { LoadedBusiness, Receptionist } from '../conversations/index.js';
import { schema, type Db } from '../db/index.js';
import type { Clock, Logger } from '../lib/index.js';
import { loadScenarios, type Scenario } from '../simulator/index.js';

/** Where the simulator's plumbing callers are scripted (the demo business is a plumber). */
export const DEMO_SCENARIOS = fileURLToPath(new URL('../../scenarios/plumbing.yaml', import.meta.url));

/** Seconds a line takes to say at about 2.6 words a second, plus a breath. */
const saySec = (text: string) => 1 + text.split(/\s+/).filter(Boolean).length / 2.6;
const MAX_TURNS = 12;

/** The caller's next line: a scripted answer to what the agent just asked, else the next line (as the simulator's caller does). */
function nextLine(queue: string[], answers: Record<string, string> | undefined, lastAgent: string): string | undefined {
  const tail = lastAgent.slice(-160);
  const hit = Object.entries(answers ?? {}).find(([re]) => new RegExp(re, 'i').test(tail));
  return hit ? hit[1] : queue.shift();
}

/** The callers whose lines can be said as text (silences, key presses and barge-ins are phone-audio tests). */
function textCallers(file: string): Scenario[] {
  const said = loadScenarios([file])
    .map((l) => l.scenario)
    .filter(
      (s) =>
        s.caller.says.every((l) => typeof l === 'string' || 'text' in l) &&
        Object.values(s.caller.answers ?? {}).every((l) => typeof l === 'string'),
    );
  // one emergency in the week (a plumber's week has one burst pipe, not four)
  const urgent = (s: Scenario) =>
    typeof s.expect?.escalation === 'object' ||
    /gas|burst|flood|sewage|sparks|no heat/i.test(s.caller.says.map(lineText).join(' '));
  const emergency = said.find((s) => urgent(s) && /burst/.test(s.name)) ?? said.find(urgent);
  return said.filter((s) => !urgent(s) || s === emergency);
}

const lineText = (l: Scenario['caller']['says'][number]) => (typeof l === 'string' ? l : 'text' in l ? l.text : '');

export interface DemoActivity {
  calls: number;
  turns: number;
  ms: number;
}

/**
 * Plays the callers into the organization's number over the seven days before `clock.now()`, between
 * 8 am and 4 pm its time, oldest first. Each call ends as a caller hanging up would (completed,
 * announced, metered); leads carry the time of the call that made them.
 */
export async function seedDemoActivity(
  deps: { db: Db; receptionist: Receptionist; clock: Clock; logger: Logger },
  organizationId: string,
  file = DEMO_SCENARIOS,
): Promise<DemoActivity> {
  const started = performance.now();
  const { db, receptionist, clock } = deps;
  const callers = textCallers(file);
  const [number] = await db
    .select({ e164: schema.phoneNumbers.e164 })
    .from(schema.phoneNumbers)
    .where(eq(schema.phoneNumbers.organizationId, organizationId));
  const { org } = await receptionist.load(organizationId);
  const today = DateTime.fromJSDate(clock.now()).setZone(org.timezone).startOf('day');
  let turns = 0;
  for (const [i, s] of callers.entries()) {
    // oldest first: seven days ago to yesterday, a different hour each call
    const day = today.minus({ days: 7 - Math.floor((i * 7) / callers.length) });
    let at = day.set({ hour: 8 + ((i * 5) % 8), minute: (i * 23) % 60 }).toJSDate();
    // the scenarios' Portland numbers, as local callers of the demo business
    const from = s.caller.from ? `+1312555${s.caller.from.slice(-4)}` : null;
    const business = await receptionist.load(organizationId, from);
    const at_ = (t: Date): LoadedBusiness => ({
      ...business,
      testClock: { at: t.toISOString(), setAt: clock.now().toISOString() },
    });
    const call = await createCall(db, {
      organizationId,
      channel: 'phone',
      from,
      to: number?.e164 ?? null,
      startedAt: at,
      engine: 'text',
      metadata: { demo: true, scenario: s.name },
    });
    const target = { organizationId, callId: call.id, callerPhone: from, channel: 'phone' as const };
    let run = receptionist.start(target, at_(at), { languageModel: null });
    await receptionist.callStarted({ organizationId, callId: call.id, channel: 'phone', from, startedAt: at });
    const greeting = run.conversation.greet();
    await recordTurn(db, { id: call.id, organizationId }, { callerText: '', agentText: greeting.text, at });
    at = new Date(at.getTime() + saySec(greeting.text) * 1000);
    let last = greeting.text;
    let snapshot = run.snapshot!();
    const queue = s.caller.says.map(lineText);
    for (let n = 0; n < Math.min(MAX_TURNS, s.caller.hangupAfterTurns ?? MAX_TURNS); n++) {
      const line = nextLine(queue, s.caller.answers as Record<string, string> | undefined, last);
      if (line === undefined) break;
      at = new Date(at.getTime() + saySec(line) * 1000);
      run = receptionist.start(target, at_(at), { languageModel: null, resume: snapshot });
      const t0 = performance.now();
      const reply = await run.conversation.handle({ text: line }, { onEvent: run.onEvent });
      const llmMs = Math.round(performance.now() - t0);
      await recordTurn(db, { id: call.id, organizationId }, { callerText: line, agentText: reply.text, llmMs, at });
      turns++;
      at = new Date(at.getTime() + saySec(reply.text) * 1000);
      last = reply.text;
      snapshot = run.snapshot!();
      if (reply.done || reply.transfer) break;
    }
    await receptionist.complete({ organizationId, callId: call.id }, { endedAt: at, reason: 'caller hung up' });
  }
  // a lead is written when the caller gives their details: it carries the time of its call
  await db
    .update(schema.leads)
    .set({
      createdAt: sql`(select ${schema.calls.startedAt} from ${schema.calls} where ${schema.calls.id} = ${schema.leads.callId})`,
    })
    .where(and(eq(schema.leads.organizationId, organizationId), isNotNull(schema.leads.callId)));
  const result = { calls: callers.length, turns, ms: Math.round(performance.now() - started) };
  deps.logger.info(result, 'demo business: a week of calls played through the receptionist');
  return result;
}
