/**
 * Scores the corpus: each turn is read by the product's offline NLU and turned into the statechart's
 * event exactly as a live call does (`toEvent`, `fitToHours`, `applyTurn`); each dialog is played
 * through the real `Conversation` over in-memory ports.
 */
import { DateTime } from 'luxon';
import { toEvent } from '../../../src/brain/turn-event.js';
import { createConversation } from '../../../src/brain/conversation.js';
import {
  applyTurn,
  fitToHours,
  initialContext,
  mergeWish,
  type DialogContext,
  type TurnEvent,
} from '../../../src/brain/dialog.js';
import { createNlu, type Nlu } from '../../../src/brain/nlu/index.js';
import { createFakePorts } from '../../../src/brain/test-support/fake-ports.js';
import { fixedClock } from '../../../src/lib/index.js';
import type { DialogCase, Label, Slots, TurnCase } from './types.js';

/** What the product made of one turn. */
export interface TurnResult {
  intent: Label;
  slots: Slots;
}

const nlus = new Map<string, Nlu>();
const nluFor = (c: { business: { key: string; profile: Parameters<typeof createNlu>[0] } }) => {
  let n = nlus.get(c.business.key);
  if (!n) nlus.set(c.business.key, (n = createNlu(c.business.profile)));
  return n;
};

/** Reads one turn as a live call would in the same place of the dialog. */
export function readTurn(c: TurnCase): TurnResult {
  const b = c.business.profile;
  const tz = b.timezone;
  const now = DateTime.fromISO(c.now, { zone: tz });
  const nlu = nluFor(c);
  const u = nlu.understand(c.text, now.toJSDate(), c.lang);
  const ctx: DialogContext = { ...initialContext(b, `+1${c.business.area}5550199`, false) };
  if (c.ctx?.task) ctx.task = c.ctx.task;
  if (c.ctx?.service) ctx.service = b.services.find((s) => s.name === c.ctx!.service);
  if (c.ctx?.offered && c.ctx.offeredDate) {
    const dur = ctx.service?.durationMin ?? 60;
    ctx.offered = c.ctx.offered.map((t) => {
      const start = DateTime.fromISO(`${c.ctx!.offeredDate}T${t}`, { zone: tz });
      return { start: start.toISO()!, end: start.plus({ minutes: dur }).toISO()! };
    });
    ctx.wish = { date: c.ctx.offeredDate };
  }
  const ev = toEvent(u, c.text, c.expecting, ctx, (s) => nlu.bareName(s, c.lang));
  const turn: TurnEvent | undefined =
    ev.type === 'TURN' ? ev : ev.type === 'START' || ev.type === 'EMERGENCY' ? ev.turn : undefined;
  const slots: Slots = {};
  if (turn) {
    const f = turn.facts;
    if (f.service) slots.service = f.service.name;
    if (f.when) {
      if (f.when.date) slots.date = f.when.date;
      const fitted = fitToHours(
        b,
        mergeWish(f.when.date ? undefined : { date: c.ctx?.offeredDate ?? now.plus({ days: 1 }).toISODate()! }, f.when),
        !!turn.hourGuessed,
      );
      if (fitted.time) slots.time = fitted.time;
    }
    if (f.name) slots.name = f.name;
    if (f.phone) slots.phone = f.phone;
    if (f.email) slots.email = f.email;
    if (f.staff) slots.staff = f.staff;
    if (f.address) slots.address = f.address;
    if (ctx.offered.length) {
      const p = applyTurn(ctx, turn);
      if (p.slot) {
        slots.choice = DateTime.fromISO(p.slot.start, { zone: tz }).toFormat('HH:mm');
        // "Friday at 1 then": the weekday names the offered Friday, which is what the dialog keeps
        if (slots.date) slots.date = DateTime.fromISO(p.slot.start, { zone: tz }).toISODate()!;
      }
    }
  }
  return { intent: labelOf(ev, c.expecting), slots };
}

