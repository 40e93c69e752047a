/**
 * The conversation statechart (XState v5). It holds the flow and guards what may happen; it never
 * performs I/O. States tagged `run:<effect>` ask the driver to call a tool and send back the result
 * event, so "no booking without a confirmed slot" is a property of the chart: `booking.commit` is
 * reachable only from `booking.confirm` on a plain yes.
 */
import { assign, setup } from 'xstate';
import { DateTime } from 'luxon';
import { createServiceMatcher, firstPartOf, withNamePart } from './nlu/index.js';
import {
  applyTurn,
  asksForAQuote,
  atTargetTime,
  chooseAppointment,
  describesTarget,
  mergeWish,
  nameMissing,
  namedAppointment,
  numberMissing,
  personFacts,
  serviceNamed,
  siteMissing,
  weekdayOfBooking,
  onSite,
  takeSlots,
  type DialogContext,
  type DialogEvent,
  type Expecting,
  type Note,
  type Task,
  type TurnEvent,
} from './dialog.js';
import { isLineCheck } from './settings-answers.js';
import { isChildRelative, servesParty, variantFor } from './party-services.js';

/** Effects a state may ask for. */
export type Effect =
  | 'search'
  | 'hold'
  | 'commit'
  | 'lookup'
  | 'cancel'
  | 'emergency'
  | 'transfer'
  | 'message'
  | 'lead'
  | 'answer'
  | 'end'
  | 'sendCode'
  | 'checkCode';

const note = (ctx: DialogContext, n: Note): Note[] => [...ctx.notes, n];
/** A message asking what the work would cost, or for someone to come and look at it. */
const QUOTE =
  /\b(?:quote|estimate|price|pricing|prices|ballpark|how much|cost|give (?:me|us) (?:a |an )?(?:number|figure)|come (?:out|over|round|around|by)|(?:take|have) a look|look at (?:it|them|the))\b/;
/**
 * "He's 12. I've got the tooth here, it's his adult tooth" once the team was alerted: more about the emergency, said
 * as a statement (no request, no yes or no) at "anything else?".
 */
function toldOfEmergency(context: DialogContext, event: TurnEvent): boolean {
  return (
    !!context.alerted &&
    !!context.emergency &&
    event.expecting === 'anything' &&
    !event.yesNo &&
    !event.facts.when &&
    !event.facts.service &&
    !event.text.includes('?') &&
    event.text.trim().split(/\s+/).length >= 4
  );
}

/** "this is Tasha" whose appointment is under Tasha Green: the name on file, for what is booked next. */
function fullerName(said: string | undefined, target: { customerName?: string } | undefined): { name?: string } {
  const onFile = target?.customerName?.trim();
  return said && onFile && firstPartOf(said, onFile) ? { name: onFile } : {};
}

/** "email me a quote", "send it by email", "a quote emailed to me". */
const EMAIL_ME = /\be-?mail (?:me|us|it)\b|\be-?mailed\b|\bby e-?mail\b|\bsend (?:me|us|it) (?:an? )?e-?mail\b/;
/** What a message asks for besides a call-back: a quote (the site address then matters), an email. */
function wishesOf(text: string, before?: DialogContext): Pick<DialogContext, 'wantsQuote' | 'wantsEmail'> {
  const t = text.toLowerCase();
  return { wantsQuote: !!before?.wantsQuote || QUOTE.test(t), wantsEmail: !!before?.wantsEmail || EMAIL_ME.test(t) };
}

/** The "asked once" mark an answer to each detail question sets. */
const ASKED: Partial<Record<Expecting, Partial<DialogContext>>> = {
  name: { nameAsked: true },
  phone: { phoneAsked: true },
  address: { addressAsked: true },
  email: { emailAsked: true },
};

/** Tasks about a booking the caller already has, where a date they say picks it out ("cancel my Thursday one"). */
/** Long enough to be a message of its own ("I was charged twice for my tax return…"), not a request for one. */
const isMessage = (text: string) => text.split(/\s+/).length >= 8;
/** "Okay", "sure", "yes please": agreement, not what to pass along. */
const ACK_ONLY =
  /^(?:ok(?:ay)?|sure|yes|yeah|yep|right|alright|all right|fine|okay then|sure thing|please|yes please|go ahead|uh huh|mm+ ?hm+)[.!,]*$/i;
const namesBooking = (task: Task | 'message' | undefined) => task === 'cancel' || task === 'check';
const turnOf = (e: DialogEvent): TurnEvent | undefined =>
  e.type === 'TURN' ? e : e.type === 'START' || e.type === 'EMERGENCY' ? e.turn : undefined;
/** The turn carries something that changes the booking (a "yes, but 30 minutes later" is no plain yes). */
const changes = (t: TurnEvent) =>
  !!(
    t.facts.when ||
    t.facts.service ||
    t.facts.serviceChoices ||
    t.facts.phone ||
    t.facts.name ||
    t.facts.staff ||
    t.moveBy ||
    t.shift
  );
const hasBookingFacts = (t: TurnEvent) =>
  !!(t.facts.service || t.facts.serviceChoices || t.facts.when || t.facts.staff) || t.bookIntent;

