/**
 * The statechart's data: its context, its events and the pure functions that update the context
 * from what the caller said and what the tools answered.
 */
import { spokenService } from './service-words.js';
import { DateTime } from 'luxon';
import { clockOf, closedReason, hoursOn, localParts, minutesOf } from './calendar.js';
import {
  createServiceMatcher,
  isComboOf,
  KEPT_DAY,
  nextWeekday,
  PART_OF_DAY_WINDOWS,
  withNamePart,
  type EmergencyHit,
  type NamePart,
  type Party,
  type TimeWish,
  type YesNo,
  weekdayIn,
  withoutNegated,
} from './nlu/index.js';
import { addressInDigits } from './nlu/address.js';
import type { AppointmentInfo, Slot } from './ports.js';
import type { BusinessProfile, Priority, ServiceInfo } from './types.js';
import { variantFor } from './party-services.js';

/** What the caller came to do. */
export type Task = 'book' | 'reschedule' | 'cancel' | 'check';

/** Facts a turn may carry, several at once. */
export interface Facts {
  service?: ServiceInfo;
  /** Services matched equally well: the agent asks which one. */
  serviceChoices?: ServiceInfo[];
  /** The caller's company ("Dana from Acme Supply"). */
  company?: string;
  /** Only this part of the name was said again ("my last name is Brookes"). */
  namePart?: NamePart;
  when?: TimeWish;
  name?: string;
  phone?: string;
  email?: string;
  address?: string;
  staff?: string;
  /** Someone asked for who does not work here ("with Dr. Mehta"), as said. */
  unknownStaff?: string;
  /** The name was said as someone else's ("his name's Tyler Brooks"), or as the caller's own ("my name's Karen"). */
  nameIs?: 'theirs' | 'own';
  /** More services wanted besides `service`, in order ("a haircut and a blow dry", "the nail trim too"). */
  alsoServices?: ServiceInfo[];
  /** Whom the booking is for, when not the caller ("for my son", "get my lad a cut"). */
  forRelative?: string;
  /** The day a "the week before" was said against ("my test is on Monday the 25th"), for later turns. */
  anchorDay?: string;
  /** Others booked beside the caller ("for me and my son"). */
  party?: Party;
}

/** What the last prompt asked for; it decides how a bare answer is read. */
export type Expecting =
  | 'intent'
  | 'service'
  | 'time'
  | 'pick'
  | 'name'
  | 'phone'
  | 'address'
  | 'email'
  | 'confirm'
  | 'change'
  | 'appointment'
  | 'cancel'
  | 'message'
  | 'anything'
  | 'nothing'
  | 'code';

/** One caller turn, digested. */
export interface TurnEvent {
  type: 'TURN';
  text: string;
  facts: Facts;
  yesNo?: YesNo;
  pick?: number | 'last';
  shift?: 'later' | 'earlier';
  /** The hour was said without am/pm ("at 7"); it may be flipped to fit the opening hours. */
  hourGuessed?: boolean;
  /** The date was said as a bare weekday: among offers, that weekday's slot is meant. */
  weekday?: number;
  /** "30 minutes later": move the time read back (or the one offer) by this many minutes. */
  moveBy?: number;
  /** A staff member the caller refused ("not with Mike"). */
  avoidStaff?: string;
  /** "Whoever's free is fine": the staff member wished for before is dropped. */
  anyStaff?: boolean;
  bookIntent: boolean;
  sameNumber: boolean;
  expecting: Expecting;
  /** A request for the team said beside the booking ("…and could someone ring me with a quote for radiators?"). */
  laterMessage?: string;
}

/** Something to say before the prompt, produced by a transition. */
export type Note =
  | { kind: 'safety'; text: string }
  | { kind: 'closedDay'; date: string; reason: 'holiday' | 'closed' }
  | { kind: 'nothingThen'; wish: TimeWish }
  | { kind: 'noSlotsAtAll' }
  | { kind: 'tooFarAhead'; date: string; opens: string }
  | { kind: 'exactTaken'; time: string }
  /** A time no appointment starts at ("ten past two" where bookings start on the quarter hour). */
  | { kind: 'notExactly'; time: string }
  | { kind: 'timePassed'; time: string }
  | { kind: 'runsPastClose'; time: string; close: string; service: string; minutes: number }
  | { kind: 'outsideHours'; date: string; hours: Array<[string, string]> }
  | { kind: 'exactOpen'; slot: Slot }
  /** The staff member asked for does not do the service; `others` do. */
  | { kind: 'staffDoesNot'; staff: string; service: string; others: string[] }
  | { kind: 'staffUnknown'; said: string; staff: string[] }
  | { kind: 'slotTaken' }
  | { kind: 'booked'; appointment: AppointmentInfo; service: string }
  | { kind: 'moved'; appointment: AppointmentInfo; from: AppointmentInfo }
  | { kind: 'cancelled'; appointment: AppointmentInfo }
  | { kind: 'appointmentsTold'; list: AppointmentInfo[] }
  | { kind: 'keptAppointment' }
  | { kind: 'deferred' }
  | { kind: 'detailsAdded' }
  | { kind: 'stillAlerted' }
  | { kind: 'noAppointments'; task: Task; offerMessage?: boolean }
  | { kind: 'messageTaken'; urgent: boolean }
  | { kind: 'answer'; text: string | null }
  | { kind: 'alerted'; priority: Priority; afterHours: boolean; notified: string[] }
  | { kind: 'urgentBooking' }
  | { kind: 'transferring'; alerted?: boolean }
  | { kind: 'transferFailed' }
  | { kind: 'afterHoursMessage' }
  | { kind: 'codeSent'; phone: string }
  | { kind: 'codeWrong' }
  | { kind: 'notVerified' }
  | { kind: 'detailMismatch' }
  | { kind: 'silence' }
  | { kind: 'missed' }
  | { kind: 'failure' };

/** Answers of the tools, fed back into the statechart. */
export type ResultEvent =
  | { type: 'SLOTS'; slots: Slot[]; widened: boolean; now: { date: string; time: string } }
  | { type: 'BOOKED'; appointment: AppointmentInfo }
  | { type: 'COMMIT_FAILED'; alternatives: Slot[] }
  | { type: 'APPOINTMENTS'; list: AppointmentInfo[] }
  | { type: 'CANCELLED' }
  | { type: 'EMERGENCY_HANDLED'; outcome: 'transferred' | 'alerted' | 'book'; notified: string[]; to?: string }
  | { type: 'TRANSFERRED'; accepted: boolean; to?: string }
  | { type: 'MESSAGE_TAKEN' }
  | { type: 'LEAD_SAVED' }
  | { type: 'ANSWERED'; text: string | null }
  | { type: 'ENDED' }
  | { type: 'HELD'; start: string }
  | { type: 'CODE_SENT' }
  | { type: 'VERIFIED' }
  | { type: 'CODE_WRONG'; final: boolean }
  | { type: 'DETAIL_NEEDED' }
  | { type: 'DETAIL_MISMATCH' }
  | { type: 'TOOL_ERROR' };

