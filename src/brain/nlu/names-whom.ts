/**
 * Whom a booking is for when the caller books for someone else: the name on the booking is the person who is
 * seen (patient, client, pupil), whatever the caller calls themselves in the same breath.
 */
import { nameLike, nameSize, notName, ORDINARY, RELATIVE } from './names-lexicon.js';

/** The person a booking is for, as said in one turn. */
export interface ForWhom {
  /** The name's words, lower case, as said. */
  words: string[];
  /**
   * Said with the relation or the booking itself ("for my son, Jack Reilly", "put it under my dad, Alan Hughes",
   * "Ava Mitchell, she's my daughter"); otherwise it counts only beside the caller's own name ("It's for Lucas
   * Ferreira. I'm his mum, Ana").
   */
  related: boolean;
  /** Where the name ends in the text. */
  end: number;
}

const REL = `(?:${RELATIVE})\\b(?!')`;
const OWN = `(?:my|our)\\s+${REL}`;
const NAME = `([a-z][a-z'-]*(?:\\s+[a-z][a-z'-]*){0,4})`;
/** "his name is", "she's called", "named": words between a relation and the name. */
const CALLED_SO = `(?:(?:and\\s+)?(?:his|her|their)\\s+name(?:\\s+is|'s)\\s+|(?:(?:she's|he's|they're|who's)\\s+)?(?:called|named)\\s+)?`;

/** Where the name follows the relation or the booking, in the order they are tried. */
const RELATED = [
  // "put it under my husband, Tom Ashworth", "under my dad's name, Alan Hughes"
  new RegExp(
    `\\bunder\\s+(?:my|our)\\s+(?:${RELATIVE})\\b(?:'s)?(?:\\s+name)?(?:,?\\s+please)?\\s*[,:-]?\\s*${CALLED_SO}${NAME}`,
    'dg',
  ),
  // "great for Mum (Maria Russo)", "for my son (Jack)": the name in brackets after the relation
  new RegExp(`\\bfor\\s+(?:(?:my|our)\\s+)?(?:${RELATIVE})\\s*\\(\\s*${NAME}\\s*\\)`, 'dg'),
  // "it's for my husband, Kevin Dubois", "for my son, his name is Noah Kim", "my daughter is called Ava"
  new RegExp(`\\bfor\\s+${OWN}\\s*[,:-]?\\s*${CALLED_SO}${NAME}`, 'dg'),
  new RegExp(`\\b${OWN}(?:\\s+is|'s)\\s+(?:called|named)\\s+${NAME}`, 'dg'),
  new RegExp(`\\b(?:my|our)\\s+(?:${RELATIVE})'s\\s+name(?:\\s+is|'s)\\s+${NAME}`, 'dg'),
  // "can I book my son Jack in for…"
  new RegExp(`\\b(?:book|bring|get|fit|squeeze)\\s+${OWN}\\s*,?\\s*${NAME}\\s*,?\\s+in\\b`, 'dg'),
  // "she's my daughter, Ava Mitchell", "it's my husband Kevin who needs it"
  new RegExp(`\\b(?:she's|he's|they're|she is|he is|it's|it is|this is for)\\s+${OWN}\\s*[,:-]?\\s*${NAME}`, 'dg'),
  // "my husband, Tom Ashworth, will bring her in", "my son Jack Reilly needs a check-up"
  new RegExp(
    `\\b${OWN}\\s*,?\\s*${NAME}\\s*,?\\s+(?:needs|has|is|will|would|wants|was|had|can|could|should|'ll|gets|got)\\b`,
    'dg',
  ),
  // "the patient is Kevin Dubois", "the student's name is Ava Mitchell"
  new RegExp(
    `\\bthe\\s+(?:patient|student|pupil|client|learner|child|kid)(?:'s\\s+name)?(?:\\s+is|'s)\\s+(?:called\\s+)?${NAME}`,
    'dg',
  ),
];

/** "Ava Mitchell, she's my daughter", "it's Tom Reid, he's my husband": the name, then whose relation it is. */
const NAME_THEN_RELATION = new RegExp(
  `(?:^|[,.;!?]\\s*)(?:(?:yeah|yes|so|ok|okay|well|oh|hi|hello|um|sure)[,\\s]+)*(?:(?:it's|it is|the name is|name's|that's|it's for|it is for)\\s+)?${NAME}\\s*[,-]?\\s+(?:she's|he's|they're|she is|he is|they are|who's|who is)\\s+(?:my|our)\\s+(?:${RELATIVE})\\b`,
  'dg',
);

