/** What the agent says: short sentences, suited to be spoken, from the chart's state and notes, in the call's language. */
import { spokenService } from './service-words.js';
import { DateTime } from 'luxon';
import { localParts } from './calendar.js';
import {
  LISTED_SERVICES,
  nameMissing,
  numberMissing,
  onSite,
  type DialogContext,
  type Expecting,
  type Note,
} from './dialog.js';
import { linesFor, type Lang, type Lines } from './lines/index.js';
import { withCrisisLine } from './nlu/emergency-safety.js';
import { speakPhone } from './nlu/index.js';
import type { Slot } from './ports.js';

/** "booking.confirm" from an XState state value. */
export function stateName(value: unknown): string {
  return rawName(value).replace(/^live\./, '');
}

function rawName(value: unknown): string {
  if (typeof value === 'string') return value;
  const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? ['?', undefined];
  return v === undefined ? k : `${k}.${rawName(v)}`;
}

/** The question a resting state asks, and what kind of answer it waits for. */
export function prompt(state: string, ctx: DialogContext, lang: Lang = 'en'): { text: string; expecting: Expecting } {
  const L = linesFor(lang);
  const tz = ctx.business.timezone;
  const svc = ctx.service && spokenService(ctx.service.name);
  switch (state) {
    case 'intake':
      // "I'm not sure… I can take a message": the offer is the question, not "anything else?" after it
      if (ctx.messageOffered && ctx.answered) return { text: L.wantMessage, expecting: 'intent' };
      // a caller asking question after question hears the question in other words each time, so three
      // answers in a row are not taken for a question asked three times without an answer
      return {
        text: !ctx.answered ? L.intake : ctx.answered === 1 ? L.anythingElse : L.anythingMore[ctx.answered % 2],
        expecting: 'intent',
      };
    case 'booking.collect':
      if (ctx.task === 'reschedule' && ctx.target) {
        return {
          text: L.rescheduleWhen(spokenService(ctx.target.serviceName), L.instant(ctx.target.start, tz)),
          expecting: 'time',
        };
      }
      if (!ctx.service && ctx.serviceChoices?.length)
        return { text: L.whichService(ctx.serviceChoices.map((s) => spokenService(s.name))), expecting: 'service' };
      if (!ctx.service)
        return {
          text: L.whatToBook(ctx.business.services.slice(0, LISTED_SERVICES).map((s) => spokenService(s.name))),
          expecting: 'service',
        };
      return { text: onSite(ctx.business, ctx.service) ? L.whenOnSite(svc!) : L.whenFor(svc!), expecting: 'time' };
    case 'booking.offer':
      return { text: offerText(L, ctx.offered, tz), expecting: 'pick' };
    case 'booking.details':
      if (!ctx.name)
        return {
          text: !ctx.forRelative
            ? L.askName
            : ctx.party && ctx.booked?.length
              ? L.askPartyName(ctx.forRelative)
              : L.askRelativeName(ctx.forRelative),
          expecting: 'name',
        };
      if (!ctx.phone) return { text: L.askPhone, expecting: 'phone' };
      return { text: L.askAddress, expecting: 'address' };
    case 'booking.confirm':
      return { text: confirmText(L, ctx), expecting: 'confirm' };
    case 'booking.change':
      return { text: L.whatToChange, expecting: 'change' };
    case 'choose':
      return {
        text: L.chooseAppointment(
          ctx.appointments.map((a) => ({ svc: spokenService(a.serviceName), when: L.instant(a.start, tz) })),
        ),
        expecting: 'appointment',
      };
    case 'cancelConfirm':
      return ctx.target
        ? {
            text: L.confirmCancel(spokenService(ctx.target.serviceName), L.instant(ctx.target.start, tz)),
            expecting: 'cancel',
          }
        : { text: L.whichToCancel, expecting: 'appointment' };
    case 'verify.phone':
      return { text: L.verifyPhone, expecting: 'phone' };
    case 'verify.code':
      return { text: L.askCode, expecting: 'code' };
    case 'detail':
      return { text: L.askBookingName, expecting: 'name' };
    case 'message.collect':
      if (!ctx.message) return { text: L.askMessage, expecting: 'message' };
      if (nameMissing(ctx)) return { text: L.askMessageName, expecting: 'name' };
      if (numberMissing(ctx)) return { text: L.askPhone, expecting: 'phone' };
      if (ctx.wantsEmail && !ctx.email && !ctx.emailAsked) return { text: L.askEmail, expecting: 'email' };
      return { text: L.askAddress, expecting: 'address' };
    case 'emergencyDetails.collect':
      if (nameMissing(ctx)) return { text: L.askEmergencyName, expecting: 'name' };
      if (numberMissing(ctx)) return { text: L.askEmergencyPhone, expecting: 'phone' };
      return { text: L.askEmergencyAddress, expecting: 'address' };
    case 'anythingElse':
      // "…I can take a message for the team": the offer is the question
      if (ctx.messageOffered) return { text: L.wantMessage, expecting: 'intent' };
      return { text: L.anythingElse, expecting: 'anything' };
    case 'ended':
      // after an emergency, no "have a great day"
      return {
        text: ctx.transfer ? '' : ctx.emergency ? L.goodbyeSafe(ctx.business.name) : L.goodbye(ctx.business.name),
        expecting: 'nothing',
      };
    default:
      return { text: '', expecting: 'nothing' };
  }
}

