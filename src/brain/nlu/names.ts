/** Person and company names as callers introduce themselves. */
import { findAddress } from './address.js';
import { findEmail } from './email.js';
import {
  COMPANY_STOP,
  DAY_AFTER,
  INTRODUCTION_GOES_ON,
  describes,
  ORDINARY,
  PARTICLE,
  RELATIVE,
  VOCATIVE,
  nameLike,
  nameSize,
  notName,
} from './names-lexicon.js';
import { sameWord, withSpellingHints, withSpellingsRead } from './names-spelling.js';
import { callerRelationSaid, forWhom, withoutCallerRelation } from './names-whom.js';
import { escapeRegExp, titleCase, UNITS } from './text.js';

/**
 * Words that introduce a name ("put it under my sister's name, Claire Dubois"); group 1 says when only one part
 * of it follows ("my last name is Brookes").
 */
const INTRO =
  /\b(?:(?:my |the |her |his )?(first|given|christian|last|family|sur) ?name(?: is|'s)?|(?:put it |book it |have it |it's |it is )?under (?:(?:my|the|her|his|their|our) )?(?:[a-z]+'s )?name(?: of| is|'s)?|(?:put it|book it|have it|booked|it's|it is|it was|it should be|should be) under|my name is|my name's|name is|name's|the name is|this is|it's|it is|i'm|i am|im|call me|speaking with)[,:\s]+/g;

/** An animal's name introduced: "the dog's name is", "my cat's name's", "her horse's name is". */
const ANIMAL_NAMED =
  /\b(?:dog|dogs|doggo|pup|puppy|cat|kitten|kitty|pet|horse|pony|mare|gelding|rabbit|bunny|bird|parrot|hamster|guinea pig|ferret)'?s? name(?: is|'s)\s*$/;

/** Which part of a name "my first name is…" / "my last name is…" / "surname…" gives. */
function partOf(word: string | undefined): NamePart | undefined {
  if (!word) return undefined;
  return word === 'first' || word === 'given' || word === 'christian' ? 'first' : 'last';
}

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
  /** The caller's own name, when `name` is someone else's they book for ("It's for my son, Jack Reilly. I'm Fiona"). */
  caller?: string;
  /** `name` was said as someone else's: "his name's Tyler Brooks", "her name is Aroha". */
  theirs?: boolean;
  /** `name` was said as the caller's own: "my name's Karen Walsh", "I'm Ben". */
  own?: boolean;
}

