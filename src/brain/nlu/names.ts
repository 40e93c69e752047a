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
    'office team company business landlord tenant neighbor neighbour husband wife son daughter mom dad friend'
  ).split(/\s+/),
);

const INTRO =
  /\b(?:my name is|my name's|name is|name's|the name is|this is|it's|it is|i'm|i am|im|call me|put it under|under the name|speaking with)[,\s]+/g;

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

/** A name and an optional company ("this is Dana from Acme"). */
export interface NameHit {
  name: string;
  company?: string;
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
    found = { name: titleCase(name.join(' ')), ...(company ? { company } : {}) };
  }
  if (found && !found.company) {
    const anywhere = COMPANY_ANYWHERE.exec(text);
    const company = anywhere ? companyFrom(text.slice(anywhere.index + anywhere[0].length).split(/\s+/)) : undefined;
    if (company) found.company = company;
  }
  return found;
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