/** Every event the statechart accepts. */
export type DialogEvent =
  | TurnEvent
  | { type: 'START'; task: Task | 'message'; turn: TurnEvent }
  | { type: 'EMERGENCY'; hit: EmergencyHit; turn: TurnEvent }
  | { type: 'HUMAN'; turn?: TurnEvent }
  | { type: 'QUESTION'; text: string; turn?: TurnEvent }
  | { type: 'GOODBYE' }
  /** "Never mind, I need to think about it", "I'll call you back": the booking is dropped, nothing made. */
  | { type: 'DEFER' }
  | { type: 'SILENCE' }
  | ResultEvent;

/** The statechart's context. */
export interface DialogContext {
  business: BusinessProfile;
  afterHours: boolean;
  callerPhone?: string;
  task?: Task;
  service?: ServiceInfo;
  /** Services still to book once this one is, each right after the one before ("a haircut and a blow dry"). */
  nextServices?: ServiceInfo[];
  /** Services the caller's words fit equally well, until they say which. */
  serviceChoices?: ServiceInfo[];
  /** The caller's company, when they named one. */
  company?: string;
  wish?: TimeWish;
  searchNeeded: boolean;
  offered: Slot[];
  slot?: Slot;
  /** The staff member asked for, if any. */
  staff?: string;
  /** A staff member the caller does not want: their times are never offered. */
  avoidStaff?: string;
  /** Start of the slot last held for this caller, so a hold is placed once per chosen slot. */
  heldFor?: string;
  name?: string;
  phone?: string;
  phoneFromCallerId: boolean;
  /** Who the conversation knows it talks to (see tools' CallerIdentity); a chat starts with none. */
  identity: 'caller_id' | 'verified' | 'none';
  /** The date the caller named when asking to cancel or move, before anything was read back: a detail only the customer knows. */
  claimedDate?: string;
  /** The weekday (1 = Monday) of the appointment the caller means ("my Thursday appointment", "Saturday's oil change"). */
  claimedWeekday?: number;
  /** The cancel, move or check nothing was found for under the caller ID: another number the caller names resumes it. */
  lostTask?: Task;
  /** What the caller said when asking to cancel, move or check a booking: the message, should it not be found. */
  lookupAsked?: string;
  /**
   * What happened earlier in the call, kept across turns (notes are said once and not kept in a saved call): an
   * alert went out; an urgent booking is being made instead; the appointments booked (service and start); lookups
   * that found nothing under the caller's number.
   */
  alerted?: boolean;
  urgentBooking?: boolean;
  booked?: Array<{ service: string; start: string; moved?: boolean }>;
  lookupsMissed?: number;
  /** A request for the team said with the booking, passed on once the booking is made. */
  laterMessage?: string;
  /** The message just passed on: details the caller adds right after go with it. */
  passedOn?: string;
  /**
   * What a caller who asked for a person said, the message should nobody answer; or the question the agent
   * could not answer, the message should the caller take up the offer of one.
   */
  pendingMessage?: string;
  /** The booking's name is of someone the caller books for ("his name's Tyler Brooks"): their own name is not it. */
  nameIsTheirs?: boolean;
  /** What the caller told of the emergency after the team was alerted ("he's 12, I've got the tooth here"). */
  addedDetails?: string;
  /** Someone asked for who does not work here, once told so ("we don't have a Dr. Mehta"). */
  unknownStaffTold?: string;
  /** The question last answered: "can someone give me a call with a price?" after it is a quote for what it asked. */
  answeredQuestion?: string;
  /** "Push me back an hour": minutes to move the appointment by, once it is found. */
  moveBy?: number;
  /** Digits the caller typed as their verification code. */
  code?: string;
  /** Attempts at the identity step (name or code) this task; a few, then a message is offered instead. */
  proofTries: number;
  email?: string;
  address?: string;
  appointments: AppointmentInfo[];
  target?: AppointmentInfo;
  message?: string;
  nameAsked: boolean;
  /** The service the caller last asked about ("how much to look at a washer?"), for a booking or message after it. */
  askedAbout?: ServiceInfo;
  /** The last reply said it was not sure and offered to take a message. */
  messageOffered?: boolean;
  /** The message asks for a quote or estimate: for work at the caller's place, the place is asked once. */
  wantsQuote?: boolean;
  /** The caller asked to be emailed ("email me a quote"): the address is asked once. */
  wantsEmail?: boolean;
  emailAsked?: boolean;
  /** The message task asked for a call-back number once (a chat has no caller ID). */
  phoneAsked: boolean;
  /** After an emergency alert the agent asked once where the trouble is. */
  addressAsked: boolean;
  /** The caller said they come to the business ("can I bring it in?"): the work is not at their place. */
  comingIn?: boolean;
  /** Whom the booking is for, when not the caller ("son"): the name asked is theirs. */
  forRelative?: string;
  /** The others still to book beside the caller ("son"), each once the one before is booked. */
  party?: Party;
  /** The day the caller's "the week before" was said against ("my test is on the 25th"): "the Friday before the test" later means it. */
  anchorDay?: string;
  emergency?: EmergencyHit;
  leadPriority: Priority;
  question?: string;
  transfer?: { to: string; reason: string };
  notes: Note[];
  silences: number;
  misses: number;
  answered: number;
}

/** How many services the agent lists when asking which one (a spoken list must stay short). */
export const LISTED_SERVICES = 5;

/** Industries whose work happens at the customer's address. */
export const HOME_SERVICE = new Set(['hvac', 'plumbing', 'electrical']);

/**
 * Work that by its name happens at the customer's place: a roofer, a tree service, pest control, a pool
 * service, a garage-door company, a handyman. Read from the service's and the business's
 * names when neither the service nor the industry says.
 */
const AT_THE_CUSTOMERS =
  /\b(?:roof\w*|gutters?|trees?|stumps?|arborists?|lawns?|landscap\w*|mowing|yards?|irrigation|sprinklers?|pools?|pest\w*|exterminat\w*|termites?|rodents?|wasps?|garage doors?|gates?|fenc\w*|decks?|decking|driveways?|paving|concrete|pressure wash\w*|power wash\w*|window cleaning|carpet cleaning|house cleaning|home cleaning|maids?|handyman|handymen|appliances?|heating|cooling|air conditioning|furnaces?|boilers?|plumb\w*|drains?|sewers?|septic|water heaters?|electric\w*|wiring|solar|chimneys?|insulation|siding|restoration|water damage|mou?ld|junk|(?:junk|rubbish|waste|furniture|tree|stump|snow) removals?|removalists?|movers|moving|locksmiths?|lockouts?|pet sitting|dog walking|snow|glazing|glaziers?|painters? and decorators?|house painting)\b/i;

