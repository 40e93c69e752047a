/**
 * Offline understanding of one caller turn: pure, fast, prepared once per business.
 * Spans that are phone numbers, emails and addresses are blanked before dates and times are read,
 * so "555 0142" is never taken for 5:55.
 */
import { zoneCountry } from '../../lib/index.js';
import { DateTime } from 'luxon';
import type { BusinessProfile, Lang, ServiceInfo } from '../types.js';
import { findAddress } from './address.js';
import { parseTimeWish, type DayInfo, type TimeWish } from './datetime.js';
import { findEmail } from './email.js';
import { createEmergencyDetector, type EmergencyHit } from './emergency.js';
import {
  correctionTail,
  findIntents,
  isCorrection,
  minuteShift,
  pickOption,
  ownBookingTask,
  relativeShift,
  withoutNegated,
  yesNo,
  type Intent,
  type YesNo,
} from './intent.js';
import { asWritten, bareName, findName, withoutRelation, type NamePart } from './names.js';
import { findPhone } from './phone.js';
import { createServiceMatcher, isComboOf, type ServiceMatcher } from './services.js';
import { staffByInitial, staffKinds } from './staff-described.js';
import { findParty, RELATIVE_SAID_AS, type Party } from './party.js';
import { fromSpanish, foldSpanish } from './spanish.js';
import { escapeRegExp, normalize, numbersToDigits } from './text.js';

export type { TimeWish, PartOfDay } from './datetime.js';
export { KEPT_DAY, PART_OF_DAY_WINDOWS, parseTimeWish, resolveHour, weekdayIn } from './datetime.js';
export { namedHolidayDate } from './datetime-holidays.js';
export { nextWeekday } from './datetime-words.js';
export type { EmergencyHit } from './emergency.js';
export type { Intent, YesNo } from './intent.js';
export {
  ABOUT_THE_AGENT,
  agreeingNo,
  answerTo,
  findIntents,
  isCorrection,
  minuteShift,
  pickOption,
  relativeShift,
  withoutNegated,
  yesNo,
} from './intent.js';
export { bareName, findName, firstPartOf, relativeNamed, withNamePart, type NamePart } from './names.js';
export { findPhone, speakPhone, toE164 } from './phone.js';
export { findEmail } from './email.js';
export { findAddress } from './address.js';
export { createServiceMatcher, isComboOf, type ServiceMatch } from './services.js';
export type { Party } from './party.js';
export { createEmergencyDetector, priorityRank } from './emergency.js';
export { normalize, numbersToDigits } from './text.js';
export { fromSpanish, foldSpanish } from './spanish.js';
export { detectLanguage, languageRequest } from './language.js';

/** Everything the offline rules read from one turn. */
/** A greeting that names a part of the day, at the start of a turn ("good morning, …", "hi, good evening"). */
const GREETING_PART_OF_DAY =
  /^\s*(?:(?:hi|hello|hey|yeah|yes|oh|um|uh|and)[,.!]?\s+)*good (?:morning|afternoon|evening)\b/;

