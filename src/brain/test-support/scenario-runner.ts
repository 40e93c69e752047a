/**
 * Runs SCENARIOS.md call scenarios on the text channel straight through the brain, with in-memory
 * ports: a fast regression harness for the conversation (the full simulator plays the same files
 * against the server). Expectations checked: appointment, lead, cancelled, rescheduled, escalation,
 * transferredTo, messageTaken, agentSaid, agentNeverSaid, maxAgentTurns, outcome.
 */
import { bestOutcome } from '../../calls/index.js';
import { DateTime } from 'luxon';
import { fixedClock } from '../../lib/index.js';
import { createConversation } from '../conversation.js';
import type { BusinessProfile, CallerInput, Reply } from '../types.js';
import { createFakePorts, type FakeWorld } from './fake-ports.js';

type Line = string | { text: string; bargeIn?: boolean } | { silenceMs: number } | { dtmf: string };

/** A scenario as written in YAML (the fields this runner understands). */
export interface Scenario {
  name: string;
  channel?: 'phone' | 'text';
  now: string;
  business: Omit<BusinessProfile, 'services'> & {
    services: BusinessProfile['services'];
    appointments?: Array<{
      service: string;
      start: string;
      staff?: string;
      customerName?: string;
      customerPhone?: string;
    }>;
    notifyEmail?: string;
  };
  caller: { from?: string; says: Line[]; answers?: Record<string, string>; hangupAfterTurns?: number };
  expect?: Record<string, unknown>;
}

/** The verdict on one scenario. */
export interface ScenarioResult {
  name: string;
  passed: boolean;
  failures: string[];
  agentTurns: number;
  transcript: Array<{ role: 'agent' | 'caller'; text: string }>;
  /** Offline processing time of each caller turn, ms. */
  turnMs: number[];
  /** Of which inside tool calls (the ports; in-memory here), ms. */
  toolMs: number[];
  outcome: string;
}

/** A scenario's business block as a BusinessProfile (the simulator writes keyword `phrase`s). */
function toProfile(block: Record<string, unknown>): BusinessProfile {
  const keywords = block.emergencyKeywords as
    Array<string | { phrase?: string; term?: string; priority: string }> | undefined;
  return {
    ...(block as unknown as BusinessProfile),
    ...(keywords
      ? {
          emergencyKeywords: keywords.map((k) =>
            typeof k === 'string' ? k : { term: k.term ?? k.phrase ?? '', priority: k.priority as 'URGENT' },
          ),
        }
      : {}),
  };
}

/** Plays one scenario and checks its expectations. */
export async function runScenario(s: Scenario): Promise<ScenarioResult> {
  const tz = s.business.timezone;
  const { appointments = [], ...profile } = s.business;
  const business = toProfile(profile);
  const from = s.caller.from;
  // only a phone call can be transferred; the chat widget (text) cannot
  const { ports, world } = createFakePorts(business, {
    existing: appointments,
    transferAccepted: s.channel === 'phone',
  });
  const existingIds = new Set(world.appointments.map((a) => a.id));
  const existingStarts = new Map(world.appointments.map((a) => [a.id, a.start]));
  const now = DateTime.fromISO(s.now, { zone: tz }).toJSDate();
  const convo = createConversation({
    business,
    ...(from ? { callerPhone: from } : {}),
    now: fixedClock(now),
    deps: ports,
  });
  const replies: Reply[] = [convo.greet()];
  const transcript: ScenarioResult['transcript'] = [{ role: 'agent', text: replies[0].text }];
  const turnMs: number[] = [];
  const toolMs: number[] = [];
  const queue = [...s.caller.says];
  const limit = s.caller.hangupAfterTurns ?? 30;
  while (!replies[replies.length - 1].done && replies.length < limit + 1) {
    const last = replies[replies.length - 1].text;
    const answer = Object.entries(s.caller.answers ?? {}).find(([re]) => new RegExp(re, 'i').test(last.slice(-120)));
    const line: Line | undefined = answer ? answer[1] : queue.shift();
    if (line === undefined) break;
    if (typeof line === 'object' && 'bargeIn' in line && line.bargeIn)
      convo.interrupted(last.slice(0, Math.floor(last.length / 2)));
    const input: CallerInput | undefined =
      typeof line === 'string'
        ? { text: line }
        : 'text' in line
          ? { text: line.text }
          : 'dtmf' in line
            ? { dtmf: line.dtmf }
            : line.silenceMs >= 4000
              ? { silence: true }
              : undefined;
    if (!input) continue;
    transcript.push({ role: 'caller', text: typeof line === 'string' ? line : JSON.stringify(line) });
    const t0 = performance.now();
    const r = await convo.handle(input);
    turnMs.push(performance.now() - t0);
    toolMs.push(r.events.reduce((sum, e) => sum + (e.type === 'tool_call' ? e.ms : 0), 0));
    replies.push(r);
    transcript.push({ role: 'agent', text: r.text });
  }
  const transfer = replies.find((r) => r.transfer)?.transfer;
  const outcome = outcomeOf(world, existingIds, existingStarts, transfer, replies);
  const failures = check(s, { world, existingIds, existingStarts, tz, transfer, replies, outcome });
  return {
    name: s.name,
    passed: failures.length === 0,
    failures,
    agentTurns: replies.length,
    transcript,
    turnMs,
    toolMs,
    outcome,
  };
}