function offerText(L: Lines, offered: Slot[], tz: string): string {
  if (offered.length === 1) return L.offerOne(L.instant(offered[0].start, tz));
  const days = offered.map((s) => localParts(s.start, tz).date);
  if (days.every((d) => d === days[0]))
    return L.offerSameDay(
      L.date(days[0], tz),
      offered.map((s) => L.time(localParts(s.start, tz).time)),
    );
  return L.offerMany(offered.map((s) => L.instant(s.start, tz)));
}

/**
 * A slot's day and time as the business keeps it, with the caller's own clock beside it when they asked in their
 * zone ("Wednesday, February 24 at 1 PM (3 PM your time)").
 */
function slotWhen(L: Lines, ctx: DialogContext, start: string): string {
  const tz = ctx.business.timezone;
  const theirs = ctx.wish?.callerTime;
  if (!theirs) return L.instant(start, tz);
  const local = DateTime.fromISO(start).setZone(theirs.zone).toFormat('HH:mm');
  return `${L.instant(start, tz)} ${L.yourTime(L.time(local))}`;
}

function confirmText(L: Lines, ctx: DialogContext): string {
  const tz = ctx.business.timezone;
  if (!ctx.slot) return L.askTime;
  const when = slotWhen(L, ctx, ctx.slot.start);
  const svc = spokenService(ctx.service?.name ?? ctx.target?.serviceName ?? L.appointment);
  if (ctx.task === 'reschedule' && ctx.target) return L.confirmMove(svc, L.instant(ctx.target.start, tz), when);
  return L.confirmBooking({
    svc,
    when,
    ...(ctx.slot.staffName ? { staff: ctx.slot.staffName } : {}),
    ...(ctx.address ? { address: ctx.address } : {}),
    ...(ctx.name ? { name: ctx.name } : {}),
    ...(ctx.phone && ctx.phoneFromCallerId ? { phone: speakPhone(ctx.phone, ctx.business.country) } : {}),
    // "a haircut and a color": the one after is said with this one, and booked once this one is
    ...(ctx.nextServices?.length ? { then: ctx.nextServices.map((x) => spokenService(x.name)) } : {}),
  });
}

/** The number to dial for police, fire and ambulance in a country (ISO 3166 alpha-2; 911 when no country is known, 112 for one not listed). */
export function emergencyNumber(country: string | undefined): string {
  // 112 answers on every mobile network in Europe and reaches help in most other countries too
  return EMERGENCY_NUMBERS[(country ?? 'US').toUpperCase()] ?? '112';
}
const EMERGENCY_NUMBERS: Record<string, string> = {
  US: '911',
  CA: '911',
  PR: '911',
  MX: '911',
  PH: '911',
  AR: '911',
  GB: '999',
  HK: '999',
  MY: '999',
  KE: '999',
  AE: '999',
  AU: '000',
  NZ: '111',
  SG: '995',
  JP: '119',
  KR: '119',
  TW: '119',
  CN: '120',
  CO: '123',
  EG: '123',
  CL: '131',
  BR: '192',
  SA: '997',
  IL: '101',
  TH: '1669',
  VN: '115',
};