export interface Understanding {
  /** The cleaned text (lower-case, fillers removed). */
  text: string;
  /** Intents found, most specific first; `emergency` leads when one was heard. */
  intents: Intent[];
  yesNo?: YesNo;
  service?: { service: ServiceInfo; score: number };
  /** Two or more services matched equally well: the agent asks which one. */
  serviceChoices?: ServiceInfo[];
  /** More services wanted besides `service`, in the order said ("a haircut and a blow dry", "the nail trim too"). */
  alsoServices?: ServiceInfo[];
  when?: TimeWish;
  name?: string;
  /** Only this part of `name` was said ("my last name is Brookes"): the rest of the name already known stays. */
  namePart?: NamePart;
  company?: string;
  phone?: string;
  email?: string;
  address?: string;
  emergency?: EmergencyHit;
  correction: boolean;
  pick?: number | 'last';
  /** "Anything later?" / "something earlier": relative to what was offered. */
  shift?: 'later' | 'earlier';
  /** "30 minutes later", "push it back an hour": move the chosen time by this many minutes. */
  moveBy?: number;
  /** The hour of `when.time` was said without am/pm and read by the working-day rule. */
  hourGuessed?: boolean;
  /** The date of `when` was said as a bare weekday (1 = Monday). */
  weekday?: number;
  /** Others booked beside the caller ("for me and my son"), and whether at the same time. */
  party?: Party;
  /** The day a relative phrase was read against ("my test is on the 25th… the week before"), ISO. */
  anchorDay?: string;
  /** A staff member the caller asked for ("with Ana"). */
  staff?: string;
  /** Whom the booking is for, when the caller says it is someone else ("for my son", "get my lad a cut"). */
  forRelative?: string;
  /** A staff member the caller refused ("not with Mike"). */
  refusedStaff?: string;
  /** The name was said as someone else's ("his name's Tyler Brooks"), or as the caller's own ("my name's Karen"). */
  nameIs?: 'theirs' | 'own';
  /** Someone asked for by title and name who does not work here ("with Dr. Mehta"), as said. */
  unknownStaff?: string;
  /** "Whoever's free at 2 is fine", "it doesn't have to be Jamie": no staff member wished for any more. */
  anyStaff?: boolean;
  /** The caller means the number they are calling from ("this number", "the one I'm calling from"). */
  sameNumber: boolean;
}

/** A prepared parser for one business. */
export interface Nlu {
  /** Reads one turn; Spanish (`lang` 'es') is first read into the phrasing the parsers share (spanish.ts). */
  understand(raw: string, now: Date, lang?: Lang, anchorDay?: string): Understanding;
  /** Reads a bare name answer ("Maria Lopez") when the agent just asked for the name. */
  bareName(raw: string, lang?: Lang): string | undefined;
  /** The turn as the parsers read it: Spanish rewritten (service names kept), English as said. */
  canonical(raw: string, lang?: Lang): string;
}

/** "Whoever's available", "anyone is fine", "it doesn't have to be Jamie", "no preference". */
/**
 * "I need to talk to someone about custody", "he wants to speak with an accountant about his taxes": a
 * new client asking for a conversation about their matter, which a business that books consultations
 * books, rather than someone asking for a person on the line.
 */
const TALK_ABOUT_A_MATTER =
  /\b(?:talk|speak|chat|sit down) (?:to|with) (?:someone|somebody|a person|one of (?:you|your [a-z]+)|(?:a|an|your) (?:lawyer|attorney|solicitor|accountant|advisor|adviser|consultant|specialist|expert|planner|professional))\b[^.?!]*?\babout\b/;
/** A service that is a first conversation with the business: a consultation, an assessment, an intro meeting. */
const CONSULTATION =
  /\b(?:consult|consultation|assessment|evaluation|discovery (?:call|meeting|session)|intro(?:ductory)? (?:call|meeting|session)|first meeting|initial meeting)\b/;

/** The business's consultation service (the first in its list that is one). */
function consultationOf(business: BusinessProfile): BusinessProfile['services'][number] | undefined {
  return business.services.find((sv) => [sv.name, ...(sv.synonyms ?? [])].some((w) => CONSULTATION.test(normalize(w))));
}