function labelOf(ev: ReturnType<typeof toEvent>, expecting: TurnCase['expecting']): Label {
  switch (ev.type) {
    case 'START':
      return ev.task;
    case 'EMERGENCY':
      return 'emergency';
    case 'HUMAN':
      return 'human';
    case 'QUESTION':
      return 'question';
    case 'GOODBYE':
      return 'goodbye';
    case 'TURN': {
      if (expecting === 'cancel') return ev.yesNo === 'yes' ? 'affirm' : ev.yesNo === 'no' ? 'deny' : 'unknown';
      const f = ev.facts;
      const facts =
        !!(f.service || f.when || f.name || f.phone || f.email || f.staff || f.address) ||
        ev.pick !== undefined ||
        !!ev.shift;
      if ((expecting === 'intent' || expecting === 'anything') && (f.service || f.when || f.staff || ev.bookIntent))
        return 'book';
      if (facts) return 'inform';
      if (ev.yesNo === 'yes') return 'affirm';
      if (ev.yesNo === 'no') return 'deny';
      return 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** Names compare as a listener hears them: case, apostrophes and hyphens do not matter. */
export function sameSlot(key: keyof Slots, a: string | undefined, b: string | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  const fold = (s: string) =>
    s
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z ]/g, '');
  if (key === 'name' || key === 'service' || key === 'staff') return fold(a) === fold(b);
  return false;
}

/** The outcome of one scripted call. */
export interface DialogResult {
  booked?: { service: string; date: string; time: string };
  /** The read-back the caller said yes to. */
  readback?: string;
  expect: { service: string; date: string; time?: string };
  /** Booked something other than the caller's last stated choice. */
  wrong: boolean;
  completed: boolean;
  /** The same question asked more than twice in a row of the call. */
  repeated: boolean;
  transcript: string[];
}

const DAY_RE =
  /(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (January|February|March|April|May|June|July|August|September|October|November|December) (\d{1,2})/g;
const TIME_RE = /\b(\d{1,2})(?::(\d{2}))? (AM|PM)\b|\bnoon\b/g;

/** The slots an offer names, read from what the agent said ("On Wednesday, March 18 I have 9:45 AM or 10 AM"). */
export function offersIn(text: string, today: DateTime): Array<{ date: string; time: string }> {
  const out: Array<{ date: string; time: string }> = [];
  let date = '';
  const tokens = [...text.matchAll(new RegExp(`${DAY_RE.source}|${TIME_RE.source}`, 'g'))];
  for (const m of tokens) {
    if (m[1]) {
      let d = DateTime.fromFormat(`${m[2]} ${m[3]} ${today.year}`, 'LLLL d yyyy', { zone: today.zone });
      if (d < today.startOf('day')) d = d.plus({ years: 1 });
      date = d.toISODate()!;
    } else if (date) {
      const time =
        m[0] === 'noon'
          ? '12:00'
          : `${String((Number(m[4]) % 12) + (m[6] === 'PM' ? 12 : 0)).padStart(2, '0')}:${m[5] ?? '00'}`;
      out.push({ date, time });
    }
  }
  return out;
}

/** Plays one scripted call through the real Conversation. */
export async function runDialog(c: DialogCase): Promise<DialogResult> {
  const b = c.business.profile;
  const tz = b.timezone;
  const now = DateTime.fromISO(c.now, { zone: tz });
  const { ports, world } = createFakePorts(b, {
    existing: c.existing ?? [],
    now: now.toJSDate(),
    ...(c.minNoticeMin ? { minNoticeMin: c.minNoticeMin } : {}),
  });
  const convo = createConversation({
    business: b,
    ...(c.callerPhone ? { callerPhone: c.callerPhone } : {}),
    now: fixedClock(now.toJSDate()),
    deps: ports,
  });
  const transcript: string[] = [];
  let last = convo.greet().text;
  transcript.push(`agent: ${last}`);
  const expect = { ...c.expect };
  const queues = Object.fromEntries(Object.entries(c.answers).map(([k, v]) => [k, [...(v ?? [])]])) as Record<
    string,
    string[]
  >;
  const take = (k: string): string | undefined => {
    const q = queues[k];
    if (!q?.length) return undefined;
    return q.length > 1 ? q.shift() : q[0];
  };
  const readback = [...(c.atReadback ?? [])];
  let opened = false;
  let confirmed: string | undefined;
  const asked = new Map<string, number>();
  let repeated = false;
  for (let turn = 0; turn < 16 && !convo.done; turn++) {
    const state = convo.state;
    let say: string | undefined;
    if (state === 'intake' && !opened) {
      say = c.opening;
      opened = true;
    } else if (state === 'booking.collect') say = /would you like to book/i.test(last) ? take('service') : take('time');
    else if (state === 'booking.offer') {
      const offers = offersIn(last, now);
      if (c.onOffer && offers.length) {
        const o = c.onOffer(offers);
        say = o.text;
        if (o.means) Object.assign(expect, o.means);
      } else say = 'the first one';
      if (!c.onOffer && offers[0]) Object.assign(expect, offers[0]);
    } else if (state === 'booking.details') {
      say = /name/i.test(last) ? take('name') : /address/i.test(last) ? take('address') : take('phone');
    } else if (state === 'booking.confirm' || state === 'booking.change') {
      say = readback.shift() ?? 'yes';
      if (say === 'yes' || !readback.length) confirmed = last;
    } else if (state === 'anythingElse') say = 'no thanks, bye';
    if (!say) break;
    // the same question asked in three agent turns in a row (a read-back of a changed booking is a new question)
    const question =
      /\?$/.test(last) && !/Shall I book it\?$/.test(last) ? (last.split(/(?<=[.!?])\s+/).pop() ?? '') : '';
    // …not counting the time the caller asked to hear it again ("sorry?" → "Sure. <the question>")
    const n = question && asked.has(question) ? asked.get(question)! + (/^Sure\. /.test(last) ? 0 : 1) : 1;
    asked.clear();
    if (question) asked.set(question, n);
    if (question && n > 2) repeated = true;
    transcript.push(`caller: ${say}`);
    const r = await convo.handle({ text: say });
    last = r.text;
    transcript.push(`agent: ${last}`);
  }
  const appt = world.appointments.find(
    (a) =>
      a.status === 'booked' &&
      !(c.existing ?? []).some((e) => DateTime.fromISO(e.start, { zone: tz }).toMillis() === Date.parse(a.start)),
  );
  const booked = appt
    ? {
        service: appt.serviceName,
        date: DateTime.fromISO(appt.start, { zone: tz }).toISODate()!,
        time: DateTime.fromISO(appt.start, { zone: tz }).toFormat('HH:mm'),
      }
    : undefined;
  const wrong =
    !!booked &&
    (booked.service !== expect.service ||
      booked.date !== expect.date ||
      (!!expect.time && booked.time !== expect.time));
  return {
    ...(booked ? { booked } : {}),
    ...(confirmed ? { readback: confirmed } : {}),
    expect,
    wrong,
    completed: !!booked,
    repeated,
    transcript,
  };
}
