/**
 * How one caller turn is read into the statechart's event: emergencies first, then hand-off, task switches,
 * questions, and the turn itself (what it says of the booking, the caller and the call's end). Pure: the words and
 * what the conversation holds go in, one event comes out; conversation.ts runs it.
 */
import { localParts } from './calendar.js';
import {
  asksForAQuote,
  type DialogContext,
  type DialogEvent,
  type Expecting,
  type Facts,
  type TurnEvent,
} from './dialog.js';
import { asksServiceArea } from './knowledge.js';
import {
  agreeingNo,
  answerTo,
  firstPartOf,
  priorityRank,
  relativeNamed,
  weekdayIn,
  type TimeWish,
  type Understanding,
} from './nlu/index.js';
import { BOOKING_PUT_OFF, WAITLIST } from './nlu/intent.js';
import { LATEST_START, SETTINGS_QUESTION } from './settings-answers.js';
import type { BusinessProfile, ServiceInfo } from './types.js';

/** A time or a bound said outright ("after 4", "before noon", "at 3"). */
const boundSaid = (w: Understanding['when']) => !!(w?.time || w?.after || w?.before);

/** A caller who cannot read the texted code: "I don't have my phone with me", "I never got the text". */
const NO_CODE =
  /\b(?:don't|do not|didn't|did not|can't|cannot|can not|haven't|have not|never|not) (?:have|got|get|gotten|receive|received|see|seen|check|access)\w* (?:it |my |the |a |that |any |her |his )?(?:phone|cell|mobile|text|texts|code|message|sms)\b|\b(?:my |the )?(?:phone|cell|mobile) (?:is|'s) (?:dead|at home|not with me|in the car)\b/;

const THANKS_ONLY =
  /^(?:(?:ok(?:ay)?|great|perfect|awesome|amazing|fantastic|wonderful|excellent|cool|nice|sweet|lovely|brilliant|ace|alright|all right|no|nope|righto|sound|grand|champion|magic|lush|nice one|sweet as|spot on|(?:(?:yes|yeah|yep),? )?that'?s (?:great|perfect|lovely|brilliant|fine|fab|awesome|amazing|wonderful|grand)),? )*(?:thanks?|thank you|thx|cheers|ta|much appreciated|(?:i |really )?appreciate (?:it|that|you|your help)|you're a (?:star|legend|lifesaver)|you've been (?:great|very helpful|a great help|helpful))(?: so much| very much| a lot| mate| love)?(?:,? (?:bye|goodbye))?[.!]*$/;

/** The booking just made taken back for another time: "scrap that… instead", "actually, can we change it to…". */
const TAKEN_BACK =
  /\b(?:scrap|scratch|cancel|forget) (?:that|it)\b[^?]*\binstead\b|\b(?:change|move|switch|swap) (?:that|it)\b|\b(?:actually|sorry|wait)\b[^.?!]*\binstead\b/;

/**
 * The service named only inside a question about the booking under way ("does he need to bring his own guitar?"),
 * not asked for: it does not replace the service being booked.
 */
function askedOfBooking(text: string, ctx: DialogContext, named: ServiceInfo): boolean {
  if (ctx.task !== 'book' || !ctx.service || ctx.service.name === named.name) return false;
  const sentences = text.split(/(?<=[.!?])\s+/);
  const naming = sentences.filter((s) =>
    [named.name, ...(named.synonyms ?? [])].some((w) => s.toLowerCase().includes(w.toLowerCase())),
  );
  return (
    naming.length > 0 &&
    naming.every(
      (s) => /\?\s*$/.test(s) && /^(?:does|do|will|would|should|is|are|can|what|how|where)\b/i.test(s.trim()),
    ) &&
    !naming.some((s) => /\b(?:instead|rather|switch|change|swap|make it|book|want|like|prefer)\b/i.test(s))
  );
}

/** A wish bounded by a time ("after your lunch", "before 3"). */
const bounded = (w: TimeWish) => !!(w.after || w.before);

/** Words that end the call whatever agreeing word comes first ("okay, thanks, bye", "perfect, that's all"). */
export const SIGN_OFF = /\b(bye|goodbye|good bye|that's (all|it|everything)|that is all|nothing else|wrong number)\b/;
/** A sentence that asks, said without a question mark ("and what do I need to bring", "do you bulk bill"). */
export const ASKS =
  /^(?:(?:and|also|oh|so|um|uh|plus|just)[,]? )*(?:what|how|do|does|is|are|can|will|where|who|which|should)\b/i;

/** A booking asked for in so many words beside a question ("could I come Thursday at 3", "I'd like one at 3"). */
const WANTS_A_TIME =
  /\b(?:could|can|may) (?:i|we) (?:come|come in|book|get|have|grab|do|make|bring (?:it|him|her|them|the [a-z]+|my [a-z]+|in)|drop (?:it|him|her|them) off|pop in|pop by|stop by|swing by)\b|\b(?:could|can|would) (?:you|y'all|someone|somebody|anyone)(?: guys)? (?:come|come out|do|fit (?:me|us|it|him|her) in|squeeze (?:me|us|it) in|see (?:me|us|him|her))\b|\b(?:do|have) you (?:have|got) (?:anything|any openings|an opening|a slot|any slots|any time|time)\b|\bis there anything (?:free|open|available)\b|\b(?:i'?d|i would|we'?d|we would) (?:like|love) (?:one|it|to come|to book|to get|an appointment)\b|\bbook (?:me|us|it|one|that)\b|\bput me down\b/;

/** Asking for the first start ("what's the earliest you can do?", "the earliest one then", "how early can I come?"). */
const EARLIEST_ASK =
  /\b(?:the )?earliest (?:you|i|we|one|time|start|slot|appointment|opening|drop[- ]?off)\b|\bhow early (?:can|could|do)\b|\bearliest (?:possible|available)\b/;

/** Parting words that name when the caller will be seen ("see you Thursday", "see ya this arvo", "catch you then"). */
const SEE_YOU =
  /\b(?:see|catch) (?:you|ya|u|y'all|youse)\b|(?<!\b(?:was|were|been) (?:really |so )?)\blook(?:ing)? forward to (?:it|seeing you)\b/;
const WRONG_NUMBER = /\b(wrong number|dialed the wrong|called the wrong|misdialed)\b/;

/**
 * The day and time of `at` said back by the caller, as far as they said them: "seven on Thursday" of 7 PM (an hour
 * without am/pm is either), "Friday at 12" of a Friday a week on (a bare weekday names that day of any week).
 */
function saysBack(u: Understanding, at: { date: string; time: string }): boolean {
  const w = u.when;
  if (!w) return false;
  const [h, m] = [Number(at.time.slice(0, 2)), at.time.slice(2)];
  const sameHour =
    !w.time ||
    w.time === at.time ||
    (!!u.hourGuessed && Math.abs(Number(w.time.slice(0, 2)) - h) === 12 && w.time.slice(2) === m);
  const sameDay =
    !w.date || w.date === at.date || (!!u.weekday && weekdayIn({ from: at.date, to: at.date }, u.weekday) === at.date);
  return sameHour && sameDay;
}

/**
 * "Thursday at 8 is ideal, thanks", "10am tomorrow works, as long as it's not Dave" to the read-back of Thursday at
 * 8 with Jordan: the time held said back, with nothing changed, agrees to it.
 */
function restatesHeld(u: Understanding, ctx: DialogContext): boolean {
  if (!ctx.slot || !u.when?.time || u.correction) return false;
  const tz = ctx.business.timezone;
  const held = localParts(ctx.slot.start, tz);
  // "Thursday at 8, thanks" said again at the read-back of the puncture repair right after the 8 o'clock service:
  // the visit agreed to, of which this is the rest
  const bookedNow = (ctx.booked ?? []).map((b) => localParts(b.start, tz));
  if (!saysBack(u, held) && !bookedNow.some((b) => saysBack(u, b) && b.date === held.date)) return false;
  if (u.service && u.service.service.name !== ctx.service?.name) return false;
  // "…with Chloe, Wednesday at 3" of a time held with Liam changes who
  if (u.staff && u.staff !== (ctx.slot.staffName ?? ctx.staff)) return false;
  const refused = u.refusedStaff?.split(/\s+/)[0];
  if (refused && ctx.slot.staffName?.toLowerCase().startsWith(refused.toLowerCase())) return false;
  // "…as long as it's not Dave" says no to Dave, not to the time
  if (u.yesNo === 'no' && !refused) return false;
  // the staff member ruled out is no change to a time held with someone else
  const rest = refused ? u.text.replace(new RegExp(`[^,.;!?]*\\b${refused}\\b`, 'i'), ' ') : u.text;
  // "…please move it" at "move your visit to Friday at 2?": the move asked about, agreed to
  const agreed = ctx.task === 'reschedule' ? rest.replace(MOVE_IT, ' ') : rest;
  return !CHANGE_WORDS.test(agreed.replace(IDIOMS, ' '));
}

/** Asking for someone to come and do a job: "I can just book someone", "can you send someone out?", "get a plumber". */
const SEND_SOMEONE =
  /\b(?:book|send|get|need|want|have) (?:someone|somebody|a (?:plumber|tech|technician|electrician|guy|person|handyman|locksmith|mechanic|roofer|painter|cleaner))\b|\b(?:someone|somebody|you|y'all|a tech|a plumber) (?:to )?(?:come|come out|pop out|pop round|swing by|have a look|take a look|look at|fix|check)\b|\bcome (?:out|over|round|by) and (?:look|have a look|take a look|fix|check)\b/;

/** A trade's visit for any job ("Service Call", "Call-out", "Diagnostic Visit"), when the business lists exactly one. */
const ANY_JOB =
  /\b(?:service call|call[- ]?out|diagnostic(?: visit| call)?|service visit|repair visit|home visit|site visit|troubleshooting(?: visit)?)\b/i;
function anyJobVisit(business: BusinessProfile): ServiceInfo | undefined {
  const visits = business.services.filter((s) => ANY_JOB.test(s.name));
  return visits.length === 1 ? visits[0] : undefined;
}

/** Asking back whether it is so: "right?", "is that right?", "yeah?", "correct?", or a question mark. */
const CHECKING =
  /\?|\b(?:right|correct|yeah|yes|innit|eh)\W*$|^\W*(?:so|just to (?:check|confirm)|just so i got it right)\b/;

/**
 * A booking made or moved in this call, said back by the caller as a check ("so that's Friday at 10 now?", "I'm all
 * booked in for Saturday at 9, right?"): its day and time as said, nothing asked to book or change.
 */
export function restatedBooking(u: Understanding, ctx: DialogContext): { service: string; start: string } | undefined {
  const when = u.when;
  if (!when || (!when.date && !when.time) || when.range || !CHECKING.test(u.text)) return undefined;
  if (u.correction || u.service || BOOKING_ASKED.test(u.text) || CHANGE_WORDS.test(u.text.replace(IDIOMS, ' ')))
    return undefined;
  if (u.intents.some((i) => i === 'book' || i === 'cancel' || i === 'reschedule')) return undefined;
  const tz = ctx.business.timezone;
  return (ctx.booked ?? []).findLast((b) => saysBack(u, localParts(b.start, tz)));
}

/** The name held, said again whole or by its first words ("Jenna" of "Jenna Park"): no new name. */
function sameName(said: string, held: string | undefined): boolean {
  return !!held && (said.trim().toLowerCase() === held.trim().toLowerCase() || firstPartOf(said, held));
}

/** The move itself, asked for at a move's read-back ("please move it", "go ahead and change it"). */
const MOVE_IT = /\b(?:move|change|switch|reschedule) it(?: over)?\b/g;

/** A booking asked for in so many words: "can I book my bike in", "I'd like to book", "book me in for". */
const BOOKING_ASKED =
  /\b(?:can|could|may) (?:i|we) (?:please )?(?:book|schedule)\b|\b(?:i'd|i would|we'd|we would|i want to|i wanna|want to|like to|need to|looking to|trying to) (?:book|schedule)\b|\bbook (?:me|us|him|her|it|my [a-z]+|our [a-z]+) in\b/;

/** Words that turn a "yes" at the read-back into a change ("yes, but make it 4", "yeah, 4 not 3"). */
const CHANGE_WORDS = /\b(not|but|instead|change|rather|different|switch|move|push|bring|earlier|later|sooner)\b/;

/** Words that point at an appointment already booked rather than the one being made. */
const EXISTING_APPOINTMENT =
  /\b(?:my|the|our) (?:existing |other |current |next |upcoming )?(?:appointment|booking|visit|reservation)\b|\balready (?:have|booked)\b/;

/** "when is my cleaning?", "what time's my next fade?": with a service named, a question about one the caller has. */
const WHEN_MINE =
  /\b(?:when|what time|what day)(?: is|'s) (?:my|our|his|her|their|(?!it's|that's|what's)[a-z]+'s) (?:[a-z]+'s )?(?:next |upcoming )?(?:[a-z-]+ ){0,3}?[a-z-]+\s*(?:\?|$|\b(?:with|on|this|next|again)\b)/;
const JOB_STATUS = /\b(?:ready|done|finished|fixed|back|arriving|coming)\b/;

/** The caller puts the booking off: "never mind", "I'll call you back", "let me check with my wife". */
const DEFERS =
  /\b(?:never ?mind|forget it|i(?:'ll| will) (?:call|ring|phone|get back to) (?:you|y'all)(?: guys)?(?: back)?|(?:and|then) get back to (?:you|y'all)|i(?:'ll| will) (?:call|ring|phone) (?:back|again|later)|after i (?:talk|speak|check) (?:to|with)|(?:i'll|i will|i'd better|i need to|i have to|i'll have to|let me) (?:check with|talk (?:to|with)|ask|run it by|think about it|think it over|confirm with)|i need to think|maybe (?:another|some other) time)\b/;

/** When the caller does something of their own before booking: "I'll call the vet this afternoon", "I'll ask him tonight". */
const OWN_ERRAND =
  /\b(?:i'?ll|i will|i need to|i have to|i'm going to|i'm gonna|let me)\s+(?:call|ring|phone|check|talk|speak|ask|see|email|text|message|chat)\b[^.!?]{0,40}?\b(?:this (?:morning|afternoon|arvo|evening)|today|tonight|tomorrow|later|on (?:mon|tues|wednes|thurs|fri|satur|sun)day)\b/;

/** An acknowledgement and nothing else ("okay.", "alright then", "right"): to "anything else?", the caller is done. */
const DONE_ACK =
  /^(?:ok(?:ay)?|alright|all right|right|okay then|ok then|alright then|fair enough|got it|gotcha|cool|sure)[.!,]*$/;

/** Callers who want work or sell something: their message is for the owner, about no service. */
export const NOT_A_CUSTOMER =
  /\b(?:hiring|taking on (?:any )?(?:new |more )?(?:staff|tutors?|teachers?|barbers?|stylists?|technicians?|mechanics?|apprentices?)|(?:my|a) (?:cv|resume)|help wanted|apply(?:ing)? (?:for|to)|job (?:opening|application|posting)|looking for (?:work|a job)|marketing|advertising|seo|(?:we|i) help (?:companies|businesses|\w+ (?:companies|businesses))|sales rep|partnership)\b/;

/** "not a problem", "why not": a "not" that changes nothing. */
const IDIOMS = /\bnot (?:a problem|at all|bad|an issue)\b|\bwhy not\b/g;

const CALLBACK =
  /\b(reach me|call me|get back to me|my (best |cell |mobile |call ?back )?number is|best number|call ?back number)\b/;

const OFFER_QUESTION =
  /\b(do|does|can|could) (you|y'all|you guys|they) (do|offer|handle|provide|work on|service|fix|see|treat)\b|\bis there\b|\b(is|are) (that|this|those|these|it) (something|anything|a thing|the kind of (thing|work)) (you|y'all|you guys|your (firm|office|team|company))\b/;

const INFO_QUESTION =
  /\b(open|close[ds]?|hours|how much|price|cost|charge|where|located|address|insurance|coverage|walk-?ins?|park|parking|leave (my|the) (car|truck|vehicle)|warranty|accept|pay|credit cards?|cash|pets?|allowed)\b/;

/** "what do you charge to come out?": a price question, even when it also reads as a wish to book. */
const PRICE_ASK =
  /\b(how much|what do (you|y'all|you guys) charge|what('s| is) (the|your) (price|cost|fee|rate)|do you charge|(a|the|your) (price|rate|ballpark) (on|for)|what (would|does|will|might) (it|that|this|something like that) (run|cost|be)|what would (i|we) be looking at)\b/;

/** Reads a turn into the chart's event: emergencies first, then hand-off, task switches, questions. */
export function toEvent(
  u: Understanding,
  raw: string,
  expecting: Expecting,
  ctx: DialogContext,
  bareName: (s: string) => string | undefined,
): DialogEvent {
  const facts: Facts = {};
  // "Does he need to bring his own guitar?" while a trial lesson is being booked: a question about it, no new service
  if (u.service && !askedOfBooking(u.text, ctx, u.service.service)) facts.service = u.service.service;
  // "the kitchen faucet's been dripping… I can just book someone": at a business with a visit for any job (a service
  // call, a call-out), what is booked when the caller names no service of its list
  else if (
    !ctx.service &&
    !ctx.askedAbout &&
    !u.serviceChoices &&
    u.intents.includes('book') &&
    SEND_SOMEONE.test(u.text) &&
    !u.intents.some((i) => i === 'cancel' || i === 'reschedule' || i === 'check' || i === 'emergency') &&
    !EXISTING_APPOINTMENT.test(u.text)
  ) {
    const visit = anyJobVisit(ctx.business);
    if (visit) facts.service = visit;
  }
  if (u.serviceChoices) facts.serviceChoices = u.serviceChoices;
  if (u.unknownStaff) facts.unknownStaff = u.unknownStaff;
  if (u.nameIs) facts.nameIs = u.nameIs;
  if (u.alsoServices) facts.alsoServices = u.alsoServices;
  if (u.company) facts.company = u.company;
  // "the first" while choosing among offers is a pick, not the first of the month
  const pickNotDate =
    expecting === 'pick' && u.pick !== undefined && u.when && !u.when.time && !u.when.range && !bounded(u.when);
  if (u.when && !pickNotDate) facts.when = u.when;
  // "what's the latest you can start that day?" while booking: the day's last opening is the wish
  // (the question the settings answer from the hours when nothing is being booked), and "the earliest one" its first
  if (ctx.task === 'book' && LATEST_START.test(u.text)) facts.when = { ...facts.when, latest: true };
  else if (ctx.task === 'book' && EARLIEST_ASK.test(u.text)) facts.when = { ...facts.when, earliest: true };
  const name =
    (expecting === 'name' && ctx.forRelative ? relativeNamed(raw, ctx.forRelative) : undefined) ??
    u.name ??
    (expecting === 'name' ? bareName(raw) : undefined);
  if (name) facts.name = name;
  if (u.name && u.namePart) facts.namePart = u.namePart;
  if (u.phone) facts.phone = u.phone;
  if (u.email) facts.email = u.email;
  if (u.address) facts.address = u.address;
  if (u.staff) facts.staff = u.staff;
  if (u.forRelative) facts.forRelative = u.forRelative;
  if (u.anchorDay) facts.anchorDay = u.anchorDay;
  if (u.party) facts.party = u.party;
  // at "shall I cancel / book it?" the action said plainly decides over a leading "no" about something else
  const proposal = expecting === 'cancel' || expecting === 'confirm' || expecting === 'pick';
  const agreed = proposal && agreeingNo(u.text) ? 'yes' : u.yesNo;
  // "That's it, thank you!" to "Just to confirm: …?": that is what was meant, not a goodbye
  const thatsIt = expecting === 'confirm' && /^\W*(?:(?:yes|yeah|yep)\W+)?that(?:'s| is) (?:it|the one)\b/.test(u.text);
  const restated = expecting === 'confirm' && restatesHeld(u, ctx);
  const yn =
    expecting === 'cancel'
      ? (answerTo(u.text, 'cancel') ?? agreed)
      : expecting === 'confirm'
        ? (answerTo(u.text, 'book') ?? (thatsIt || restated ? 'yes' : agreed))
        : agreed;
  if (
    expecting === 'confirm' &&
    yn === 'yes' &&
    !u.correction &&
    (restated || !CHANGE_WORDS.test(u.text.replace(IDIOMS, ' ')))
  ) {
    // a confirmation never changes what was agreed: loose words in "yes, that's right" are not a new service or time
    delete facts.service;
    delete facts.when;
    delete facts.staff;
    // "yes, please book it! It's Jenna Park, 720-555-0116": the name and number held, said again, change nothing
    if (facts.name && sameName(facts.name, ctx.name)) delete facts.name;
    if (facts.phone && (facts.phone === ctx.phone || facts.phone === ctx.callerPhone)) delete facts.phone;
  }
  // "straight after your lunch then, whatever the first one is": the first opening after it, not the first offer
  const firstWithin = u.pick === 0 && !!facts.when?.earliest && bounded(facts.when);
  const turn: TurnEvent = {
    type: 'TURN',
    text: raw.trim(),
    facts,
    ...(yn && !firstWithin ? { yesNo: yn } : {}),
    ...(u.pick !== undefined && !firstWithin ? { pick: u.pick } : {}),
    // "anything earlier?" moves the offers, or the time held while the name is asked
    // …unless it names its own bound: "anything after 4?" is after 4, not just later than the offers
    ...(u.shift && (expecting === 'pick' || expecting === 'confirm' || !!ctx.slot) && !boundSaid(u.when)
      ? { shift: u.shift }
      : {}),
    ...(u.hourGuessed ? { hourGuessed: true } : {}),
    ...(u.weekday && facts.when ? { weekday: u.weekday } : {}),
    // "I have a fitting tomorrow at noon, could you make it an hour later?": the time said is the appointment's
    ...(u.moveBy && (!facts.when?.time || u.intents[0] === 'reschedule') ? { moveBy: u.moveBy } : {}),
    // "…as long as it's not Dave" agreeing to a time held with Jordan: no new search
    ...(u.refusedStaff && !(expecting === 'confirm' && yn === 'yes') ? { avoidStaff: u.refusedStaff } : {}),
    ...(u.anyStaff ? { anyStaff: true } : {}),
    bookIntent: u.intents.includes('book'),
    sameNumber: u.sameNumber,
    expecting,
  };
  // the same emergency said again ("she's crying, it's getting warm in there") is heard as such, unless
  // the turn answers what is being asked (a time, a pick, a name, a number, an address)
  const answersSomething = !!(facts.when?.time || u.pick !== undefined || facts.name || facts.phone || facts.address);
  // …but while an urgent booking is being made for it (no alert went out), the same trouble said again goes on with
  // the booking ("we've got no water at all, I need someone today"): only a graver one is heard anew
  const bookingIt = ctx.task === 'book' && !!ctx.urgentBooking && !ctx.alerted;
  const graver =
    !ctx.emergency || priorityRank(u.emergency?.priority ?? 'NORMAL') > priorityRank(ctx.emergency.priority);
  if (
    u.emergency &&
    u.emergency.priority !== 'NORMAL' &&
    (!ctx.emergency || (!answersSomething && (!bookingIt || graver)))
  )
    return { type: 'EMERGENCY', hit: u.emergency, turn };
  // "ok please send someone" once the on-call team was alerted: the alert stands, it is no new booking
  // ("no, just send someone" to "anything else?" is a goodbye, as before)
  if (
    ctx.alerted &&
    ctx.emergency &&
    !ctx.task &&
    u.yesNo !== 'no' &&
    SEND_SOMEONE.test(u.text) &&
    !facts.service &&
    !facts.when
  )
    return { type: 'EMERGENCY', hit: ctx.emergency, turn };
  // "thanks!" after "anything else?" (or after an answer, at the opening question) is a goodbye, not a yes
  // …and so it is once a question was answered while a booking had barely begun ("saturday?… wat time u open till…
  // k ta": nothing chosen yet)
  const barelyBegun = ctx.task === 'book' && ctx.answered > 0 && !ctx.service && !ctx.slot && !ctx.offered.length;
  if (
    (expecting === 'anything' || (expecting === 'intent' && ctx.answered > 0) || barelyBegun) &&
    THANKS_ONLY.test(u.text)
  )
    return { type: 'GOODBYE' };
  // "Brilliant, cheers. Ta-ra!" to "anything else?": the "brilliant" is no yes to more, the call is over
  if (
    expecting === 'anything' &&
    u.intents.length > 0 &&
    u.intents.every((i) => i === 'goodbye') &&
    !facts.when &&
    !facts.service
  )
    return { type: 'GOODBYE' };
  // "nah that's it, ta! see ya this arvo" to "anything else?": a sign-off; the day in it is the booking's, not a new one
  // …but "see you then! will I get charged if I'm late?" still asks
  if (
    expecting === 'anything' &&
    SEE_YOU.test(u.text) &&
    !u.intents.some((i) => i !== 'goodbye' && i !== 'question') &&
    !(u.intents.includes('question') && u.text.includes('?'))
  )
    return { type: 'GOODBYE' };
  // "okay" or "I'll think about it, I'll call back" to "anything else?": the caller is done
  if (
    (expecting === 'anything' || (expecting === 'intent' && ctx.answered > 0)) &&
    (DONE_ACK.test(u.text.trim()) || (DEFERS.test(u.text) && !u.intents.length) || BOOKING_PUT_OFF.test(u.text))
  )
    return { type: 'GOODBYE' };
  // "I don't have my phone with me, could you pass a message on?" at the code: the message, not the code asked again
  if (expecting === 'code' && !/\d/.test(u.text) && (NO_CODE.test(u.text) || u.intents.includes('message')))
    return { type: 'START', task: 'message', turn };
  // a message, or a verification code, is taken as typed: its digits are not a time or a phone number
  if (expecting === 'message' || expecting === 'code') return turn;
  const intents = u.intents.filter((i) => i !== 'emergency');
  // "can you have her call me on my cell instead, it's 773…" just after a message was passed on: its number
  if (ctx.passedOn && facts.phone && facts.phone !== ctx.phone && !intents.includes('book') && !facts.when) return turn;
  const answering = ['confirm', 'cancel', 'pick'].includes(expecting) && !!yn;
  if (intents.includes('human')) return { type: 'HUMAN', turn };
  // "can you push it back an hour" while booking moves the booking being made, not an existing appointment
  // …and "can I switch that to Chloe?" changes who does it
  // …but with no time held or offered yet there is nothing of this booking to move: "I was hoping to move it. Could I
  // do Friday instead?" after "I have an appointment with Megan on Thursday" moves that one
  const somethingHeld = !!ctx.slot || ctx.offered.length > 0;
  const movesThisBooking =
    ctx.task === 'book' &&
    somethingHeld &&
    !!(turn.moveBy || facts.when || facts.staff || facts.service) &&
    !EXISTING_APPOINTMENT.test(u.text);
  for (const task of ['cancel', 'reschedule', 'check'] as const) {
    if (intents[0] === task && ctx.task !== task && !(task === 'reschedule' && movesThisBooking))
      return { type: 'START', task, turn };
  }
  // "Every rewire is different, we price them after a free site visit" — "can someone come out and have a look at it
  // so?": a visit to price work the business lists no service for is a quote for the team, not a booking
  if (
    (expecting === 'anything' || expecting === 'intent') &&
    !ctx.task &&
    ctx.answeredQuestion &&
    !facts.service &&
    !u.service &&
    !u.serviceChoices &&
    asksForAQuote(u.text)
  )
    return { type: 'START', task: 'message', turn };
  // "Actually sorry, scrap that… could you do Wednesday morning instead?" just after a booking in this call: that
  // booking moved
  if (
    expecting === 'anything' &&
    !ctx.task &&
    (ctx.booked ?? []).some((b) => !b.moved) &&
    facts.when &&
    !facts.service &&
    TAKEN_BACK.test(u.text)
  )
    return { type: 'START', task: 'reschedule', turn };
  if (facts.service && WHEN_MINE.test(u.text) && !JOB_STATUS.test(u.text) && !answering)
    return { type: 'START', task: 'check', turn };
  // "never mind, I need to think about it", "I'll check with work and call you back": nothing is booked
  // (a turn that picks a time or agrees to the read-back chooses, whatever else it says)
  // …and "I'll call the vet this afternoon and get back to you" names when the caller does their errand, not a visit
  const whenOfErrand = !!facts.when && !facts.when.time && OWN_ERRAND.test(u.text);
  const choosesNothing =
    (!facts.when || whenOfErrand) && u.pick === undefined && !(expecting === 'confirm' && yn === 'yes');
  if (ctx.task === 'book' && DEFERS.test(u.text) && choosesNothing) return { type: 'DEFER' };
  // "Saturday's the only day I can do, let me know if someone cancels": a message, whatever day is named
  if (WAITLIST.test(u.text) && !(expecting === 'confirm' && yn === 'yes'))
    return { type: 'START', task: 'message', turn };
  // "need to book my boiler service. Also could someone ring me with a quote for two radiators?": the booking now,
  // the request passed on once it is made
  const later = intents.includes('message') && !answering && !ctx.task ? laterRequest(raw, u) : undefined;
  if (later) {
    // what the request names ("a quote for two radiators") is the team's to price, not a second booking
    const { alsoServices: _quoted, ...booked } = turn.facts;
    return { type: 'START', task: 'book', turn: { ...turn, facts: booked, laterMessage: later } };
  }
  // "can someone get back to me with an estimate?": a call-back asked for wins over a booking unless a time is named
  // …and wins over an answer to a pick or a read-back unless the turn picks a time or agrees to the booking
  if (intents.includes('message') && (!intents.includes('book') || !facts.when) && (!answering || choosesNothing)) {
    // a job seeker or a salesperson names the trade, not a service they want
    if (NOT_A_CUSTOMER.test(u.text)) delete turn.facts.service;
    return { type: 'START', task: 'message', turn };
  }
  // "this is Dana from Acme, you can reach me at 212 555 0177" at the start: a call-back request
  const opening = expecting === 'intent' || expecting === 'anything';
  if (
    opening &&
    (facts.name || facts.phone) &&
    CALLBACK.test(u.text) &&
    !intents.includes('book') &&
    !facts.service &&
    !facts.when
  ) {
    return { type: 'START', task: 'message', turn };
  }
  const hasPerson = !!(
    facts.name ||
    facts.phone ||
    (u.pick !== undefined && expecting === 'pick') ||
    turn.shift ||
    turn.moveBy
  );
  // "are you open on Saturday?" names a day but asks for information, not a booking
  const asksInfo = INFO_QUESTION.test(u.text) || SETTINGS_QUESTION.test(u.text) || PRICE_ASK.test(u.text);
  // "wednesday what time do you open" (no question mark from the recogniser) is still a question
  // "can I get a drain cleaning?" names a service to book; "do you do balayage?" and "how much is a cut?" ask
  // …and "can I book my bike in for a full service? and can you fix a puncture while it's there?" books, the
  // question answered beside it
  const namesServiceToBook =
    !!(facts.service || facts.serviceChoices) &&
    (BOOKING_ASKED.test(u.text) || (!asksInfo && !OFFER_QUESTION.test(u.text)));
  // "what's the latest you can start on Friday?" while booking: the day's last opening, offered, not the hours read out
  const asksEdgeSlot = !!(facts.when?.latest || facts.when?.earliest) && (ctx.task === 'book' || !!facts.service);
  // "how long does it take? and could I come Thursday at 3": the time asked for is booked, the question answered beside it
  // …and so is a service named with a day and a time ("need shots for my cat… so mon the 3rd, 9ish?")
  const wantsATime =
    (!!(facts.when?.time || facts.when?.date || facts.when?.partOfDay) && WANTS_A_TIME.test(u.text)) ||
    (!!facts.service && !!facts.when?.date && !!facts.when?.time);
  if (
    !asksEdgeSlot &&
    !wantsATime &&
    (intents.includes('question') || SETTINGS_QUESTION.test(u.text)) &&
    // "how much is a cut?", "I need help with divorce papers, is that something you do?": asked, not booked
    (!intents.includes('book') ||
      ((PRICE_ASK.test(u.text) || OFFER_QUESTION.test(u.text) || asksServiceArea(u.text)) && !facts.when)) &&
    // "this is Marcus at 1187 Fernwood, what's the price on weekly mowing?": answered, and who asked is kept
    (!hasPerson || (opening && asksInfo && !turn.shift && !turn.moveBy)) &&
    !answering &&
    (!facts.when || asksInfo) &&
    !namesServiceToBook &&
    // "can I switch that to Chloe?" while booking changes who does it
    !(ctx.task === 'book' && facts.staff && facts.staff !== ctx.staff) &&
    // "oh, you open at ten? okay, ten then" among offers: the time picks one, the question is answered beside it
    !(expecting === 'pick' && facts.when?.time)
  ) {
    return { type: 'QUESTION', text: raw, turn };
  }
  if (
    (intents.includes('goodbye') || WRONG_NUMBER.test(u.text)) &&
    !answering &&
    !Object.keys(facts).length &&
    (u.yesNo !== 'yes' || SIGN_OFF.test(u.text))
  )
    return { type: 'GOODBYE' };
  // "I have a tooth that's been a bit sensitive to cold drinks for months, no rush": the trouble told at the start
  // is what the caller wants seen to (they are asked which service, with the list)
  if (opening && !ctx.task && !Object.keys(facts).length && !u.intents.length && TROUBLE_TOLD.test(u.text))
    return { type: 'START', task: 'book', turn };
  return turn;
}

/**
 * The part of a turn that asks the team for something, when the rest books a service in so many words ("need to
 * book my annual boiler service please. Also while I've got you - could someone ring me with a quote…"): the
 * sentence or clause that is the request, or undefined when the turn is one or the other.
 */
function laterRequest(raw: string, u: Understanding): string | undefined {
  if (!u.service || !BOOKING_ASKED.test(u.text)) return undefined;
  const parts = raw
    .split(/(?<=[.!?])\s+|\s+(?=(?:and )?also\b|while i've got you|while i have you)/i)
    .map((p) => p.trim())
    .filter(Boolean);
  const request = parts.filter((p) => !BOOKING_ASKED.test(p.toLowerCase()) && CALL_ME.test(p.toLowerCase()));
  return request.length && request.length < parts.length ? request.join(' ') : undefined;
}
/** Asking the team to be in touch: "could someone ring me", "have someone call me", "email me a quote". */
const CALL_ME =
  /\b(?:(?:ring|call|phone|text|email|e-mail) (?:me|us)|get back to (?:me|us)|(?:a|the) call ?back|give (?:me|us) a (?:call|ring|bell)|let (?:me|us) know|pass (?:it|this|that) on|a message for)\b/;

/** Trouble told in the caller's words: something of theirs hurts, broke, leaks or stopped working. */
const TROUBLE_TOLD =
  /\b(?:i|we|my|our|i've|we've|i have|we have|there's|there is)\b[^.?!]{0,60}\b(?:sensitive|hurts?|hurting|painful|sore|aching|aches|broken|broke|cracked|chipped|loose|leak(?:s|ing|y)?|dripping|clogged|blocked|backed up|not working|stopped working|won't (?:start|work|turn on|drain|flush|close|open|heat|cool|charge)|isn't working|doesn't work|making (?:a|an|this) (?:noise|sound)|noisy|squeak(?:s|ing|y)|rattl(?:es|ing)|grinding|stuck|overdue|due for)\b/;