/** Work that says it comes to the customer, whatever it is. */
const VISITS =
  /\b(?:mobile(?! (?:phones?|repairs?|care|accessories|shop|store|devices?|fix))|house calls?|home visits?|in-home|on-site|onsite|we come to you)\b/i;
/** A place customers come to: a swim school's pool or a studio's garden room is not the caller's. */
const AT_A_PLACE =
  /\b(?:schools?|lessons?|class(?:es)?|studios?|salons?|spas?|clinics?|academy|club|hall|bars?|gym|centre|center|shops?|stores?|boarding|kennels?|daycare|parlou?r|lounge)\b/i;

/** True when the service is done at the caller's place: its own flag, else its industry's habit, else its name's. */
export function onSite(business: BusinessProfile, service: ServiceInfo | undefined): boolean {
  if (service?.onSite != null) return service.onSite;
  if (HOME_SERVICE.has(business.industry ?? '')) return true;
  if (business.industry && business.industry !== 'other') return false;
  const words = `${service?.name ?? ''} ${business.name}`;
  if (VISITS.test(words)) return true;
  return !AT_A_PLACE.test(words) && AT_THE_CUSTOMERS.test(words);
}

/** A detail still to ask for once: the caller's name, a number to call back, the address of work at their place. */
export const nameMissing = (c: DialogContext) => !c.name && !c.nameAsked;
export const numberMissing = (c: DialogContext) => !c.phone && !c.phoneAsked;
export const siteMissing = (c: DialogContext) =>
  !c.address && !c.addressAsked && !c.comingIn && onSite(c.business, c.service);
/** The caller comes to the business ("can I bring it in", "I'll drop it off", "can I pop in"): no address to ask. */
const COMES_IN =
  /\b(?:i|we|i'll|we'll|i will|we will|i can|we can|can i|could i|can we|could we|may i|i could|we could) (?:bring|drop|run|pop) (?:it|him|her|them|the [a-z]+|my [a-z]+|our [a-z]+)? ?(?:in|off|by|round|over|to (?:you|your [a-z]+|the (?:shop|store|office|clinic|garage|workshop|studio)))\b|\b(?:can i|could i|i'll|i will|we'll) drop (?:it|them|the [a-z]+|my [a-z]+)\b|\b(?:i|we|i'll|we'll|can i|could i|can we|could we) (?:come|pop|stop|swing) (?:in|by|to you)\b/;

/**
 * The starting context of a call. `callerPhone` is caller ID; `contactPhone` is a number a chat
 * client gave, used to reach the person but never to look anything up.
 */
export function initialContext(
  business: BusinessProfile,
  callerPhone: string | undefined,
  afterHours: boolean,
  contactPhone?: string,
  dialled = false,
): DialogContext {
  return {
    business,
    afterHours,
    ...(callerPhone ? { callerPhone, phone: callerPhone } : contactPhone ? { phone: contactPhone } : {}),
    phoneFromCallerId: !!callerPhone,
    identity: callerPhone ? (dialled ? 'verified' : 'caller_id') : 'none',
    proofTries: 0,
    searchNeeded: false,
    offered: [],
    appointments: [],
    nameAsked: false,
    phoneAsked: false,
    addressAsked: false,
    leadPriority: 'NORMAL',
    notes: [],
    silences: 0,
    misses: 0,
    answered: 0,
  };
}

const TIME_FIELDS = ['time', 'partOfDay', 'after', 'before', 'doneBy'] as const;

