/**
 * The post-call summary an owner reads at a glance: one or two plain sentences composed from what
 * happened on the call — its outcome, its tool calls, the lead and the appointment — with no model
 * involved. Every finished call gets one at once; a language model may later write a better one
 * (conversations/call-summaries), and this one stays whenever the model cannot.
 */
import { DateTime } from 'luxon';
import type { CallOutcome } from './outcome.js';

/** A tool call as the call's events record it. */
export interface ToolFact {
  name: string;
  ok: boolean;
  args: Record<string, unknown>;
  result: unknown;
}

/** Why the phone edge answered instead of the agent: voicemail after hours, at the plan's cap, on a stopping node, or forwarded after hours. */
export type EdgeAnswer = 'after_hours' | 'over_limit' | 'unavailable' | 'forwarded';

/** Why the edge answered a call instead of the agent; null for a call the agent (or a person it placed) took. */
export function edgeAnswerOf(call: { metadata: Record<string, unknown> }): EdgeAnswer | null {
  const e = call.metadata.edge;
  return e === 'after_hours' || e === 'over_limit' || e === 'unavailable' || e === 'forwarded' ? e : null;
}

/** Everything the composed summary is written from. */
export interface CallFacts {
  outcome: CallOutcome;
  channel: 'phone' | 'chat' | 'test';
  direction: 'inbound' | 'outbound';
  /** The organization's time zone: appointment times are said in it. */
  timezone: string;
  /** Telephony status at the end (`no-answer`, `busy`, `failed`, `interrupted`…). */
  status: string;
  callerTurns: number;
  tools: ToolFact[];
  lead?: { name: string | null; need: string | null; kind: string; priority: string } | null;
  appointment?: { customerName: string; serviceName: string | null; staffName: string | null; start: Date } | null;
  /** Set when the agent never took the call. */
  edge?: EdgeAnswer | null;
}

const EDGE_WHEN: Record<EdgeAnswer, string> = {
  after_hours: 'after hours',
  forwarded: 'after hours',
  over_limit: "when the plan's minutes were used up",
  unavailable: 'while the agent was unavailable',
};

/** A call the agent never took: where it went and whether a voicemail was left. */
function edgeHeadline(f: CallFacts, edge: EdgeAnswer, w: string): string {
  if (edge === 'forwarded') return `${w} called after hours and was forwarded to the on-call number`;
  return f.outcome === 'message'
    ? `${w} called ${EDGE_WHEN[edge]} and left a voicemail`
    : `${w} called ${EDGE_WHEN[edge]} and hung up without leaving a voicemail`;
}

/** An appointment as a tool's result describes it (book, reschedule, find). */
interface ApptInfo {
  id?: string;
  serviceName?: string;
  start?: string;
  staffName?: string;
}

const MAX_QUOTE = 90;
const clean = (s: unknown): string =>
  String(s ?? '')
    .replace(/\s+/g, ' ')
    .trim();
