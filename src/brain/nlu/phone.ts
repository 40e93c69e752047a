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

/**
 * Finds the first valid phone number in lower-cased text. Spoken digits, "oh" for zero,
 * "double five" / "triple oh" and two-digit groups ("forty two") are understood.
 */
export function findPhone(text: string, country = 'US'): PhoneHit | undefined {
  const re = /\+?[0-9]+|[a-z]+|[-,.()]/g;
  let digits = '';
  let start = -1;
  let end = -1;
  let repeat = 1;
  const flush = (): PhoneHit | undefined => {
    const hit = digits.length >= 10 ? validate(digits, country) : undefined;
    digits = '';
    start = -1;
    repeat = 1;
    return hit ? { e164: hit, start: startSaved, end } : undefined;
  };
  let startSaved = -1;
  const words = [...text.matchAll(re)];
  for (let i = 0; i < words.length; i++) {
    const w = words[i][0];
    const at = words[i].index ?? 0;
    let d: string | undefined;
    if (/^\+?[0-9]+$/.test(w)) d = w;
    else if (w in DIGIT_WORDS && UNITS[w] < 10) d = DIGIT_WORDS[w];
    else if (w in DIGIT_WORDS) d = DIGIT_WORDS[w];
    else if (w in TENS) {
      const next = words[i + 1]?.[0];
      if (next && next in UNITS && UNITS[next] > 0 && UNITS[next] < 10) {
        d = String(TENS[w] + UNITS[next]);
        i++;
      } else d = String(TENS[w]);
    } else if (w === 'double' || w === 'triple') {
      repeat = w === 'double' ? 2 : 3;
      continue;
    } else if (SEPARATOR.test(w) && digits) continue;
    else if (FILLER.test(w) && digits && digits.length < 10) continue;
    if (d !== undefined) {
      if (start < 0) {
        start = at;
        startSaved = at;
      }
      digits += d.replace('+', '').repeat(repeat);
      repeat = 1;
      end = at + w.length;
      continue;
    }
    if (digits) {
      const hit = flush();
      if (hit) return hit;
    }
  }
  return digits ? flush() : undefined;
}

function validate(digits: string, country: string): string | undefined {
  const candidates = [digits];
  if (digits.length > 11) candidates.push(digits.slice(-10), digits.slice(0, 10), digits.slice(0, 11));
  else if (digits.length === 11 && digits[0] !== '1') candidates.push(digits.slice(-10), digits.slice(0, 10)); // a stutter: "two two one two…"
  for (const c of candidates) {
    const p = parsePhoneNumberFromString(c, country as CountryCode) ?? parsePhoneNumberFromString(`+${c}`);
    if (p?.isValid()) return p.number;
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