/** One sentence (or two) for a note. */
export function noteText(n: Note, ctx: DialogContext, now: Date, lang: Lang = 'en'): string {
  const L = linesFor(lang);
  const tz = ctx.business.timezone;
  switch (n.kind) {
    case 'safety':
      // "call 911" is said with the number people dial where the business is (000 in Australia, 999 in the UK)
      // …and the crisis line is the one that answers there (988 in North America, the Samaritans in the UK…)
      return withCrisisLine(
        L.safety(n.text).replace(/\b911\b/g, emergencyNumber(ctx.business.country)),
        ctx.business.country,
      );
    case 'closedDay':
      return n.reason === 'holiday' ? L.closedHoliday(n.date, tz) : L.closedWeekday(n.date, tz);
    case 'nothingThen':
      return L.nothingThen;
    case 'noSlotsAtAll':
      return L.noSlotsAtAll;
    case 'exactTaken':
      return L.exactTaken(n.time);
    case 'notExactly':
      return L.notExactly(n.time);
    case 'timePassed':
      return L.timePassed(n.time);
    case 'runsPastClose':
      // "2 hours", without the minutes the duration answer adds in brackets
      return L.runsPastClose(n.service, L.durationWords(n.minutes).replace(/\s*\([^)]*\)/, ''), n.time, n.close);
    case 'outsideHours':
      return L.outsideHours(n.date, tz, n.hours);
    case 'staffDoesNot':
      return L.staffDoesNot(n.staff, n.service, n.others);
    case 'tooFarAhead':
      return L.tooFarAhead(L.date(n.date, tz), L.date(n.opens, tz));
    case 'staffUnknown':
      return L.staffUnknown(n.said, n.staff);
    case 'exactOpen':
      return L.exactOpen(slotWhen(L, ctx, n.slot.start));
    case 'slotTaken':
      return L.slotTaken;
    case 'booked':
      return L.booked(spokenService(n.service), L.instant(n.appointment.start, tz));
    case 'moved':
      return L.moved(spokenService(n.from.serviceName), L.instant(n.appointment.start, tz));
    case 'cancelled':
      return L.cancelled(spokenService(n.appointment.serviceName), L.instant(n.appointment.start, tz));
    case 'appointmentsTold':
      return L.yourAppointments(
        n.list.map((x) => ({
          svc: spokenService(x.serviceName),
          when: L.instant(x.start, tz),
          ...(x.staffName ? { staff: x.staffName } : {}),
        })),
      );
    case 'keptAppointment':
      return L.keptAppointment;
    case 'deferred':
      return L.deferred;
    case 'detailsAdded':
      return L.detailsAdded;
    case 'stillAlerted':
      return L.stillAlerted;
    case 'noAppointments':
      // appointments are found by caller ID only, so nobody can change someone else's by naming a number
      if (ctx.identity === 'verified') return L.noAppointmentsVerified;
      if (n.offerMessage) return L.noAppointmentsOfferMessage;
      return ctx.callerPhone ? L.noAppointmentsCallerId : L.noAppointmentsChat;
    case 'messageTaken':
      return L.messageTaken(n.urgent);
    case 'answer':
      return n.text ?? L.notSure;
    case 'alerted': {
      // say only what happened: an alert went out, or the request was marked urgent for the team
      const back = ctx.phone ? speakPhone(ctx.phone, ctx.business.country) : undefined;
      // an URGENT lead always starts the owner's alert ladder (lead.urgent); a HIGH one is only flagged
      if (n.priority !== 'URGENT' && !n.notified.length) return L.markedUrgent(back);
      return L.alerted(n.afterHours, back);
    }
    case 'urgentBooking':
      return L.urgentBooking;
    case 'transferring':
      return L.transferring(!!n.alerted);
    case 'transferFailed':
      return L.transferFailed;
    case 'afterHoursMessage':
      return L.afterHoursMessage(L.nextOpening(ctx.business, now));
    case 'codeSent':
      return L.codeSent(speakPhone(n.phone, ctx.business.country));
    case 'codeWrong':
      return L.codeWrong;
    case 'notVerified':
      return L.notVerified;
    case 'detailMismatch':
      return L.detailMismatch;
    case 'silence':
      return L.silence;
    case 'missed':
      return L.missed;
    case 'failure':
      return L.failure;
  }
}
