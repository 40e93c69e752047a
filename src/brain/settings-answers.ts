/**
 * Questions the business's own settings answer: opening hours on any day, open now or today,
 * holidays, the address, the services offered, how long a service takes and what it costs, and
 * whether a person or the virtual receptionist is answering.
 * Answered from configuration before the knowledge base, so they are always current and exact.
 */
import { DateTime } from 'luxon';
import { closedReason, hoursOn, isOpenAt, nextOpeningAt } from './calendar.js';
import { linesFor, type Lang, type Lines } from './lines/index.js';
import {
  ABOUT_THE_AGENT,
  createServiceMatcher,
  foldSpanish,
  normalize,
  numbersToDigits,
  parseTimeWish,
} from './nlu/index.js';
import type { BusinessProfile, ServiceInfo } from './types.js';

/** "are you guys working today?", "anyone around on Saturday?": whether someone is there on a day. */
const AROUND =
  /\b(are|is) (you|y'all|you guys|anyone|anybody|someone|somebody)( guys)? (working|around|in|there|in the office)\b(?=.*\b(today|tonight|tomorrow|this (morning|afternoon|evening|week|weekend)|weekends?|(mon|tues|wednes|thurs|fri|satur|sun)days?|at all)\b)/;
/** "when are you back?", "when do you reopen?": the next opening. */
const BACK =
  /\bwhen (are|will|do|would) (you|y'all|you guys|the (office|shop|store|clinic))( guys)? (be )?(back|open again|reopen|open back up)\b|\breopen(ing)?\b/;
/** "we just closed on a house": a real-estate closing, not the business's hours. */
export const CLOSED_A_DEAL = /\b(we|i|they) (just |recently )?closed (on|escrow)\b/g;
/** A question as the settings read it: normalized, a real-estate closing out of the way. */
const readQuestion = (question: string) => normalize(question).replace(CLOSED_A_DEAL, 'bought');

/** The places a caller calls the business by: "where's your studio?", "how do I find the clinic?". */
export const PLACE =
  '(office|shop|store|clinic|salon|garage|place|business|location|studio|practice|firm|gym|spa|showroom|workshop|building|center|centre|facility)';
/**
 * Asking where the business is, in any wording: "where exactly is your office?", "whereabouts are you
 * guys?", "how do I find the shop?". "Where are you at with my quote?" is not a place, and stays out.
 */
const WHERE_ARE_YOU = [
  `where(abouts)?('s| is| are)?( exactly| abouts)?( is| are)? (your|the) ${PLACE}`,
  "where(abouts)? (exactly )?(are|r) (you|y'all)( guys)?(?!( at)? (with|on|about) (my|the|our|this|that))( (located|based|at))?",
  `how (do|would|can|should) (i|we) (find|get to) (you\\b|your ${PLACE}|the ${PLACE})`,
  `where (can|do|would|should) (i|we) find (you|your ${PLACE}|the ${PLACE})`,
  "what part of (town|the city) (are|is) (you|y'all|your \\w+)( guys)? in",
].join('|');

/** A question about hours, address, services, duration or price, in any wording a caller uses. */
export const SETTINGS_QUESTION = new RegExp(
  `${/\b(what time do (you|y'all|you guys) (open|close|start|shut)|what are (your|the) hours|(your|the) (hours|opening hours|business hours)|how late (are|do|is)|how early (are|do|is)|(are|is) (you|y'all|you guys|the (office|shop|store|clinic|salon|garage)) (still )?open|are you closed|when do (you|y'all|you guys) (open|close)|until what time|open (on|this|today|tomorrow|tonight|right now|now|sundays?|saturdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|on the weekends?)|what('s| is) (your|the) address|what services|what ((kind|sort|type)s? of )?(work|services|things) (do|does|can)|what (do|does) (you|y'all|you guys) (do|offer)|how long (does|do|will|is|would)|how much (time|is|does|do|for|would|will)|what do you charge|what('s| is) the (price|cost|rate)|how much do you charge)\b/.source}|\\b(${WHERE_ARE_YOU})\\b|${AROUND.source}|${BACK.source}`,
);

const HOURS = new RegExp(
  `${/\b(open|opening|closing|closed|hours|how late|how early|until what time|(you|y'all|guys|office|shop|store|clinic|salon) (close|shut)|close (on|at|today|tonight|for|early|late))\b/.source}|${AROUND.source}|${BACK.source}`,
);
const NOW = new RegExp(`${/\b(right now|now|at the moment|currently|still open)\b/.source}|${BACK.source}`);
const ADDRESS = new RegExp(`\\b(address|located|location|directions|${WHERE_ARE_YOU})\\b`);
const SERVICES =
  /\b(what services|what ((kind|sort|type)s? of )?(work|services|things) (do|does|can)|what (do|does) (you|y'all|you guys) (do|offer)\b(?! for)|services do you (offer|have|provide)|what can you help with)\b/;
const DO_YOU_DO =
  /\b(do|can|could|would) (you|y'all|you guys) (do|offer|handle|provide|work on|fix|service|take care of|deal with)\b/;
/** "hello?", "can you hear me?", "are you there?": the caller checks the line, and asks nothing else. */
const LINE_CHECK =
  /^(?:(?:hello|hi|hey|hola|oh|um|uh|sorry|yes|yeah)\b[?!.,]*\s*)*(?:(?:can|could) you hear me|are you (?:still )?(?:there|on the line)|is (?:any|some)(?:one|body) (?:there|on the line)|(?:me )?(?:escucha|oye)s?|hay alguien)?[?!.,\s]*$/;
/** True when the caller only checks that someone is on the line. */
export function isLineCheck(said: string): boolean {
  const text = normalize(said).trim();
  return !!text && LINE_CHECK.test(text);
}
/** True when the caller asks whether a person or a machine is answering. */
export function asksAboutAgent(said: string): boolean {
  return ABOUT_THE_AGENT.test(foldSpanish(normalize(said)));
}
/** The honest answer to "am I talking to a robot?": what the agent is and what it can do. */
const AGENT: Record<Lang, (name: string, canConnect: boolean) => string> = {
  en: (name, canConnect) =>
    `I'm the virtual receptionist for ${name}; I can book, answer questions or take a message${canConnect ? ' — or connect you with someone' : ''}.`,
  es: (name, canConnect) =>
    `Le atiende la recepción virtual de ${name}; puedo reservar, responder preguntas o tomar un mensaje${canConnect ? ', o comunicarle con alguien' : ''}.`,
};
const DURATION = /\b(how long|how much time|duration)\b/;
const PRICE = /\b(how much|price|cost|charge|rate|fee)\b/;
const WEEKDAY_PLURAL = /\b(mon|tues|wednes|thurs|fri|satur|sun)days\b/;

/** A small set of fixed-date and rule-based holidays callers name. */
function namedHoliday(text: string, now: DateTime): string | undefined {
  const year = now.year;
  const next = (d: DateTime) => (d < now.startOf('day') ? d.plus({ years: 1 }) : d);
  const nth = (month: number, weekday: number, n: number) => {
    let d = DateTime.fromObject({ year, month, day: 1 }, { zone: now.zone });
    while (d.weekday !== weekday) d = d.plus({ days: 1 });
    return d.plus({ weeks: n - 1 });
  };
  const fixed = (month: number, day: number) => next(DateTime.fromObject({ year, month, day }, { zone: now.zone }));
  if (/\bchristmas eve\b/.test(text)) return fixed(12, 24).toISODate()!;
  if (/\b(christmas|xmas)\b/.test(text)) return fixed(12, 25).toISODate()!;
  if (/\bnew year'?s eve\b/.test(text)) return fixed(12, 31).toISODate()!;
  if (/\bnew year'?s( day)?\b/.test(text)) return fixed(1, 1).toISODate()!;
  if (/\b(fourth of july|july (4|4th|fourth)|independence day)\b/.test(text)) return fixed(7, 4).toISODate()!;
  if (/\bthanksgiving\b/.test(text)) return next(nth(11, 4, 4)).toISODate()!;
  if (/\blabor day\b/.test(text)) return next(nth(9, 1, 1)).toISODate()!;
  if (/\bmemorial day\b/.test(text)) {
    let d = DateTime.fromObject({ year, month: 5, day: 31 }, { zone: now.zone });
    while (d.weekday !== 1) d = d.minus({ days: 1 });
    return next(d).toISODate()!;
  }
  return undefined;
}

const dollars = (cents: number) => `$${(cents / 100).toFixed(cents % 100 ? 2 : 0)}`;

/** "an hour and a half", "45 minutes", "2 hours". */
export function sayDuration(min: number, lang: Lang = 'en'): string {
  return linesFor(lang).durationWords(min);
}

function hoursAnswer(b: BusinessProfile, text: string, now: Date, L: Lines): string {
  const tz = b.timezone;
  const local = DateTime.fromJSDate(now, { zone: tz });
  const today = local.toISODate()!;
  if (
    NOW.test(text) &&
    !/\b(tomorrow|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?)\b/.test(text)
  ) {
    if (isOpenAt(b, now)) {
      const until = hoursOn(b, today).find(
        ([from, to]) => local.toFormat('HH:mm') >= from && local.toFormat('HH:mm') < to,
      )?.[1];
      return L.openNow(until);
    }
    return L.closedNow(L.nextOpening(b, now));
  }
  const date = namedHoliday(text, local) ?? parseTimeWish(numbersToDigits(text), now, tz)?.date;
  if (!date) return L.describeHours(b);
  const reason = closedReason(b, date);
  if (reason === 'holiday' && date === today) {
    // closed today: say when the business is open again, the caller's next question
    const next = nextOpeningAt(b, now);
    const again = next && L.openOn(next.date, tz, next.inDays === 0, L.spans(hoursOn(b, next.date)));
    return again ? `${L.closedHolidayOn(date, tz, true)} ${again}` : L.closedHolidayOn(date, tz, true);
  }
  if (reason === 'holiday') return L.closedHolidayOn(date, tz, false);
  if (reason === 'closed') return L.closedOnWeekdays(date, tz);
  const h = hoursOn(b, date);
  if (WEEKDAY_PLURAL.test(text)) return L.openOnWeekdays(date, tz, L.spans(h));
  return L.openOn(date, tz, date === today, L.spans(h));
}

function listServices(services: ServiceInfo[], L: Lines): string {
  return L.weOffer(services.map((s) => s.name.toLowerCase()));
}

/** The topic of a settings question, for the knowledge base to search when the settings lack the fact. */
export function settingsTopic(question: string): 'address' | 'open' | 'cost' | undefined {
  const text = readQuestion(question);
  if (ADDRESS.test(text)) return 'address';
  if (HOURS.test(text)) return 'open';
  if (PRICE.test(text)) return 'cost';
  return undefined;
}

/** Prepares the settings answers for a business. */
export function createSettingsAnswers(b: BusinessProfile) {
  const services = createServiceMatcher(b.services);
  return {
    /** The answer from configuration, or undefined when the settings do not hold it. */
    answer(
      question: string,
      now: Date,
      lang: Lang = 'en',
    ):
      | {
          text: string;
          topic: 'hours' | 'address' | 'services' | 'offer' | 'duration' | 'price' | 'presence' | 'agent';
        }
      | undefined {
      const L = linesFor(lang);
      const text = readQuestion(question);
      if (isLineCheck(question)) return { topic: 'presence', text: L.stillHere };
      if (asksAboutAgent(question)) return { topic: 'agent', text: AGENT[lang](b.name, !!b.escalationNumber) };
      const svc = services.match(text);
      const service = svc && !svc.choices ? svc.service : undefined;
      if (DURATION.test(text) && service)
        return {
          topic: 'duration',
          text: L.duration(service.name.toLowerCase(), L.durationWords(service.durationMin)),
        };
      if (PRICE.test(text) && !DURATION.test(text) && service) {
        return service.priceCents !== undefined
          ? { topic: 'price', text: L.price(service.name.toLowerCase(), dollars(service.priceCents)) }
          : undefined;
      }
      if (ADDRESS.test(text) && !/\b(email|e-mail|web ?site)\b/.test(text))
        return b.address ? { topic: 'address', text: L.address(b.address) } : undefined;
      if (HOURS.test(text) && !/\b(open (an|a|my|the) (account|claim|ticket))\b/.test(text))
        return { topic: 'hours', text: hoursAnswer(b, text, now, L) };
      if (DO_YOU_DO.test(text) && service)
        return {
          topic: 'offer',
          text: L.weDo(
            service.name.toLowerCase(),
            service.priceCents !== undefined ? dollars(service.priceCents) : undefined,
          ),
        };
      if (SERVICES.test(text)) return { topic: 'services', text: `${listServices(b.services, L)} ${L.whichCanIHelp}` };
      return undefined;
    },
  };
}
