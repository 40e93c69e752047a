/** Person and company names as callers introduce themselves. */
import { titleCase } from './text.js';

/**
 * Words that are never part of a name. Covers what follows "I'm" or "it's" in ordinary speech
 * ("I'm calling", "it's urgent", "this is about") so those are not taken for names.
 */
const NOT_NAME = new Set(
  (
    "a an the and or but so i me my mine you your we our us he she they it its it's is am are was were be been being " +
    'calling looking trying wondering hoping going just about from with for to of in on at by here there this that ' +
    'not no yes yeah yep sure okay ok fine good great well sorry thanks thank please hi hello hey bye goodbye ' +
    'interested available free busy booking calling phoning ready having need needing want wanting like ' +
    'urgent emergency serious broken leaking flooding out off down up calling regarding actually really very ' +
    'afraid worried concerned curious new returning existing customer patient client looking gonna gotta ' +
    'still also only maybe probably definitely correct right wrong fine ' +
    'appointment service booking question call number phone email address time today tomorrow ' +
    'monday tuesday wednesday thursday friday saturday sunday morning afternoon evening noon ' +
    'what when where why how who which can could would should will shall may might must do does did done ' +
    "have has had get got make made let lets let's book schedule cancel reschedule change move " +
    'haircut color trim cut cleaning checkup inspection repair oil brake brakes tire tires ac heat heater ' +
    'furnace water gas pipe toilet sink drain outlet tooth teeth pain ' +
    'one two three four five six seven eight nine ten eleven twelve thirty fifteen forty ' +
    "same one's myself mr mrs ms dr miss doctor sir mam ma'am speaking " +
    "back later again soon asap away tonight anytime whenever over here there then now back's " +
    "i'm i'll i've i'd we're we'll we've you're they're he's she's that's there's what's " +
    'checking following returning reaching ringing touching getting having hoping wondering wanting needing ' +
    'below above cold hot warm freezing raining snowing pretty too dead gone fixed late early open closed january february march april may june july august september october november december best cell mobile home work quick quickly real gonna wanna someone somebody anyone anybody nobody everyone person guy lady owner manager ' +
    'office team company business landlord tenant neighbor neighbour husband wife son daughter mom dad friend ' +
    // where someone lives is no name: "I'm Sarah Mills, it's unit 4, 16 jacaranda street"
    'unit apt apartment suite ste flat level floor building bldg street road rd avenue ave boulevard blvd ' +
    'highway hwy crescent terrace parade box name surname spelled spelt spelling'
  ).split(/\s+/),
);

