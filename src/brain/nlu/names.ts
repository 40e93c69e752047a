/** Person and company names as callers introduce themselves. */
import { titleCase } from './text.js';

/**
 * Words that are never part of a name. Covers what follows "I'm" or "it's" in ordinary speech
 * ("I'm calling", "it's urgent", "this is about") so those are not taken for names.
 */
const NOT_NAME = new Set(
  (
    'a an the and or but so i me my mine you your we our us he she they it its it\'s is am are was were be been being ' +
    'calling looking trying wondering hoping going just about from with for to of in on at by here there this that ' +
    'not no yes yeah yep sure okay ok fine good great well sorry thanks thank please hi hello hey bye goodbye ' +
    'interested available free busy booking calling phoning ready having need needing want wanting like ' +
    'urgent emergency serious broken leaking flooding out off down up calling regarding actually really very ' +
    'afraid worried concerned curious new returning existing customer patient client looking gonna gotta ' +
    'still also only maybe probably definitely correct right wrong fine ' +
    'appointment service booking question call number phone email address time today tomorrow ' +
    'monday tuesday wednesday thursday friday saturday sunday morning afternoon evening noon ' +
    'what when where why how who which can could would should will shall may might must do does did done ' +
    'have has had get got make made let lets let\'s book schedule cancel reschedule change move ' +
    'haircut color trim cut cleaning checkup inspection repair oil brake brakes tire tires ac heat heater ' +
    'furnace water gas pipe toilet sink drain outlet tooth teeth pain ' +
    'one two three four five six seven eight nine ten eleven twelve thirty fifteen forty ' +
    'same one\'s myself mr mrs ms dr miss doctor sir mam ma\'am speaking'
  ).split(/\s+/),
);

const INTRO = /\b(?:my name is|my name's|name is|name's|the name is|this is|it's|it is|i'm|i am|im|call me|put it under|under the name|speaking with)[,\s]+([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,3})/g;

/** A name and an optional company ("this is Dana from Acme"). */
export interface NameHit {
  name: string;
  company?: string;
}

/** Finds a self-introduction in lower-cased text; undefined when none is certain enough. */
export function findName(text: string): NameHit | undefined {
  let found: NameHit | undefined;
  for (const m of text.matchAll(INTRO)) {
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
    const rest = m[1].split(/\s+/).slice(name.length).concat(text.slice((m.index ?? 0) + m[0].length).trim().split(/\s+/));
    const company = rest[0] === 'from' || rest[0] === 'with' ? companyFrom(rest.slice(1)) : undefined;
    found = { name: titleCase(name.join(' ')), ...(company ? { company } : {}) };
  }
  return found;
}

function companyFrom(words: string[]): string | undefined {
  const out: string[] = [];
  for (const w of words) {
    const clean = w.replace(/[,.!?]$/, '');
    if (!clean || ['and', 'i', 'calling', 'about', 'we', 'here', 'our', 'my', 'to', 'regarding'].includes(clean)) break;
    out.push(clean);
    if (out.length === 3 || clean !== w) break;
  }
  return out.length ? titleCase(out.join(' ')) : undefined;
}

/**
 * Reads a reply to "what's your name?" that is just the name ("Maria Lopez", "sam").
 * Answers undefined when the words look like anything else.
 */
export function bareName(text: string): string | undefined {
  const words = text.replace(/[,.!?]/g, ' ').trim().split(/\s+/).filter(Boolean);
  const kept = words.filter((w) => !['it', "it's", 'is', 'yes', 'yeah', 'sure', 'um', 'ok', 'okay'].includes(w));
  if (kept.length === 0 || kept.length > 3) return undefined;
  if (kept.some((w) => NOT_NAME.has(w) || !/^[a-z][a-z'-]+$/.test(w))) return undefined;
  return titleCase(kept.join(' '));
}