/** Finds a self-introduction in lower-cased text; undefined when none is certain enough. */
export function findName(said: string): NameHit | undefined {
  const plain = withoutEmail(said);
  const spelled = withSpellingsRead(withSpellingHints(plain));
  const relationSaid = callerRelationSaid(spelled);
  // "I'm his mum, Ana" introduces Ana
  const text = withoutCallerRelation(spelled);
  let found: NameHit | undefined;
  // where the name found last ends: a correction said after it ("…Ngata. Sorry, Ngatai") changes it
  let end = -1;
  const here = HERE.exec(text);
  if (here) {
    const words = here[1].split(/\s+/);
    if (nameLike(words)) {
      const company = companyAfter(text.slice(here[0].length));
      found = { name: personName(words), ...(company ? { company } : {}) };
      end = here.index + here[0].length;
    }
  }
  const called = CALLED.exec(text);
  if (called && nameLike(called[1].split(/\s+/))) {
    found = { name: personName(called[1].split(/\s+/)) };
    end = called.index + called[0].length;
  }
  // once "it" is said of a thing in a turn ("it's working but it's noisy"), a later "it's…" is about it too
  let thing = false;
  // "Her name's Aroha Taylor. I'm Ben, her husband": the name of whom the booking is for, not the caller's own
  let theirs = false;
  for (const intro of text.matchAll(INTRO)) {
    // "…and the dog's name is Maple": an animal's name, not the caller's
    if (ANIMAL_NAMED.test(text.slice(Math.max(0, intro.index - 24), intro.index + intro[0].length))) continue;
    const hit = introduced(text, intro, thing);
    thing ||= hit === 'thing';
    if (!hit || hit === 'thing') continue;
    const third =
      /^(?:his|her|their)\b/.test(intro[0]) ||
      (/^name/.test(intro[0]) && /\b(?:his|her|their)\s+$/.test(text.slice(0, intro.index)));
    if (theirs && !third) {
      found = { ...found!, caller: hit.name };
      continue;
    }
    if (third && found && !theirs) found = { name: hit.name, caller: found.name };
    else found = { ...withPart(found, hit.name, partOf(intro[1])), ...(hit.company ? { company: hit.company } : {}) };
    if (third) found.theirs = true;
    else if (/^(?:my name|i'm|i am|im|this is)\b/.test(intro[0])) found.own = true;
    theirs ||= third;
    end = hit.end;
  }
  if (!found) {
    const first = leadingName(text, text !== plain);
    if (first) [found, end] = [{ name: first.name }, first.end];
  }
  if (found) found = { ...found, name: correctedAfter(text, end, found.name) };
  if (found && !found.name.includes(' ')) found = { ...found, name: withSurnameSaid(text, found.name) };
  found = forWhomRead(text, found, relationSaid) ?? found;
  if (found && !found.company) {
    const anywhere = COMPANY_ANYWHERE.exec(text);
    const company = anywhere ? companyFrom(text.slice(anywhere.index + anywhere[0].length).split(/\s+/)) : undefined;
    if (company) found.company = company;
  }
  return found;
}

/**
 * The booking's name when the turn names the person seen: said with the relation, it counts as a whole name or
 * beside the caller's own ("It's for my son, Jack Reilly. I'm Fiona, his mum"); said plainly ("It's for Lucas
 * Ferreira"), only beside the caller's own name or relation. A first name said in passing ("it's for my son Max")
 * leaves the name to be asked.
 */
function forWhomRead(text: string, caller: NameHit | undefined, relationSaid: boolean): NameHit | undefined {
  // "my wife Helen Park has a massage Thursday… I'd like to book myself in right after her": the booking is the caller's
  if (FOR_MYSELF.test(text)) return undefined;
  const whom = forWhom(text, relationSaid);
  if (!whom) return undefined;
  const beside = !!caller || relationSaid;
  if (!(whom.related ? whom.words.length > 1 || beside : beside)) return undefined;
  const name = correctedAfter(text, whom.end, personName(whom.words));
  const own = caller && caller.name !== name ? { caller: caller.name } : {};
  return { name, ...own, theirs: true, ...(caller?.company ? { company: caller.company } : {}) };
}

/** The caller books for themselves: "book myself in", "one for me too", "for myself". */
const FOR_MYSELF =
  /\b(?:book|get|put|squeeze|fit) (?:myself|me) in\b|\bfor myself\b|\b(?:one|a slot|an appointment) for me\b/;

/**
 * After a name, a preposition that says where or when goes on describing a thing ("it's Bristol at the moment",
 * "it's grey by the back door"), where an introduction names a company ("it's Grace at the bakery", "it's Dana
 * over at Acme") or closes ("by the way").
 */
const DESCRIPTION_GOES_ON =
  /^(?:at\s+(?:the\s+(?:moment|minute|mo|time|back|front|top|bottom|end|side)|least|all|night|home|first|present)|(?:over|by)\s+(?!the way\b)(?:the|a|an|my|our|your|his|her|their|this|that|these|those))\b/;

/**
 * The name after one introduction ("call me back, this is Olivia"), with its company and where it ends; 'thing'
 * when "it's…" / "it is…" says what a thing is ("it's quite strong", "it's all over the floor"). After that, in
 * the same turn, "it's…" introduces only with what says so ("…, it's Dana Reed calling", "it's Sam by the way").
 */
function introduced(
  text: string,
  intro: RegExpMatchArray,
  thingSaid: boolean,
): { name: string; company?: string; end: number } | 'thing' | undefined {
  const start = (intro.index ?? 0) + intro[0].length;
  const it = /^(?:it's|it is)[,:\s]+$/.test(intro[0]);
  // "I forgot it's Australia Day", "I know I'm late": what is said after such a word is no introduction
  if (/^(?:it's|it is|this is|i'm|i am|im)\b/.test(intro[0]) && SAYS_WHAT_IS.test(text.slice(0, intro.index)))
    return undefined;
  const no = it ? 'thing' : undefined;
  // "book my Corsa in for its MOT", "due its service": "its" after a preposition owns a thing, it names nobody
  if (
    it &&
    /\b(?:for|in|on|to|of|due|with|at|by|from|after|before|about|into|through|past|needs|get|got)\s+$/.test(
      text.slice(0, intro.index),
    )
  )
    return no;
  const after = /^([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,5})/.exec(text.slice(start));
  if (!after) return no;
  const words = after[1].split(/\s+/);
  const weak = /^(this is|it's|it is|i'm|i am|im)\b/.test(intro[0]);
  if (weak && (ORDINARY.has(words[0]) || describes(words[0]))) return no;
  const name: string[] = [];
  for (const w of words) {
    if (notName(w) || w.length < 2 || nameSize([...name, w]) > 3) break;
    name.push(w);
  }
  if (!name.length) return no;
  const afterName = text.slice(start).split(/\s+/).slice(name.length).join(' ');
  // "it's Australia Day", "it's Easter Monday": a day's name; "it's stiff and sore": one of two like words
  const right = /^\s+(.*)$/s.exec(text.slice(start + name.join(' ').length))?.[1] ?? '';
  if (EMAIL_GOES_ON.test(afterName) || DAY_AFTER.test(right) || likeWordGoesOn(right)) return no;
  // "I'm Maria, …", "it's Sam calling", "im Dana and I need…" introduce; "I'm stuck in a lot", "it's flooding
  // the basement" do not: after a weak opener the name must end the clause or be followed by what an introduction is.
  const next = words[name.length];
  const selfDescribed = /^(it's|it is|i'm|i am|im)\b/.test(intro[0]);
  if (
    selfDescribed &&
    next !== undefined &&
    ((!INTRODUCTION_GOES_ON.has(next) && !/ing$/.test(next)) || DESCRIPTION_GOES_ON.test(afterName))
  )
    return no;
  if (it && thingSaid && !/^(?:calling|speaking|here|from|by the way)\b/.test(afterName)) return no;
  const company = companyAfter(afterName);
  return { name: personName(name), ...(company ? { company } : {}), end: start + name.join(' ').length };
}

/** Words after which "it's…" / "I'm…" says what is so, not who is calling ("forgot it's Australia Day", "I think it's"). */
const SAYS_WHAT_IS =
  /\b(?:forgot|forget|know|knew|think|thought|guess|realise|realised|realize|realized|remember|remembered|said|says|suppose|hope|bet|believe|reckon|figured|heard|noticed|because|cause|cos|since|if|when|while|whilst|unless|whether|until|till|though|although|that|sure)[,\s]+$/;

/** "…and sore", "…or numb": a word like one that describes follows, so the word before described too. */
const LIKE_WORD_AFTER = /^(?:and|or|but|yet)\s+(?:(?:a bit|a little|really|very|quite|so|kind of|kinda)\s+)?([a-z]+)\b/;
const likeWordGoesOn = (right: string) => {
  const w = LIKE_WORD_AFTER.exec(right)?.[1];
  return !!w && (ORDINARY.has(w) || describes(w));
};

/**
 * A name's words as a name is written: each word capitalised ("O'Neill", "Anne-Marie"), "Mc" before a capital
 * ("McCarthy"), a particle between two words in lower case ("van", "de la", "bin"); a word said twice in a row
 * once ("Dave Dave Kowalski"), and a word of address after it left out ("Edith Carmichael, dear").
 */
export function personName(words: string[]): string {
  const kept = words.filter((w, i) => i === 0 || w.toLowerCase() !== words[i - 1].toLowerCase());
  while (kept.length > 2 && VOCATIVE.has(kept[kept.length - 1].toLowerCase())) kept.pop();
  return kept
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (i > 0 && i < kept.length - 1 && PARTICLE.has(lower)) return lower;
      return titleCase(lower)
        .replace(/^Mc([a-z])/, (_m, c: string) => `Mc${c.toUpperCase()}`)
        .replace(/'S$/, "'s");
    })
    .join(' ');
}

/** The text with an email said in it blanked: the letters of an email are no name ("it's T-O-M-B at shaw dot C-A"). */
function withoutEmail(text: string): string {
  const email = findEmail(text);
  return email ? text.slice(0, email.start) + ' '.repeat(email.end - email.start) + text.slice(email.end) : text;
}

/** What follows the local part of an email, even one not read as an email ("… at shaw dot c-x"). */
const EMAIL_GOES_ON = /^(?:at|@)\s+[a-z0-9-]+\s*(?:dot\b|\.[a-z])/;

/** "sorry, Ngatai", "I mean Brookes", "no, Dana Reed": a name said again to correct the one just given. */
const CORRECTED_NAME =
  /(?:\b(?:sorry|i mean|i meant|actually|rather|correction|oops)\b[,\s]+|\b(?:no|nope|wait)\b(?:,\s*|\s+(?=sorry|i mean|it's)))(?:(?:sorry|i mean|it's|it is|that's|that is|it should be)[,\s]+)*([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2})(?=\s*(?:$|[,.!?;]))/g;

/**
 * The name after any correction said once it was given: the word said again replaces the word it respells
 * ("Tama Ngata. Sorry, Ngatai"); a name like none of the words before replaces it only when said as the name
 * ("…sorry, I mean Mike"), so "this is Mark, actually, gutters" keeps Mark.
 */
function correctedAfter(text: string, end: number, name: string): string {
  let out = name;
  for (const m of text.matchAll(CORRECTED_NAME)) {
    const said = m[1].split(/\s+/);
    if ((m.index ?? 0) < end || !nameLike(said)) continue;
    const related = said.some((c) => out.split(' ').some((w) => sameWord(w.toLowerCase(), c)));
    if (!related && !/\b(?:i mean|i meant|it's|it is|that's|that is|it should be)\b/.test(m[0])) continue;
    const again = personName(said);
    out = respelled(out, again) ?? [again, ...out.split(' ').slice(1)].join(' ');
  }
  return out;
}

/**
 * A first name with the surname said beside it elsewhere in the turn ("autocorrect!! it's Michaela with an h:
 * M-I-C-H-A-E-L-A. Michaela Ng." → "Michaela Ng"), ending a sentence so that it is no "Sarah said"; the last wins.
 */
function withSurnameSaid(text: string, first: string): string {
  const own = first.toLowerCase();
  let out = first;
  for (const m of text.matchAll(new RegExp(`\\b${escapeRegExp(own)}\\s+([a-z][a-z'-]*)(?=\\s*(?:[.,;:!?]|$))`, 'g')))
    if (nameLike([own, m[1]])) out = personName([own, m[1]]);
  return out;
}

/**
 * The name said for a relative whose booking's name was asked ("Ray Delgado, and my son is Mateo Delgado" → Mateo
 * Delgado): the name words after "my son is", written as the caller wrote them.
 */
export function relativeNamed(said: string, relative: string): string | undefined {
  const m = new RegExp(
    `\\b(?:my|our|the) ${escapeRegExp(relative)}(?:'s name)?(?: is|'s|,| called| named)\\s+([a-z][a-z'-]+(?:\\s+[a-z][a-z'-]+)?)`,
  ).exec(said.toLowerCase());
  const words = m?.[1].split(/\s+/).filter((w) => !/^(?:and|he|she|they|is|who|aged?)$/.test(w));
  return words?.length ? asWritten(personName(words), said) : undefined;
}

/**
 * A single word said again for one word of a whole name, spelled a little differently or in full ("Tama
 * Ngata" + "Ngatai" → "Tama Ngatai", "Katelyn Brooks" + "Brookes", "Sam Lee" + "Sam"); undefined when the
 * word is no other spelling of any of them. A name of two or more words replaces the whole.
 */
function respelled(current: string, said: string): string | undefined {
  const words = current.split(' ');
  if (said.includes(' ')) return said;
  const i = words.findIndex((w) => sameWord(w.toLowerCase(), said.toLowerCase()));
  if (i < 0) return undefined;
  return [...words.slice(0, i), said, ...words.slice(i + 1)].join(' ');
}

/** Words at the start of a turn before what follows them ("yeah, Kevin Price, 12 Beech Road"). */
const LEADING =
  /^(?:(?:hi|hey|hello|yeah|yes|yep|ok|okay|sure|so|oh|right)[,.!\s]+)*([a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2})(\s*[,.;:!?-])?(?:\s+|$)/d;

/** Words before a spelled name that answer what was read back. */
const SPELLING_OPENS = /^(?:(?:no|nope|sorry|that's|that is|actually)[,.!\s]+)+/;

/**
 * A name said first without an introduction, when what follows shows it is one: an address or a number right
 * after it ("Kevin Price, 12 Beech Road, Chorlton", "Ben, 0491 570 156"), a spelling of it ("Tama Ngatai,
 * N-G-A-T-A-I") or a correction of one of its words ("Tama Ngata. Sorry, Ngatai"). Before an address or a
 * number, a comma or a stop must follow the name.
 */
function leadingName(text: string, spelled: boolean): { name: string; end: number } | undefined {
  // a spelled name may answer a read-back: "no, Smith with an i-t-h", "that's Jon without the h"
  const skip = spelled ? (SPELLING_OPENS.exec(text)?.[0].length ?? 0) : 0;
  const m = LEADING.exec(text.slice(skip));
  if (!m) return undefined;
  // "tama ngata sorry ngatai": the name ends at the first word that is none
  const cut = m[1].split(/\s+/).findIndex((w) => notName(w));
  const words = m[1].split(/\s+/).slice(0, cut < 0 ? undefined : cut);
  const end = skip + (m.indices?.[1]?.[0] ?? 0) + words.join(' ').length;
  const rest = text.slice(end).replace(/^\s*[,.;:!?-]?\s*/, '');
  const stop = cut >= 0 ? '' : (m[2] ?? '');
  if (!words.length || !nameLike(words)) return undefined;
  const name = personName(words);
  const correction = new RegExp(CORRECTED_NAME.source, 'y').exec(rest);
  const respells =
    !!correction &&
    correction[1].split(/\s+/).some((c) => words.some((w) => sameWord(w, c))) &&
    nameLike(correction[1].split(/\s+/));
  const spelledAlone = spelled && !/[a-z0-9]/.test(rest);
  // a list of details is said with a pause between them; "es el 720…", "the address is 12…" are no name first
  if (!stop && !spelledAlone && !respells) return undefined;
  const shown = spelledAlone || respells || findAddress(rest)?.start === 0 || startsWithNumber(rest);
  return shown ? { name, end } : undefined;
}

/** The text opens with a phone number: seven digits or more, written or said ("0491 570 156", "oh two one…"). */
function startsWithNumber(text: string): boolean {
  let digits = 0;
  for (const w of text.split(/[\s,.()-]+/).filter(Boolean)) {
    if (/^\+?\d+$/.test(w)) digits += w.replace('+', '').length;
    else if (w in UNITS && UNITS[w] < 10) digits += 1;
    else if (w === 'double' || w === 'triple') continue;
    else break;
  }
  return digits >= 7;
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
  const words = withSpellingsRead(withSpellingHints(text))
    .replace(/[,.!?]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const kept = words.filter((w) => !['it', "it's", 'is', 'yes', 'yeah', 'sure', 'um', 'ok', 'okay'].includes(w));
  if (kept.length === 0 || nameSize(kept) > 3 || !nameLike(kept)) return undefined;
  return personName(kept);
}

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

/** "put it under my husband, Tom Ashworth", "under my dad's name, Alan Hughes". */
const UNDER_SOMEONE = new RegExp(
  `^(?:(?:yeah|yes|oh|so|ok|okay|sure|well)[,\\s]+)*(?:(?:could|can|would) you\\s+)?(?:please\\s+)?` +
    `(?:(?:put|book|have) (?:it|that|this|the booking)\\s+)?under\\s+(?:(?:my|our)\\s+(?:${RELATIVE})(?:'s)?\\b\\s*(?:name\\b)?[,:]?\\s*)?`,
);

/** "it's for Lucas Ferreira": the name of whom it is for, said at the name question. */
const FOR_NAMED =
  /^(?:(?:yeah|yes|oh|so|ok|okay|sure|well)[,\s]+)*(?:(?:it's|it is|that's|that is|it'd be|it would be|the (?:booking|appointment|lesson|session|class) is)\s+)?for\s+/;

/**
 * The answer to "your name?" without the words saying whom it is for ("it's for my son, Leo Park", "it's for Leo
 * Park", "put it under my dad, Alan Hughes" → the name).
 */
export function withoutRelation(text: string): string {
  return text.replace(FOR_SOMEONE, '').replace(UNDER_SOMEONE, '').replace(FOR_NAMED, '');
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
 * → "Katelyn Brookes"; to "Katelyn" → "Katelyn Brookes"); the other part is kept. Without a part, a single word
 * that is another spelling of one word of the name replaces that word only; otherwise, or with no name yet, the
 * name said.
 */
export function withNamePart(current: string | undefined, said: string, part?: NamePart): string {
  const words = current?.trim().split(/\s+/).filter(Boolean) ?? [];
  if (!words.length) return said;
  // "It's Brookes, with an e" after "Katelyn Brooks", "Siobhan" after "Siobhan Murphy": that word, the rest kept
  if (!part) return (words.length > 1 && respelled(words.join(' '), said)) || said;
  if (part === 'first') return [said, ...words.slice(1)].join(' ');
  return [...(words.length > 1 ? words.slice(0, -1) : words), said].join(' ');
}

/** The name said is the first part of the one on file ("Tasha" of "Tasha Green", "andre" of "Andre Baptiste"). */
export function firstPartOf(said: string, full: string | undefined): boolean {
  if (!full) return false;
  const [a, b] = [said, full].map((n) => n.toLowerCase().replace(/\s+/g, ' ').trim());
  return b.startsWith(`${a} `);
}
