/**
 * Verdicts: each expectation of a scenario checked against the call's records. Pure: the same
 * records always give the same verdicts.
 */
import { bestOutcome } from '../calls/index.js';
import type { CallRecords } from './records.js';
import type { Expectations, WantedAppointment } from './scenario.js';

/** The outcomes a scenario may expect, most valuable first. */
export const OUTCOMES = [
  'booked',
  'rescheduled',
  'cancelled',
  'escalated',
  'transferred',
  'message',
  'lead',
  'answered',
  'hangup',
] as const;

/** One expectation's verdict. */
export interface Verdict {
  field: string;
  ok: boolean;
  detail: string;
}

const lower = (s: string) => s.toLowerCase();

/** The appointments the call booked (not among the seeded ones, still booked). */
export const newAppointments = (r: CallRecords) =>
  r.appointments.filter((a) => !r.seeded.some((s) => s.id === a.id) && a.status === 'booked');
const seededNow = (r: CallRecords) =>
  r.seeded.map((s) => ({ before: s, now: r.appointments.find((a) => a.id === s.id) }));
/** Seeded appointments the call cancelled. */
export const cancelledAppointments = (r: CallRecords) => seededNow(r).filter((x) => x.now?.status === 'cancelled');
/** Seeded appointments the call moved: [from, to] local starts. */
export const movedAppointments = (r: CallRecords) =>
  seededNow(r).filter((x) => x.now?.status === 'booked' && x.now.start !== x.before.start);
const toolOk = (r: CallRecords, name: string) => r.toolCalls.some((t) => t.name === name && t.ok);

/** The call's outcome from its records, in SCENARIOS.md's vocabulary (most valuable first). */
export function outcomeOf(r: CallRecords): (typeof OUTCOMES)[number] {
  // a question answered, or the caller's own appointment read back to them ("when is my appointment?")
  const answered = r.toolCalls.some(
    (t) =>
      t.ok &&
      ((t.name === 'answer_question' && (t.result as { answer?: unknown } | undefined)?.answer) ||
        (t.name === 'find_appointments' &&
          ((t.result as { appointments?: unknown[] } | undefined)?.appointments?.length ?? 0) > 0)),
  );
  return bestOutcome(
    [
      newAppointments(r).length > 0 && 'booked',
      movedAppointments(r).length > 0 && 'rescheduled',
      cancelledAppointments(r).length > 0 && 'cancelled',
      (r.leads.some((l) => l.kind === 'emergency') || toolOk(r, 'escalate_emergency')) && 'escalated',
      Boolean(r.transferredTo) && 'transferred',
      (r.leads.some((l) => l.kind === 'message') || toolOk(r, 'take_message')) && 'message',
      r.leads.length > 0 && 'lead',
      answered && 'answered',
    ],
    'hangup',
  ) as (typeof OUTCOMES)[number];
}

type Add = (field: string, ok: boolean, detail: string) => void;

/** Checks every written expectation; the verdicts list one entry per checked field. */
export function judge(e: Expectations, r: CallRecords): Verdict[] {
  const v: Verdict[] = [];
  const add: Add = (field, ok, detail) => v.push({ field, ok, detail });
  checkAppointment(e, r, add);
  checkLead(e, r, add);
  checkExisting(e, r, add);
  checkEscalation(e, r, add);
  checkHandOff(e, r, add);
  checkWords(e, r, add);
  if (e.outcome !== undefined) {
    const allowed = [e.outcome].flat();
    const got = outcomeOf(r);
    add(
      'outcome',
      allowed.includes(got),
      `outcome ${got}${allowed.includes(got) ? '' : ` not ${allowed.join(' | ')}`}`,
    );
  }
  return v;
}

