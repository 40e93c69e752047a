/** What the agent says: short sentences, suited to be spoken, from the chart's state and notes. */
import { localParts, nextOpening, sayDate, sayInstant, sayTime } from './calendar.js';
import { LISTED_SERVICES, onSite, type DialogContext, type Expecting, type Note } from './dialog.js';
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
export function prompt(state: string, ctx: DialogContext): { text: string; expecting: Expecting } {
  const tz = ctx.business.timezone;
  const svc = ctx.service?.name.toLowerCase();
  switch (state) {
    case 'intake':
      return { text: ctx.answered ? 'Is there anything else I can help you with?' : 'How can I help you today?', expecting: 'intent' };
    case 'booking.collect':
      if (ctx.task === 'reschedule' && ctx.target) {
        return { text: `I see your ${ctx.target.serviceName.toLowerCase()} on ${sayInstant(ctx.target.start, tz)}. What day and time would you like instead?`, expecting: 'time' };
      }
      if (!ctx.service && ctx.serviceChoices?.length) {
        return { text: `Would that be ${listOf(ctx.serviceChoices.map((s) => `${/^[aeiou]/i.test(s.name) ? 'an' : 'a'} ${s.name.toLowerCase()}`), 'or')}?`, expecting: 'service' };
      }
      if (!ctx.service) return { text: `What would you like to book? We offer ${listOf(ctx.business.services.slice(0, LISTED_SERVICES).map((s) => s.name.toLowerCase()), 'or')}.`, expecting: 'service' };
      return {
        text: onSite(ctx.business, ctx.service) ? `What day and time would you like us to come out for the ${svc}?` : `What day and time would you like for your ${svc}?`,
        expecting: 'time',
      };
    case 'booking.offer':
      return { text: offerText(ctx.offered, tz), expecting: 'pick' };
    case 'booking.details':
      if (!ctx.name) return { text: 'May I have your name, please?', expecting: 'name' };
      if (!ctx.phone) return { text: "What's the best phone number to reach you?", expecting: 'phone' };
      return { text: "And what's the address where you need us?", expecting: 'address' };
    case 'booking.confirm':
      return { text: confirmText(ctx), expecting: 'confirm' };
    case 'booking.change':
      return { text: 'No problem. What would you like to change?', expecting: 'change' };
    case 'choose':
      return {
        text: `I see ${ctx.appointments.length} upcoming appointments: ${listOf(ctx.appointments.map((a) => `a ${a.serviceName.toLowerCase()} on ${sayInstant(a.start, tz)}`), 'and')}. Which one do you mean?`,
        expecting: 'appointment',
      };
    case 'cancelConfirm':
      return ctx.target
        ? { text: `I see your ${ctx.target.serviceName.toLowerCase()} on ${sayInstant(ctx.target.start, tz)}. Would you like me to cancel it?`, expecting: 'cancel' }
        : { text: 'Which appointment would you like to cancel?', expecting: 'appointment' };
    case 'verify.phone':
      return { text: "To keep bookings private, I'll text a code to the phone number the appointment is under. What number is that?", expecting: 'phone' };
    case 'verify.code':
      return { text: 'What is the code?', expecting: 'code' };
    case 'detail':
      return { text: 'Before I look at your booking, what name is it under?', expecting: 'name' };
    case 'message.collect':
      if (!ctx.message) return { text: 'What message would you like me to pass along?', expecting: 'message' };
      return { text: 'And may I have your name?', expecting: 'name' };
    case 'anythingElse':
      return { text: 'Is there anything else I can help you with?', expecting: 'anything' };
    case 'ended':
      return { text: ctx.transfer ? '' : `Thanks for calling ${ctx.business.name}. Have a great day!`, expecting: 'nothing' };
    default:
      return { text: '', expecting: 'nothing' };
  }
}