const ANY_STAFF =
  /\b(?:(?:any ?one|any ?body|someone|somebody) else\b|whoever(?:'s| is)? (?:free|available|around|open|on)|(?:any ?one|any ?body)(?:'s| is)? (?:fine|ok|okay|good|great)|(?:any ?one|any ?body) (?:at|works|will do|is fine)\b|(?:doesn't|does not|don't|do not|dont|doesnt) (?:have|need) to be (?:with )?[a-z]+|(?:don't|do not|dont) mind who|no preference|any (?:stylist|tech|technician|barber|instructor|therapist|teacher|groomer|trainer|one of them)(?: is)? (?:is fine|will do|works|fine))/;

/** The booking is for a relative: "for my son", "get my lad a cut", "bring my daughter in". */
const FOR_RELATIVE =
  /\b(?:for|get|bring|book|take|have) (?:in )?(?:my|our) (son|daughter|lad|lass|boy|girl|kid|child|husband|wife|partner|mum|mom|mother|dad|father|grandson|granddaughter|nephew|niece|little guy|little man|little one)\b|\b(?:my|our) (son|daughter|lad|boy|girl|kid|husband|wife|partner|mum|mom|dad|little guy|little one)(?:'s| is| needs| wants| has)? (?:a |an )?(?:appointment|booking|check-?up|cleaning|cut|haircut|trim|lesson|session)\b/;

/** What the caller has had or is doing, said beside the wish ("I've worn glasses for years", "I'm training for a half marathon"). */
const HAD_BEFORE =
  /\b(?:i'm|i am|we're|we are) (?:training|preparing|getting ready|in training) for\b|\b(?:i've|i have|we've|we have) (?:worn|had|been (?:wearing|having|getting)|used|done|tried)\b|\b(?:i|we) (?:had|did|got) (?:my|our|a|an|the)\b|\blast (?:time|year|month|week)\b|\bfor years\b|\byears ago\b|\bused to\b/;

/**
 * Two or more different services joined by "and", "plus", "as well as", "then" or a comma, each matched in its
 * own part of the sentence, in the order said, or the one service that is all of them; undefined for one service, or for
 * one the caller is choosing between ("a haircut, or maybe color").
 */
function severalServices(text: string, services: ServiceMatcher): ServiceInfo[] | undefined {
  if (/\b(?:or|either|maybe|perhaps|possibly)\b/.test(text)) return undefined;
  const parts = text.split(/\b(?:and|plus|as well as|then|also)\b|,/);
  if (parts.length < 2) return undefined;
  const found: ServiceInfo[] = [];
  const unsure: ServiceInfo[][] = [];
  for (const part of parts) {
    // "I've worn glasses for years and want to try contact lenses": what the caller has had is no wish
    if (HAD_BEFORE.test(part)) continue;
    const m = services.match(part);
    if (m?.choices) unsure.push(m.choices);
    if (!m || m.choices || found.includes(m.service)) continue;
    // "the nail trim too, straight after the bath": the one said after "after" comes first
    if (/\bafter\b/.test(part)) found.unshift(m.service);
    else found.push(m.service);
  }
  // "a cut and beard" where "beard" alone is the Beard Trim or the "Haircut + Beard": the one service that is all
  // that was said, when it is among what the unsure part could mean
  for (const choices of unsure) {
    const wholes = new Set(
      choices.map((x) => services.combined([...found, x])).filter((w) => w && choices.includes(w)),
    );
    if (found.length && wholes.size === 1) return [...wholes] as ServiceInfo[];
  }
  // "a cut and blow-dry" read as the shop's "Cut & Blow-dry" and its "Blow-dry": the part is in the whole
  const inAWhole = (x: ServiceInfo) => found.some((y) => y !== x && isComboOf(y, x));
  if (found.some(inAWhole)) {
    const kept = found.filter((x) => !inAWhole(x));
    if (kept.length === 1) return kept;
    found.splice(0, found.length, ...kept);
  }
  if (found.length < 2) return undefined;
  // "a cut and a beard trim" where the business lists "Haircut & Beard Trim": the one service that is both
  const both = services.combined(found);
  return both ? [both] : found;
}

/**
 * Words just before a staff name that refuse them ("not with Tom", "anyone but Mike"); a dash ends
 * the clause like a comma ("No — I want Raven": the no answers the read-back, the want is Raven).
 */
const REFUSED_BEFORE =
  /\b(?:not|no|anyone but|anybody but|except|other than|rather not|don't want|do not want)\b[^,.;!?\u2013\u2014]*$/;

/** A visit's length said by the caller ("the hour-long one", "90 minutes", "an hour and a half"), in minutes. */
function lengthSaid(text: string): number | undefined {
  const m =
    /\b(?:(an|1|one|2|two) hours? and a half|(\d{2,3})[- ]?(?:minutes?|mins?)\b(?! (?:later|earlier|ago|from now|away|late|early|before|after))|(an|1|one|2|two|half an?)[- ]hours?(?:[- ]long)?\b(?! (?:later|earlier|ago|from now|away|late|early|before|after|drive))|hour[- ]long)/.exec(
      text,
    );
  if (!m) return undefined;
  const hours = (w: string) => (/^(?:2|two)$/.test(w) ? 2 : /^half/.test(w) ? 0.5 : 1);
  if (m[1]) return hours(m[1]) * 60 + 30;
  if (m[2]) return Number(m[2]);
  if (m[3]) return hours(m[3]) * 60;
  return 60;
}

/** Among the services sharing a word of `like`'s name, the one of `minutes`; undefined when none or several. */
function ofLength(services: ServiceInfo[], like: ServiceInfo, minutes: number): ServiceInfo | undefined {
  const words = new Set(
    like.name
      .toLowerCase()
      .split(/\W+/)
      .filter((w) => w.length > 3),
  );
  const kin = services.filter((s) =>
    s.name
      .toLowerCase()
      .split(/\W+/)
      .some((w) => words.has(w)),
  );
  const fit = kin.filter((s) => s.durationMin === minutes);
  return kin.length > 1 && fit.length === 1 ? fit[0] : undefined;
}

/** A title said before a staff member's name. */
const TITLE = '(?:dr|doctor|mr|mrs|ms|miss|mx|prof)\\.?';
/** Asking for someone named before: "can I get him", "with her", "is he free", "if she's got anything". */
const ASKED_BY_PRONOUN =
  /\b(?:with|see|get|have|book|want|request|ask for)\s+(?:him|her)\b|\b(?:is|if|when|whether)\s+(?:he|she)(?:'s|\s+is|\s+has|\s+had)?\s+(?:free|available|around|in|got|working|on)\b/;

/** Someone asked for by title and surname: "an appointment with Dr. Mehta", "can I see Ms Kaur". */
const ASKED_BY_TITLE =
  /\b(?:with|see|seeing|for|want|get|book|booked|prefer)\s+(dr|doctor|mr|mrs|ms|miss)\.?\s+([a-z][a-z'-]+)\b(?!'s)/;
/** Words after a title that name nobody ("a doctor who", "doctor today"). */
const NOT_A_SURNAME =
  /^(?:who|that|which|about|and|or|for|to|on|at|in|the|a|an|today|tomorrow|tonight|please|appointment|visit|here|there|now|asap|again|this|next)$/;

/**
 * Each way a caller names a staff member, to the name: "Dr Aroha Ngata" is "dr aroha ngata", "aroha ngata", "aroha"
 * and, after a title, "ngata" (the `surnames`). A word two staff members share names neither.
 */
function staffNames(names: string[]): { byName: Map<string, string>; surnames: Set<string> } {
  const byName = new Map<string, string>();
  const surnames = new Set<string>();
  const shared = new Set<string>();
  const add = (key: string, name: string) => {
    if (byName.has(key) && byName.get(key) !== name) shared.add(key);
    else byName.set(key, name);
  };
  for (const name of names) {
    const full = name.toLowerCase().replace(/\./g, '');
    const own = full.replace(new RegExp(`^${TITLE}\\s+`), '').split(/\s+/);
    add(full, name);
    add(own.join(' '), name);
    add(own[0], name);
    const surname = own[own.length - 1];
    if (own.length > 1 && !byName.has(surname)) {
      add(surname, name);
      surnames.add(surname);
    }
  }
  for (const key of shared) byName.delete(key);
  return { byName, surnames };
}

/**
 * The staff member the caller asks for ("with Ana", "can I see Ana", "Ana if she's free") and the
 * one they refuse ("not with Tom", "anyone but Mike", "my dog hates Mike"), by first or full name;
 * the patterns are built once per business.
 */
function staffFinder(business: BusinessProfile): {
  wanted(text: string): string | undefined;
  refused(text: string): string | undefined;
  unknown(text: string): string | undefined;
} {
  const staff = business.staff ?? [];
  if (!staff.length) return { wanted: () => undefined, refused: () => undefined, unknown: () => undefined };
  const { byName, surnames } = staffNames(staff.map((s) => s.name));
  const altsOf = (keys: string[]) =>
    keys
      .sort((x, y) => y.length - x.length)
      .map(escapeRegExp)
      .join('|');
  const own = altsOf([...byName.keys()].filter((k) => !surnames.has(k)));
  // "with Dr Ngata", "Ms. Kaur if she's free": a title before the name; a surname alone only after one
  const named = `(?:(?:${TITLE}\\s+)?(${own})${surnames.size ? `|${TITLE}\\s+(${altsOf([...surnames])})` : ''})`;
  const wanted = new RegExp(
    [
      `\\b(?:with|see|prefer|rather|by|book|want|like|get|have|ask(?:ing|ed)? for|request(?:ing)?|only|just)\\s+(?:me\\s+with\\s+)?${named}\\b`,
      `\\b${named}\\s+(?:if|is|please|do|available|free|specifically|only|in particular)\\b`,
      // "could Pete come give me a quote?", "can Marisol do it?"
      `\\b(?:could|can|would|will)\\s+${named}\\s+(?:come|do|see|fit|make|take|have|be|look)\\b`,
      `\\b(?:switch|change|swap|move)(?:\\s+(?:that|it|this|her|him|me|us))?\\s+(?:over\\s+)?to\\s+${named}\\b`,
      // "is Raven in on Thursday?", "is Ana working Saturday": whether they work is asking for them ("this is Ana" is not)
      `(?<!\\b(?:this|it|that|name)\\s)\\bis\\s+${named}\\s+(?:in|working|around|on|there|available|free|back)\\b`,
    ].join('|'),
    'g',
  );
  const refused = new RegExp(
    `\\b(?:not|anyone but|anybody but|except|other than|instead of|rather not (?:have|see|get))(?: with)? ${named}\\b|\\b${named} (?:hates|scares|isn't|is not)\\b|\\b(?:hates|doesn't like|does not like|can't stand) ${named}\\b`,
  );
  // "Callum did our switchboard… can I get him Monday?": the one staff member said, asked for by "him" or "her"
  const mentioned = new RegExp(`\\b${named}\\b`, 'g');
  return {
    wanted(text) {
      // "not with Tom, I'd rather have Sarah": the one not refused
      for (const m of text.matchAll(wanted))
        if (!REFUSED_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)))
          return byName.get(m.slice(1).find(Boolean)!);
      if (!ASKED_BY_PRONOUN.test(text)) return undefined;
      const said = new Set([...text.matchAll(mentioned)].map((m) => byName.get(m.slice(1).find(Boolean)!)));
      return said.size === 1 ? [...said][0] : undefined;
    },
    refused(text) {
      const m = refused.exec(text);
      return m ? byName.get(m.slice(1).find(Boolean)!) : undefined;
    },
    unknown(text) {
      const m = ASKED_BY_TITLE.exec(text);
      if (!m || byName.has(m[2]) || NOT_A_SURNAME.test(m[2])) return undefined;
      const title = m[1] === 'doctor' ? 'Dr.' : `${m[1][0].toUpperCase()}${m[1].slice(1)}.`;
      return `${title} ${m[2][0].toUpperCase()}${m[2].slice(1)}`;
    },
  };
}

/**
 * The part of an answer to "may I have your name?" that can be the name: "yeah it's Priya Patel",
 * "Sam Lee, and you can reach me at 720…", "Ben Chen, my email is …" → the leading words only.
 */
/** A name said again to put the first right: "<name> sorry (lol)", "I mean <name>", "proper / full / real name's <name>". */
const CORRECTED_NAME =
  /^(?:(?:i mean|sorry|oops|my bad)\s+|(?:my )?(?:proper|full|real) name(?:'s| is)\s+)([a-z' -]+)$|^([a-z' -]+?)\s+(?:sorry|my bad|oops)(?:\s+(?:lol|haha|lmao))?$/;

function nameAnswer(text: string, country: string): string {
  // what follows "my email / my number" is not the name; cut there before anything else
  let t = text.split(/\b(?:and )?(?:my|the|your) (?:e-?mail|number|phone|cell)\b|\be-?mail (?:is|me)\b/)[0];
  const email = findEmail(t);
  if (email) t = t.slice(0, email.start) + ' ' + t.slice(email.end);
  const phone = findPhone(t, country);
  if (phone) t = t.slice(0, phone.start) + ' ' + t.slice(phone.end);
  const lead =
    /^(?:(?:yeah|yes|yep|sure|so|ok|okay|oh|sorry|it's|its|it is|this is|i'm|im|i am|my name is|my name's|name's|the name is)[,\s]+)+/;
  // an aside in brackets or between dashes is no part of the name ("Fiona Murray (the dog's Bonnie)")
  t = t.replace(/\b(mr|mrs|ms|mx|dr|prof|rev)\./g, '$1');
  const chunks = withoutRelation(t.replace(/\([^)]*\)?|\[[^\]]*\]?|\s[-\u2013\u2014]\s.*$/g, ' ').trim())
    .split(/[,.;!?]| and | but | you can | reach me| here\b/)
    .map((c) =>
      `${c.trim()} `
        .replace(lead, '')
        // "Mrs Elaine du Plessis", "Dr. Amit Rao": the name without its title
        .replace(/^(?:mr|mrs|ms|miss|mx|dr|prof|rev)\.?\s+(?=[a-z])/, '')
        .trim(),
    );
  const at = chunks.findIndex((c) => c && !INTERJECTION.test(c));
  if (at < 0) return '';
  // "dave. dave kowalski": the name said again in full is the name
  const again = chunks[at + 1];
  if (again?.startsWith(`${chunks[at]} `)) return again;
  // "Dazza. Darren Pike sorry lol", "Jess, I mean Jessica Moreau", "Dazza… proper name's Darren Pike": the name put right
  const put = again && CORRECTED_NAME.exec(again);
  const fixed = put && (put[1] ?? put[2])?.trim();
  return fixed && fixed.split(' ').length >= 2 && bareName(fixed) ? fixed : chunks[at];
}

/** Words said around an answer that are never the answer ("oh wait", "hold on", "actually"). */
const INTERJECTION =
  /^(?:wait|hold on|hang on|hmm|actually|well|sorry|hi|hello|hey|right|alright|all right|sure|thanks|thank you|no|yes|yeah|ok|okay|oh|um|uh|please)$/;

/** A name read from folded text, written as the caller wrote it ("Maria Lopez" → "María López"). */
function withAccents(name: string, said: string): string {
  const original = new Map(
    said
      .split(/[^\p{L}'-]+/u)
      .filter(Boolean)
      .map((w) => [foldSpanish(w), w]),
  );
  // each letter keeps the case the name gives it ("de la Cruz", "McCarthy"), the accents come from what was said
  return name
    .split(' ')
    .map((w) => {
      const o = original.get(w.toLowerCase());
      if (!o || o.length !== w.length) return w;
      return [...o].map((ch, i) => (w[i] === w[i].toLowerCase() ? ch.toLowerCase() : ch.toUpperCase())).join('');
    })
    .join(' ');
}

/** Prepares the offline parser for a business (service matcher, emergency vocabulary). */
export function createNlu(business: BusinessProfile): Nlu {
  const services = createServiceMatcher(business.services);
  const emergencies = createEmergencyDetector(
    business.industry,
    business.emergencyKeywords,
    [business.name, ...business.services.map((s) => s.name)].join(' '),
  );
  // the profile's country, else its time zone's (a profile built without one still reads "0491 570 156" in Sydney)
  const country = business.country ?? zoneCountry(business.timezone) ?? 'US';
  const findStaff = staffFinder(business);
  const kindOfStaff = staffKinds(business);
  // service names with a number in them ("level 2 charger", "massage for two") are no times
  const numbered = [business.name, ...business.services.flatMap((sv) => [sv.name, ...(sv.synonyms ?? [])])]
    .map((p) => normalize(p))
    .filter((p) => /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b/.test(p))
    .sort((a, b) => b.length - a.length);
  // phrases a Spanish turn keeps as said: the business's own service names and synonyms, staff names
  const protect = [
    ...new Set(
      [
        ...business.services.flatMap((sv) => [sv.name, ...(sv.synonyms ?? [])]),
        ...(business.staff ?? []).map((s) => s.name),
      ].map(foldSpanish),
    ),
  ]
    .filter((p) => p.length > 2)
    .sort((a, b) => b.length - a.length);
  const canonical = (raw: string, lang: Lang = 'en') => (lang === 'es' ? fromSpanish(raw, protect) : raw);
  return {
    canonical,
    bareName: (raw, lang) => {
      const name = bareName(nameAnswer(normalize(canonical(raw, lang)), country));
      return name && asWritten(lang === 'es' ? withAccents(name, raw) : name, raw);
    },
    understand(said, now, lang, anchorDay) {
      const raw = canonical(said, lang);
      const text = normalize(raw);
      let rest = ` ${text} `;
      const blank = (start: number, end: number) => {
        rest = rest.slice(0, start + 1) + ' '.repeat(end - start) + rest.slice(end + 1);
      };
      const email = findEmail(text);
      if (email) blank(email.start, email.end);
      const phone = findPhone(rest.slice(1, -1), country);
      if (phone) blank(phone.start, phone.end);
      const address = findAddress(rest.slice(1, -1));
      if (address) blank(address.start, address.end);
      for (const p of numbered) {
        for (let at = rest.indexOf(` ${p}`); at >= 0; at = rest.indexOf(` ${p}`, at + 1)) {
          if (/[a-z0-9]/.test(rest[at + p.length + 1] ?? ' ')) continue;
          rest = rest.slice(0, at + 1) + ' '.repeat(p.length) + rest.slice(at + 1 + p.length);
        }
      }
      // "good morning" opening a turn greets; it is not a wish for a morning slot
      rest = rest.replace(GREETING_PART_OF_DAY, (g) => ' '.repeat(g.length));
      const digits = numbersToDigits(rest.trim());
      const timeInfo: DayInfo = { anchorDay };
      const when = parseTimeWish(digits, now, business.timezone, timeInfo);
      // a name is never read inside a spelled email ("it's mike underscore chen at shaw dot ca")
      const name = findName(
        email ? text.slice(0, email.start) + ' '.repeat(email.end - email.start) + text.slice(email.end) : text,
      );
      const month = DateTime.fromJSDate(now, { zone: business.timezone }).month;
      const emergency = emergencies.detect(text, month);
      const intents = findIntents(text);
      if (emergency && emergency.priority !== 'NORMAL') intents.unshift('emergency');
      // asking to talk a matter over where the business books consultations: a consultation to book
      const consultation =
        intents.includes('human') && TALK_ABOUT_A_MATTER.test(text) ? consultationOf(business) : undefined;
      if (consultation)
        intents.splice(intents.indexOf('human'), 1, ...(intents.includes('book') ? [] : ['book' as const]));
      const u: Understanding = {
        text,
        intents,
        correction: isCorrection(text),
        sameNumber: /\b(this|same|that) (number|phone|one)\b|\bthe one i'm calling (from|on)\b|\bcalling from\b/.test(
          text,
        ),
      };
      const yn = yesNo(text);
      if (yn) u.yesNo = yn;
      // a service named after a correction wins ("a drain cleaning, sorry, I mean a toilet repair"); an excluded one never counts
      const tail = correctionTail(text);
      const service = (tail ? services.match(tail) : undefined) ?? services.match(withoutNegated(text));
      if (consultation) u.service = { service: consultation, score: 1 };
      else if (service?.choices) u.serviceChoices = service.choices;
      else if (service) u.service = { service: service.service, score: service.score };
      // "just the hour-long relaxation one": of the services like the one matched, the one that long
      const long = u.service || u.serviceChoices ? lengthSaid(digits) : undefined;
      const sized = long ? ofLength(business.services, u.service?.service ?? u.serviceChoices![0], long) : undefined;
      if (sized) {
        u.service = { service: sized, score: u.service?.score ?? 1 };
        delete u.serviceChoices;
      }
      // "a haircut and a blow dry": each named service, the first said first
      const several = severalServices(withoutNegated(tail ?? text), services);
      if (several && !consultation) {
        u.service = { service: several[0], score: service?.score ?? 1 };
        if (several.length > 1) u.alsoServices = several.slice(1);
        delete u.serviceChoices;
      }
      // "move my massage", "I'm booked Friday at four, anything earlier?": a booking of the caller's own
      if (!intents.includes('reschedule') && !intents.includes('cancel')) {
        const task = ownBookingTask(text, !!(u.service || u.serviceChoices));
        if (task) u.intents = [task, ...intents.filter((i) => i !== 'book')];
      }
      if (when) u.when = when;
      if (when?.time && timeInfo.hourGuessed) u.hourGuessed = true;
      if (timeInfo.anchored) u.anchorDay = timeInfo.anchored;
      if (when?.date && timeInfo.weekday) u.weekday = timeInfo.weekday;
      if (name) {
        u.name = asWritten(lang === 'es' ? withAccents(name.name, said) : name.name, said);
        if (name.part) u.namePart = name.part;
        if (name.theirs) u.nameIs = 'theirs';
        else if (name.own) u.nameIs = 'own';
        if (name.company) u.company = asWritten(name.company, said);
      }
      // "it's Siobhan Carter… get my lad a kids' cut": the name said is the caller's, the booking is the lad's
      // "a haircut for me and one for my son": the caller's own visit first, then the son's
      const party = findParty(text);
      if (party && (intents.includes('book') || u.service || u.when)) u.party = party;
      const relative = party ? null : FOR_RELATIVE.exec(text);
      if (relative && (intents.includes('book') || u.service || u.when)) {
        const who = relative[1] ?? relative[2];
        u.forRelative = RELATIVE_SAID_AS[who] ?? who;
        // the name said right after the relation is theirs ("for my son Jake"); any other is the caller's own
        if (
          u.name &&
          !new RegExp(
            `\\b(?:my|our) ${who}(?:'s name is|,| is| called| named)? ${escapeRegExp(u.name.toLowerCase().split(' ')[0])}\\b`,
          ).test(text)
        )
          delete u.name;
      }
      if (phone) u.phone = phone.e164;
      if (email) u.email = email.email;
      if (address) u.address = address.address;
      if (emergency) u.emergency = emergency;
      const refused = findStaff.refused(text);
      if (refused) u.refusedStaff = refused;
      if (ANY_STAFF.test(text)) u.anyStaff = true;
      const staff = findStaff.wanted(text);
      if (staff && staff !== refused) u.staff = staff;
      const unknown = !staff ? findStaff.unknown(text) : undefined;
      if (unknown) u.unknownStaff = unknown;
      // "the male dentist", "I'd prefer a woman", "not the locum": who the owner's FAQ says that is
      const kind = !u.staff ? kindOfStaff?.(text) : undefined;
      if (kind?.staff) u.staff = kind.staff;
      if (kind?.avoid && !u.refusedStaff) u.refusedStaff = kind.avoid;
      // "a girl whose name starts with S": the one of that letter who does the service
      const initial = !u.staff ? staffByInitial(business, text, u.service?.service.name) : undefined;
      if (initial) u.staff = initial;
      const digitsText = numbersToDigits(text);
      const pick = pickOption(digitsText);
      if (pick !== undefined) u.pick = pick;
      const moveBy = minuteShift(digitsText);
      if (moveBy) u.moveBy = moveBy;
      const shift = pick === undefined && !moveBy ? relativeShift(text) : undefined;
      if (shift) u.shift = shift;
      return u;
    },
  };
}