function checkAppointment(e: Expectations, r: CallRecords, add: Add) {
  const created = newAppointments(r);
  if (e.appointment === 'none') {
    add(
      'appointment',
      created.length === 0,
      created.length
        ? `expected no appointment, booked ${created.map((a) => `${a.service} ${a.start}`).join(', ')}`
        : 'none booked',
    );
    return;
  }
  if (e.appointments) return checkSeveral(e.appointments, created, add);
  if (!e.appointment) return;
  const want = e.appointment;
  // a call that books two services ("a haircut and a color") is checked on the one the scenario names
  const a = (want.service && created.find((x) => lower(x.service) === lower(want.service!))) || created[0];
  if (!a) return add('appointment', false, 'expected an appointment, none was booked');
  const problems = mismatches(want, a);
  // the same service booked twice is a double booking; different services are the caller's several wishes
  const services = created.map((x) => lower(x.service));
  if (new Set(services).size < services.length) problems.push(`${created.length} appointments booked, expected one`);
  add('appointment', problems.length === 0, problems.join('; ') || `${a.service} ${a.start} for ${a.customerName}`);
}

type Booked = ReturnType<typeof newAppointments>[number];

/** How a booked appointment differs from the one wanted (empty: it is that one). */
function mismatches(want: WantedAppointment, a: Booked): string[] {
  const problems: string[] = [];
  if (want.service && lower(a.service) !== lower(want.service)) problems.push(`service ${a.service} ≠ ${want.service}`);
  if (want.start && a.start !== want.start) problems.push(`start ${a.start} ≠ ${want.start}`);
  if (want.startWithin && (a.start < want.startWithin[0] || a.start > want.startWithin[1]))
    problems.push(`start ${a.start} outside ${want.startWithin.join('..')}`);
  if (want.customerName && a.customerName !== want.customerName)
    problems.push(`customer ${a.customerName} ≠ ${want.customerName}`);
  if (want.staff && lower(a.staff ?? '') !== lower(want.staff))
    problems.push(`staff ${a.staff ?? 'none'} ≠ ${want.staff}`);
  if (want.address && lower(a.address ?? '') !== lower(want.address))
    problems.push(`address ${a.address ?? 'none'} ≠ ${want.address}`);
  return problems;
}

/** Several bookings wanted: each matched by its own booked appointment, and no other appointment booked. */
function checkSeveral(wanted: WantedAppointment[], created: Booked[], add: Add) {
  const left = [...created];
  wanted.forEach((want, i) => {
    const at = left.findIndex((a) => mismatches(want, a).length === 0);
    const said = [want.service, want.start ?? want.startWithin?.join('..'), want.customerName]
      .filter(Boolean)
      .join(' ');
    if (at >= 0) {
      const [a] = left.splice(at, 1);
      return add(`appointments[${i}]`, true, `${a.service} ${a.start} for ${a.customerName}`);
    }
    const closest = left.map((a) => mismatches(want, a).join('; ')).sort((x, y) => x.length - y.length)[0];
    add(`appointments[${i}]`, false, `${said}: ${closest ? `nearest booked: ${closest}` : 'not booked'}`);
  });
  if (created.length > wanted.length)
    add(
      'appointments',
      false,
      `also booked ${left.map((a) => `${a.service} ${a.start} for ${a.customerName}`).join(', ')}`,
    );
}

function checkLead(e: Expectations, r: CallRecords, add: Add) {
  // a message passed on is kept beside the leads but is no prospect: `messageTaken` checks it ("lead: none" for a
  // supplier's or a job seeker's message)
  const prospects = r.leads.filter((l) => l.kind !== 'message');
  if (e.lead === 'none')
    add(
      'lead',
      prospects.length === 0,
      prospects.length ? `expected no lead, got ${JSON.stringify(prospects)}` : 'no lead',
    );
  else if (e.lead) {
    const want = e.lead as Record<string, string | undefined>;
    const ok = r.leads.some((l) =>
      Object.entries(want).every(([k, x]) => x === undefined || (l as unknown as Record<string, unknown>)[k] === x),
    );
    add(
      'lead',
      ok,
      ok
        ? `lead ${JSON.stringify(want)}`
        : `no lead matching ${JSON.stringify(want)} in ${JSON.stringify(r.leads.map(({ need: _n, ...l }) => l))}`,
    );
  }
}