/** Words that introduce a name; group 1 says when only one part of it follows ("my last name is Brookes"). */
const INTRO =
  /\b(?:(?:my |the |her |his )?(first|given|christian|last|family|sur) ?name(?: is|'s)?|my name is|my name's|name is|name's|the name is|this is|it's|it is|i'm|i am|im|call me|put it under|under the name|speaking with)[,:\s]+/g;

/** Which part of a name "my first name is…" / "my last name is…" / "surname…" gives. */
function partOf(word: string | undefined): NamePart | undefined {
  if (!word) return undefined;
  return word === 'first' || word === 'given' || word === 'christian' ? 'first' : 'last';
}

/** What may follow a name after "I'm"/"it's" in an introduction ("I'm Sam and…", "it's Dana from Acme", "im Lee i need…"). */
const INTRODUCTION_GOES_ON = new Set(
  "and from with at over here speaking again back by hi hello hey i i'm i'd i'll im my me you we we're our please can could would will just so the".split(
    ' ',
  ),
);

/** "tell them Raj Nguyen called", "please pass along that Dana called". */
const CALLED =
  /\b(?:that|say|tell (?:him|her|them|the \w+))\s+([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)\s+(?:called|phoned|rang|stopped by|is calling|was calling|called in)\b/;

/** "Dana here", "Marcus Reed here from Acme": a name followed by "here" at the start of a turn. */
const HERE = /^(?:(?:hi|hey|hello|yeah|yes|oh|ok|okay)[,\s]+)*([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*)?)\s+here\b/;

/** Where a company is named: "from Acme", "with Acme", "over at Acme", "I'm calling from Acme", "I work for Acme". */
const COMPANY_MARK =
  /^(?:,?\s*)(?:(?:i'm |i am |we're )?(?:calling |here )?(?:from|with|over at|at)|i work (?:for|at))\s+/;
const COMPANY_ANYWHERE =
  /\b(?:i'm calling from|i am calling from|calling from|i work (?:for|at)|i'm with|i am with|we're with)\s+/;

/** One part of a person's name, when the caller gives only that part. */
export type NamePart = 'first' | 'last';

/** A name and an optional company ("this is Dana from Acme"). */
export interface NameHit {
  name: string;
  company?: string;
  /** Only this part of the name was given ("my last name is Brookes, with an e"). */
  part?: NamePart;
}

/** Finds a self-introduction in lower-cased text; undefined when none is certain enough. */
export function findName(text: string): NameHit | undefined {
  let found: NameHit | undefined;
  const here = HERE.exec(text);
  if (here) {
    const words = here[1].split(/\s+/);
    if (words.every((w) => !NOT_NAME.has(w) && w.length >= 2)) {
      const company = companyAfter(text.slice(here[0].length));
      found = { name: titleCase(words.join(' ')), ...(company ? { company } : {}) };
    }
  }
  const called = CALLED.exec(text);
  if (called && called[1].split(/\s+/).every((w) => !NOT_NAME.has(w) && w.length >= 2))
    found = { name: titleCase(called[1]) };
  for (const intro of text.matchAll(INTRO)) {
    // the words after each introduction, looked at one introduction at a time ("call me back, this is Olivia")
    const after = /^([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,3})/.exec(text.slice((intro.index ?? 0) + intro[0].length));
    if (!after) continue;
    const m = { 0: intro[0] + after[1], 1: after[1], index: intro.index };
    const words = m[1].split(/\s+/);
    const weak = /^(this is|it's|it is|i'm|i am|im)\b/.test(m[0]);
    if (weak && /(?:ing|ed|ly|ful|ous|ive)$/.test(words[0])) continue;
    const name: string[] = [];
    for (const w of words) {
      if (NOT_NAME.has(w) || w.length < 2) break;
      name.push(w);
      if (name.length === 3) break;
    }
    if (!name.length) continue;
    // "I'm Maria, …", "it's Sam calling", "im Dana and I need…" introduce; "I'm stuck in a lot", "it's flooding
    // the basement" do not: after a weak opener the name must end the clause or be followed by what an introduction is.
    const next = words[name.length];
    const selfDescribed = /^(it's|it is|i'm|i am|im)\b/.test(m[0]);
    if (selfDescribed && next !== undefined && !INTRODUCTION_GOES_ON.has(next) && !/ing$/.test(next)) continue;
    const afterName = text
      .slice((m.index ?? 0) + m[0].length - m[1].length)
      .split(/\s+/)
      .slice(name.length)
      .join(' ');
    const company = companyAfter(afterName);
    found = { ...withPart(found, titleCase(name.join(' ')), partOf(intro[1])), ...(company ? { company } : {}) };
  }
  if (found && !found.company) {
    const anywhere = COMPANY_ANYWHERE.exec(text);
    const company = anywhere ? companyFrom(text.slice(anywhere.index + anywhere[0].length).split(/\s+/)) : undefined;
    if (company) found.company = company;
  }
  return found;
}

/**
 * A name, or one part of it, said after another in the same turn: "my first name is Katelyn and my last name
 * is Brookes", "this is Katelyn, last name Brookes" make one whole name; otherwise the later one counts.
 */
function withPart(before: NameHit | undefined, said: string, part: NamePart | undefined): NameHit {
  if (!part) return { name: said };
  if (!before || before.part === part) return { name: said, part };
  return { name: before.part === 'last' ? `${said} ${before.name}` : withNamePart(before.name, said, part) };
}

/** The company named right after a name ("from Acme Supply, please…"), if any. */
function companyAfter(rest: string): string | undefined {
  const m = COMPANY_MARK.exec(rest);
  return m ? companyFrom(rest.slice(m[0].length).split(/\s+/)) : undefined;
}

const COMPANY_STOP = new Set(
  (
    "and i i'm calling about we here our my to regarding please can could would call you your the number is it's " +
    'my best reach me at on when if so just this that who need needs want wants about re for'
  ).split(' '),
);

function companyFrom(words: string[]): string | undefined {
  const out: string[] = [];
  for (const w of words) {
    const clean = w.replace(/[,.!?]$/, '');
    if (!clean || COMPANY_STOP.has(clean) || /^\d/.test(clean)) break;
    out.push(clean);
    if (out.length === 4 || clean !== w) break;
  }
  return out.length ? titleCase(out.join(' ')) : undefined;
}

/**
 * Reads a reply to "what's your name?" that is just the name ("Maria Lopez", "sam").
 * Answers undefined when the words look like anything else.
 */
export function bareName(text: string): string | undefined {
  const words = text
    .replace(/[,.!?]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const kept = words.filter((w) => !['it', "it's", 'is', 'yes', 'yeah', 'sure', 'um', 'ok', 'okay'].includes(w));
  if (kept.length === 0 || kept.length > 3) return undefined;
  if (kept.some((w) => NOT_NAME.has(w) || !/^[a-z][a-z'-]+$/.test(w))) return undefined;
  return titleCase(kept.join(' '));
}

/** People a booking is made for ("it's for my daughter, Ava Thompson"); pets are not: their owner is the client. */
const RELATIVE =
  'daughter|son|kid|child|boy|girl|wife|husband|partner|mom|mum|mother|dad|father|brother|sister|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|nephew|niece|aunt|uncle|cousin|fiance|fiancee|boyfriend|girlfriend|friend';

/**
 * The words before the name of the person a booking is for: "it's for my daughter, Ava Thompson",
 * "for my son Leo", "my daughter's name is Ava", "the lesson is for my wife, she's called Mia".
 */
const FOR_SOMEONE = new RegExp(
  `^(?:(?:yeah|yes|oh|so|ok|okay|sure|well)[,\\s]+)*` +
    `(?:(?:it's|it is|this is|that's|that is|it'd be|it would be|the (?:booking|appointment|lesson|session|class) is)\\s+)?` +
    `(?:for\\s+)?my\\s+(?:${RELATIVE})(?:'s)?\\b[,:]?\\s*` +
    `(?:(?:and )?(?:her|his|their) name(?: is|'s)\\s+|(?:she's |he's |they're )?(?:called|named)\\s+|name(?: is|'s)\\s+)?`,
);

/** The answer to "your name?" without the words saying whom it is for ("it's for my son, Leo Park" → "Leo Park"). */
export function withoutRelation(text: string): string {
  return text.replace(FOR_SOMEONE, '');
}

/**
 * A name as the caller wrote it: a word typed or transcribed in mixed case ("MacLeod", "O'Brien",
 * "Anne-Marie", "DeShawn") keeps its casing; a word in lower or upper case only keeps the title case it was given.
 */
export function asWritten(name: string, said: string): string {
  const written = new Map<string, string>();
  for (const raw of said.replace(/[\u2018\u2019\u02bc]/g, "'").split(/[^\p{L}'-]+/u)) {
    const w = raw.replace(/^['-]+|['-]+$/g, '');
    if (/\p{Lu}/u.test(w) && /\p{Ll}/u.test(w) && !written.has(w.toLowerCase())) written.set(w.toLowerCase(), w);
  }
  return name
    .split(' ')
    .map((w) => {
      const o = written.get(w.toLowerCase());
      return o ? o.charAt(0).toUpperCase() + o.slice(1) : w;
    })
    .join(' ');
}

/**
 * The whole name after the caller gave one part of it ("my last name is Brookes, with an e" to "Katelyn Brooks"
 * → "Katelyn Brookes"; to "Katelyn" → "Katelyn Brookes"); the other part is kept. Without a part, or with
 * no name yet, the name said.
 */
export function withNamePart(current: string | undefined, said: string, part?: NamePart): string {
  const words = current?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (!part || !words.length) return said;
  if (part === 'first') return [said, ...words.slice(1)].join(' ');
  return [...(words.length > 1 ? words.slice(0, -1) : words), said].join(' ');
}