function outcomeOf(
  world: FakeWorld,
  existing: Set<string>,
  starts: Map<string, string>,
  transfer: unknown,
  replies: Reply[],
): string {
  const answered = replies.some((r) =>
    r.events.some(
      (e) => e.type === 'tool_call' && e.name === 'answer_question' && (e.result as { answer?: string | null })?.answer,
    ),
  );
  return bestOutcome(
    [
      world.appointments.some((a) => !existing.has(a.id) && a.status === 'booked') && 'booked',
      world.appointments.some((a) => existing.has(a.id) && a.status === 'booked' && a.start !== starts.get(a.id)) &&
        'rescheduled',
      world.appointments.some((a) => existing.has(a.id) && a.status === 'cancelled') && 'cancelled',
      world.escalations.length > 0 && 'escalated',
      Boolean(transfer) && 'transferred',
      world.messages.length > 0 && 'message',
      world.leads.length > 0 && 'lead',
      answered && 'answered',
    ],
    'hangup',
  );
}

const local = (iso: string, tz: string) => DateTime.fromISO(iso, { zone: tz }).toFormat("yyyy-LL-dd'T'HH:mm");

function check(
  s: Scenario,
  r: {
    world: FakeWorld;
    existingIds: Set<string>;
    existingStarts: Map<string, string>;
    tz: string;
    transfer?: { to: string };
    replies: Reply[];
    outcome: string;
  },
): string[] {
  const e = s.expect ?? {};
  const f: string[] = [];
  const said = r.replies.map((x) => x.text).join('\n');
  const created = r.world.appointments.filter((a) => !r.existingIds.has(a.id) && a.status === 'booked');
  if (e.appointment === 'none' && created.length)
    f.push(`expected no appointment, got ${created.map((a) => local(a.start, r.tz)).join(', ')}`);
  if (e.appointment && e.appointment !== 'none') {
    const want = e.appointment as {
      service?: string;
      start?: string;
      startWithin?: [string, string];
      customerName?: string;
    };
    const a = created[0];
    if (!a) f.push('expected an appointment, none was booked');
    else {
      if (want.service && a.serviceName !== want.service) f.push(`service ${a.serviceName} ≠ ${want.service}`);
      if (want.start && local(a.start, r.tz) !== want.start) f.push(`start ${local(a.start, r.tz)} ≠ ${want.start}`);
      if (
        want.startWithin &&
        (local(a.start, r.tz) < want.startWithin[0] || local(a.start, r.tz) > want.startWithin[1])
      )
        f.push(`start ${local(a.start, r.tz)} outside ${want.startWithin.join('..')}`);
      if (want.customerName && a.customer.name !== want.customerName)
        f.push(`customer ${a.customer.name} ≠ ${want.customerName}`);
    }
  }
  if (e.lead === 'none' && r.world.leads.length) f.push('expected no lead');
  if (e.lead && e.lead !== 'none') {
    const want = e.lead as Record<string, string>;
    const ok = r.world.leads.some((l) =>
      Object.entries(want).every(([k, v]) => (l as unknown as Record<string, unknown>)[k] === v),
    );
    if (!ok)
      f.push(
        `no lead matching ${JSON.stringify(want)} in ${JSON.stringify(r.world.leads.map(({ id: _id, ...l }) => l))}`,
      );
  }
  const cancelled = r.world.appointments.filter((a) => r.existingIds.has(a.id) && a.status === 'cancelled');
  if (e.cancelled === 'none' && cancelled.length) f.push('expected nothing cancelled');
  if (
    e.cancelled &&
    e.cancelled !== 'none' &&
    !cancelled.some((a) => local(a.start, r.tz) === (e.cancelled as { start: string }).start)
  )
    f.push('expected appointment not cancelled');
  const moved = r.world.appointments.filter(
    (a) => r.existingIds.has(a.id) && a.status === 'booked' && a.start !== r.existingStarts.get(a.id),
  );
  if (e.rescheduled === 'none' && moved.length) f.push('expected nothing rescheduled');
  if (e.rescheduled && e.rescheduled !== 'none') {
    const want = e.rescheduled as { from: string; to: string };
    if (!moved.some((a) => local(r.existingStarts.get(a.id)!, r.tz) === want.from && local(a.start, r.tz) === want.to))
      f.push(`expected ${want.from} moved to ${want.to}`);
  }
  if (e.escalation === 'none' && r.world.escalations.length) f.push('expected no escalation');
  if (e.escalation && e.escalation !== 'none') {
    const want = e.escalation as { priority?: string };
    if (!r.world.escalations.some((x) => !want.priority || x.priority === want.priority))
      f.push(`expected escalation ${JSON.stringify(want)}`);
  }
  if (e.transferredTo === 'none' && r.transfer) f.push(`expected no transfer, got ${r.transfer.to}`);
  if (e.transferredTo && e.transferredTo !== 'none' && r.transfer?.to !== e.transferredTo)
    f.push(`expected transfer to ${e.transferredTo}`);
  if (e.messageTaken !== undefined && r.world.messages.length > 0 !== e.messageTaken)
    f.push(`messageTaken ≠ ${e.messageTaken}`);
  for (const p of (e.agentSaid as string[] | undefined) ?? [])
    if (!said.toLowerCase().includes(p.toLowerCase())) f.push(`agent never said "${p}"`);
  for (const p of (e.agentNeverSaid as string[] | undefined) ?? [])
    if (said.toLowerCase().includes(p.toLowerCase())) f.push(`agent said "${p}"`);
  if (typeof e.maxAgentTurns === 'number' && r.replies.length > e.maxAgentTurns)
    f.push(`${r.replies.length} agent turns > ${e.maxAgentTurns}`);
  if (e.outcome) {
    const allowed = Array.isArray(e.outcome) ? e.outcome : [e.outcome];
    if (!allowed.includes(r.outcome)) f.push(`outcome ${r.outcome} not in ${allowed.join('|')}`);
  }
  return f;
}