function listOf(items: string[], joiner: 'and' | 'or'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

function offerText(offered: Slot[], tz: string): string {
  if (offered.length === 1) return `I can do ${sayInstant(offered[0].start, tz)}. Does that work?`;
  const days = offered.map((s) => localParts(s.start, tz).date);
  if (days.every((d) => d === days[0])) {
    const times = offered.map((s) => sayTime(localParts(s.start, tz).time));
    return `On ${sayDate(days[0], tz)} I have ${listOf(times, 'or')}. Which works better?`;
  }
  return `I have ${listOf(offered.map((s) => sayInstant(s.start, tz)), 'or')}. Which works better?`;
}

function confirmText(ctx: DialogContext): string {
  const tz = ctx.business.timezone;
  if (!ctx.slot) return 'What time would you like?';
  const when = sayInstant(ctx.slot.start, tz);
  const svc = (ctx.service?.name ?? ctx.target?.serviceName ?? 'appointment').toLowerCase();
  if (ctx.task === 'reschedule' && ctx.target) {
    return `Just to confirm: move your ${svc} from ${sayInstant(ctx.target.start, tz)} to ${when}?`;
  }
  const staff = ctx.slot.staffName ? ` with ${ctx.slot.staffName}` : '';
  const phone = ctx.phone && ctx.phoneFromCallerId ? `, and we'll reach you at ${speakPhone(ctx.phone)}` : '';
  const at = ctx.address ? ` at ${ctx.address}` : '';
  return `Just to confirm: a ${svc} on ${when}${staff}${at} for ${ctx.name ?? 'you'}${phone}. Shall I book it?`;
}

/** One sentence (or two) for a note. */
export function noteText(n: Note, ctx: DialogContext, now: Date): string {
  const tz = ctx.business.timezone;
  switch (n.kind) {
    case 'safety':
      return n.text;
    case 'closedDay':
      return n.reason === 'holiday' ? `We're closed on ${sayDate(n.date, tz)} for a holiday.` : `We're closed on ${sayDate(n.date, tz).split(',')[0]}s.`;
    case 'nothingThen':
      return "I don't have an opening then.";
    case 'noSlotsAtAll':
      return "I'm sorry, I don't see any openings for that in the next few weeks.";
    case 'exactTaken':
      return `${capitalize(sayTime(n.time))} is already taken.`;
    case 'timePassed':
      return `${capitalize(sayTime(n.time))} has already passed today.`;
    case 'outsideHours':
      return `On ${sayDate(n.date, tz).split(',')[0]} we're open ${n.hours.map(([a, b]) => `${sayTime(a)} to ${sayTime(b)}`).join(' and ')}.`;
    case 'exactOpen':
      return `${sayInstant(n.slot.start, tz)} is open.`;
    case 'slotTaken':
      return "I'm sorry, that time was just taken.";
    case 'booked':
      return `You're all set: your ${n.service.toLowerCase()} is booked for ${sayInstant(n.appointment.start, tz)}.`;
    case 'moved':
      return `Done. Your ${n.from.serviceName.toLowerCase()} is now on ${sayInstant(n.appointment.start, tz)}.`;
    case 'cancelled':
      return `Your ${n.appointment.serviceName.toLowerCase()} on ${sayInstant(n.appointment.start, tz)} is cancelled.`;
    case 'keptAppointment':
      return "Okay, I'll leave it as it is.";
    case 'noAppointments':
      // appointments are found by caller ID only, so nobody can change someone else's by naming a number
      if (ctx.identity === 'verified') return "I couldn't find an upcoming appointment under that number.";
      return ctx.callerPhone
        ? "I couldn't find an upcoming appointment under the number you're calling from."
        : "I can only look up appointments when you call from the phone number they were booked with. I can take a message for the team instead.";
    case 'messageTaken':
      return `Got it. I've passed your message along, and someone will call you back${n.urgent ? ' as soon as possible' : ''}.`;
    case 'answer':
      return n.text ?? "I'm not sure about that, and I don't want to guess. I can take a message and have someone get back to you.";
    case 'alerted': {
      // say only what happened: an alert went out, or the request was marked urgent for the team
      const back = ctx.phone ? ` at ${speakPhone(ctx.phone)}` : '';
      // an URGENT lead always starts the owner's alert ladder (lead.urgent); a HIGH one is only flagged
      if (n.priority !== 'URGENT' && !n.notified.length) return `I've marked this as urgent for the team, and someone will call you back${back} as soon as possible.`;
      const who = n.afterHours ? "We're closed right now, so I've sent an urgent alert to the on-call team" : "I couldn't reach anyone directly, so I've sent an urgent alert to the team";
      return `${who}. Someone will call you back${back} as soon as possible.`;
    }
    case 'urgentBooking':
      return "That sounds urgent, so let's get you in as soon as possible.";
    case 'transferring':
      return n.alerted ? "I've sent an urgent alert to the team, and I'm connecting you with someone now. Please hold." : "I'm connecting you with someone now. Please hold.";
    case 'transferFailed':
      return "I'm sorry, I can't connect you with someone right now, but I can take a message.";
    case 'afterHoursMessage': {
      const next = nextOpening(ctx.business, now);
      return `We're closed right now${next ? ` and open again ${next}` : ''}. I can take a message and someone will call you back.`;
    }
    case 'codeSent':
      return `If ${speakPhone(n.phone)} has a booking with us, I've just texted it a 6-digit code.`;
    case 'codeWrong':
      return "That code doesn't match.";
    case 'notVerified':
      return "I'm sorry, I can't look up or change a booking without confirming it's yours. I can take a message for the team and they'll get back to you.";
    case 'detailMismatch':
      return "I couldn't match that to a booking under this number.";
    case 'silence':
      return 'Are you still there?';
    case 'missed':
      return "Sorry, I didn't catch that.";
    case 'failure':
      return "I'm sorry, something went wrong on my end.";
  }
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