const quote = (s: unknown) => {
  const t = clean(s);
  return t.length > MAX_QUOTE ? `${t.slice(0, MAX_QUOTE - 1).trimEnd()}…` : t;
};
/** Ends a sentence once: a closing quote keeps the stop inside it ("…invoice." not "…invoice".). */
const sentence = (s: string) => {
  const t = s.trim();
  if (/[.!?…]"?$/.test(t)) return t;
  return t.endsWith('"') ? `${t.slice(0, -1)}."` : `${t}.`;
};

/** "a haircut", "an oil change": a service named as a thing, keeping names like "MRI scan" as they are. */
function aService(name: string | null | undefined): string {
  if (!name) return 'an appointment';
  // Title Case words are lowered ("Drain Cleaning" → "drain cleaning"); acronyms stay ("MRI scan").
  const n = name
    .split(' ')
    .map((w) => (/^[A-Z][a-z]+$/.test(w) ? w.toLowerCase() : w))
    .join(' ');
  // An acronym is read letter by letter: "an MRI", "an HVAC check", "a UV treatment".
  const vowelSound = /^[A-Z]{2,}\b/.test(n) ? /^[AEFHILMNORSX]/.test(n) : /^[aeiou]/i.test(n);
  return `${vowelSound ? 'an' : 'a'} ${n}`;
}
const theService = (name: string | null | undefined) =>
  name ? aService(name).replace(/^an? /, 'the ') : 'the appointment';

/** "Friday, Dec 4 at 3:00 PM" in the business's time zone. */
export function sayWhen(start: Date | string, timezone: string): string {
  const d = typeof start === 'string' ? DateTime.fromISO(start, { setZone: true }) : DateTime.fromJSDate(start);
  return d.setZone(timezone).toFormat("cccc, LLL d 'at' h:mm a");
}

const okTool = (f: CallFacts, name: string) => f.tools.filter((t) => t.ok && t.name === name);
const resultAppt = (t: ToolFact | undefined): ApptInfo | undefined =>
  (t?.result as { appointment?: ApptInfo } | undefined)?.appointment;

/** Tools whose `name` argument is the caller's own name. */
const NAMING_TOOLS = new Set([
  'book_appointment',
  'capture_lead',
  'take_message',
  'escalate_emergency',
  'find_appointments',
]);

/** Who the call was with, in words: their name when the call learned it. */
function who(f: CallFacts): string {
  const given = f.tools.find(
    (t) => t.ok && NAMING_TOOLS.has(t.name) && typeof t.args.name === 'string' && t.args.name.trim(),
  )?.args.name;
  const name = clean(given ?? f.lead?.name ?? f.appointment?.customerName ?? '');
  if (name) return name;
  if (f.channel === 'test') return 'The test caller';
  if (f.channel === 'chat') return 'A website visitor';
  return f.direction === 'outbound' ? 'The customer' : 'The caller';
}

/** The appointment a reschedule, cancel or confirm acted on, from the appointments the call found. */
function actedOn(f: CallFacts, toolName: string): ApptInfo | undefined {
  const t = okTool(f, toolName).at(-1);
  const fromResult = resultAppt(t);
  if (fromResult) return fromResult;
  const id = t?.args.appointmentId;
  for (const found of okTool(f, 'find_appointments')) {
    const list = found.result as { appointments?: ApptInfo[] } | ApptInfo[] | undefined;
    const items = Array.isArray(list) ? list : (list?.appointments ?? []);
    const hit = items.find((a) => a.id === id);
    if (hit) return hit;
  }
  return f.appointment
    ? {
        serviceName: f.appointment.serviceName ?? undefined,
        start: f.appointment.start.toISOString(),
        staffName: f.appointment.staffName ?? undefined,
      }
    : undefined;
}

function appointmentPhrase(a: ApptInfo | undefined, f: CallFacts, article: (n?: string | null) => string): string {
  if (!a) return article(null);
  const staff = a.staffName ? ` with ${a.staffName}` : '';
  return `${article(a.serviceName)}${staff}${a.start ? ` for ${sayWhen(a.start, f.timezone)}` : ''}`;
}

/** The questions the caller asked (answer_question), quoted. */
function questions(f: CallFacts): { asked: string[]; unanswered: number } {
  const qs = okTool(f, 'answer_question');
  const asked = [...new Set(qs.map((t) => quote(t.args.question)).filter(Boolean))];
  const unanswered = qs.filter((t) => (t.result as { confident?: boolean } | undefined)?.confident === false).length;
  return { asked, unanswered };
}

function askedSentence(subject: string, f: CallFacts): string | null {
  const { asked, unanswered } = questions(f);
  if (!asked.length) return null;
  const list = asked
    .slice(0, 2)
    .map((q) => `"${q.replace(/[.?!]+$/, '')}?"`)
    .join(' and ');
  const more = asked.length > 2 ? ` and ${asked.length - 2} more question${asked.length > 3 ? 's' : ''}` : '';
  const gap = unanswered
    ? unanswered === asked.length
      ? '; the agent could not answer'
      : '; the agent could not answer everything'
    : '';
  return `${subject} asked ${list}${more}${gap}`;
}

/** The first sentence: what the call achieved. */
function headline(f: CallFacts): string {
  const w = who(f);
  if (f.edge) return edgeHeadline(f, f.edge, w);
  switch (f.outcome) {
    case 'booked': {
      const a =
        resultAppt(okTool(f, 'book_appointment').at(-1)) ??
        (f.appointment
          ? {
              serviceName: f.appointment.serviceName ?? undefined,
              staffName: f.appointment.staffName ?? undefined,
              start: f.appointment.start.toISOString(),
            }
          : undefined);
      return `${w} booked ${appointmentPhrase(a, f, aService)}`;
    }
    case 'rescheduled': {
      const a = actedOn(f, 'reschedule');
      const to = okTool(f, 'reschedule').at(-1)?.args.start;
      return `${w} moved ${theService(a?.serviceName)}${to ? ` to ${sayWhen(String(to), f.timezone)}` : ''}`;
    }
    case 'cancelled':
      return `${w} cancelled ${appointmentPhrase(actedOn(f, 'cancel'), f, theService).replace(' for ', ' on ')}`;
    case 'confirmed':
      return `${w} confirmed ${appointmentPhrase(actedOn(f, 'confirm_appointment'), f, theService).replace(' for ', ' on ')}`;
    case 'escalated': {
      const what = quote(okTool(f, 'escalate_emergency')[0]?.args.summary ?? f.lead?.need ?? 'an emergency');
      return `Emergency: ${w} reported ${what}; the on-call team was alerted`;
    }
    case 'transferred':
      return `${w} asked for a person and was transferred`;
    case 'message': {
      const text = quote(okTool(f, 'take_message').at(-1)?.args.text ?? f.lead?.need ?? '');
      return text ? `${w} left a message: "${text.replace(/[.]$/, '')}"` : `${w} left a message`;
    }
    case 'lead': {
      const need = quote(okTool(f, 'capture_lead').at(-1)?.args.need ?? f.lead?.need ?? '');
      return `${w} ${need ? `asked about ${need.replace(/[.]$/, '')}` : 'left their details'}; a lead was recorded for follow-up`;
    }
    case 'opted_out':
      return `${w} asked not to be called again`;
    case 'voicemail':
      return f.direction === 'outbound' ? 'Reached voicemail and left a message' : `${w} reached voicemail`;
    case 'answered':
      return askedSentence(w, f) ?? `${w} talked with the agent but did not book or leave a message`;
    case 'hangup':
      return hangup(f, w);
  }
}

function hangup(f: CallFacts, w: string): string {
  if (f.direction === 'outbound' && f.callerTurns === 0) {
    const why: Record<string, string> = {
      'no-answer': 'Nobody answered',
      busy: 'The line was busy',
      failed: 'The call could not be placed',
      canceled: 'The call was cancelled before it connected',
    };
    return why[f.status] ?? 'The call ended before anyone spoke';
  }
  if (f.status === 'interrupted') return `${w}'s call was cut off by a server restart`;
  // answered with a media stream that never started: the caller heard nothing from the receptionist
  if (f.status === 'failed' && f.channel === 'phone' && f.callerTurns === 0)
    return `${w}'s call never connected to the receptionist; call them back`;
  if (f.channel === 'chat' || f.channel === 'test')
    return f.callerTurns ? `${w} left the chat without booking` : `${w} opened the chat and left without writing`;
  return f.callerTurns ? `${w} hung up before anything was booked` : `${w} hung up without saying anything`;
}

/**
 * One or two sentences for the owner: what the call achieved, then (when it achieved something
 * else first) the questions asked. Never empty.
 */
export function composeSummary(f: CallFacts): string {
  const first = sentence(headline(f));
  const extra = f.outcome === 'answered' ? null : askedSentence('They also', f);
  return extra ? `${first} ${sentence(extra)}` : first;
}
