/** Everything the agent says in English: the catalogue every other language mirrors key for key. */
import { describeHours, nextOpening, sayDate, sayInstant, sayTime } from '../calendar.js';
import type { BusinessProfile } from '../types.js';

const listOf = (items: string[], joiner: 'and' | 'or'): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "a" or "an" by the sound the name starts with: "an oil change", "an hour", "a uniform fitting", "a one-hour massage". */
const a = (name: string) => {
  const w = name.trim().toLowerCase();
  // an abbreviation is said letter by letter: "an MOT", "an HVAC check", "a PRP facial"
  const letters = /^[A-Z]{2,}\b/.test(name.trim());
  const vowelSound =
    (letters && /^[AEFHILMNORSX]/.test(name.trim())) ||
    (!letters && /^(?:hour|honest|hono|heir)/.test(w)) ||
    (!letters && /^[aeiou]/.test(w) && !/^(?:uni|use|usu|ura|ure|uro|eu|one\b|once)/.test(w));
  return `${vowelSound ? 'an' : 'a'} ${name}`;
};
const weekday = (date: string, tz: string) => sayDate(date, tz).split(',')[0];

/**
 * The lines a call session speaks on its own, outside the dialog (fillers, re-prompts, goodbyes,
 * apologies when a provider fails). An organization may override any of them for its main language.
 */
export interface SessionLines {
  fillers: string[];
  /** A tool's own hold line, said instead of a filler while it runs (a transfer rings someone for a while). */
  toolHolds: Record<string, string>;
  reprompt: string;
  silenceGoodbye: string;
  maxDuration: string;
  /** Said when the node must end a live call (it is being stopped and the call ran past the drain limit). */
  shutdownGoodbye: string;
  apologyTakeMessage: string;
  apologyCantHear: string;
  /** Said when the speech recogniser stopped hearing the caller and is being replaced: what they said is lost. */
  sttLost: string;
  messageThanks: string;
}

const SESSION: SessionLines = {
  fillers: ['One moment while I check that.', 'Let me look that up for you.', 'Just a second.'],
  toolHolds: {
    transfer_to_human:
      "Let me see if someone can take your call. Please stay on the line, I'll be right with you either way.",
  },
  reprompt: 'Are you still there?',
  silenceGoodbye: "I haven't heard anything, so I'll hang up now. Please call back any time. Goodbye.",
  maxDuration:
    "I'm sorry, we've reached the time limit for this call. Someone from our team will follow up with you. Goodbye.",
  shutdownGoodbye: "I'm sorry, I have to end our call now. Someone from our team will call you back shortly. Goodbye.",
  apologyTakeMessage:
    "I'm sorry, I'm having some trouble on my end. Please tell me your name, your phone number and how we can help, and someone will call you back shortly.",
  apologyCantHear:
    "I'm sorry, I'm having trouble hearing you right now. Please leave your name, number and a short message after the tone, and someone will call you back.",
  sttLost: "Sorry, I didn't catch that. Could you say it again?",
  messageThanks: "Thank you, I've passed your message on. Someone will call you back soon. Goodbye.",
};

