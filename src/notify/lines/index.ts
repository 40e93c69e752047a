/** The customer's messages, one catalogue per language, chosen by the language they booked or spoke in. */
import { EN, type CustomerLines } from './en.js';
import { ES } from './es.js';

/** Every catalogue, by language (ISO-639-1). */
export const CUSTOMER_LINES: Record<string, CustomerLines> = { en: EN, es: ES };

/** The catalogue of a language ("es-MX" → Spanish); English for anything else. */
export function customerLinesFor(lang: string | null | undefined): CustomerLines {
  return CUSTOMER_LINES[(lang ?? 'en').slice(0, 2).toLowerCase()] ?? EN;
}

export { EN, ES, type CustomerLines };
export { localTime, str, type Parts, type CustomerContext } from './en.js';