/** "It's for Lucas Ferreira", "he's Leo Park": a name that is the booking's only beside the caller's own. */
const UNRELATED = [
  new RegExp(
    `\\b(?:it's|it is|it'd be|it would be|that's|this is|the (?:booking|appointment|lesson|session|class|visit|consult|consultation) is|book (?:it|that|this|him|her) in)\\s+for\\s+${NAME}`,
    'dg',
  ),
  new RegExp(`\\b(?:he's|she's|he is|she is)\\s+${NAME}`, 'dg'),
];

/** "Ethan Morales, he's 9. I'm his mom": the name said first, before a stop, is whom "his" / "her" is said of. */
const LEADING = new RegExp(
  `^(?:(?:yeah|yes|so|ok|okay|well|oh|hi|hello|um|sure)[,\\s]+)*(?:(?:it's|it is|the name is|name's)\\s+)?${NAME}(?=\\s*[,.;!?])`,
  'dg',
);

/** The caller says how they are related to the person seen ("I'm his mum", "this is her dad", ", his wife"). */
const CALLER_RELATION = new RegExp(
  `(?:\\b(?:i'm|i am|im|this is|it's)\\s+|,\\s*)(?:his|her|their)\\s+(?:${RELATIVE})\\b`,
);

/** Words a described person or thing starts with rather than a name ("he's limping", "she's really poorly"). */
const DESCRIBES = /(?:ing|ed|ly|ful|ous|ive|ish|less)$/;

/** The words of a name at the start of `said`, cut before the first word that is none; undefined when none is. */
function nameWords(said: string): string[] | undefined {
  const all = said.split(/\s+/);
  const cut = all.findIndex((w) => notName(w) || w.length < 2);
  const words: string[] = [];
  // three words, particles not counted ("Pieter van Wyk", "María de la Cruz Ortega")
  for (const w of cut < 0 ? all : all.slice(0, cut)) if (nameSize([...words, w]) <= 3) words.push(w);
  if (!words.length || !nameLike(words) || DESCRIBES.test(words[0]) || ORDINARY.has(words[words.length - 1]))
    return undefined;
  return words;
}

/** What follows the name ends its clause: a stop, the end, or a new clause ("and", "I'm…"). */
function endsClause(rest: string): boolean {
  return /^\s*(?:$|[,.;!?)(-]|and\b|but\b|i'm\b|i am\b|im\b|he's\b|she's\b|this is\b)/.test(rest);
}

/** The first name found by any of `patterns` (each with the name in group 1), with where it ends. */
function firstMatch(text: string, patterns: RegExp[], fullOnly: boolean): { words: string[]; end: number } | undefined {
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const words = nameWords(m[1]);
      if (!words) continue;
      const end = (m.indices?.[1]?.[0] ?? 0) + words.join(' ').length;
      if (fullOnly && (words.length < 2 || !endsClause(text.slice(end)))) continue;
      return { words, end };
    }
  }
  return undefined;
}

/**
 * The person a booking is for, named in the turn: by their relation to the caller or by the booking ("it's for
 * my son, Jack Reilly", "Ava Mitchell, she's my daughter", "put it under my dad, Alan Hughes"), or, when the
 * caller also says how they are related to them, plainly ("It's for Lucas Ferreira. I'm his mum, Ana", "she's
 * Sophie Tremblay, I'm her dad Marc"); with that relation said, the name said first ("Ethan Morales, he's 9. I'm his
 * mom, Carla").
 */
export function forWhom(text: string, relationSaid: boolean): ForWhom | undefined {
  const related = firstMatch(text, RELATED, false) ?? firstMatch(text, [NAME_THEN_RELATION], false);
  if (related) return { ...related, related: true };
  const plain =
    firstMatch(text, UNRELATED.slice(0, 1), false) ??
    firstMatch(text, UNRELATED.slice(1), true) ??
    (relationSaid ? firstMatch(text, [LEADING], false) : undefined);
  return plain ? { ...plain, related: false } : undefined;
}

/** The caller said how they are related to the person seen ("I'm his mum, Ana", "Nathalie, his wife"). */
export function callerRelationSaid(text: string): boolean {
  return CALLER_RELATION.test(text);
}

/** "I'm his mum, Ana" → "I'm Ana": the caller's relation to the person seen taken out of their introduction. */
export function withoutCallerRelation(text: string): string {
  return text.replace(
    new RegExp(`\\b(i'm|i am|im|this is|it's)\\s+(?:his|her|their)\\s+(?:${RELATIVE})\\b\\s*,?\\s*`, 'g'),
    '$1 ',
  );
}
