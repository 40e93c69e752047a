/** Services by name, synonym or a close misspelling, given the business's service list. */
import type { ServiceInfo } from '../types.js';
import { editDistance } from './text.js';

/** Words that say nothing about which service is meant; they never match on their own. */
const GENERIC = new Set([
  'service', 'services', 'appointment', 'repair', 'repairs', 'check', 'checkup', 'visit', 'job', 'work',
  'new', 'full', 'regular', 'basic', 'standard', 'and', 'the', 'a', 'an', 'of', 'for', 'with', 'my', 'in',
  'system', 'general', 'quick', 'small', 'big',
]);

/** Everyday words that may name a service only together with its other words ("water" ≠ "water heater"). */
const WEAK = new Set([
  'water', 'air', 'hot', 'cold', 'light', 'power', 'door', 'window', 'home', 'house', 'kitchen', 'bathroom',
  'basement', 'car', 'engine', 'tooth', 'teeth', 'hair', 'pipe', 'gas', 'heat', 'new', 'emergency', 'install', 'installation',
]);

interface Phrase {
  service: ServiceInfo;
  words: string[];
}

/** A prepared matcher over one business's services. */
export interface ServiceMatcher {
  match(text: string): { service: ServiceInfo; score: number } | undefined;
}

function stem(w: string): string {
  return w.length > 4 && w.endsWith('es') && !w.endsWith('ses') ? w.slice(0, -1) : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

function similar(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 4 || b.length < 4) return 0;
  const d = editDistance(a, b, 2);
  const allowed = a.length >= 7 ? 2 : 1;
  return d <= allowed ? 1 - d / Math.max(a.length, b.length) : 0;
}

/** Builds a matcher; phrases are the names and synonyms, compared word by word. */
export function createServiceMatcher(services: ServiceInfo[]): ServiceMatcher {
  const phrases: Phrase[] = services.flatMap((service) =>
    [service.name, ...(service.synonyms ?? [])].map((p) => ({
      service,
      words: p.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean).map(stem),
    })),
  );
  return {
    match(text) {
      const single = text.toLowerCase().split(/[^a-z0-9']+/).filter(Boolean).map(stem);
      const words = [...single, ...single.slice(1).map((w, i) => single[i] + w)];
      let best: { service: ServiceInfo; score: number } | undefined;
      for (const p of phrases) {
        const score = phraseScore(p.words, words);
        if (score > (best?.score ?? 0)) best = { service: p.service, score };
      }
      return best && best.score >= 0.6 ? best : undefined;
    },
  };
}

function phraseScore(phrase: string[], words: string[]): number {
  const specific = phrase.filter((w) => !GENERIC.has(w));
  if (!specific.length) {
    // a phrase made only of generic words ("general service") must appear verbatim
    return words.join(' ').includes(phrase.join(' ')) ? 0.9 : 0;
  }
  let total = 0;
  let matched = 0;
  for (const pw of specific) {
    let s = 0;
    for (const w of words) s = Math.max(s, similar(pw, w));
    if (s > 0) matched++;
    total += s;
  }
  if (phrase.length > 1) {
    // "hair cut" said for "haircut" and the other way round
    const joined = phrase.join('');
    for (const w of words) if (similar(joined, w) > 0) return 1 + 0.05 * (phrase.length - 1);
  }
  if (!matched) return 0;
  const coverage = matched / specific.length;
  if (coverage < 1 && specific.every((pw) => WEAK.has(pw) || !words.some((w) => similar(pw, w) > 0))) return 0;
  // all specific words present → near 1; some missing ("brake" for "brake inspection") → 0.75 at best
  // a longer phrase said in full beats a shorter one ("beard trim" over the synonym "trim")
  return coverage === 1 ? total / specific.length + 0.05 * (phrase.length - 1) : (total / matched) * 0.75;
}
