/**
 * Questions the business's own settings answer: opening hours on any day, open now or today,
 * holidays, the address, the services offered, how long a service takes and what it costs, and
 * whether a person or the virtual receptionist is answering.
 * Answered from configuration before the knowledge base, so they are always current and exact.
 */
import { spokenService } from './service-words.js';
import { DateTime, Info } from 'luxon';
import { fechaEs, horaEs, zoneCountry } from '../lib/index.js';
import {
  clockOf,
  closedReason,
  hoursOn,
  hoursRuns,
  isOpenAt,
  minutesOf,
  nextOpeningAt,
  sayDate,
  sayTime,
} from './calendar.js';
import { linesFor, type Lang, type Lines } from './lines/index.js';
import {
  ABOUT_THE_AGENT,
  createServiceMatcher,
  foldSpanish,
  namedHolidayDate,
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
  `${/\b(what time do (you|y'all|you guys) (open|close|start|shut)|(what|which) days? (of the week )?((do|are|does) (you|y'all|you guys|the (office|shop|store|clinic|salon|garage|studio))|(are|is) (it|you) open)|what are (your|the) hours|(your|the) (hours|opening hours|business hours)|how late (are|do|is)|how early (are|do|is)|(are|is) (you|y'all|you guys|the (office|shop|store|clinic|salon|garage)) (still )?open|are you closed|when do (you|y'all|you guys) (open|close)|until what time|open (on|this|today|tomorrow|tonight|right now|now|sundays?|saturdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|on the weekends?)|what('s| is) (your|the) address|what services|what ((kind|sort|type)s? of )?(work|services|things) (do|does|can)|what (do|does) (you|y'all|you guys) (do|offer)|how long (does|do|will|is|would)|how much (time|is|does|do|for|would|will)|what do you charge|what('s| is) the (price|cost|rate)|how much do you charge)\b/.source}|\\b(${WHERE_ARE_YOU})\\b|${AROUND.source}|${BACK.source}`,
);

/** The one price every service listed has, if they all have the same. */
function samePrice(services: ServiceInfo[]): number | undefined {
  const prices = new Set(services.map((s) => s.priceCents));
  const [only] = [...prices];
  return prices.size === 1 && only !== undefined ? only : undefined;
}

/** "what time saturday?", "wat time sat?": nothing asked but the time of a day, which is its hours. */
const WHAT_TIME_DAY =
  /^\s*(?:(?:and|so|ok|okay|k)[, ]+)?(?:what|wat|wot) times?(?: (?:on|for))? (?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|urday|sday|rsday)?s?\s*\??\s*$/;