/** The appointments the scenario started with: cancelled or moved as expected, and nothing else. */
function checkExisting(e: Expectations, r: CallRecords, add: Add) {
  const cancelled = cancelledAppointments(r);
  if (e.cancelled === 'none')
    add(
      'cancelled',
      cancelled.length === 0,
      cancelled.length ? `cancelled ${cancelled.map((x) => x.before.start).join(', ')}` : 'nothing cancelled',
    );
  else if (e.cancelled) {
    const hit = cancelled.some((x) => x.before.start === (e.cancelled as { start: string }).start);
    add('cancelled', hit, `appointment at ${e.cancelled.start} ${hit ? 'cancelled' : 'not cancelled'}`);
  }
  const moved = movedAppointments(r);
  const list = moved.map((x) => `${x.before.start}→${x.now!.start}`).join(', ');
  if (e.rescheduled === 'none')
    add('rescheduled', moved.length === 0, moved.length ? `moved ${list}` : 'nothing moved');
  else if (e.rescheduled) {
    const want = e.rescheduled;
    const ok = moved.some((x) => x.before.start === want.from && x.now!.start === want.to);
    add(
      'rescheduled',
      ok,
      ok ? `${want.from} → ${want.to}` : `expected ${want.from} moved to ${want.to}; moved: ${list || 'nothing'}`,
    );
  }
}

function checkEscalation(e: Expectations, r: CallRecords, add: Add) {
  const escalations = r.toolCalls.filter((t) => t.name === 'escalate_emergency' && t.ok);
  const emergencyLeads = r.leads.filter((l) => l.kind === 'emergency');
  const happened = escalations.length > 0 || emergencyLeads.length > 0;
  if (e.escalation === 'none') return add('escalation', !happened, happened ? 'escalated' : 'no escalation');
  if (!e.escalation) return;
  const want = e.escalation;
  const problems: string[] = [];
  if (!happened) problems.push('expected an escalation, none happened');
  if (want.priority && !emergencyLeads.some((l) => l.priority === want.priority))
    problems.push(
      `no emergency lead with priority ${want.priority} (${emergencyLeads.map((l) => l.priority).join(', ') || 'none'})`,
    );
  if (want.notified) {
    const got = new Set([
      ...r.notified,
      ...escalations.flatMap((t) => (t.result as { notified?: string[] })?.notified ?? []),
    ]);
    const missing = want.notified.filter((c) => !got.has(c));
    if (missing.length)
      problems.push(`owner not notified by ${missing.join(', ')} (notified: ${[...got].join(', ') || 'none'})`);
  }
  add('escalation', problems.length === 0, problems.join('; ') || `escalated ${want.priority ?? ''}`.trim());
}

function checkHandOff(e: Expectations, r: CallRecords, add: Add) {
  if (e.transferredTo === 'none')
    add('transferredTo', !r.transferredTo, r.transferredTo ? `transferred to ${r.transferredTo}` : 'no transfer');
  else if (e.transferredTo)
    add(
      'transferredTo',
      r.transferredTo === e.transferredTo,
      `transferred to ${r.transferredTo ?? 'nobody'}${r.transferredTo === e.transferredTo ? '' : `, expected ${e.transferredTo}`}`,
    );
  if (e.messageTaken !== undefined) {
    const taken = r.leads.some((l) => l.kind === 'message') || toolOk(r, 'take_message');
    add('messageTaken', taken === e.messageTaken, `message ${taken ? 'taken' : 'not taken'}`);
  }
}

function checkWords(e: Expectations, r: CallRecords, add: Add) {
  const said = lower(
    r.transcript
      .filter((t) => t.role === 'agent')
      .map((t) => t.text)
      .join('\n'),
  );
  for (const p of e.agentSaid ?? [])
    add('agentSaid', said.includes(lower(p)), `agent ${said.includes(lower(p)) ? 'said' : 'never said'} "${p}"`);
  for (const p of e.agentNeverSaid ?? [])
    add('agentNeverSaid', !said.includes(lower(p)), `agent ${said.includes(lower(p)) ? 'said' : 'never said'} "${p}"`);
  if (e.maxAgentTurns !== undefined) {
    const n = r.transcript.filter((t) => t.role === 'agent').length;
    add('maxAgentTurns', n <= e.maxAgentTurns, `${n} agent turns${n > e.maxAgentTurns ? ` > ${e.maxAgentTurns}` : ''}`);
  }
}
