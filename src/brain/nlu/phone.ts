/** Phone numbers written ("(312) 555-0142") or spoken ("three one two, five five five, oh one four two"). */
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { TENS, UNITS } from './text.js';

const DIGIT_WORDS: Record<string, string> = Object.fromEntries(Object.entries(UNITS).map(([w, n]) => [w, String(n)]));

/** A phone number found in text: E.164 and where it was said. */
export interface PhoneHit {
  e164: string;
  start: number;
  end: number;
}

const SEPARATOR = /^(?:-|,|\.|dash|and|\(|\)|\+)$/;
/** Words a caller drops between digit groups ("seven two zero, so, five five five, uh, zero one…"). */
const FILLER = /^(?:uh|um|umm|er|erm|hmm|so|like|okay|ok|then|yeah|yes|right)$/;
/** Hesitations skipped when looking past a spoken "oh" for the next digit. */
const HESITATION = /^(?:uh|um|umm|er|erm|hmm)$/;

/**
 * Words between two runs of digits that make the later run a correction of the earlier one
 * ("0119, oh sorry no, 0191 at the end", "no wait, 0143", "actually use 312 555 0199"): every word is one of
 * these and at least one is a CORRECTION_MARK. "not" is left out on purpose: "0142, not 0124" keeps 0142.
 */
const CORRECTION_GLUE = new Set(
  (
    "oh sorry no nope wait actually i i'm mean meant make that it it's its use scratch hold on hang my bad rather " +
    'the last end ending ends should be is correction let me start again over instead try okay ok so yeah yes ' +
    "number that's bit part was wrong oops whoops mistake cell mobile phone best er erm " +
    'bits digits digit numbers are were supposed to meant got said two three four five'
  ).split(' '),
);
const CORRECTION_MARK =
  /^(?:sorry|no|nope|wait|actually|mean|meant|make|scratch|rather|instead|correction|wrong|oops|whoops|mistake)$/;

/** Digits said without a pause, with where they were said and where their groups begin ("312 555 0142" → 0, 3, 6). */
interface DigitRun {
  digits: string;
  groups: number[];
  start: number;
  end: number;
  /** The words between the previous run and this one. */
  gap: string[];
  /** Where each word's digits begin in `digits`, and where the word was said. */
  said: Array<{ at: number; start: number; end: number }>;
}

/**
 * Finds a valid phone number in lower-cased text. Spoken digits, "oh" for zero (only next to digits:
 * "oh sorry" is no zero), "double five" / "triple oh" and two-digit groups ("forty two") are understood.
 * The first valid number wins, unless the caller corrects it: a full number said after a correction
 * replaces it, a shorter run replaces its last digits ("647 555 0119, sorry, 0191" → 647 555 0191).
 */
export function findPhone(text: string, country = 'US'): PhoneHit | undefined {
  let current: { digits: string; groups: number[]; start: number; end: number; e164?: string } | undefined;
  for (const run of digitRuns(text, country)) {
    const fixed = current && isCorrection(run.gap) ? corrected(current, run, country) : undefined;
    if (current && fixed) {
      current = { ...fixed, start: current.start, end: run.end };
      continue;
    }
    if (current?.e164) break;
    const valid = run.digits.length >= 10 ? validated(run.digits, country) : undefined;
    current = valid ? { ...run, ...saidBetween(run, valid.from, valid.to), e164: valid.e164 } : run;
  }
  return current?.e164 ? { e164: current.e164, start: current.start, end: current.end } : undefined;
}

