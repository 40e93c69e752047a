/**
 * Phone numbers written ("(312) 555-0142", "8123 4567") or spoken ("three one two, five five five, oh one four two"),
 * in the business's country's own format or in international format. libphonenumber's full metadata says which
 * lengths and leading digits each country's numbers have, so a Singapore "8123 4567" or an Irish "oh one, five five
 * five, oh one four two" is a number while a time ("4 30"), a date ("12 5") or a postcode ("10115") is not.
 */
import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isRealFormatNumber } from '../../lib/index.js';
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
    'bits digits digit numbers are were supposed to meant got said two three four five typo typed mistyped autocorrect misspoke'
  ).split(' '),
);
const CORRECTION_MARK =
  /^(?:sorry|no|nope|wait|actually|mean|meant|make|scratch|rather|instead|correction|wrong|oops|whoops|mistake|typo|mistyped|misspoke)$/;

/** The fewest digits a number said in its country's own format has (Iceland, Estonia, a Berlin "030 1234"). */
const FEWEST_DIGITS = 7;

/** Digits said without a pause, with where they were said and where their groups begin ("312 555 0142" → 0, 3, 6). */
interface DigitRun {
  digits: string;
  groups: number[];
  /** Said after "+" or "plus": the country code comes first ("plus six five, eight one two three…"). */
  plus: boolean;
  start: number;
  end: number;
  /** The words between the previous run and this one. */
  gap: string[];
  /** Where each word's digits begin in `digits`, and where the word was said. */
  said: Array<{ at: number; start: number; end: number }>;
}

/** The digits read so far, and the number they make once they make one. */
type Reading = Pick<DigitRun, 'digits' | 'groups' | 'plus' | 'start' | 'end'> & { e164?: string };

/**
 * Finds a valid phone number in lower-cased text: one valid in the business's country as its callers write it
 * ("8123 4567" in Singapore, "030 55501234" in Berlin, "612 34 56 78" in Madrid), whatever its length, or one
 * with its country code ("+65 8123 4567", "0044 20 7946 0018"). Spoken digits, "oh" for zero (only next to
 * digits: "oh sorry" is no zero), "double five" / "triple oh" and two-digit groups ("forty two") are understood.
 * The first valid number wins, unless the caller corrects it: a full number said after a correction
 * replaces it, a shorter run replaces its last digits ("647 555 0119, sorry, 0191" → 647 555 0191), and a group
 * said again finishes an unfinished one ("five five five oh one, sorry, oh one nine two").
 */
