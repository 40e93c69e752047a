/**
 * How people type in a chat, rewritten as they would say it: text-speak ("tmrw", "2moro", "b4", "appt", "u",
 * "ur", "wknd", "pls", "thx"), a thumbs-up as a yes, other emoji dropped, and the words a booking hangs on
 * when misspelt ("teusday", "tommorow", "cancle", "apointment", "saterday"). A single letter among single
 * letters is a spelling ("s i o b h a n"), never "you" or "are"; a word only close to another real word
 * ("cancer", "sundae", "mourning") is left as it is.
 */
import { editDistance } from './text.js';

/** Text-speak, by the whole word, as said. */
const SPEAK: Record<string, string> = {
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmrow: 'tomorrow',
  tmro: 'tomorrow',
  tmoro: 'tomorrow',
  tomoz: 'tomorrow',
  '2moro': 'tomorrow',
  '2morro': 'tomorrow',
  '2morrow': 'tomorrow',
  '2mrw': 'tomorrow',
  '2day': 'today',
  tdy: 'today',
  '2nite': 'tonight',
  '2night': 'tonight',
  tonite: 'tonight',
  wknd: 'weekend',
  wkend: 'weekend',
  wkd: 'weekend',
  appt: 'appointment',
  cxl: 'cancel',
  canx: 'cancel',
  resched: 'reschedule',
  appts: 'appointments',
  apts: 'appointments',
  pls: 'please',
  plz: 'please',
  plse: 'please',
  pleez: 'please',
  thx: 'thanks',
  thnx: 'thanks',
  thanx: 'thanks',
  tnx: 'thanks',
  tysm: 'thank you so much',
  b4: 'before',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  wen: 'when',
  cud: 'could',
  cld: 'could',
  wud: 'would',
  wld: 'would',
  shud: 'should',
  abt: 'about',
  sum1: 'someone',
  some1: 'someone',
  any1: 'anyone',
  no1: 'no one',
  rite: 'right',
  gr8: 'great',
  l8r: 'later',
  l8: 'late',
  bc: 'because',
  cuz: 'because',
  coz: 'because',
  idk: "i don't know",
  np: 'no problem',
  msg: 'message',
  ppl: 'people',
  nxt: 'next',
  hw: 'how',
  thru: 'through',
  hv: 'have',
  wensday: 'wednesday',
  wendsday: 'wednesday',
  wedsday: 'wednesday',
  wednsday: 'wednesday',
  thurs: 'thursday',
  fridy: 'friday',
  satday: 'saturday',
};
const SPEAK_RE = new RegExp(`(?<![\\w'])(?:${Object.keys(SPEAK).join('|')})(?![\\w'])`, 'g');

/** Words a booking hangs on, matched when misspelt by a letter or two. */
const KEY_WORDS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'tomorrow',
  'tonight',
  'morning',
  'afternoon',
  'evening',
  'weekend',
  'appointment',
  'cancel',
  'reschedule',
  'january',
  'february',
  'september',
  'october',
  'november',
  'december',
];
/** Real words a letter or two from a key word. */
const REAL_WORDS = new Set(['cancer', 'sundae', 'sundry', 'mourning', 'sundays', 'fridays', 'mondays', 'tuesdays']);