function isCorrection(gap: string[]): boolean {
  // "the last bit's 0143", "the number's 0143": a glue word with "'s" (is) is the same word; "wait no, the last
  // four digits should be 0143" takes eight
  const words = gap.map((w) => (CORRECTION_GLUE.has(w) ? w : w.replace(/'s$/, '')));
  return words.length <= 8 && words.every((w) => CORRECTION_GLUE.has(w)) && words.some((w) => CORRECTION_MARK.test(w));
}

/**
 * The number after a correction: the new run alone when it is a whole number, else the earlier digits with
 * their end replaced (by whole groups first, then by as many digits as were said again).
 */
function corrected(
  old: { digits: string; groups: number[] },
  run: DigitRun,
  country: string,
): { digits: string; groups: number[]; e164: string } | undefined {
  const n = run.digits;
  const tails = [
    ...old.groups.filter((g) => g > 0 && old.digits.length - g === n.length),
    ...(n.length >= 3 && n.length < old.digits.length ? [old.digits.length - n.length] : []),
    ...old.groups.filter((g) => g > 0).reverse(),
  ];
  const candidates: Array<[string, number[]]> = [
    [n, run.groups],
    ...tails.map((t): [string, number[]] => [
      old.digits.slice(0, t) + n,
      [...old.groups.filter((g) => g < t), ...run.groups.map((g) => g + t)],
    ]),
  ];
  for (const [digits, groups] of candidates) {
    const e164 = digits.length >= 10 ? validate(digits, country) : undefined;
    if (e164) return { digits, groups, e164 };
  }
  return undefined;
}

/**
 * Where the digits from `from` to `to` of a run were said: a postcode or a house number said just before the
 * number ("…Parramatta NSW 2150, 0491 570 156") runs into its digits but is no part of it. Only whole groups of
 * three digits or more are left out; a digit said twice ("two two one two…") stays with the number.
 */
function saidBetween(run: DigitRun, from: number, to: number): { start: number; end: number } {
  const apart = (at: number, digits: number) => digits >= 3 && (at === run.digits.length || run.groups.includes(at));
  const first = apart(from, from) ? run.said.findLast((w) => w.at <= from) : undefined;
  const last = apart(to, run.digits.length - to) ? run.said.findLast((w) => w.at < to) : undefined;
  return { start: first?.start ?? run.start, end: last?.end ?? run.end };
}

/** The runs of digits in the text, each with the words said since the previous run. */
function digitRuns(text: string, country: string): DigitRun[] {
  const found = [...text.matchAll(/\+?[0-9]+|[a-z]+(?:'[a-z]+)?|[-,.()]/g)];
  const words = found.map((m) => m[0]);
  const runs: DigitRun[] = [];
  let run: DigitRun | undefined;
  let gap: string[] = [];
  let repeat = 1;
  let pause = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const at = found[i].index ?? 0;
    const read = digitsAt(words, i, run && { digits: run.digits, pause, country });
    if (read === 'repeat') {
      repeat = w === 'double' ? 2 : 3;
      continue;
    }
    if (read === undefined && run && (SEPARATOR.test(w) || (FILLER.test(w) && run.digits.length < 10))) {
      pause = true;
      continue;
    }
    if (read === undefined) {
      if (run) runs.push(run);
      run = undefined;
      repeat = 1;
      pause = false;
      if (!SEPARATOR.test(w)) gap.push(w);
      continue;
    }
    run ??= { digits: '', groups: [], start: at, end: at, gap, said: [] };
    // a written number ("555") or a pause ("five five five, oh one…") starts a group
    if (pause || /^\+?[0-9]/.test(w) || run.digits === '') run.groups.push(run.digits.length);
    pause = false;
    gap = [];
    const from = run.digits.length;
    run.digits += read.digits.repeat(repeat);
    repeat = 1;
    i += read.used - 1;
    run.end = (found[i].index ?? 0) + words[i].length;
    run.said.push({ at: from, start: at, end: run.end });
  }
  if (run) runs.push(run);
  return runs;
}

/** The digits the word at `i` says ("555", "oh", "forty two" → two words), 'repeat' for "double"/"triple". */
function digitsAt(
  words: string[],
  i: number,
  run: RunSoFar | undefined,
): { digits: string; used: number } | 'repeat' | undefined {
  const w = words[i];
  // "the last four digits are…" counts digits, it says none
  if (/^(?:digits?|numbers)$/.test(words[i + 1] ?? '')) return undefined;
  if (/^\+?[0-9]+$/.test(w)) return { digits: w.replace('+', ''), used: 1 };
  if (w === 'double' || w === 'triple') return 'repeat';
  if (w === 'oh' && !ohIsZero(words, i, run)) return undefined;
  if (w in DIGIT_WORDS) return { digits: DIGIT_WORDS[w], used: 1 };
  if (!(w in TENS)) return undefined;
  const next = words[i + 1];
  return next && next in UNITS && UNITS[next] > 0 && UNITS[next] < 10
    ? { digits: String(TENS[w] + UNITS[next]), used: 2 }
    : { digits: String(TENS[w]), used: 1 };
}

/** The digits read so far in a run, and whether the caller paused after them. */
interface RunSoFar {
  digits: string;
  pause: boolean;
  country: string;
}

/**
 * A spoken "oh" is a zero before a digit ("oh four nine one", "five seven oh, one five six") and when it
 * closes a number said without a pause ("…oh one zero oh when you get a chance"). It is an interjection
 * otherwise: at the start of a thought ("oh wait"), after a pause or a whole number ("0119, oh sorry no"),
 * or before a correction ("oh sorry").
 */
function ohIsZero(words: string[], i: number, run: RunSoFar | undefined): boolean {
  let j = i + 1;
  while (j < words.length && (SEPARATOR.test(words[j]) || HESITATION.test(words[j]))) j++;
  const next = words[j];
  if (next !== undefined && isDigitWord(next)) return true;
  if (!run || run.pause || (next !== undefined && CORRECTION_MARK.test(next))) return false;
  return !(run.digits.length >= 10 && validate(run.digits, run.country));
}

function isDigitWord(w: string): boolean {
  return /^\+?[0-9]/.test(w) || w in DIGIT_WORDS || w in TENS || w === 'double' || w === 'triple';
}

function validate(digits: string, country: string): string | undefined {
  return validated(digits, country)?.e164;
}

/** A valid number in the digits, whole or its last or first ten or eleven, with which digits it is. */
function validated(digits: string, country: string): { e164: string; from: number; to: number } | undefined {
  const n = digits.length;
  const candidates: Array<[number, number]> = [[0, n]];
  if (n > 11) candidates.push([n - 10, n], [0, 10], [0, 11]);
  else if (n === 11 && digits[0] !== '1') candidates.push([n - 10, n], [0, 10]); // a stutter: "two two one two…"
  for (const [from, to] of candidates) {
    const c = digits.slice(from, to);
    const p = parsePhoneNumberFromString(c, country as CountryCode) ?? parsePhoneNumberFromString(`+${c}`);
    if (p?.isValid()) return { e164: p.number, from, to };
  }
  return undefined;
}

/** Normalizes any human-written phone number to E.164, or undefined when it is not valid. */
export function toE164(raw: string, country = 'US'): string | undefined {
  const p = parsePhoneNumberFromString(raw, country as CountryCode);
  return p?.isValid() ? p.number : undefined;
}

/** Reads an E.164 number back in groups suited to speech ("312 555 0142"). */
export function speakPhone(e164: string, country = 'US'): string {
  const home = callingCode(country);
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (m && home === '1') return `${m[1]}-${m[2]}-${m[3]}`;
  const n = parsePhoneNumberFromString(e164);
  if (!n) return e164;
  // a local caller hears the number as they write it ("020 7946 0018"); a caller from abroad with its country code
  return n.countryCallingCode === home ? n.formatNational().replace(/[()]/g, '') : n.formatInternational();
}

function callingCode(country: string): string | undefined {
  try {
    return getCountryCallingCode(country.toUpperCase() as CountryCode);
  } catch {
    return undefined;
  }
}