export function findPhone(text: string, country = 'US'): PhoneHit | undefined {
  let current: Reading | undefined;
  for (const run of digitRuns(text, country)) {
    const fixed = current && isCorrection(run.gap) ? corrected(current, run, country) : undefined;
    if (current && fixed) {
      current = { ...fixed, start: current.start, end: run.end };
      continue;
    }
    if (current?.e164) break;
    const valid = validated(run, country);
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
 * their end replaced (by whole groups first, then by as many digits as were said again). An unfinished number
 * is also finished by a group begun again ("…oh one, sorry, oh one nine two": the "oh one" is said twice) or
 * carried on ("three one two, five five five, sorry, oh one four two").
 */
function corrected(old: Reading, run: DigitRun, country: string): Omit<Reading, 'start' | 'end'> | undefined {
  const n = run.digits;
  const unfinished = !old.e164;
  const tails = [
    ...old.groups.filter((g) => g > 0 && old.digits.length - g === n.length),
    ...(unfinished ? restarts(old, n) : []),
    ...(n.length >= 3 && n.length < old.digits.length ? [old.digits.length - n.length] : []),
    ...old.groups.filter((g) => g > 0).reverse(),
    ...(unfinished ? [old.digits.length] : []),
  ];
  const candidates: Array<Omit<Reading, 'start' | 'end'>> = [
    { digits: n, groups: run.groups, plus: run.plus },
    ...tails.map((t) => ({
      digits: old.digits.slice(0, t) + n,
      groups: [...old.groups.filter((g) => g < t), ...run.groups.map((g) => g + t)],
      plus: old.plus,
    })),
  ];
  for (const c of candidates) {
    const e164 = whole(c.digits, c.plus, country);
    if (e164) return { ...c, e164 };
  }
  return undefined;
}

/** Where in its last group an unfinished number was begun again: its digits from there are the new run's first. */
function restarts(old: Reading, n: string): number[] {
  const from = old.groups.at(-1) ?? 0;
  const at: number[] = [];
  for (let t = from; t < old.digits.length; t++) if (n.startsWith(old.digits.slice(t))) at.push(t);
  return at;
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
  // a colon parts a time's hour from its minutes ("10:30, 11:45"): no phone number has one
  const found = [...text.matchAll(/\+?[0-9]+|[a-z]+(?:'[a-z]+)?|[-,.():]/g)];
  const words = found.map((m) => m[0]);
  const runs: DigitRun[] = [];
  let run: DigitRun | undefined;
  let gap: string[] = [];
  let repeat = 1;
  let pause = false;
  let plus: number | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const at = found[i].index ?? 0;
    if (w === 'plus' && !run && isDigitWord(words[i + 1] ?? '')) {
      plus = at;
      continue;
    }
    const read = digitsAt(words, i, run && { digits: run.digits, plus: run.plus, pause, country });
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
      plus = undefined;
      if (!SEPARATOR.test(w) && w !== ':') gap.push(w);
      continue;
    }
    run ??= {
      digits: '',
      groups: [],
      plus: plus !== undefined || w.startsWith('+'),
      start: plus ?? at,
      end: at,
      gap,
      said: [],
    };
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

/** The digits read so far in a run, whether "+" began it, and whether the caller paused after them. */
interface RunSoFar {
  digits: string;
  plus: boolean;
  pause: boolean;
  country: string;
}

/**
 * A spoken "oh" is a zero before a digit ("oh four nine one", "five seven oh, one five six") and when it
 * closes a number said without a pause ("…oh one zero oh when you get a chance"). It is an interjection
 * otherwise: at the start of a thought ("oh wait"), after a pause or a whole number ("0119, oh sorry no"),
 * or before a correction ("oh sorry"). Where numbers have several lengths (Ireland, Germany) a number that is
 * whole with its closing zero takes it.
 */
function ohIsZero(words: string[], i: number, run: RunSoFar | undefined): boolean {
  let j = i + 1;
  while (j < words.length && (SEPARATOR.test(words[j]) || HESITATION.test(words[j]))) j++;
  const next = words[j];
  if (next !== undefined && isDigitWord(next)) return true;
  if (!run || run.pause || (next !== undefined && CORRECTION_MARK.test(next))) return false;
  return !!whole(`${run.digits}0`, run.plus, run.country) || !whole(run.digits, run.plus, run.country);
}

function isDigitWord(w: string): boolean {
  return /^\+?[0-9]/.test(w) || w in DIGIT_WORDS || w in TENS || w === 'double' || w === 'triple';
}

/**
 * A valid number in a run of digits, with which digits it is: the whole run, else the run without the whole
 * groups said before it (a postcode, a house number) or after it ("9123 4567, 4 30 works"), else ten or eleven
 * of its digits (a North American number said without a pause, a digit said twice: "two two one two…"). Read
 * as dialled at home first; only then may ten digits or more be a country code and its number without a "+".
 */
function validated(run: DigitRun, country: string): { e164: string; from: number; to: number } | undefined {
  const { digits } = run;
  const n = digits.length;
  const inner = run.groups.filter((g) => g > 0);
  const spans: Array<[number, number]> = [
    [0, n],
    ...inner.map((g): [number, number] => [g, n]),
    ...inner.toReversed().map((g): [number, number] => [0, g]),
  ];
  if (n > 11) spans.push([n - 10, n], [0, 10], [0, 11]);
  else if (n === 11 && digits[0] !== '1') spans.push([n - 10, n], [0, 10]);
  for (const abroad of [false, true]) {
    for (const [from, to] of spans) {
      if (isDate(run, from, to)) continue;
      const e164 = whole(digits.slice(from, to), run.plus && from === 0, country, abroad);
      if (e164) return { e164, from, to };
    }
  }
  return undefined;
}

/** Whether the digits from `from` to `to` were written as a date: "12/05/2026", "2026-05-12", "5.12.2026". */
function isDate(run: DigitRun, from: number, to: number): boolean {
  const starts = [...run.groups.filter((g) => g >= from && g < to), to];
  if (starts[0] !== from || starts.length !== 4) return false;
  const parts = starts.slice(0, 3).map((g, k) => run.digits.slice(g, starts[k + 1]));
  const year = (y: string) => /^(?:19|20)\d\d$/.test(y);
  const dayOrMonth = (d: string) => d.length <= 2 && Number(d) >= 1 && Number(d) <= 31;
  return year(parts[0]) ? parts.slice(1).every(dayOrMonth) : year(parts[2]) && parts.slice(0, 2).every(dayOrMonth);
}

/**
 * The number the digits are, in E.164: with a country code when "+" or "00" is said before them, else as the
 * business's callers dial at home; with `bare`, ten digits or more may also be a country code and its number
 * said without the "+". A number shorter than ten digits is one only as locals write it, their trunk "0"
 * included ("030 1234" in Berlin, never "30 1234"), and with at least FEWEST_DIGITS digits: a time ("4 30"), a
 * count, a postcode ("10115") or a date ("12 05 2026") is none.
 */
function whole(digits: string, plus: boolean, country: string, bare = true): string | undefined {
  const abroad = plus ? digits : digits.startsWith('00') ? digits.slice(2) : undefined;
  if (abroad !== undefined) {
    const p = parsePhoneNumberFromString(`+${abroad}`);
    if (isRealFormatNumber(p)) return p.number;
    if (plus) return undefined;
  }
  if (digits.length < FEWEST_DIGITS) return undefined;
  const home = isSupportedCountry(country) ? country : undefined;
  const p = home ? parsePhoneNumberFromString(digits, home) : undefined;
  if (isRealFormatNumber(p) && (digits.length >= 10 || p.formatNational().replace(/\D/g, '') === digits))
    return p.number;
  const intl = bare && digits.length >= 10 ? parsePhoneNumberFromString(`+${digits}`) : undefined;
  return isRealFormatNumber(intl) ? intl.number : undefined;
}

/** Normalizes any human-written phone number to E.164, or undefined when it is not valid. */
export function toE164(raw: string, country = 'US'): string | undefined {
  const p = parsePhoneNumberFromString(raw, isSupportedCountry(country) ? country : undefined);
  return isRealFormatNumber(p) ? p.number : undefined;
}

/**
 * Reads an E.164 number back in groups suited to speech: as the business's callers write it at home
 * ("312-555-0142", "020 7946 0018", "8123 4567", "06 12 34 56 78"), with its country code when it is from
 * abroad ("+65 8123 4567"). A group too long to say in one breath is said in shorter ones ("030 5550 1234").
 */
export function speakPhone(e164: string, country = 'US'): string {
  const home = callingCode(country);
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  if (m && home === '1') return `${m[1]}-${m[2]}-${m[3]}`;
  const n = parsePhoneNumberFromString(e164);
  if (!n) return e164;
  const written = n.countryCallingCode === home ? n.formatNational().replace(/[()]/g, '') : n.formatInternational();
  return written.replace(/\d{7,}/g, inBreaths);
}

/** A long run of digits in groups of three and four ("55501234" → "5550 1234", "2345678" → "234 5678"). */
function inBreaths(digits: string): string {
  const head = digits.length === 8 ? 4 : 3;
  const rest = digits.slice(head);
  return `${digits.slice(0, head)} ${rest.length > 6 ? inBreaths(rest) : rest}`;
}

function callingCode(country: string): string | undefined {
  const code = country.toUpperCase();
  return isSupportedCountry(code) ? getCountryCallingCode(code) : undefined;
}
