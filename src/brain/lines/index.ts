/** The lines the agent speaks, one catalogue per language, chosen per call. */
import { EN, type Lines, type SessionLines } from './en.js';
import { ES } from './es.js';

import type { Lang } from '../types.js';

export type { Lang };

/** Every catalogue, by language. */
export const LINES: Record<Lang, Lines> = { en: EN, es: ES };

/** The catalogue of a language (English for anything unknown). */
export function linesFor(lang: Lang | undefined): Lines {
  return LINES[lang ?? 'en'] ?? EN;
}

/** The lines a call session speaks on its own in a language (ISO-639-1; English for any other). */
export function sessionLinesFor(lang: string | undefined): SessionLines {
  return (LINES[(lang ?? 'en') as Lang] ?? EN).session;
}

export { EN, ES };
export type { Lines, SessionLines };