/** Clears what belonged to the previous task, keeping who the caller is. */
function freshTask(ctx: DialogContext, task: Task): Partial<DialogContext> {
  return {
    task,
    service: undefined,
    serviceChoices: undefined,
    wish: undefined,
    slot: undefined,
    offered: [],
    staff: undefined,
    avoidStaff: undefined,
    searchNeeded: false,
    target: undefined,
    misses: 0,
    proofTries: 0,
    code: undefined,
    claimedDate: undefined,
    claimedWeekday: undefined,
    moveBy: undefined,
    lostTask: undefined,
  };
}

/** The digits of a typed verification code ("123 456" → "123456"), when the turn is one. */
export function codeOf(text: string): string | undefined {
  const digits = text.replace(/[\s-]/g, '').match(/^\D*(\d{4,8})\D*$/);
  return digits?.[1];
}

/** Most attempts at proving identity (a name, a code) before the agent offers a message instead. */
const MAX_PROOF_TRIES = 3;

/** The statechart; `input` is the starting context. */
export const conversationMachine = setup({
  types: { context: {} as DialogContext, events: {} as DialogEvent, input: {} as DialogContext },
  guards: {
    noService: ({ context }) => !context.service,
    moreToBook: ({ context, event }) =>
      event.type === 'BOOKED' &&
      context.task === 'book' &&
      (!!context.nextServices?.length ||
        // "my husband and I… a couples massage": one booking is the party's
        (!!context.party?.others.length &&
          !servesParty(context.business.services.find((s) => s.name === event.appointment.serviceName)))),
    needsSearch: ({ context }) => !!context.wish && context.searchNeeded,
    noSlotNoOffer: ({ context }) => !context.slot && !context.offered.length,
    offersNoSlot: ({ context }) => !context.slot && context.offered.length > 0,
    needsHold: ({ context }) => !!context.slot && context.heldFor !== context.slot.start,
    missingDetails: ({ context }) =>
      context.task === 'book' &&
      (!context.name || !context.phone || (onSite(context.business, context.service) && !context.address)),
    plainYes: ({ event }) => event.type === 'TURN' && event.yesNo === 'yes' && !changes(event),
    plainNo: ({ event }) => event.type === 'TURN' && event.yesNo === 'no' && !changes(event),
    bookingTurn: ({ event }) => event.type === 'TURN' && hasBookingFacts(event),
    personTurn: ({ event }) =>
      event.type === 'TURN' && !!(event.facts.name || event.facts.phone || event.facts.email || event.facts.address),
    saysNo: ({ event }) => event.type === 'TURN' && event.yesNo === 'no',
    saysYes: ({ event }) => event.type === 'TURN' && event.yesNo === 'yes',
    voicemailOnly: ({ context }) => context.afterHours && context.business.afterHours === 'voicemail',
    startsMessage: ({ event }) => event.type === 'START' && event.task === 'message',
    startsBooking: ({ event }) => event.type === 'START' && event.task === 'book',
    tooQuiet: ({ context }) => context.silences >= 2,
    // a graver trouble than the one being booked urgently, with no alert sent yet, is heard as new
    emergencyNew: ({ context, event }) =>
      !context.emergency ||
      (event.type === 'EMERGENCY' &&
        event.hit.priority === 'URGENT' &&
        context.emergency.priority !== 'URGENT' &&
        !context.alerted),
    noAppointments: ({ event }) => event.type === 'APPOINTMENTS' && event.list.length === 0,
    isCancel: ({ context }) => context.task === 'cancel',
    isCheck: ({ context }) => context.task === 'check',
    hasTarget: ({ context }) => !!context.target,
    needsMessage: ({ context }) => !context.message,
    hasMessage: ({ context }) => !!context.message,
    needsName: ({ context }) => nameMissing(context),
    needsCallbackNumber: ({ context }) => numberMissing(context),
    needsSiteAddress: ({ context }) => siteMissing(context),
    needsEmail: ({ context }) => !!context.wantsEmail && !context.email && !context.emailAsked,
    // a quote for work at the caller's place (the service's, or the business's when none was named) needs the place
    serviceNeedsAddress: ({ context }) => !!context.wantsQuote && siteMissing(context),
    // an alert went out but nobody took the call: who to call back, and where, for the on-call person
    emergencyDetailsMissing: ({ context, event }) =>
      event.type === 'EMERGENCY_HANDLED' &&
      event.outcome === 'alerted' &&
      (nameMissing(context) || numberMissing(context) || siteMissing(context)),
    transferred: ({ event }) => event.type === 'EMERGENCY_HANDLED' && event.outcome === 'transferred',
    urgentBooking: ({ event }) => event.type === 'EMERGENCY_HANDLED' && event.outcome === 'book',
    accepted: ({ event }) => event.type === 'TRANSFERRED' && event.accepted,
    unproven: ({ context }) => context.identity === 'none',
    noPhone: ({ context }) => !context.phone,
    tooManyTries: ({ context }) => context.proofTries >= MAX_PROOF_TRIES,
    phoneTurn: ({ event }) => event.type === 'TURN' && !!event.facts.phone,
    // "yeah it's 14 the Kingsway, Cronulla" just after a message or an emergency was passed on: it belongs with it
    lateDetailTurn: ({ context, event }) =>
      event.type === 'TURN' &&
      !!(context.passedOn || context.emergency) &&
      !event.bookIntent &&
      (toldOfEmergency(context, event) ||
        !!(
          event.facts.address ||
          event.facts.email ||
          (event.facts.phone && event.facts.phone !== context.phone) ||
          // "it's Katherine with a K": the name on the message corrected
          (event.facts.name && withNamePart(context.name, event.facts.name, event.facts.namePart) !== context.name)
        )),
    // "the number on the booking is 830 555 0177" after nothing was found under the caller ID
    otherNumberTurn: ({ context, event }) =>
      event.type === 'TURN' && !!context.lostTask && !!event.facts.phone && event.facts.phone !== context.callerPhone,
    hasCode: ({ event }) => event.type === 'TURN' && !!codeOf(event.text),
    codeFinal: ({ context, event }) =>
      event.type === 'CODE_WRONG' && (event.final || context.proofTries + 1 >= MAX_PROOF_TRIES),
    // a date proves nothing when moving: "Friday at 10" is the new time, kept for after the lookup
    detailTurn: ({ context, event }) =>
      event.type === 'TURN' && !!(event.facts.name || (namesBooking(context.task) && event.facts.when?.date)),
    newTimeTurn: ({ context, event }) => event.type === 'TURN' && context.task === 'reschedule' && !!event.facts.when,
    mismatchFinal: ({ context }) => context.proofTries + 1 >= 2,
  },
  actions: {
    applyTurn: assign(({ context, event }) => {
      const t = turnOf(event);
      return t ? applyTurn(context, t) : {};
    }),
    startBooking: assign(({ context, event }) => {
      // "how much to come look at a washer?" … "can you get someone out Thursday?": the washer
      const base = { ...context, ...freshTask(context, 'book'), service: context.askedAbout };
      const t = turnOf(event);
      const p = t ? applyTurn(base, t) : {};
      return {
        ...freshTask(context, 'book'),
        service: context.askedAbout,
        ...p,
        misses: 0,
        ...(t?.laterMessage ? { laterMessage: t.laterMessage } : {}),
        // what the turn itself has to say ("Marco doesn't do balayage…"), not a miss
        notes: p.notes?.filter((n) => n.kind !== 'missed') ?? context.notes,
      };
    }),
    bookNext: assign(({ context, event }) => {
      if (event.type !== 'BOOKED') return {};
      const tz = context.business.timezone;
      const start = DateTime.fromISO(event.appointment.start, { zone: tz });
      const minutes = context.business.services.find((x) => x.name === event.appointment.serviceName)?.durationMin ?? 0;
      const end = start.plus({ minutes });
      if (!context.nextServices?.length && context.party?.others.length) {
        // "for me and my son": the same service for the next of them, right after (or at the same time, with whoever
        // else is free), under their own name
        const [who, ...others] = context.party.others;
        const at = context.party.together ? start : end;
        const services = context.business.services;
        const booked = services.find((x) => x.name === event.appointment.serviceName) ?? context.service;
        return {
          ...freshTask(context, 'book'),
          // "eye exams for me and my son": the children's one for him
          service: booked && variantFor(services, booked, isChildRelative(who)),
          party: { ...context.party, others },
          forRelative: who,
          name: undefined,
          nameAsked: false,
          // back to back with the same staff member; at the same time, with whoever else is free
          staff: context.party.together ? undefined : context.staff,
          wish: { date: at.toISODate()!, time: at.toFormat('HH:mm') },
          searchNeeded: true,
        };
      }
      if (!context.nextServices?.length) return {};
      const [next, ...rest] = context.nextServices;
      return {
        ...freshTask(context, 'book'),
        service: next,
        nextServices: rest,
        wish: { date: end.toISODate()!, time: end.toFormat('HH:mm') },
        searchNeeded: true,
      };
    }),
    startLookup: assign(({ context, event }) => {
      if (event.type !== 'START' || event.task === 'message' || event.task === 'book') return {};
      const base = { ...context, ...freshTask(context, event.task) };
      const p = applyTurn(base, event.turn);
      // "cancel my Thursday appointment" names a detail of the booking; "move it to Friday" names the new day
      const claimedDate = namesBooking(event.task) ? event.turn.facts.when?.date : undefined;
      const claimedWeekday = weekdayOfBooking(event.turn.text.toLowerCase());
      return {
        ...freshTask(context, event.task),
        ...p,
        misses: 0,
        notes: context.notes,
        ...(claimedDate ? { claimedDate } : {}),
        ...(claimedWeekday ? { claimedWeekday } : {}),
        ...(event.turn.moveBy ? { moveBy: event.turn.moveBy } : {}),
        // "she can't call, can't you just cancel it?" after nothing was found: the message keeps the first ask too
        lookupAsked:
          context.lookupAsked && context.lookupsMissed ? `${context.lookupAsked} ${event.turn.text}` : event.turn.text,
      };
    }),
    codeSent: assign(({ context }) => ({ notes: note(context, { kind: 'codeSent', phone: context.phone ?? '' }) })),
    takeCode: assign(({ event }) => (event.type === 'TURN' ? { code: codeOf(event.text) } : {})),
    codeWrong: assign(({ context }) => ({
      proofTries: context.proofTries + 1,
      code: undefined,
      notes: note(context, { kind: 'codeWrong' }),
    })),
    proofMiss: assign(({ context }) => ({
      proofTries: context.proofTries + 1,
      notes: note(context, { kind: 'missed' }),
    })),
    verified: assign(({ context }) => ({
      identity: 'verified' as const,
      callerPhone: context.phone,
      code: undefined,
      proofTries: 0,
    })),
    notVerified: assign(({ context }) => ({
      notes: note(context, { kind: 'notVerified' }),
      task: undefined,
      target: undefined,
      code: undefined,
    })),
    detailMismatch: assign(({ context }) => ({
      proofTries: context.proofTries + 1,
      name: undefined,
      claimedDate: undefined,
      notes: note(context, { kind: 'detailMismatch' }),
    })),
    keepNewTime: assign(({ context, event }) =>
      event.type === 'TURN' && event.facts.when
        ? {
            wish: atTargetTime(
              mergeWish(context.wish, event.facts.when, event.weekday),
              context.target,
              context.business.timezone,
            ),
            searchNeeded: true,
          }
        : {},
    ),
    takeDetail: assign(({ event }) =>
      event.type === 'TURN'
        ? {
            ...(event.facts.name ? { name: event.facts.name } : {}),
            ...(event.facts.when?.date ? { claimedDate: event.facts.when.date } : {}),
          }
        : {},
    ),
    startMessage: assign(({ context, event }) => {
      const t = turnOf(event);
      // the question the agent could not answer, when the caller takes up the offer of a message
      const offered = context.messageOffered ? context.pendingMessage : undefined;
      // "just a ballpark is fine, I won't hold you to it" after "how much to replace a roof?": both are the message
      const said = t && isMessage(t.text) ? t.text : undefined;
      // "can someone give me a call with a price?" after the answer to "how much for pads and rotors?": a quote for that
      const quoted =
        !offered && said && context.answeredQuestion && asksForAQuote(said.toLowerCase())
          ? context.answeredQuestion
          : offered;
      const long = quoted && said && !said.includes(quoted) ? `${quoted} ${said}` : (said ?? quoted);
      // the number and name said in words win over caller ID ("call me back at 212 555 0177")
      return {
        message: long,
        laterMessage: undefined,
        answeredQuestion: undefined,
        ...(offered ? { pendingMessage: undefined } : {}),
        ...wishesOf(`${offered ?? ''} ${t?.text ?? ''}`),
        nameAsked: false,
        phoneAsked: false,
        // what the call-back is about: the service named now, or the one being booked when the caller changed course
        service: t?.facts.service ?? (context.task === 'book' ? context.service : context.askedAbout),
        ...(t ? personFacts(context, t) : {}),
      };
    }),
    noteAfterHours: assign(({ context }) => ({ notes: note(context, { kind: 'afterHoursMessage' }) })),
    takeSlots: assign(({ context, event }) =>
      event.type === 'SLOTS' ? takeSlots(context, event.slots, event.widened, event.now) : {},
    ),
    slotTaken: assign(({ context, event }) => ({
      slot: undefined,
      offered: event.type === 'COMMIT_FAILED' ? event.alternatives.slice(0, 2) : [],
      searchNeeded: event.type === 'COMMIT_FAILED' && !event.alternatives.length,
      notes: note(context, { kind: 'slotTaken' }),
    })),
    booked: assign(({ context, event }) => {
      if (event.type !== 'BOOKED') return {};
      const n: Note =
        context.task === 'reschedule' && context.target
          ? { kind: 'moved', appointment: event.appointment, from: context.target }
          : {
              kind: 'booked',
              appointment: event.appointment,
              service: context.service?.name ?? event.appointment.serviceName,
            };
      return {
        notes: note(context, n),
        // what this call booked or moved, to say back when the caller checks it
        booked: [
          ...(context.booked ?? []),
          {
            service: n.kind === 'booked' ? n.service : n.from.serviceName,
            start: event.appointment.start,
            ...(n.kind === 'moved' ? { moved: true } : {}),
          },
        ],
        slot: undefined,
        offered: [],
        wish: undefined,
        target: undefined,
        task: undefined,
      };
    }),
    takeAppointments: assign(({ context, event }) => {
      if (event.type !== 'APPOINTMENTS') return {};
      const target = namedAppointment(event.list, context);
      const service = target ? serviceNamed(context.business, target.serviceName) : undefined;
      const tz = context.business.timezone;
      const named = fullerName(context.name, target);
      // "my physio on Tuesday at 10, I need to move it": that day and time are the appointment's, not the new ones
      if (context.task === 'reschedule' && !context.moveBy && describesTarget(context.wish, target, tz))
        return { appointments: event.list, target, ...(service ? { service } : {}), ...named, wish: undefined };
      const wish = atTargetTime(context.wish, target, tz, context.moveBy);
      // a wish that only now has its day or time ("push me back an hour") is searched like any other
      return {
        appointments: event.list,
        target,
        ...named,
        ...(service ? { service } : {}),
        ...(wish ? { wish, ...(wish !== context.wish ? { searchNeeded: true } : {}) } : {}),
      };
    }),
    chooseTarget: assign(({ context, event }) => {
      if (event.type !== 'TURN') return {};
      const target = chooseAppointment(context.appointments, event, context.business.timezone);
      if (!target) return { misses: context.misses + 1, notes: note(context, { kind: 'missed' }) };
      const service = serviceNamed(context.business, target.serviceName);
      const wish = atTargetTime(
        event.facts.when && event.facts.when.date !== target.start.slice(0, 10) ? event.facts.when : context.wish,
        target,
        context.business.timezone,
        context.moveBy,
      );
      return {
        target,
        ...(service ? { service } : {}),
        ...fullerName(context.name, target),
        ...(wish ? { wish, searchNeeded: true } : {}),
      };
    }),
    noAppointments: assign(({ context }) => {
      // nothing found twice, or a booking of someone else's ("my wife's appointment") from this number: a message
      // for the team is the way on, offered plainly; a yes to it takes the request as the message
      const offerMessage = context.identity === 'caller_id' && (!!context.lookupsMissed || !!context.forRelative);
      return {
        lookupsMissed: (context.lookupsMissed ?? 0) + 1,
        notes: note(context, { kind: 'noAppointments', task: context.task ?? 'cancel', offerMessage }),
        task: undefined,
        // found by caller ID alone: the booking may be under another number, which a texted code then proves
        lostTask: context.identity === 'caller_id' ? context.task : undefined,
        ...(offerMessage ? { messageOffered: true, pendingMessage: context.lookupAsked } : {}),
      };
    }),
    useOtherNumber: assign(({ context, event }) =>
      event.type === 'TURN'
        ? { task: context.lostTask, lostTask: undefined, phone: event.facts.phone, identity: 'none' as const }
        : {},
    ),
    toldAppointments: assign(({ context, event }) => {
      if (event.type !== 'APPOINTMENTS') return {};
      // "what time is my massage?" reads the massage; "when are my appointments?" reads them all
      const named = event.list.length > 1 ? namedAppointment(event.list, context) : undefined;
      return {
        notes: note(context, { kind: 'appointmentsTold', list: named ? [named] : event.list }),
        appointments: event.list,
        task: undefined,
      };
    }),
    cancelled: assign(({ context }) => {
      // "cancel it… actually, can you put me in Thursday instead?": the same service, booked again
      const was = context.target ? serviceNamed(context.business, context.target.serviceName) : undefined;
      return {
        notes: context.target ? note(context, { kind: 'cancelled', appointment: context.target }) : context.notes,
        target: undefined,
        task: undefined,
        ...(was ? { askedAbout: was } : {}),
      };
    }),
    deferred: assign(({ context }) => ({
      notes: note(context, { kind: 'deferred' }),
      task: undefined,
      slot: undefined,
      offered: [],
      target: undefined,
    })),
    keptAppointment: assign(({ context }) => ({
      notes: note(context, { kind: 'keptAppointment' }),
      target: undefined,
      task: undefined,
    })),
    messageTurn: assign(({ context, event }) => {
      if (event.type !== 'TURN') return {};
      // "okay" to "what message would you like me to pass along?" is no message: it is asked again
      if (event.expecting === 'message' && ACK_ONLY.test(event.text.trim())) return {};
      if (event.expecting === 'message')
        return {
          message: event.text,
          ...wishesOf(event.text, context),
          ...personFacts(context, event),
        };
      const asked = ASKED[event.expecting];
      return asked ? { ...asked, ...personFacts(context, event) } : {};
    }),
    emergencyDetailTurn: assign(({ context, event }) =>
      event.type === 'TURN' ? { ...ASKED[event.expecting], ...personFacts(context, event) } : {},
    ),
    messageTaken: assign(({ context }) => ({
      notes: note(context, { kind: 'messageTaken', urgent: context.leadPriority !== 'NORMAL' }),
      passedOn: context.message,
      message: undefined,
    })),
    emergencyAgain: assign(({ context, event }) => {
      if (event.type !== 'EMERGENCY') return {};
      const safety = event.hit.priority === 'URGENT' ? (event.hit.safety ?? context.emergency?.safety) : undefined;
      const notes = safety ? note(context, { kind: 'safety', text: safety }) : context.notes;
      return { notes: [...notes, { kind: 'stillAlerted' as const }], ...personFacts(context, event.turn) };
    }),
    lateDetails: assign(({ context, event }) =>
      event.type === 'TURN'
        ? {
            ...personFacts(context, event),
            notes: note(context, { kind: 'detailsAdded' }),
            // "he's 12, I've got the tooth here": told of the emergency, for the team
            ...(toldOfEmergency(context, event)
              ? { addedDetails: [context.addedDetails, event.text].filter(Boolean).join(' ') }
              : {}),
          }
        : {},
    ),
    emergency: assign(({ context, event }) => {
      if (event.type !== 'EMERGENCY') return {};
      const t = event.turn;
      const notes = event.hit.safety ? note(context, { kind: 'safety', text: event.hit.safety }) : context.notes;
      return {
        emergency: event.hit,
        leadPriority: event.hit.priority,
        notes,
        ...(t.facts.name ? { name: t.facts.name } : {}),
        ...(t.facts.service ? { service: t.facts.service } : {}),
        ...(t.facts.address ? { address: t.facts.address } : {}),
        ...(t.facts.phone ? { phone: t.facts.phone } : {}),
      };
    }),
    emergencyHandled: assign(({ context, event }) => {
      if (event.type !== 'EMERGENCY_HANDLED') return {};
      if (event.outcome === 'transferred') {
        return {
          transfer: { to: event.to ?? '', reason: context.emergency?.label ?? 'emergency' },
          notes: note(context, { kind: 'transferring', alerted: true }),
          alerted: true,
        };
      }
      if (event.outcome === 'book') {
        return {
          ...freshTask(context, 'book'),
          service: context.service,
          wish: { earliest: true },
          searchNeeded: !!context.service,
          notes: note(context, { kind: 'urgentBooking' }),
          urgentBooking: true,
        };
      }
      return {
        alerted: true,
        notes: note(context, {
          kind: 'alerted',
          priority: context.emergency?.priority ?? 'URGENT',
          afterHours: context.afterHours,
          notified: event.notified,
        }),
      };
    }),
    transfer: assign(({ context, event }) =>
      event.type === 'TRANSFERRED' && event.to
        ? {
            transfer: { to: event.to, reason: 'caller asked for a person' },
            notes: note(context, { kind: 'transferring' }),
          }
        : {},
    ),
    // "I was charged twice… can I speak to someone in billing?": should nobody answer, that is the message
    askedForPerson: assign(({ context, event }) => {
      const t = event.type === 'HUMAN' ? event.turn : undefined;
      if (!t) return {};
      return { ...personFacts(context, t), ...(isMessage(t.text) ? { pendingMessage: t.text } : {}) };
    }),
    transferFailed: assign(({ context }) => ({
      notes: note(context, { kind: 'transferFailed' }),
      nameAsked: false,
      ...(context.pendingMessage && !context.message ? { message: context.pendingMessage } : {}),
      pendingMessage: undefined,
    })),
    question: assign(({ context, event }) => {
      if (event.type !== 'QUESTION') return {};
      // "how much is that for a big guy like him?" while small or large dog is being asked: the large dog's groom
      const chosen =
        context.serviceChoices && context.serviceChoices.length > 1
          ? createServiceMatcher(context.business.services).pickAmong(context.serviceChoices, event.text)
          : undefined;
      return {
        question: event.text,
        ...(event.turn ? personFacts(context, event.turn) : {}),
        ...(event.turn?.facts.service ? { askedAbout: event.turn.facts.service } : {}),
        ...(chosen ? { service: chosen, serviceChoices: undefined } : {}),
      };
    }),
    answered: assign(({ context, event }) => ({
      notes: note(context, { kind: 'answer', text: event.type === 'ANSWERED' ? event.text : null }),
      // "hello? can you hear me?" is answered, but the call has not started on what the caller wants
      answered: context.answered + (context.question && isLineCheck(context.question) ? 0 : 1),
      question: undefined,
      // "I'm not sure… I can take a message": a yes to it next is a yes to the message, and the question is the message
      messageOffered: event.type !== 'ANSWERED' || event.text === null,
      ...(event.type !== 'ANSWERED' || event.text === null
        ? { pendingMessage: context.question, answeredQuestion: undefined }
        : { answeredQuestion: context.question }),
    })),
    failure: assign(({ context }) => ({ notes: note(context, { kind: 'failure' }) })),
    silence: assign(({ context }) => ({ silences: context.silences + 1, notes: note(context, { kind: 'silence' }) })),
    heard: assign({ silences: 0, messageOffered: false }),
    held: assign(({ event }) => (event.type === 'HELD' ? { heldFor: event.start } : {})),
    rememberPerson: assign(({ context, event }) => (event.type === 'TURN' ? personFacts(context, event) : {})),
    missed: assign(({ context }) => ({ misses: context.misses + 1, notes: note(context, { kind: 'missed' }) })),
  },
}).createMachine({
  id: 'call',
  context: ({ input }) => input,
  initial: 'live',
  states: {
    live: {
      id: 'live',
      initial: 'intake',
      on: {
        EMERGENCY: [
          { guard: 'emergencyNew', target: '.emergency', actions: ['heard', 'emergency'] },
          // already alerted: the caller hears so (and the safety line again if urgent), and the question stands
          { actions: ['heard', 'emergencyAgain'] },
        ],
        HUMAN: { target: '.handoff', actions: ['heard', 'askedForPerson'] },
        QUESTION: { target: '#call.answering', actions: ['heard', 'question'] },
        GOODBYE: { target: '.closing', actions: 'heard' },
        DEFER: { target: '.anythingElse', actions: ['heard', 'deferred'] },
        SILENCE: [{ guard: 'tooQuiet', target: '.closing' }, { actions: 'silence' }],
        START: [
          // the message first: it reads the offer of one that hearing the caller clears
          { guard: 'startsMessage', target: '.message', actions: ['startMessage', 'heard'] },
          { guard: 'voicemailOnly', target: '.message', actions: ['heard', 'noteAfterHours', 'startMessage'] },
          { guard: 'startsBooking', target: '.booking', actions: ['heard', 'startBooking'] },
          { target: '.gate', actions: ['heard', 'startLookup'] },
        ],
        TURN: { actions: 'heard' },
      },
      states: {
        hist: { type: 'history', history: 'deep' },
        intake: {
          on: {
            TURN: [
              { guard: 'voicemailOnly', target: 'message', actions: ['heard', 'noteAfterHours', 'startMessage'] },
              { guard: 'bookingTurn', target: 'booking', actions: ['heard', 'startBooking'] },
              { guard: 'saysNo', target: 'closing', actions: 'heard' },
              { guard: 'personTurn', actions: ['heard', 'rememberPerson'] },
              { actions: ['heard', 'missed'] },
            ],
          },
        },
        booking: {
          initial: 'route',
          on: { TURN: { target: '.route', actions: ['heard', 'applyTurn'] } },
          states: {
            route: {
              always: [
                { guard: 'noService', target: 'collect' },
                { guard: 'needsSearch', target: 'search' },
                { guard: 'noSlotNoOffer', target: 'collect' },
                { guard: 'offersNoSlot', target: 'offer' },
                { guard: 'needsHold', target: 'hold' },
                { guard: 'missingDetails', target: 'details' },
                { target: 'confirm' },
              ],
            },
            collect: {},
            hold: { tags: ['run:hold'], on: { HELD: { target: 'route', actions: 'held' } } },
            search: {
              tags: ['run:search'],
              on: {
                SLOTS: { target: 'route', actions: 'takeSlots' },
                TOOL_ERROR: { target: '#live.message', actions: 'failure' },
              },
            },
            offer: {},
            details: {},
            confirm: {
              on: {
                TURN: [
                  { guard: 'plainYes', target: 'commit', actions: ['heard', 'rememberPerson'] },
                  { guard: 'plainNo', target: 'change', actions: 'heard' },
                  { target: 'route', actions: ['heard', 'applyTurn'] },
                ],
              },
            },
            change: {},
            commit: {
              tags: ['run:commit'],
              on: {
                BOOKED: [
                  // "a haircut and a blow dry": the next one right after, for the same caller
                  { guard: 'moreToBook', target: '#live.booking', actions: ['booked', 'bookNext'] },
                  { target: '#live.anythingElse', actions: 'booked' },
                ],
                COMMIT_FAILED: { target: 'route', actions: 'slotTaken' },
                TOOL_ERROR: { target: '#live.message', actions: 'failure' },
              },
            },
          },
        },
        // looking up, moving or cancelling a booking needs proof of who is asking (see tools/find-appointments)
        gate: { always: [{ guard: 'unproven', target: 'verify' }, { target: 'lookup' }] },
        verify: {
          initial: 'route',
          states: {
            route: {
              always: [
                { guard: 'tooManyTries', target: '#live.message', actions: 'notVerified' },
                { guard: 'noPhone', target: 'phone' },
                { target: 'send' },
              ],
            },
            phone: {
              on: {
                TURN: [
                  { guard: 'phoneTurn', target: 'route', actions: ['heard', 'rememberPerson'] },
                  { guard: 'saysNo', target: '#live.message', actions: ['heard', 'notVerified'] },
                  { target: 'route', actions: ['heard', 'proofMiss'] },
                ],
              },
            },
            send: {
              tags: ['run:sendCode'],
              on: {
                CODE_SENT: { target: 'code', actions: 'codeSent' },
                TOOL_ERROR: { target: '#live.message', actions: 'notVerified' },
              },
            },
            code: {
              on: {
                TURN: [
                  { guard: 'phoneTurn', target: 'route', actions: ['heard', 'rememberPerson'] },
                  { guard: 'hasCode', target: 'check', actions: ['heard', 'takeCode'] },
                  { guard: 'saysNo', target: '#live.message', actions: ['heard', 'notVerified'] },
                  { actions: ['heard', 'missed'] },
                ],
              },
            },
            check: {
              tags: ['run:checkCode'],
              on: {
                VERIFIED: { target: '#live.lookup', actions: 'verified' },
                CODE_WRONG: [
                  { guard: 'codeFinal', target: '#live.message', actions: 'notVerified' },
                  { target: 'code', actions: 'codeWrong' },
                ],
                TOOL_ERROR: { target: '#live.message', actions: 'notVerified' },
              },
            },
          },
        },
        detail: {
          on: {
            TURN: [
              { guard: 'detailTurn', target: 'lookup', actions: ['heard', 'takeDetail'] },
              { guard: 'newTimeTurn', actions: ['heard', 'keepNewTime'] },
              { guard: 'saysNo', target: 'message', actions: ['heard', 'notVerified'] },
              { guard: 'tooManyTries', target: 'message', actions: ['heard', 'notVerified'] },
              { actions: ['heard', 'proofMiss'] },
            ],
          },
        },
        lookup: {
          tags: ['run:lookup'],
          on: {
            APPOINTMENTS: [
              { guard: 'noAppointments', target: 'anythingElse', actions: 'noAppointments' },
              { guard: 'isCheck', target: 'anythingElse', actions: 'toldAppointments' },
              { target: 'routeTarget', actions: 'takeAppointments' },
            ],
            DETAIL_NEEDED: 'detail',
            DETAIL_MISMATCH: [
              { guard: 'mismatchFinal', target: 'message', actions: 'notVerified' },
              { target: 'detail', actions: 'detailMismatch' },
            ],
            TOOL_ERROR: { target: 'message', actions: 'failure' },
          },
        },
        choose: { on: { TURN: { target: 'routeTarget', actions: ['heard', 'chooseTarget'] } } },
        routeTarget: {
          always: [{ guard: 'hasTarget', target: 'routeTask' }, { target: 'choose' }],
        },
        routeTask: { always: [{ guard: 'isCancel', target: 'cancelConfirm' }, { target: 'booking' }] },
        cancelConfirm: {
          on: {
            TURN: [
              { guard: 'saysYes', target: 'cancelCommit', actions: 'heard' },
              { guard: 'saysNo', target: 'anythingElse', actions: ['heard', 'keptAppointment'] },
              { actions: ['heard', 'missed'] },
            ],
          },
        },
        cancelCommit: {
          tags: ['run:cancel'],
          on: {
            CANCELLED: { target: 'anythingElse', actions: 'cancelled' },
            TOOL_ERROR: { target: 'message', actions: 'failure' },
          },
        },
        emergency: {
          tags: ['run:emergency'],
          on: {
            EMERGENCY_HANDLED: [
              { guard: 'transferred', target: '#call.ended', actions: 'emergencyHandled' },
              { guard: 'urgentBooking', target: 'booking', actions: 'emergencyHandled' },
              { guard: 'emergencyDetailsMissing', target: 'emergencyDetails', actions: 'emergencyHandled' },
              { target: 'anythingElse', actions: 'emergencyHandled' },
            ],
            TOOL_ERROR: { target: 'message', actions: 'failure' },
          },
        },
        handoff: {
          tags: ['run:transfer'],
          on: {
            TRANSFERRED: [
              { guard: 'accepted', target: '#call.ended', actions: 'transfer' },
              { target: 'message', actions: 'transferFailed' },
            ],
            TOOL_ERROR: { target: 'message', actions: 'transferFailed' },
          },
        },
        message: {
          initial: 'route',
          states: {
            route: {
              always: [
                { guard: 'needsMessage', target: 'collect' },
                { guard: 'needsName', target: 'collect' },
                { guard: 'needsCallbackNumber', target: 'collect' },
                { guard: 'needsEmail', target: 'collect' },
                // a quote for work at the caller's place needs the place
                { guard: 'serviceNeedsAddress', target: 'collect' },
                { target: 'commit' },
              ],
            },
            collect: {
              on: {
                TURN: { target: 'route', actions: ['heard', 'messageTurn'] },
                // "no, that's all" to a last detail: the message is still passed on
                GOODBYE: { guard: 'hasMessage', target: 'commit', actions: 'heard' },
              },
            },
            commit: {
              tags: ['run:message'],
              on: {
                MESSAGE_TAKEN: { target: '#live.anythingElse', actions: 'messageTaken' },
                TOOL_ERROR: { target: '#live.closing', actions: 'failure' },
              },
            },
          },
        },
        // the alert is out; the lead it opened gains the caller's name, number and address, each asked once
        emergencyDetails: {
          initial: 'route',
          states: {
            route: {
              always: [
                { guard: 'needsName', target: 'collect' },
                { guard: 'needsCallbackNumber', target: 'collect' },
                { guard: 'needsSiteAddress', target: 'collect' },
                { target: 'commit' },
              ],
            },
            collect: {
              on: {
                TURN: { target: 'route', actions: ['heard', 'emergencyDetailTurn'] },
                GOODBYE: { target: 'commit', actions: 'heard' },
              },
            },
            commit: {
              tags: ['run:lead'],
              on: { LEAD_SAVED: '#live.anythingElse', TOOL_ERROR: '#live.anythingElse' },
            },
          },
        },
        addDetails: {
          tags: ['run:lead'],
          on: { LEAD_SAVED: 'anythingElse', TOOL_ERROR: 'anythingElse' },
        },
        anythingElse: {
          on: {
            TURN: [
              { guard: 'otherNumberTurn', target: 'gate', actions: ['heard', 'useOtherNumber'] },
              { guard: 'lateDetailTurn', target: 'addDetails', actions: ['heard', 'lateDetails'] },
              { guard: 'bookingTurn', target: 'booking', actions: ['heard', 'startBooking'] },
              { guard: 'saysNo', target: 'closing', actions: 'heard' },
              { guard: 'saysYes', target: 'intake', actions: 'heard' },
              { actions: ['heard', 'missed'] },
            ],
          },
        },
        closing: { tags: ['run:end'], on: { ENDED: '#call.ended', TOOL_ERROR: '#call.ended' } },
      },
    },
    answering: {
      tags: ['run:answer'],
      on: {
        ANSWERED: { target: 'live.hist', actions: 'answered' },
        TOOL_ERROR: { target: 'live.hist', actions: 'answered' },
      },
    },
    ended: { type: 'final' },
  },
});