export const EN = {
  /** What the call session says on its own (voice/ speaks these; the dialog never does). */
  session: SESSION,

  // how dates and times are said
  time: (hm: string) => sayTime(hm),
  date: (date: string, tz: string) => sayDate(date, tz),
  instant: (iso: string, tz: string) => sayInstant(iso, tz),
  list: listOf,
  describeHours: (b: BusinessProfile) => describeHours(b),
  nextOpening: (b: BusinessProfile, now: Date) => nextOpening(b, now),

  // the conversation's own sentences
  greeting: (name: string) => `Thanks for calling ${name}.`,
  welcomeBack: (firstName: string) => `Hi ${firstName}, welcome back!`,
  holdForward: 'Please hold while I connect you.',
  recordingNotice: 'This call may be recorded.',
  closedVoicemail: " We're closed right now, but I can take a message.",
  closedAnswer: " We're closed right now, but I can still help.",
  howCanIHelp: ' How can I help you today?',
  helpOffer: 'I can take a message for the team or connect you with someone, or you can tell me once more.',
  turnFailed: "I'm sorry, something went wrong on my end. Could you say that again, or I can take a message?",
  sayAgain: 'Sorry, let me say that again.',
  /** Before the last reply said again, when the caller asks for it ("sorry, what was that?"). */
  repeating: 'Sure.',
  /** The caller asks for a moment ("hang on one sec"). */
  takeYourTime: "Sure, take your time. I'm here when you're ready.",
  switched: 'Of course, I can help you in English.',

  // prompts of the resting states
  intake: 'How can I help you today?',
  anythingElse: 'Is there anything else I can help you with?',
  anythingMore: ['Anything else I can help with?', 'What else can I do for you?'],
  /** After "I'm not sure… I can take a message": the offer made a question. */
  wantMessage: 'Would you like me to do that?',
  rescheduleWhen: (svc: string, when: string) =>
    `I see your ${svc} on ${when}. What day and time would you like instead?`,
  whichService: (names: string[]) => `Would that be ${listOf(names.map(a), 'or')}?`,
  whatToBook: (names: string[]) => `What would you like to book? We offer ${listOf(names, 'or')}.`,
  whenOnSite: (svc: string) => `What day and time would you like us to come out for the ${svc}?`,
  whenFor: (svc: string) => `What day and time would you like for your ${svc}?`,
  askName: 'May I have your name, please?',
  askRelativeName: (relative: string) => `What name should the booking be under, your name or your ${relative}'s?`,
  askPartyName: (relative: string) => `And what name should your ${relative}'s booking be under?`,
  askPhone: "What's the best phone number to reach you?",
  askAddress: "And what's the address where you need us?",
  askEmail: 'What email should we send it to?',
  whatToChange: 'No problem. What would you like to change?',
  chooseAppointment: (items: Array<{ svc: string; when: string }>) =>
    `I see ${items.length} upcoming appointments: ${listOf(
      items.map((x) => `${a(x.svc)} on ${x.when}`),
      'and',
    )}. Which one do you mean?`,
  confirmCancel: (svc: string, when: string) => `I see your ${svc} on ${when}. Would you like me to cancel it?`,
  whichToCancel: 'Which appointment would you like to cancel?',
  verifyPhone:
    "To keep bookings private, I'll text a code to the phone number the appointment is under. What number is that?",
  askCode: 'What is the code?',
  askBookingName: 'Before I look at your booking, what name is it under?',
  askMessage: 'What message would you like me to pass along?',
  askMessageName: 'And may I have your name?',
  askEmergencyName: 'So they know who they are calling, may I have your name?',
  askEmergencyPhone: "What's the best number for them to call you back on?",
  askEmergencyAddress: "And what's the address, so they know where to go?",
  goodbye: (name: string) => `Thanks for calling ${name}. Have a great day!`,
  goodbyeSafe: (name: string) => `Thanks for calling ${name}. Please stay safe.`,

  // offers and read-backs
  offerOne: (when: string) => `I can do ${when}. Does that work?`,
  offerSameDay: (day: string, times: string[]) => `On ${day} I have ${listOf(times, 'or')}. Which works better?`,
  offerMany: (whens: string[]) => `I have ${listOf(whens, 'or')}. Which works better?`,
  askTime: 'What time would you like?',
  confirmMove: (svc: string, from: string, to: string) => `Just to confirm: move your ${svc} from ${from} to ${to}?`,
  confirmBooking: (p: {
    svc: string;
    when: string;
    staff?: string;
    address?: string;
    name?: string;
    phone?: string;
    then?: string[];
  }) =>
    `Just to confirm: ${a(p.svc)} on ${p.when}${p.staff ? ` with ${p.staff}` : ''}${p.address ? ` at ${p.address}` : ''} for ${p.name ?? 'you'}${p.phone ? `, and we'll reach you at ${p.phone}` : ''}${p.then?.length ? `, then ${listOf(p.then.map(a), 'and')} right after` : ''}. Shall I book it?`,
  appointment: 'appointment',

  // notes said before the prompt
  closedHoliday: (date: string, tz: string) => `We're closed on ${sayDate(date, tz)} for a holiday.`,
  closedWeekday: (date: string, tz: string) => `We're closed on ${weekday(date, tz)}s.`,
  nothingThen: "I don't have an opening then.",
  noSlotsAtAll: "I'm sorry, I don't see any openings for that in the next few weeks.",
  tooFarAhead: (date: string, opens: string) =>
    `We can't book as far ahead as ${date} yet: bookings for that day open on ${opens}. I can take a message for the team, or book something sooner.`,
  exactTaken: (hm: string) => `${capitalize(sayTime(hm))} is already taken.`,
  notExactly: (hm: string) => `I don't have ${sayTime(hm)} exactly.`,
  runsPastClose: (svc: string, takes: string, hm: string, close: string) =>
    `${capitalize(a(svc))} takes about ${takes}, so at ${sayTime(hm)} it would run past our ${sayTime(close)} closing.`,
  timePassed: (hm: string) => `${capitalize(sayTime(hm))} has already passed today.`,
  outsideHours: (date: string, tz: string, hours: Array<[string, string]>) =>
    `On ${weekday(date, tz)} we're open ${hours.map(([x, y]) => `${sayTime(x)} to ${sayTime(y)}`).join(' and ')}.`,
  exactOpen: (when: string) => `${when} is open.`,
  yourTime: (time: string) => `(${time} your time)`,
  staffDoesNot: (staff: string, service: string, others: string[]) =>
    `${staff} doesn't do ${service}${others.length ? `, but ${listOf(others, 'and')} ${others.length > 1 ? 'do' : 'does'}` : ''}.`,
  staffUnknown: (said: string, staff: string[]) =>
    `We don't have a ${said} here${staff.length ? `; ${listOf(staff, 'or')} can see you` : ''}.`,
  slotTaken: "I'm sorry, that time was just taken.",
  booked: (svc: string, when: string) => `You're all set: your ${svc} is booked for ${when}.`,
  stillBooked: (svc: string, when: string) => `Yes, your ${svc} is booked for ${when}.`,
  moved: (svc: string, when: string) => `Done. Your ${svc} is now on ${when}.`,
  cancelled: (svc: string, when: string) => `Your ${svc} on ${when} is cancelled.`,
  yourAppointments: (items: Array<{ svc: string; when: string; staff?: string }>) =>
    items.length === 1
      ? `You have ${a(items[0].svc)} on ${items[0].when}${items[0].staff ? ` with ${items[0].staff}` : ''}.`
      : `You have ${items.length} upcoming appointments: ${listOf(
          items.map((x) => `${a(x.svc)} on ${x.when}${x.staff ? ` with ${x.staff}` : ''}`),
          'and',
        )}.`,
  keptAppointment: "Okay, I'll leave it as it is.",
  deferred: "No problem, I haven't booked anything. Call us back whenever you're ready.",
  detailsAdded: "Thanks, I've added that for the team.",
  stillAlerted: 'The team has your alert, and someone will call you back as soon as possible.',
  noAppointmentsVerified: "I couldn't find an upcoming appointment under that number.",
  noAppointmentsCallerId:
    "I couldn't find an upcoming appointment under the number you're calling from. If it's booked under another number, just tell me that number.",
  noAppointmentsOfferMessage:
    "I can't find that appointment under the number you're calling from, so I can't change it from this call. I can take a message for the team, and they'll sort it out with you.",
  noAppointmentsChat:
    'I can only look up appointments when you call from the phone number they were booked with. I can take a message for the team instead.',
  messageTaken: (urgent: boolean) =>
    `Got it. I've passed your message along, and someone will call you back${urgent ? ' as soon as possible' : ''}.`,
  notSure: "I'm not sure about that, and I don't want to guess. I can take a message and have someone get back to you.",
  markedUrgent: (phone?: string) =>
    `I've marked this as urgent for the team, and someone will call you back${phone ? ` at ${phone}` : ''} as soon as possible.`,
  alerted: (afterHours: boolean, phone?: string) =>
    `${afterHours ? "We're closed right now, so I've sent an urgent alert to the on-call team" : "I couldn't reach anyone directly, so I've sent an urgent alert to the team"}. Someone will call you back${phone ? ` at ${phone}` : ''} as soon as possible.`,
  urgentBooking: "That sounds urgent, so let's get you in as soon as possible.",
  transferring: (alerted: boolean): string =>
    alerted
      ? "I've sent an urgent alert to the team, and I'm connecting you with someone now. Please hold."
      : "I'm connecting you with someone now. Please hold.",
  transferFailed: "I'm sorry, I can't connect you with someone right now, but I can take a message.",
  afterHoursMessage: (next?: string) =>
    `We're closed right now${next ? ` and open again ${next}` : ''}. I can take a message and someone will call you back.`,
  codeSent: (phone: string) => `If ${phone} has a booking with us, I've just texted it a 6-digit code.`,
  codeWrong: "That code doesn't match.",
  notVerified:
    "I'm sorry, I can't look up or change a booking without confirming it's yours. I can take a message for the team and they'll get back to you.",
  detailMismatch: "I couldn't match that to a booking under this number.",
  silence: 'Are you still there?',
  missed: "Sorry, I didn't catch that.",
  failure: "I'm sorry, something went wrong on my end.",
  /** A safety instruction of the emergency lexicon, by its English text (owners' own lines pass as written). */
  safety: (text: string) => text,

  // answers from the business's settings
  openNow: (until?: string) => `Yes, we're open right now${until ? `, until ${sayTime(until)} today` : ''}.`,
  closedNow: (next?: string) => `We're closed right now${next ? `; we open again ${next}` : ''}.`,
  closedHolidayOn: (date: string, tz: string, today: boolean) =>
    `We're closed ${today ? 'today' : `on ${sayDate(date, tz)}`} for a holiday.`,
  closedOnWeekdays: (date: string, tz: string) => `We're closed on ${weekday(date, tz)}s.`,
  openOnWeekdays: (date: string, tz: string, spans: string) => `On ${weekday(date, tz)}s we're open ${spans}.`,
  openOn: (date: string, tz: string, today: boolean, spans: string) =>
    `We're open ${today ? 'today, ' : ''}${weekday(date, tz)} ${spans}.`,
  spans: (h: Array<[string, string]>) => h.map(([x, y]) => `${sayTime(x)} to ${sayTime(y)}`).join(' and '),
  duration: (name: string, said: string) => `${capitalize(a(name))} takes about ${said}.`,
  durationWords: (min: number) => {
    if (min < 60) return `${min} minutes`;
    const h = Math.floor(min / 60);
    const m = min % 60;
    const hours = h === 1 ? 'an hour' : `${h} hours`;
    if (!m) return `${hours} (${min} minutes)`;
    if (m === 30) return `${hours} and a half (${min} minutes)`;
    return `${hours} and ${m} minutes (${min} minutes)`;
  },
  price: (name: string, price: string) => `${capitalize(a(name))} is ${price}.`,
  priceEach: (names: string[], price: string) => `${capitalize(listOf(names, 'and'))} are each ${price}.`,
  address: (address: string) => `We're at ${address}.`,
  weDo: (name: string, price?: string) => `Yes, we do ${name}${price ? `; it's ${price}` : ''}.`,
  notAmongServices: (thing: string, offered: string) =>
    `I don't see ${thing} among our services: ${offered.charAt(0).toLowerCase()}${offered.slice(1)} If you'd like, I can take a message to check with the team.`,
  weOffer: (names: string[]) =>
    names.length <= 1
      ? `We offer ${names[0] ?? 'several services'}.`
      : `We offer ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}.`,
  stillHere: "Yes, I'm here, I can hear you.",
  whichCanIHelp: 'Which one can I help you with?',
  thisIs: (name: string) => `Yes, this is ${name}.`,
  serviceFacts: (name: string, min: number, price?: string) =>
    `${capitalize(a(name))} takes about ${min} minutes.${price ? ` It's ${price}.` : ''}`,
};

/** The shape every language's catalogue has. */
export type Lines = typeof EN;