/** Words that widen a day to all of it ("nothing at all on Tuesday?", "anything Tuesday", "any time Friday"). */
const WHOLE_DAY = /\b(?:at all|any ?time|anything|whenever|all day|the whole day|whatever you(?:'ve)? (?:have|got))\b/;

/**
 * Merges a new wish into the old one: a new day keeps the hour, a new hour keeps the day. A bare weekday
 * (`weekday`) said after a week or range ("in a couple of weeks" … "Wednesday evening") is that day of it;
 * weekdays ruled out hold until a single day is named.
 */
export function mergeWish(old: TimeWish | undefined, next: TimeWish, weekday?: number): TimeWish {
  const out: TimeWish = {};
  const inRange = weekday && next.date && !next.range && old?.range ? weekdayIn(old.range, weekday) : undefined;
  const day = inRange ? { date: inRange } : next.date || next.range ? next : (old ?? {});
  if (day.date) out.date = day.date;
  if (day.range) out.range = day.range;
  const notWeekdays = next.notWeekdays ?? (next.date ? undefined : old?.notWeekdays);
  // "any day except Monday" after Monday was offered: the day held before is ruled out with it
  if (notWeekdays && out.date && !next.date && notWeekdays.includes(DateTime.fromISO(out.date).weekday))
    delete out.date;
  if (notWeekdays && !out.date) out.notWeekdays = notWeekdays;
  // "first thing" is a time of day of its own: the afternoon asked for before no longer holds
  // "I mean Wednesday, later this morning" of 10 AM: a part of the day that holds the time said keeps it
  const keepsTime =
    !!old?.time &&
    !!next.partOfDay &&
    !next.time &&
    !next.after &&
    !next.before &&
    old.time >= PART_OF_DAY_WINDOWS[next.partOfDay].from &&
    old.time < PART_OF_DAY_WINDOWS[next.partOfDay].to;
  const hasTime = !keepsTime && (TIME_FIELDS.some((k) => next[k] !== undefined) || !!next.earliest || !!next.latest);
  const timeSrc = hasTime ? next : (old ?? {});
  for (const k of TIME_FIELDS) if (timeSrc[k] !== undefined) (out as Record<string, unknown>)[k] = timeSrc[k];
  if (next.earliest || (!next.date && !next.range && !hasTime && old?.earliest)) out.earliest = true;
  // "end of the day, your last one": the day's last opening, never together with the first
  if (next.latest || (!next.date && !next.range && !hasTime && old?.latest)) out.latest = true;
  if (out.latest) delete out.earliest;
  if ((!out.time || (next.sameTime && out.range)) && (next.sameTime || (!hasTime && old?.sameTime)))
    out.sameTime = true;
  // "push it back a week" before the day it counts from is known; "after your lunch break" with its 1 PM
  if (next.weeksOn && !next.date && !next.range) out.weeksOn = next.weeksOn;
  if (timeSrc.afterBreak && out.after) out.afterBreak = true;
  if (timeSrc.callerTime && out.time) out.callerTime = timeSrc.callerTime;
  return out;
}

/** A wish for "the same time" on another day, once the appointment being moved is known: its current local time. */
/**
 * "I've got a physio appointment on Tuesday at 10 and I need to move it": a wish that is the appointment's own day
 * (and its time, if one was said) and nothing more describes the appointment, not where it goes.
 */
export function describesTarget(wish: TimeWish | undefined, target: { start: string } | undefined, tz: string) {
  if (!wish?.date || !target) return false;
  const at = localParts(target.start, tz);
  const { date, time, hourGuessed: _guessed, ...rest } = wish as TimeWish & { hourGuessed?: boolean };
  return date === at.date && (!time || time === at.time) && !Object.keys(rest).length;
}

export function atTargetTime(
  wish: TimeWish | undefined,
  target: { start: string } | undefined,
  tz: string,
  moveBy?: number,
): TimeWish | undefined {
  if (!target) return wish;
  const at = localParts(target.start, tz);
  // "push it back a fortnight": the appointment's own day that many weeks on, at its time unless one is said
  if (wish?.weeksOn && !wish.date && !wish.range) {
    const { weeksOn, sameTime: _same, partOfDay: _part, ...rest } = wish;
    return { ...rest, date: weeksFrom(at.date, weeksOn), time: rest.time ?? at.time };
  }
  // "push me back an hour": the appointment's own time moved, on its day unless another is named
  if (moveBy && !wish?.time) return { date: wish?.date ?? at.date, time: addMinutes(at.time, moveBy) };
  // "my fitting tomorrow at noon, an hour later": the day and time said are the appointment's own
  if (moveBy && wish?.time === at.time && (!wish.date || wish.date === at.date))
    return { date: at.date, time: addMinutes(at.time, moveBy) };
  // "could I come earlier the same day, like twelve?", "move it to 3": a time alone keeps the appointment's day
  if (wish?.time && !wish.date && !wish.range) return { ...wish, date: at.date };
  if (!wish?.sameTime || (wish.time && !(wish.range && !wish.date && wish.time === at.time))) return wish;
  const { sameTime: _same, partOfDay: _part, ...rest } = wish;
  // "same time next week": the appointment's weekday in that week, not the week's first opening
  const date = rest.range && !rest.date ? weekdayIn(rest.range, DateTime.fromISO(at.date).weekday) : undefined;
  if (date) {
    const { range: _range, ...dated } = rest;
    return { ...dated, date, time: at.time };
  }
  return { ...rest, time: at.time };
}

/** The offered slots that start in a part of the day. */
function offersIn(offered: Slot[], part: keyof typeof PART_OF_DAY_WINDOWS, tz: string): Slot[] {
  const w = PART_OF_DAY_WINDOWS[part];
  return offered.filter((s) => {
    const t = localParts(s.start, tz).time;
    return t >= w.from && t < w.to;
  });
}

/** A local date `weeks` weeks on (back when negative). */
function weeksFrom(date: string, weeks: number): string {
  return DateTime.fromISO(date).plus({ weeks }).toISODate()!;
}

/**
 * "Straight after your lunch break" (`afterBreak`): after the day's midday break ends, where the day has
 * one (hours in two ranges); the parser's 1 PM stands elsewhere.
 */
function afterTheBreak(business: BusinessProfile, wish: TimeWish): TimeWish {
  if (!wish.afterBreak || !wish.date) return wish;
  const reopens = hoursOn(business, wish.date)
    .slice(1)
    .map(([from]) => from)
    .find((from) => from >= '11:00');
  return reopens ? { ...wish, after: reopens } : wish;
}

function addMinutes(hm: string, n: number): string {
  return clockOf(Math.max(0, Math.min(minutesOf(hm) + n, 23 * 60 + 59)));
}

/**
 * "At 7" at a salon open until 8 PM means 7 PM: an hour said without am/pm that falls outside the
 * day's opening hours is read the other way round when that reading is inside them.
 */
export function fitToHours(business: BusinessProfile, wish: TimeWish, guessed: boolean): TimeWish {
  if (!guessed || !wish.time || !wish.date) return wish;
  const hours = hoursOn(business, wish.date);
  const inside = (t: string) => hours.some(([from, to]) => t >= from && t < to);
  if (!hours.length || inside(wish.time)) return wish;
  const [h, m] = wish.time.split(':').map(Number);
  const flipped = `${String((h + 12) % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return inside(flipped) ? { ...wish, time: flipped } : wish;
}

/**
 * The offered slot the wish names by its time ("three works" after "3 PM or 4:30"), if any. A date
 * said as a bare weekday ("Tuesday at 3 then") names the offered Tuesday, whichever week it is in.
 */
export function matchOffered(offered: Slot[], wish: TimeWish, tz: string, weekday?: number): Slot | undefined {
  if (!wish.time) return undefined;
  return offered.find((s) => {
    const p = localParts(s.start, tz);
    if (p.time !== wish.time) return false;
    if (!wish.date || p.date === wish.date) return true;
    return !!weekday && DateTime.fromISO(p.date, { zone: tz }).weekday === weekday;
  });
}

/** Applies one caller turn inside a booking: facts replace earlier values, picks choose an offer. */
export function applyTurn(ctx: DialogContext, ev: TurnEvent): Partial<DialogContext> {
  const p: Partial<DialogContext> = {};
  const f = { ...ev.facts };
  if (f.party && !ctx.party && !ctx.booked?.some((b) => !b.moved) && ctx.task !== 'reschedule') {
    p.party = f.party;
    // "eye exams for me and my son" read as the children's exam: the caller's own visit is the adult one
    const svc = f.service ?? ctx.service;
    const own = svc && variantFor(ctx.business.services, svc, false);
    if (own && own !== svc) f.service = own;
  }
  const listed = ctx.serviceChoices?.length ? ctx.serviceChoices : ctx.business.services.slice(0, LISTED_SERVICES);
  // "both, please" to "driveway or patio?": the first now, the others right after it
  if (!f.service && ev.expecting === 'service' && ctx.serviceChoices?.length && BOTH.test(ev.text)) {
    f.service = ctx.serviceChoices[0];
    f.alsoServices = ctx.serviceChoices.slice(1);
  }
  // "just the 60 minutes, please" to "the 60 or the 90 minute one?": the words that tell them apart
  if (!f.service && ctx.serviceChoices && ctx.serviceChoices.length > 1)
    f.service = createServiceMatcher(ctx.business.services).pickAmong(ctx.serviceChoices, ev.text);
  // "make it a bath and tidy instead" after a full groom for a small dog: the same kind of the new service
  if (!f.service && f.serviceChoices && f.serviceChoices.length > 1 && ctx.service)
    f.service = createServiceMatcher(ctx.business.services).pickAmong(f.serviceChoices, ctx.service.name);
  // "whatever you have is fine", "you tell me" to "what would you like to book?": the first of those offered (a
  // business lists its general service first: an exam, a consultation, a service call); the read-back names it
  if (!f.service && ev.expecting === 'service' && ev.pick === undefined && ANY_OF_THEM.test(ev.text) && listed.length)
    f.service = listed[0];
  if (!f.service && ev.expecting === 'service' && ev.pick !== undefined && listed.length) {
    f.service = ev.pick === 'last' ? listed[listed.length - 1] : listed[Math.min(ev.pick, listed.length - 1)];
  }
  if (!ctx.comingIn && COMES_IN.test(ev.text.toLowerCase())) p.comingIn = true;
  // "twenty two oh five south mill" to "what's the address?" once a time is held: a house number, not 22:05
  if (ev.expecting === 'address' && ctx.slot && f.when && !f.when.date && !f.when.range && !TIME_SAID.test(ev.text))
    delete f.when;
  if (!f.service && f.serviceChoices?.length && ctx.task !== 'reschedule') p.serviceChoices = f.serviceChoices;
  if (f.service && ctx.serviceChoices) p.serviceChoices = undefined;
  // "the nail trim too", "and a blow dry": another service after this one, not instead of it
  // …but "make it a full detail instead, the inside's a mess too" replaces it
  const adds =
    ctx.task === 'book' &&
    !!ctx.service &&
    !!f.service &&
    f.service.name !== ctx.service.name &&
    ADDS.test(ev.text) &&
    !REPLACES.test(ev.text) &&
    !isComboOf(f.service, ctx.service);
  // a service already booked on this call is not booked again ("I need a haircut too" said late)
  const booked = new Set((ctx.booked ?? []).filter((b) => !b.moved).map((b) => b.service));
  const more = [...(adds ? [f.service!] : []), ...(f.alsoServices ?? [])].filter(
    (x) => x.name !== (adds ? ctx.service!.name : (f.service ?? ctx.service)?.name) && !booked.has(x.name),
  );
  if (more.length && ctx.task !== 'reschedule') {
    const queued = ctx.nextServices ?? [];
    p.nextServices = [...queued, ...more.filter((x) => !queued.some((q) => q.name === x.name))];
  }
  if (adds) delete f.service;
  if (f.service && f.service.name !== ctx.service?.name && ctx.task !== 'reschedule') {
    Object.assign(p, { service: f.service, slot: undefined, offered: [], searchNeeded: !!ctx.wish });
  }
  if (ev.avoidStaff && ev.avoidStaff !== ctx.avoidStaff) {
    Object.assign(p, { avoidStaff: ev.avoidStaff, slot: undefined, offered: [], searchNeeded: !!(ctx.wish || f.when) });
    if (ctx.staff === ev.avoidStaff) p.staff = undefined;
  }
  // "whoever's free at 2 is fine": the staff member wished for before no longer narrows the search
  if (ev.anyStaff && !f.staff && ctx.staff) {
    Object.assign(p, { staff: undefined, slot: undefined, offered: [], searchNeeded: !!(ctx.wish || f.when) });
  }
  if (f.staff && f.staff !== ctx.staff) {
    Object.assign(p, { staff: f.staff, slot: undefined, offered: [], searchNeeded: !!(ctx.wish || f.when) });
  }
  // "with Dr. Mehta", who does not work here: said so, with who does
  if (f.unknownStaff && !f.staff && ctx.unknownStaffTold !== f.unknownStaff) {
    const service = p.service ?? ctx.service;
    const who = (service ? staffFor(ctx.business, service.name) : undefined) ?? [];
    const staff = who.length ? who : (ctx.business.staff ?? []).map((s) => s.name);
    p.notes = [...(p.notes ?? ctx.notes), { kind: 'staffUnknown', said: f.unknownStaff, staff }];
    p.unknownStaffTold = f.unknownStaff;
  }
  // "balayage with Marco", who does no colour: said so, and those who do it are searched instead
  const withWhom = 'staff' in p ? p.staff : ctx.staff;
  const forWhat = p.service ?? ctx.service;
  const doers = forWhat ? staffFor(ctx.business, forWhat.name) : undefined;
  if (withWhom && forWhat && doers && !doers.includes(withWhom)) {
    Object.assign(p, { staff: undefined, slot: undefined, offered: [], searchNeeded: !!(ctx.wish || f.when) });
    p.notes = [
      ...(p.notes ?? ctx.notes),
      { kind: 'staffDoesNot', staff: withWhom, service: spokenService(forWhat.name), others: doers },
    ];
  }
  const offered = p.offered ?? ctx.offered;
  if (f.when?.minutesOnly && !f.when.time)
    Object.assign(p, minutesAt(f, offered.length ? offered : ctx.slot ? [ctx.slot] : [], ctx));
  if (f.when) {
    const tz = ctx.business.timezone;
    // "Saturday then, same time?" while moving an appointment: the time it has now
    if ((f.when.sameTime || f.when.weeksOn) && ctx.target) f.when = atTargetTime(f.when, ctx.target, tz)!;
    // "same time the week after?" while booking: the day being talked about that many weeks on, at its time
    const held = ctx.slot ?? (offered.length === 1 ? offered[0] : undefined);
    if (f.when.weeksOn && !f.when.date && !f.when.range && (held || ctx.wish?.date)) {
      const { weeksOn, sameTime: _same, ...rest } = f.when;
      const from = held ? localParts(held.start, tz) : { date: ctx.wish!.date!, time: ctx.wish?.time };
      f.when = {
        ...rest,
        date: weeksFrom(from.date, weeksOn),
        ...(rest.time || !from.time ? {} : { time: from.time }),
      };
    }
    // "then the Tuesday right after": that weekday after the day being talked about
    const talked = held ? localParts(held.start, tz).date : (ctx.wish?.date ?? offered[0]?.start.slice(0, 10));
    if (f.when.weekdayAfter && talked) {
      const from = DateTime.fromISO(talked, { zone: tz });
      const { weekdayAfter, ...rest } = f.when;
      f.when = { ...rest, date: nextWeekday(from, weekdayAfter).toISODate()! };
    }
    // "7:30 is good" at a read-back (or at offers all on one day) keeps the day being talked about
    const days = [...new Set((ctx.slot ? [ctx.slot] : offered).map((x) => localParts(x.start, tz).date))];
    // "is there nothing at all on Tuesday?": the whole day, not the morning asked for before
    const wholeDay = !!f.when.date && !TIME_FIELDS.some((k) => f.when![k]) && WHOLE_DAY.test(ev.text);
    const onDay =
      !f.when.date && !f.when.range && days.length === 1 && ctx.wish?.date !== days[0]
        ? { ...ctx.wish, date: days[0], range: undefined }
        : wholeDay
          ? {}
          : ctx.wish;
    const merged = afterTheBreak(
      ctx.business,
      fitToHours(ctx.business, mergeWish(onDay, f.when, ev.weekday), !!ev.hourGuessed),
    );
    const match = matchOffered(offered, merged, ctx.business.timezone, ev.weekday);
    if (match) merged.date = localParts(match.start, ctx.business.timezone).date;
    Object.assign(p, match ? { slot: match, wish: merged } : { wish: merged, slot: undefined, searchNeeded: true });
  }
  const inPart =
    f.when?.partOfDay && !f.when.time && offered.length
      ? offersIn(offered, f.when.partOfDay, ctx.business.timezone)
      : [];
  const base = ctx.slot ?? (offered.length === 1 ? offered[0] : undefined);
  // "the soonest you have is fine", "first thing in the morning": the earliest of the offers (in that part of the day)
  const soonest =
    ev.expecting === 'pick' && f.when?.earliest && !f.when.time && !f.when.range && !f.when.after && !f.when.before
      ? [...(f.when.partOfDay ? inPart : offered)].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0]
      : undefined;
  // "whatever's closest to six", "either side of noon is fine": the offer nearest the time said (or asked for)
  const nearest =
    ev.expecting === 'pick' && offered.length && CLOSEST.test(ev.text)
      ? nearestOffer(offered, f.when?.time ?? ctx.wish?.time, ctx.business.timezone)
      : undefined;
  if (nearest) {
    Object.assign(p, { slot: nearest, searchNeeded: false });
    delete p.wish;
  } else if (ev.moveBy && base && !f.when?.time) {
    // "30 minutes later": the same day, the time read back moved; searched like any other time
    const at = localParts(base.start, ctx.business.timezone);
    Object.assign(p, {
      wish: { date: at.date, time: addMinutes(at.time, ev.moveBy) },
      slot: undefined,
      offered: [],
      searchNeeded: true,
    });
  } else if (
    ev.expecting === 'pick' &&
    inPart.length === 1 &&
    (!f.when?.date || f.when.date === localParts(inPart[0].start, ctx.business.timezone).date)
  ) {
    // "the afternoon one": the only offer in that part of the day
    Object.assign(p, { slot: inPart[0], searchNeeded: false });
    delete p.wish;
  } else if (soonest && (!f.when?.date || f.when.date === localParts(soonest.start, ctx.business.timezone).date)) {
    Object.assign(p, { slot: soonest, searchNeeded: false });
    delete p.wish;
  } else if (ev.pick !== undefined && offered.length && !f.when?.time && !f.when?.latest) {
    // "the later one": a position among the offers; a stated time decides over a position
    p.slot = ev.pick === 'last' ? offered[offered.length - 1] : offered[Math.min(ev.pick, offered.length - 1)];
  } else if (ev.expecting === 'pick' && ev.yesNo === 'yes' && offered.length && !f.when) {
    // "sure" to two options takes the first; the read-back still follows before anything is booked
    p.slot = offered[0];
  } else if (ev.shift && (offered.length || ctx.slot) && !f.when?.time) {
    // "anything later?": after the last offer (or before the first, or the time held) on the same day
    const around = offered.length ? offered : [ctx.slot!];
    const edge = localParts(
      ev.shift === 'later' ? around[around.length - 1].start : around[0].start,
      ctx.business.timezone,
    );
    const base = mergeWish(ctx.wish, f.when ?? {});
    const wish: TimeWish = {
      ...(f.when?.date || f.when?.range ? {} : { date: edge.date }),
      ...base,
      ...(ev.shift === 'later' ? { after: addMinutes(edge.time, 1) } : { before: edge.time }),
    };
    delete wish.partOfDay;
    delete wish.earliest;
    delete wish.time;
    if (ev.shift === 'later') delete wish.before;
    else delete wish.after;
    Object.assign(p, { wish, offered: [], slot: undefined, searchNeeded: true });
  } else if (ev.expecting === 'pick' && ev.yesNo === 'no' && !f.when) {
    // none of the offers: ask for another day or time
    Object.assign(p, { offered: [], wish: undefined, slot: undefined });
  }
  Object.assign(p, personFacts(ctx, ev));
  const changed = Object.keys(p).length > 0;
  return changed ? { ...p, misses: 0 } : { misses: ctx.misses + 1, notes: [...ctx.notes, { kind: 'missed' }] };
}

/**
 * "Quarter past's fine" after "2 PM or 2:15 PM": the offer (or the time held) at that minute; with none, the time
 * at that minute nearest the one being talked about is searched. Reads `f.when` and leaves the rest of it.
 */
function minutesAt(f: Facts, pool: Slot[], ctx: DialogContext): Partial<DialogContext> {
  const { minutesOnly, ...rest } = f.when!;
  if (!minutesOnly || !pool.length) return {};
  const tz = ctx.business.timezone;
  const at = pool.find((s) => Number(localParts(s.start, tz).time.slice(3)) === minutesOnly.minute);
  f.when = Object.keys(rest).length ? rest : undefined;
  if (at) return { slot: at, searchNeeded: false };
  // the hour of the time being talked about, or the one before it for "twenty to"
  const base = localParts(pool[0].start, tz);
  const hour = Number(base.time.slice(0, 2)) - (minutesOnly.to ? 1 : 0);
  const mm = String(minutesOnly.minute).padStart(2, '0');
  f.when = { ...rest, date: rest.date ?? base.date, time: `${String(Math.max(0, hour)).padStart(2, '0')}:${mm}` };
  return {};
}

/** A turn that says a time as a time ("at 3", "3 pm", "make it 4 instead"), not a number that could be a house's. */
const TIME_SAID =
  /\b(?:at|by|around|about|till|until|after|before) \d|\d ?(?:am|pm|a\.m\.|p\.m\.)\b|\bo'clock\b|\b(?:instead|make it|actually|rather|change|switch|move|earlier|later|morning|afternoon|evening|noon|midday)\b/;

/** The caller takes the offer nearest a time: "whatever's closest to six", "either side of noon", "whichever you have". */
const CLOSEST =
  /\b(?:closest|nearest|as close as (?:possible|you can)|either side of|whichever (?:you(?:'ve)? (?:have|got)|is closer|is nearer|works|is fine))\b/i;

/** The offer nearest `time` (HH:mm, local), the first when no time is known. */
function nearestOffer(offered: Slot[], time: string | undefined, tz: string): Slot | undefined {
  if (!time) return offered[0];
  const away = (x: Slot) => Math.abs(minutesOf(localParts(x.start, tz).time) - minutesOf(time));
  return [...offered].sort((a, b) => away(a) - away(b))[0];
}

/** The names of the staff who do `service` (a member who lists no services does them all; any service does). */
export function staffWhoDo(business: BusinessProfile, service: string | undefined): string[] {
  const wanted = service?.toLowerCase();
  return (business.staff ?? [])
    .filter((x) => !x.services?.length || !wanted || x.services.some((s) => s.toLowerCase() === wanted))
    .map((x) => x.name);
}

/** The staff who do a service, when the business says who does what; undefined when anyone may. */
function staffFor(business: BusinessProfile, service: string): string[] | undefined {
  const staff = business.staff ?? [];
  return staff.some((x) => x.services?.length) ? staffWhoDo(business, service) : undefined;
}

/** The business's own service of that name, whatever its case ("haircut" of "Haircut"). */
export function serviceNamed(business: BusinessProfile, name: string): ServiceInfo | undefined {
  return business.services.find((s) => s.name.toLowerCase() === name.toLowerCase());
}

/** Words that put a service in place of the one being booked. */
const REPLACES = /\b(?:instead|rather|make (?:it|that|this|mine)|change (?:it|that)|switch (?:it|that)?)\b/;

/** What a prospect asks for: a quote, an estimate, a price for the work, someone to come and look. */
const PROSPECT =
  /\bhow much (?:do|would|will|does|did) (?:you|it|that|y'?all) (?:charge|cost|run)|\bhow much (?:to|for (?:you to )?|would it be to |is it to )(?:get|have|do|fix|replace|install|repair|paint|build|put|redo|clean|move|remove|haul|sort)\b|\b(?:call|ring|phone|text|email|bell|buzz)(?: (?:me|us))?(?: back)? with (?:a |the |some )?(?:price|quote|number|figure|estimate|cost)s?\b|\b(?:cost|charge) (?:to|for) (?:replac|install|fix|repair|paint|build|put|do|redo|re-?do)\w*|\b(?:quotes?|quotation|estimates?|ballpark|rough (?:price|number|figure|idea)|(?:a|the) price (?:for|on|to)|pricing|(?:come|coming|pop) (?:out|over|round|around|by) (?:to |and )?(?:look|quote|measure|see)|take a look|have a look)\b/;

/** A quote already given, followed up ("about the quote he did for my deck", "calling back about my quote"). */
const QUOTE_GIVEN = /\b(?:my|the|our|his|her|your|that) (?:quote|estimate|quotation)s?\b/;
/** A new price asked for (a prospect), not a call-back about one already given. */
export const asksForAQuote = (text: string) => PROSPECT.test(text) && !QUOTE_GIVEN.test(text);

/** No preference among the services: "whatever you have", "either is fine", "you tell me", "not sure". */
const ANY_OF_THEM =
  /\b(?:whatever|whichever|either(?: one)? (?:is|works|will do)|any of (?:them|those)|you (?:tell me|choose|pick|decide)|not sure|no idea|i don't know|dunno)\b/i;

/** Every one of the services just listed. */
const BOTH = /\b(?:both|all of them|all three|the lot|each of them)\b/;

/** Words that add a service to the one being booked rather than replace it. */
const ADDS = /\b(?:too|also|as well|and (?:a|an|the|some)|plus|on top|straight after|right after)\b/;

/** Name, phone, email and address from a turn, including bare answers to the question just asked. */
export function personFacts(ctx: DialogContext, ev: TurnEvent): Partial<DialogContext> {
  const f = ev.facts;
  const p: Partial<DialogContext> = {};
  if (f.forRelative && !ctx.forRelative && !ctx.name) p.forRelative = f.forRelative;
  if (f.anchorDay) p.anchorDay = f.anchorDay;
  // "My name's Karen Walsh" after "his name's Tyler Brooks": the booking stays Tyler's, Karen is who calls
  if (f.name && !(f.nameIs === 'own' && ctx.nameIsTheirs && ctx.name)) {
    p.name = withNamePart(ctx.name, f.name, f.namePart);
    if (f.nameIs === 'theirs') p.nameIsTheirs = true;
  }
  if (f.company) p.company = f.company;
  if (f.phone) Object.assign(p, { phone: f.phone, phoneFromCallerId: false });
  else if (ev.expecting === 'phone' && ev.sameNumber && ctx.callerPhone) p.phone = ctx.callerPhone;
  if (f.email) p.email = f.email;
  if (f.address) p.address = f.address;
  else if (ev.expecting === 'address') {
    // a bare answer with a house number, said in digits or words ("forty two oak" → "42 oak")
    const said = addressInDigits(ev.text.trim()).replace(/^(?:it's|its|it is|we're at|i'm at|at)\s+/i, '');
    if (/\d/.test(said) && /[a-z]{2,}/i.test(said)) p.address = said;
  }
  return p;
}

/** Chooses what to offer from the slots found: the exact time, or the nearest / earliest two. */
export function takeSlots(
  ctx: DialogContext,
  slots: Slot[],
  widened: boolean,
  now: { date: string; time: string },
): Partial<DialogContext> {
  const tz = ctx.business.timezone;
  const wish = ctx.wish ?? {};
  const notes: Note[] = [...ctx.notes];
  const p: Partial<DialogContext> = { searchNeeded: false, offered: [], slot: undefined };
  // "not with Mike": his times are not offered
  if (ctx.avoidStaff) slots = slots.filter((s) => s.staffName !== ctx.avoidStaff);
  if (!slots.length) {
    // "the 29th of February 2028" at a business that books 60 days ahead: too far out yet, said so
    const asked = wish.date ?? wish.range?.from;
    const ahead = ctx.business.maxDaysAhead;
    const opens = asked && ahead ? DateTime.fromISO(asked).minus({ days: ahead }).toISODate()! : undefined;
    notes.push(opens && opens > now.date ? { kind: 'tooFarAhead', date: asked!, opens } : { kind: 'noSlotsAtAll' });
    return { ...p, wish: undefined, notes };
  }
  if (widened) {
    const reason = wish.date ? closedReason(ctx.business, wish.date) : undefined;
    notes.push(reason && wish.date ? { kind: 'closedDay', date: wish.date, reason } : { kind: 'nothingThen', wish });
  }
  const exact = !widened ? matchOffered(slots, wish, tz) : undefined;
  if (exact) {
    notes.push({ kind: 'exactOpen', slot: exact });
    return { ...p, slot: exact, offered: [exact], notes };
  }
  if (wish.time && !widened) notes.push(whyNotExact(ctx, wish, now, slots));
  return { ...p, offered: pickOffers(slots, wish, tz), notes };
}

/** Why the exact time asked for is not offered: passed, outside opening hours, off the times bookings start at, or taken. */
function whyNotExact(ctx: DialogContext, wish: TimeWish, now: { date: string; time: string }, slots: Slot[]): Note {
  const time = wish.time!;
  if (wish.date === now.date && time <= now.time) return { kind: 'timePassed', time };
  if (wish.date) {
    const hours = hoursOn(ctx.business, wish.date);
    if (hours.length && !hours.some(([from, to]) => time >= from && time < to))
      return { kind: 'outsideHours', date: wish.date, hours };
    // open at that time, but the service would not be done before closing (or a break)
    const range = hours.find(([from, to]) => time >= from && time < to);
    const minutes = ctx.service?.durationMin;
    if (range && minutes && addMinutes(time, minutes) > range[1])
      return { kind: 'runsPastClose', time, close: range[1], service: spokenService(ctx.service!.name), minutes };
  }
  // "ten past two" where every free time starts on the quarter hour: not taken, just not a time bookings start
  const minute = time.slice(3);
  if (!slots.some((x) => localParts(x.start, ctx.business.timezone).time.slice(3) === minute))
    return { kind: 'notExactly', time };
  return { kind: 'exactTaken', time };
}

/** Up to two options: the nearest to a wished time, else the first and one clearly later. */
export function pickOffers(slots: Slot[], wish: TimeWish, tz: string): Slot[] {
  // "Friday, end of the day", "what is the latest you can do?": the last opening of the first day found
  if (wish.latest && !wish.time) {
    const day = localParts(slots[0].start, tz).date;
    return slots.filter((s) => localParts(s.start, tz).date === day).slice(-1);
  }
  if (wish.time) {
    const day = localParts(slots[0].start, tz).date;
    const target = DateTime.fromISO(`${day}T${wish.time}`, { zone: tz }).toMillis();
    const sameDay = slots.filter((s) => localParts(s.start, tz).date === day);
    return [...sameDay]
      .sort((a, b) => Math.abs(Date.parse(a.start) - target) - Math.abs(Date.parse(b.start) - target))
      .slice(0, 2)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }
  const first = slots[0];
  const later = slots.find((s) => Date.parse(s.start) - Date.parse(first.start) >= 90 * 60_000);
  return later ? [first, later] : [first];
}

/** Which of the caller's appointments a turn points at ("the haircut", "the one on Friday"). */
export function chooseAppointment(list: AppointmentInfo[], ev: TurnEvent, tz: string): AppointmentInfo | undefined {
  if (ev.pick !== undefined) return ev.pick === 'last' ? list[list.length - 1] : list[ev.pick];
  // "the Thursday one. I'm still coming Tuesday": the day said as "the … one" names it, whatever else is said
  const named =
    /\bthe (mon|tues|wednes|thurs|fri|satur|sun)day(?:'s)? (?:one|appointment|booking|session|lesson|visit)\b/.exec(
      ev.text.toLowerCase(),
    );
  if (named) {
    const hits = list.filter((a) => DateTime.fromISO(localParts(a.start, tz).date).weekday === DAY_NUMBERS[named[1]]);
    if (hits.length === 1) return hits[0];
  }
  if (ev.facts.service) {
    const hits = list.filter((a) => a.serviceName.toLowerCase() === ev.facts.service!.name.toLowerCase());
    if (hits.length === 1) return hits[0];
  }
  const date = ev.facts.when?.date;
  if (date) {
    const hits = list.filter((a) => localParts(a.start, tz).date === date);
    if (hits.length === 1) return hits[0];
    // "the filling on Friday" for one next week: the weekday said names it when only one falls on it
    const weekday = DateTime.fromISO(date).weekday;
    const onDay = list.filter((a) => DateTime.fromISO(localParts(a.start, tz).date).weekday === weekday);
    if (
      !hits.length &&
      onDay.length === 1 &&
      new RegExp(`\\b${Object.keys(DAY_NUMBERS)[weekday - 1]}`).test(ev.text.toLowerCase())
    )
      return onDay[0];
  }
  // "just Anika's", "the one for Leo": the person it is for, by first name
  const said = withoutNegated(ev.text.toLowerCase());
  const forWhom = list.filter((a) => {
    const first = a.customerName?.trim().split(/\s+/)[0]?.toLowerCase();
    return !!first && first.length > 1 && new RegExp(`\\b${first}(?:'s)?\\b`).test(said);
  });
  if (forWhom.length === 1 && new Set(list.map((a) => a.customerName)).size > 1) return forWhom[0];
  // "the one with Sarah"
  const withStaff = byStaff(list, ev.facts.staff, ev.text);
  if (withStaff.length === 1) return withStaff[0];
  if (ev.yesNo === 'yes' && list.length === 1) return list[0];
  return undefined;
}

/** The appointments with the staff member the caller named ("the one with Sarah"), by the parsed name or the words. */
function byStaff(list: AppointmentInfo[], staff: string | undefined, text: string): AppointmentInfo[] {
  const words = new Set(text.toLowerCase().split(/[^a-z'-]+/));
  return list.filter(
    (a) =>
      !!a.staffName &&
      ((!!staff && a.staffName.toLowerCase() === staff.toLowerCase()) ||
        words.has(a.staffName.toLowerCase().split(/\s+/)[0])),
  );
}

const DAY_NUMBERS: Record<string, number> = { mon: 1, tues: 2, wednes: 3, thurs: 4, fri: 5, satur: 6, sun: 7 };

/** The weekday of an appointment the caller already has, as they name it: "my Thursday appointment", "Saturday's oil change". */
export function weekdayOfBooking(said: string): number | undefined {
  // "keep my Monday appointment as it is", "I'm still coming Monday": a day kept is not the one meant
  const text = said.replace(KEPT_DAY, ' ');
  const m =
    // "move my physio on Friday the 19th to the following Friday": the day it is on, before the new one
    /\b(?:move|change|reschedule|shift|switch|push|bring)\b[^.?!]{0,30}?\bon (?:this |next )?(mon|tues|wednes|thurs|fri|satur|sun)day\b(?=[^.?!]{0,25}?\b(?:to|till|until|over to)\b)/.exec(
      text,
    ) ??
    /\b(?:my|the|our|his|her|their) (mon|tues|wednes|thurs|fri|satur|sun)day\b(?!'s)(?! (?:at|morning|afternoon|evening|night|instead)\b)(?= [a-z])/.exec(
      text,
    ) ??
    /\b(mon|tues|wednes|thurs|fri|satur|sun)day's\b/.exec(text) ??
    // "I can't make it Monday after all", "move it from Monday to Wednesday": the day booked, not the new one
    /\b(?:can't|cant|cannot|can not|won't|wont) (?:make it|come|be there|do)(?: on)? (?:this |next )?(mon|tues|wednes|thurs|fri|satur|sun)day\b|\bfrom (?:this |next )?(mon|tues|wednes|thurs|fri|satur|sun)day\b(?= (?:to|till|until|over to|and)\b)/.exec(
      text,
    );
  const day = m?.slice(1).find(Boolean);
  return day ? DAY_NUMBERS[day] : undefined;
}

/**
 * The one appointment the task's first words already point at, when the caller has several: "cancel
 * my massage", "move the one with Sarah", "my Thursday appointment". Undefined when none or several fit.
 */
export function namedAppointment(
  list: AppointmentInfo[],
  ctx: Pick<DialogContext, 'service' | 'staff' | 'claimedDate' | 'claimedWeekday' | 'business'>,
): AppointmentInfo | undefined {
  if (list.length <= 1) return list[0];
  const tz = ctx.business.timezone;
  let hits = list;
  if (ctx.service) hits = hits.filter((a) => a.serviceName.toLowerCase() === ctx.service!.name.toLowerCase());
  if (ctx.staff) hits = byStaff(hits, ctx.staff, '');
  if (ctx.claimedDate) hits = hits.filter((a) => localParts(a.start, tz).date === ctx.claimedDate);
  if (ctx.claimedWeekday)
    hits = hits.filter((a) => DateTime.fromISO(localParts(a.start, tz).date).weekday === ctx.claimedWeekday);
  return hits.length === 1 && hits.length < list.length ? hits[0] : undefined;
}
