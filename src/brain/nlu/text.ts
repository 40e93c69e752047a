/** Text clean-up shared by the parsers: lower-casing, chat-speak, fillers, spoken number words. */
import { chatWords } from './chat-words.js';

const FILLER_RE =
  /\b(?:u+m+|u+h+|e+r+m*|h+m+|a+h+|you know|kind of|sort of|basically|well)\b[,.]?\s*|(?<!\b(?:i|we|you|they|would|do|don't|i'd|we'd|you'd|they'd)\s)\blike,\s*/g; // "move like, my…" but not "I'd like, um, a…"

/** Lower-cases, unifies quotes, drops hesitations and fillers ("um", "uh", "like,", "you know"). */
export function normalize(raw: string): string {
  return (
    chatWords(raw.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'"))
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/\b(?:mm+|uh)[ -]?(?:hmm+|huh)\b|\bmhm\b/g, 'yes')
      .replace(CONTRACTIONS_RE, (w) => CONTRACTIONS[w])
      // "three-thirty", "nine-fifteen": a spoken time written with a hyphen
      .replace(
        /\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)-(oh|o'clock|fifteen|thirty|forty|fifty|twenty|ten|five)\b/g,
        '$1 $2',
      )
      .replace(FILLER_RE, ' ')
      .replace(STUTTER_RE, '$1')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Contractions as speech recognisers often write them, without the apostrophe ("im", "its", "dont"). */
const CONTRACTIONS: Record<string, string> = {
  im: "i'm",
  ive: "i've",
  id: "i'd",
  its: "it's",
  dont: "don't",
  doesnt: "doesn't",
  didnt: "didn't",
  cant: "can't",
  wont: "won't",
  thats: "that's",
  whats: "what's",
  lets: "let's",
  youre: "you're",
  theyre: "they're",
  isnt: "isn't",
  wasnt: "wasn't",
  couldnt: "couldn't",
  wouldnt: "wouldn't",
  shouldnt: "shouldn't",
  ill: "i'll",
  names: "name's",
};
const CONTRACTIONS_RE =
  /\b(?:im|ive|id|its|dont|doesnt|didnt|cant|wont|thats|whats|lets|youre|theyre|isnt|wasnt|couldnt|wouldnt|shouldnt|ill(?= (?:take|do|be|need|call|come|have|go))|names(?= (?:is|are)\b)|(?<=\bmy )names)\b/g;

/**
 * A word said twice in a row by hesitation ("it's it's", "the the", "Wednesday, Wednesday"). Number
 * words and digits are left alone: "five five five" is part of a phone number.
 */
const STUTTER_RE =
  /\b(?!(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|double|triple|no|bye|very|so|really|ha|knock|\d+)\b)([a-z][a-z']+)(?:,? \1\b)+/g;

/** Splits normalized text into word tokens (letters, digits, apostrophes, colons inside times). */
export function tokens(text: string): string[] {
  return text.match(/[a-z0-9@][a-z0-9'@.:_+-]*/g)?.map((t) => t.replace(/[.:'-]+$/, '')) ?? [];
}

/** Digits 0–19 by their spoken names. */
export const UNITS: Record<string, number> = {
  zero: 0,
  oh: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

/** Tens by their spoken names. */
export const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Ordinal words up to 31, for dates ("the eighteenth"). */
export const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
};

/** "one" as a pronoun ("the second one", "that one") stays a word. */
const ONE_AS_WORD =
  /\b(first|second|third|fourth|last|earlier|earliest|later|latest|latter|former|sooner|soonest|morning|afternoon|evening|that|this|the|other|another|which|same|any|no|each|every|new|good|right)\s+$/;

/**
 * Replaces spoken cardinal and ordinal numbers by digits ("three thirty" → "3 30",
 * "twenty first" → "21st"). "oh" is left alone: it is a digit only inside phone numbers.
 */
export function numbersToDigits(text: string): string {
  return text.replace(
    /\b(twenty|thirty|forty|fourty|fifty|sixty|seventy|eighty|ninety)(?:[ -](one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))?\b|\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b|\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)\b/g,
    (
      m: string,
      tens: string | undefined,
      unit: string | undefined,
      small: string | undefined,
      ord: string | undefined,
      offset: number,
    ) => {
      if (tens) {
        const base = TENS[tens];
        if (!unit) return String(base);
        // "the nine thirty one": after an hour, a final "one" is the pronoun, not 31
        const after = text.slice(offset + m.length);
        if (
          unit === 'one' &&
          /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+$/.test(
            text.slice(Math.max(0, offset - 8), offset),
          ) &&
          /^\s*(?:$|then|please|works|is|would|sounds|[,.!?])/.test(after)
        )
          return `${base} one`;
        if (unit in ORDINALS) return `${base + ORDINALS[unit]}${suffix(base + ORDINALS[unit])}`;
        // "nine thirty two weeks from today": after an hour, the tens are its minutes and the unit counts
        if (
          /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))\s+$/.test(
            text.slice(Math.max(0, offset - 8), offset),
          ) &&
          base <= 50 &&
          /^\s+(?:days?|weeks?|months?)\b/.test(after)
        )
          return `${base} ${UNITS[unit]}`;
        return String(base + UNITS[unit]);
      }
      const before = text.slice(Math.max(0, offset - 12), offset);
      // "at one in the afternoon" is 1 PM, "the one in the morning" is the morning offer
      const timeFollows =
        /^\s+(?:thirty|fifteen|forty|fifty|twenty|ten|oh|o'?clock|[ap]\.?\s?m\b|\d)/.test(text.slice(offset + 3)) ||
        (/^\s+in the (?:morning|afternoon|evening)/.test(text.slice(offset + 3)) &&
          !/\b(?:the|that|this|which)\s+$/.test(before));
      // "make that one instead" after a time is 1 o'clock; "that one" otherwise is the pronoun
      if (small === 'one' && !timeFollows && ONE_AS_WORD.test(before) && !/\bmake (?:it|that)\s+$/.test(before))
        return m;
      // "the guitar one", "your red one": a thing named, not 1 o'clock
      if (
        small === 'one' &&
        !timeFollows &&
        /\b(?:the|that|this|your|my|our)\s+(?!(?:at|about|around|for|by|to|till|until|from|past|after|half|quarter)\b)[a-z'-]+\s+$/.test(
          text.slice(Math.max(0, offset - 30), offset),
        )
      )
        return m;
      // "the nine one", "the 2:30 one": "one" after a time is the pronoun
      if (
        small === 'one' &&
        /(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirty|fifteen|forty five|o'clock|am|pm|noon))\s+$/.test(
          text.slice(Math.max(0, offset - 14), offset),
        ) &&
        /^\s*(?:$|then|please|works|is|would|sounds|that|[,.!?])/.test(text.slice(offset + 3))
      )
        return m;
      if (small) return String(UNITS[small]);
      if (ord) return `${ORDINALS[ord]}${suffix(ORDINALS[ord])}`;
      return m;
    },
  );
}

function suffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** Damerau-free Levenshtein distance, bounded for speed: returns `max + 1` once exceeded. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** Title-cases a name ("maria o'neil-lopez" → "Maria O'Neil-Lopez"). */
export function titleCase(s: string): string {
  return s.replace(/(^|[\s'-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
}

/** `s` matched literally inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