const HOURS = new RegExp(
  `${/\b(open|opening|closing|closed|hours|how late|how early|until what time|(what|which) days? (of the week )?(do|are|does|is)|(you|y'all|guys|office|shop|store|clinic|salon) (close|shut)|close (on|at|today|tonight|for|early|late))\b/.source}|${AROUND.source}|${BACK.source}|${WHAT_TIME_DAY.source}`,
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
/**
 * The latest a booking can start: "what's the latest I can start it?", "how late can I drop it off?",
 * "what's your last appointment on Friday?". Not "my last appointment" (one the caller had).
 */
export const LATEST_START =
  /\b(what|when)('s| is| would be| will be) (the |your )?(very )?latest\b|\bhow late (can|could|would|should|do|may) (i|we|you|he|she|they)( guys)? (come|start|book|drop|bring|get|do|fit|have|make|be seen|go)\b|\b(?<!\b(my|our|his|her|their) )(last|latest) (appointment|slot|start|start time|booking|drop[- ]?off|time (i|we|you) can)\b(?! (was|i had|we had))/;
/** "the first day you're open in the new year", "when do you open again after Christmas?", "back after the holidays". */
const FIRST_OPEN =
  /\b(first|next|earliest) (day|date|weekday)\b[^?.!]{0,30}\b(open|back|in|working|available)\b|\b(open|opening|back|reopen|reopening)( up)?( again| back up)?\b[^?.!]{0,30}\b(after|in the new year|next year)\b/;
/** "the bank holiday", "the public holiday", "the holiday weekend": the business's next listed holiday when no day is said. */
const LISTED_HOLIDAY = /\b(the|this|next) (bank|public|stat(utory)?|federal|national)? ?holiday\b/;
/** "that day", "the same day": a day the previous question named. */
export const DAY_BACK = /\b(that|the same|same) day\b/;

/** Countries that pay in euros (the euro area and the microstates that use it; Bulgaria since January 2026). */
const EURO =
  'AT BE BG CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK AD MC SM VA ME XK GP MQ GF RE YT PM BL MF AX';
/** Each country's currency (ISO 4217) where it is not the euro; a country not listed is said in dollars. */
const CURRENCIES: Record<string, string> = {
  ...Object.fromEntries(EURO.split(' ').map((c) => [c, 'EUR'])),
  ...Object.fromEntries(
    (
      'GB:GBP IM:GBP JE:GBP GG:GBP GI:GIP US:USD PR:USD GU:USD VI:USD AS:USD MP:USD EC:USD SV:USD CA:CAD AU:AUD ' +
      'NZ:NZD CK:NZD SG:SGD HK:HKD MO:MOP IN:INR ZA:ZAR NA:NAD BW:BWP JP:JPY CN:CNY KR:KRW TW:TWD CH:CHF LI:CHF ' +
      'SE:SEK NO:NOK DK:DKK IS:ISK PL:PLN CZ:CZK HU:HUF RO:RON RS:RSD TR:TRY IL:ILS AE:AED SA:SAR QA:QAR KW:KWD ' +
      'BH:BHD OM:OMR EG:EGP MA:MAD NG:NGN KE:KES GH:GHS UG:UGX TZ:TZS PK:PKR BD:BDT LK:LKR NP:NPR MY:MYR TH:THB ' +
      'ID:IDR PH:PHP VN:VND MX:MXN BR:BRL AR:ARS CL:CLP CO:COP PE:PEN UY:UYU JM:JMD TT:TTD BS:BSD BB:BBD FJ:FJD ' +
      'UA:UAH RU:RUB'
    )
      .split(' ')
      .map((pair) => pair.split(':')),
  ),
};

const FREE: Record<Lang, string> = { en: 'free', es: 'gratis' };

/**
 * A price as said where the business is: "£55" in Manchester, "€40" in Amsterdam, "$95" in Melbourne
 * and Chicago, "₹500" in Mumbai; cents only when there are some ("$42.50"). `country` is the ISO
 * alpha-2 of the business (its profile's, else its time zone's); English puts the symbol first, Spanish
 * as Spain or Latin America writes it ("55 €", "$55").
 */
export function sayPrice(cents: number, country: string | undefined, lang: Lang = 'en'): string {
  // "a venue tour is free", not "$0"
  if (cents === 0) return FREE[lang];
  const currency = CURRENCIES[(country ?? 'US').toUpperCase()] ?? 'USD';
  const locale = lang === 'es' ? (currency === 'EUR' ? 'es-ES' : 'es-US') : 'en';
  const whole = cents % 100 === 0 || currency === 'JPY' || currency === 'KRW';
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(cents / 100);
}

/** The business's country: its profile's, else its time zone's. */
export const countryOf = (b: BusinessProfile): string | undefined => b.country ?? zoneCountry(b.timezone);

/** "an hour and a half", "45 minutes", "2 hours". */
export function sayDuration(min: number, lang: Lang = 'en'): string {
  return linesFor(lang).durationWords(min);
}

/** The business's next listed holiday within 90 days, for "are you open on the bank holiday?". */
function nextListedHoliday(b: BusinessProfile, today: string, limit: string): string | undefined {
  return [...(b.holidays ?? [])].sort().find((d) => d >= today && d <= limit);
}

/** The day a question about the hours asks of: a named holiday, a date said, or the holiday it names. */
function askedDate(b: BusinessProfile, text: string, now: Date): string | undefined {
  const local = DateTime.fromJSDate(now, { zone: b.timezone });
  const said = namedHolidayDate(text, local) ?? parseTimeWish(numbersToDigits(text), now, b.timezone)?.date;
  if (said || !LISTED_HOLIDAY.test(text)) return said;
  return nextListedHoliday(b, local.toISODate()!, local.plus({ days: 90 }).toISODate()!);
}

/** The latest start of a service of `minutes` within a day's spans (the last span it fits in), or undefined. */
function latestStart(spans: Array<[string, string]>, minutes: number): string | undefined {
  for (const [from, to] of [...spans].reverse()) {
    const start = minutesOf(to) - minutes;
    if (start >= minutesOf(from)) return clockOf(start);
  }
  return undefined;
}

/** Lines of the hours answers the shared catalogue does not hold, per language. */
const HOURS_LINES = {
  en: {
    latestOn: (day: string, close: string, name?: string, start?: string) =>
      name && start
        ? `On ${day} we close at ${close}, so the latest ${anOrA(name)} can start is ${start}.`
        : `On ${day} we're open until ${close}.`,
    latestWeek: (name: string, runs: string[]) => `The latest ${anOrA(name)} can start is ${listAnd(runs, 'and')}.`,
    tooLong: (day: string, name: string) => `On ${day} we're not open long enough for ${anOrA(name)}.`,
    firstOpen: (day: string, spans: string) => `The first day we're open is ${day}, ${spans}.`,
  },
  es: {
    latestOn: (day: string, close: string, name?: string, start?: string) =>
      name && start
        ? `${capital(day)} cerramos a ${close}, así que lo más tarde para empezar ${name} es a ${start}.`
        : `${capital(day)} abrimos hasta ${close}.`,
    latestWeek: (name: string, runs: string[]) => `Lo más tarde para empezar ${name} es ${listAnd(runs, 'y')}.`,
    tooLong: (day: string, name: string) => `${capital(day)} no abrimos el tiempo suficiente para ${name}.`,
    firstOpen: (day: string, spans: string) => `El primer día que abrimos es ${day}, ${spans}.`,
  },
} as const;
const capital = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
const anOrA = (name: string) => `${/^[aeio]|^u(?!ni|s)|^hour/.test(name) ? 'an' : 'a'} ${name}`;
const listAnd = (items: string[], and: string) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items.at(-1)}`;
const sayDay = (date: string, tz: string, lang: Lang) => (lang === 'es' ? fechaEs(date, tz) : sayDate(date, tz));
const sayHour = (hm: string, lang: Lang) => (lang === 'es' ? horaEs(hm) : sayTime(hm));

/**
 * "What's the latest I can start?": the day's closing time less the service's length (the service
 * said, else the one said before it, else the business's only one), on the day asked about (else the
 * one said before: "what's the latest you can do that day?"), else for each day of the week. The free
 * times of that day are the booking's to search; this is what the hours allow.
 */
function latestAnswer(
  b: BusinessProfile,
  text: string,
  now: Date,
  { service, context }: { service?: ServiceInfo; context?: string },
  lang: Lang,
) {
  const H = HOURS_LINES[lang];
  const L = linesFor(lang);
  const tz = b.timezone;
  const svc = service ?? (b.services.length === 1 ? b.services[0] : undefined);
  const name = svc && spokenService(svc.name);
  const date = askedDate(b, text, now) ?? (context ? askedDate(b, context, now) : undefined);
  if (date) {
    const reason = closedReason(b, date);
    if (reason === 'holiday') return L.closedHolidayOn(date, tz, false);
    if (reason === 'closed') return L.closedOnWeekdays(date, tz);
    const spans = hoursOn(b, date);
    const close = sayHour(spans.at(-1)![1], lang);
    const day = sayDay(date, tz, lang);
    if (!svc || !name) return H.latestOn(day, close);
    const start = latestStart(spans, svc.durationMin);
    return start ? H.latestOn(day, close, name, sayHour(start, lang)) : H.tooLong(day, name);
  }
  if (!svc || !name) return L.describeHours(b);
  const runs = hoursRuns(b)
    .map(({ from, to, spans }) => ({ from, to, start: spans.length ? latestStart(spans, svc.durationMin) : undefined }))
    .filter((r): r is { from: number; to: number; start: string } => !!r.start);
  if (!runs.length) return L.describeHours(b);
  const days = Info.weekdays('long', { locale: lang });
  const said = runs.map(({ from, to, start }) => {
    const when = from === to ? days[from] : `${days[from]} ${lang === 'es' ? 'a' : 'to'} ${days[to]}`;
    return `${lang === 'es' ? 'a ' : ''}${sayHour(start, lang)} ${lang === 'es' ? 'de' : 'on'} ${when}`;
  });
  return H.latestWeek(name, said);
}

/**
 * "What's the first day you're open in the new year?", "when do you open again after Christmas?": the
 * first day on or after the day named (after a holiday: the day after it) that is not closed.
 */
function firstOpenAnswer(
  b: BusinessProfile,
  asked: string,
  now: Date,
  lang: Lang,
  context?: string,
): string | undefined {
  const tz = b.timezone;
  const local = DateTime.fromJSDate(now, { zone: tz });
  // "after Christmas" asked on December 30th is the Christmas just gone
  const holidayIn = (s: string) =>
    namedHolidayDate(s, local.minus({ days: 14 })) ?? (LISTED_HOLIDAY.test(s) ? askedDate(b, s, now) : undefined);
  // "When's the first day you're back open then?" after "the day after Boxing Day?": of the day said before
  const namesDay = !!parseTimeWish(numbersToDigits(asked), now, tz) || !!holidayIn(asked);
  const text = namesDay || !context ? asked : `${context} ${asked}`;
  const wish = parseTimeWish(numbersToDigits(text), now, tz);
  const holiday = holidayIn(text);
  let from = wish?.range?.from ?? wish?.date;
  if (holiday && (!from || from <= holiday))
    from = DateTime.fromISO(holiday, { zone: tz }).plus({ days: 1 }).toISODate()!;
  let day = DateTime.fromISO(from && from > local.toISODate()! ? from : local.toISODate()!, { zone: tz });
  for (let k = 0; k < 60; k++, day = day.plus({ days: 1 })) {
    const date = day.toISODate()!;
    if (!closedReason(b, date)) {
      const spans = hoursOn(b, date);
      return HOURS_LINES[lang].firstOpen(sayDay(date, tz, lang), linesFor(lang).spans(spans));
    }
  }
  return undefined;
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
  const date = askedDate(b, text, now);
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
  return L.weOffer(services.map((s) => spokenService(s.name)));
}

/**
 * What "do you do / offer X?" asks for, when X reads as a kind of work ("eyelash extensions", "cats"): not a way to
 * pay, a policy or a time ("payment plans", "insurance", "weekends"), which the FAQ or a message answers.
 */
function askedOffer(text: string): string | undefined {
  const m =
    /\b(?:do|can|could|would) (?:you|y'all|you guys) (?:do|offer|provide|carry|sell|groom|cut|treat|see|fix|repair|service|work on)(?: any)? ((?:[a-z'-]+ ){0,2}[a-z'-]+?)(?: at all| too| as well| there| here| anymore)?\s*[?.!]?$/.exec(
      text.trim(),
    );
  const thing = m?.[1].trim();
  if (!thing || NOT_WORK.test(thing) || thing.split(' ').every((w) => FILLER.has(w))) return undefined;
  return thing;
}
const NOT_WORK =
  /\b(?:pay\w*|plans?|financ\w*|insurance|cards?|cash|cheques?|checks?|credit|debit|discounts?|deals?|offers?|specials?|coupons?|vouchers?|gift|refunds?|warrant\w*|guarantee\w*|quotes?|estimates?|consult\w*|weekends?|evenings?|nights?|mornings?|saturdays?|sundays?|holidays?|emergenc\w*|same[- ]day|walk[- ]?ins?|appointments?|bookings?|house calls?|home visits?|visits?|call[- ]?outs?|mobile|pick[- ]?ups?|delivery|deliveries|parking|it|that|this|them|those|one|ones|anything|something|everything|that kind of thing|kids?|child|children|men|women|ladies|gents|adults?|seniors?|teens?|teenagers?|babies|baby|toddlers?|boys?|girls?|students?|beginners?|groups?|couples?|families|family|new (?:patients?|clients?|customers?))\b/;
const FILLER = new Set(['a', 'an', 'the', 'any', 'some', 'kind', 'of', 'type', 'sort']);

/** The topic of a settings question, for the knowledge base to search when the settings lack the fact. */
export function settingsTopic(question: string): 'address' | 'open' | 'cost' | undefined {
  const text = readQuestion(question);
  if (ADDRESS.test(text)) return 'address';
  if (HOURS.test(text) || LATEST_START.test(text) || FIRST_OPEN.test(text)) return 'open';
  if (PRICE.test(text)) return 'cost';
  return undefined;
}

/** Prepares the settings answers for a business. */
export function createSettingsAnswers(b: BusinessProfile) {
  const services = createServiceMatcher(b.services);
  return {
    /** Whether a question names the day it asks about ("on Monday", "at Christmas", "the bank holiday"). */
    namesDay(question: string, now: Date): boolean {
      return !!askedDate(b, readQuestion(question), now);
    },
    /**
     * The answer from configuration, or undefined when the settings do not hold it; `context` is what was
     * said before the question (the service and the day "the latest you can do that day" is asked of).
     */
    answer(
      question: string,
      now: Date,
      lang: Lang = 'en',
      context?: string,
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
      if (LATEST_START.test(text)) {
        // "what's the latest you can start on Friday?" after "a family shoot Friday at 9pm?": that shoot's latest start
        const before = context ? services.match(readQuestion(context)) : undefined;
        const svc = service ?? (before && !before.choices ? before.service : undefined);
        return { topic: 'hours', text: latestAnswer(b, text, now, { service: svc, context }, lang) };
      }
      if (FIRST_OPEN.test(text)) {
        const first = firstOpenAnswer(b, text, now, lang, context ? readQuestion(context) : undefined);
        if (first) return { topic: 'hours', text: first };
      }
      if (DURATION.test(text) && service)
        return {
          topic: 'duration',
          text: L.duration(spokenService(service.name), L.durationWords(service.durationMin)),
        };
      // "how much is tutoring?" where math, English and science tutoring all cost the same: that price, for each
      const alike = svc?.choices && !DURATION.test(text) && PRICE.test(text) ? samePrice(svc.choices) : undefined;
      if (alike !== undefined)
        return {
          topic: 'price',
          text: L.priceEach(
            svc!.choices!.map((s) => spokenService(s.name)),
            sayPrice(alike, countryOf(b), lang),
          ),
        };
      if (PRICE.test(text) && !DURATION.test(text) && service) {
        return service.priceCents !== undefined
          ? {
              topic: 'price',
              text: L.price(spokenService(service.name), sayPrice(service.priceCents, countryOf(b), lang)),
            }
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
            spokenService(service.name),
            service.priceCents !== undefined ? sayPrice(service.priceCents, countryOf(b), lang) : undefined,
          ),
        };
      // "do you do eyelash extensions?" where nothing the business lists is that: said so, with what it does offer
      const thing = !svc ? askedOffer(text) : undefined;
      if (thing) return { topic: 'offer', text: L.notAmongServices(thing, listServices(b.services, L)) };
      if (SERVICES.test(text)) return { topic: 'services', text: `${listServices(b.services, L)} ${L.whichCanIHelp}` };
      return undefined;
    },
  };
}