/** The key word `w` is a misspelling of: one edit (a swap counts as one) in words of 6–7 letters, two from 8. */
function keyWordFor(w: string): string | undefined {
  if (w.length < 6 || REAL_WORDS.has(w) || KEY_WORDS.some((k) => w.startsWith(k))) return undefined;
  const max = w.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestD = max + 1;
  for (const k of KEY_WORDS) {
    if (Math.abs(k.length - w.length) > max || k[0] !== w[0]) continue;
    const d = Math.min(editDistance(w, k, max), swapped(w, k) ? 1 : max + 1);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

/** `w` is `k` with two neighbouring letters swapped ("teusday", "cancle"). */
function swapped(w: string, k: string): boolean {
  if (w.length !== k.length) return false;
  const diff = [...w].flatMap((c, i) => (c === k[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && w[diff[0]] === k[diff[1]] && w[diff[1]] === k[diff[0]];
}

/** Three lone letters in a row: a word spelled out ("s i o b h a n"), whose "u" and "r" are letters. */
const SPELLED = /(?:^|\s)[a-z]\s[a-z]\s[a-z](?=\s|$)/;

/** A chat message, lower-cased, as it would be said. */
export function chatWords(text: string): string {
  let t = text
    .replace(/(?:\u{1F44D}|\u{1F44C}|\u2705|\u{1F64C}|\u{1F4AF}|\u{1F919})(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)?/gu, ' yes ')
    .replace(/\u{1F44E}(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)?/gu, ' no ')
    .replace(/(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u200D)+/gu, ' ')
    .replace(/(?<![\w/])w\/o(?![\w/])/g, 'without')
    .replace(/(?<![\w/])w\/(?=\s|$|[a-z])/g, 'with ')
    .replace(SPEAK_RE, (w) => SPEAK[w])
    // "k ta", "kk thx": a message opening on "k" is okay ("with a K" is a letter)
    .replace(/^\s*k{1,2}(?=\s|$|[,.!])/, 'ok')
    // "mon then. morn" is the morning ("the morn" is Scots for tomorrow)
    .replace(/(?<!\bthe )(?<![\w'])morn(?:in)?(?![\w'])/g, 'morning')
    // "aft 3" is after 3; "tues aft" the afternoon
    .replace(/(?<![\w'])aft(?=\s+\d)/g, 'after')
    .replace(/(?<![\w'])aft(?![\w'])/g, 'afternoon')
    // "need 2 cancel", "want 2 book": the word, not the number
    .replace(
      /(?<=\b(?:need|want|have|got|like|going|able|trying|hoping|wanna)\s)2(?=\s+(?:cancel|book|change|move|reschedule|see|get|make|come|ask|know|do|bring|drop|push)\b)/g,
      'to',
    )
    // "apt" is an apartment before its number ("apt 4b", "apt #2")
    .replace(/(?<![\w'])apt(?![\w'])(?!\.?\s*(?:#|no\b|number\b|\d|[a-z]\b))/g, 'appointment')
    // "ty" thanks at the end of a message, not a name ("it's ty")
    .replace(/(?<!\b(?:is|it's|i'm|am|name|called)\s)(?<![\w'])ty(?=\s*[!.]*\s*$)/g, 'thanks')
    // "4 a cut", "4 my son": the word, not the hour
    .replace(
      /(?<!\b(?:at|around|about|by|till|until|from|to|is|was|it's|or|and|after|before|like)\s)\b4(?= (?:a|an|my|the|me|him|her|us|them|our|your|him|it) )/g,
      'for',
    );
  if (!SPELLED.test(t))
    t = t
      .replace(
        /(?<![\w'])ur(?![\w'])(?=\s+(?:closed|open|busy|free|able|available|not|still|booked|full|the best|so)\b)/g,
        "you're",
      )
      .replace(/(?<![\w'])ur(?![\w'])/g, 'your')
      .replace(/(?<![\w'])u(?![\w'])/g, 'you')
      .replace(/(?<![\w'])r(?![\w'])(?=\s+(?:you|u|they|we|there)\b)/g, 'are')
      // "fri n sat"; not North in an address ("4500 n elm st")
      .replace(
        /(?<=\b[a-z]{2,}\s)(?<!\b(?:hundred|thousand|one|two|three|four|five|six|seven|eight|nine|ten|oh|underscore|dot|dash|hyphen|at|letter|initial)\s)n(?=\s+[a-z]{2,})(?!\s+(?:at|dot|underscore|dash|hyphen)\b)(?!\s+[a-z]+\s+(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place|hwy|highway|pkwy|parkway|cres|crescent|terrace|tce)\b)/g,
        'and',
      );
  return t.replace(/[a-z]{6,}/g, (w) => keyWordFor(w) ?? w);
}
