/** The lines the agent speaks, one catalogue per language, chosen per call. */
import { EN, type Lines } from './en.js';
import { ES } from './es.js';

import type { Lang } from '../types.js';

export type { Lang };

/** Every catalogue, by language. */
export const LINES: Record<Lang, Lines> = { en: EN, es: ES };

/** The catalogue of a language (English for anything unknown). */
export function linesFor(lang: Lang | undefined): Lines {
  return LINES[lang ?? 'en'] ?? EN;
}

export { EN, ES };
export type { Lines };
