/**
 * Services by name, synonym or a close misspelling, given the business's service list.
 *
 * Phrases match as whole words, never inside another word ("furnace" does not hold "AC"), and a
 * multi-word synonym matches only when all its words are said ("side by side" is not "by").
 * A service's own name may also be named by one of its distinctive words ("my brakes" → Brake
 * inspection). The longest, most specific phrase wins; two services matched equally well are
 * returned as choices so the agent asks which one.
 */
import { oncePer } from '../../lib/index.js';
import type { ServiceInfo } from '../types.js';
import { withServiceWords } from './service-words.js';
import { editDistance } from './text.js';

/** Words that say nothing about which service is meant; they never match on their own. */
const GENERIC = new Set([
  'service',
  'services',
  'appointment',
  'repair',
  'repairs',
  'fix',
  'check',
  'checkup',
  'visit',
  'job',
  'work',
  'new',
  'full',
  'regular',
  'basic',
  'standard',
  'system',
  'general',
  'quick',
  'small',
  'big',
  'estimate',
  'install',
  'installation',
  'replacement',
  'emergency',
  'consultation',
  'session',
  'treatment',
  'package',
  'deluxe',
  'premium',
  'express',
  'minor',
  'major',
  'home',
  'house',
  'inspection',
  'upgrade',
  'maintenance',
]);

/** Everyday words that may name a service only together with its other words ("water" ≠ "water heater"). */
const WEAK = new Set([
  'water',
  'air',
  'hot',
  'cold',
  'light',
  'power',
  'door',
  'window',
  'kitchen',
  'bathroom',
  'basement',
  'car',
  'engine',
  'tooth',
  'teeth',
  'hair',
  'pipe',
  'gas',
  'heat',
  'patient',
  'first',
  'annual',
  'state',
  'level',
  'pet',
  'dog',
  'cat',
  'face',
  'body',
  'back',
  'front',
  'side',
  'right',
  'left',
  'top',
  'low',
  'high',
  'electrical',
  'electric',
  'dental',
  'auto',
  'vehicle',
  'plumbing',
  'inside',
  'outside',
  'out',
  'up',
  'down',
  'over',
  'way',
  'change',
  'move',
  'cancel',
  'set',
  'call',
  'order',
  'plan',
  'care',
  'clean',
  'time',
  'day',
]);

/** Words of conversation that never name a service, even when an owner's synonym is one of them. */
const STOP = new Set(
  (
    'a an the and or of for with my our your in on at to by from this that these those it its is are was be ' +
    "i me we you he she they not no yes yeah ok okay please just some any one two it's i'm get got need want like " +
    'can could would will do does did have has had so but if then than as about also too very really time day ' +
    'today tomorrow morning afternoon evening week next last call number name book schedule right fine good sure thanks'
  ).split(' '),
);

/** A matched service with how well it matched. */
export interface ServiceMatch {
  service: ServiceInfo;
  /** Higher is better: full phrases beat words in any order, which beat one word of a name. */
  score: number;
  /** Set when other services matched exactly as well: the caller must say which. */
  choices?: ServiceInfo[];
}

/** A prepared matcher over one business's services. */
export interface ServiceMatcher {
  match(text: string): ServiceMatch | undefined;
  /** The one of `choices` that what was said tells apart ("just the 60 minutes", "she's eight kilos"), if any. */
  pickAmong(choices: ServiceInfo[], text: string): ServiceInfo | undefined;
  /** The one service that is all of `parts` together ("Haircut & Beard Trim" for a haircut and a beard trim). */
  combined(parts: ServiceInfo[]): ServiceInfo | undefined;
}

/** A light stemmer, the same on both sides: plurals, -ing, -ed, doubled consonants ("clogged" → "clog"). */
export function stem(w: string): string {
  let s = w.replace(/'s$/, '');
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.length > 4 && /(ches|shes|xes|sses)$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (s.length > 5 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) {
    s = s.slice(0, -2);
    // "tuned" → "tune", "serviced" → "service", "tiled" → "tile" (not "opened", "visited")
    if (/[^aeiou][aeiou][bcdfgklmnprstvz]$/.test(s) && !/(?:en|er|on|el|it|et)$/.test(s)) s = `${s}e`;
  }
  if (s.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(s) && !/(ll|ss|zz|ff)$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** Words of a text: lower case, "a/c" and "a.c." kept together, stems. */
export function serviceTokens(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\b([a-z])[/.]([a-z])\b\.?/g, '$1$2')
    .split(/[^a-z0-9']+/)
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter(Boolean)
    .map(stem);
}

/**
 * The caller's word `a` is the service's word `b`, or a recognition slip of a long one (one edit from five letters,
 * two from eight; same first letter).
 */
function same(a: string, b: string): boolean {
  if (a === b) return true;
  const len = Math.min(a.length, b.length);
  // "clening" read as "clen" beside "clean": the caller's four-letter stem a letter short, its first two kept
  if (a.length === 4 && b.length === 5 && a.slice(0, 2) === b.slice(0, 2)) return editDistance(a, b, 1) <= 1;
  if (len < 5 || a[0] !== b[0]) return false;
  // five-letter words may differ by a letter added or dropped ("colour"), not a letter changed ("patel" ≠ "panel")
  if (len < 6 && a.length === b.length) return false;
  return editDistance(a, b, 2) <= (len >= 8 ? 2 : 1);
}

interface Phrase {
  service: ServiceInfo;
  words: string[];
  /** Words that count: not stop words. */
  content: string[];
  isName: boolean;
}

interface Hit {
  service: ServiceInfo;
  score: number;
}

/** Builds a matcher over the business's service names and synonyms (once per list: a loaded business's list is never changed in place). */
export const createServiceMatcher: (services: ServiceInfo[]) => ServiceMatcher = oncePer(buildServiceMatcher);

function buildServiceMatcher(services: ServiceInfo[]): ServiceMatcher {
  const phrases: Phrase[] = services
    .flatMap((service) =>
      [service.name, ...(service.synonyms ?? [])].map((p, i) => {
        const words = serviceTokens(p);
        return { service, words, content: words.filter((w) => !STOP.has(w)), isName: i === 0 };
      }),
    )
    .filter((p) => p.content.length > 0);
  for (const s of services) {
    const own = serviceTokens(s.name).join('');
    const kids = services.filter((k) => {
      const words = serviceTokens(k.name);
      const rest = words.filter((w) => !CHILD_WORDS.has(w)).join('');
      return k !== s && rest.length >= 3 && rest !== words.join('') && (own.includes(rest) || rest.includes(own));
    });
    if (kids.length === 1) childKinds.set(s, kids[0]);
  }
  return {
    pickAmong: (choices, text) => toldApart(choices, serviceTokens(withServiceWords(text))),
    combined(parts) {
      const own = (sv: ServiceInfo) => serviceTokens(sv.name).filter((w) => !STOP.has(w) && !GENERIC.has(w));
      // a word every part has ("lesson" of a piano and a trial lesson) tells nothing about the whole
      const all = parts.map(own);
      const wanted = all.map((ws) => ws.filter((w) => !all.every((o) => o.includes(w))));
      // each part named by its words in the whole ("Haircut + Beard" for a haircut and a beard trim)
      // a combination is named as one ("Haircut & Beard Trim", "Cut and Colour", "Mani-Pedi"), not "Gel Pedicure"
      const wholes = services.filter((sv) => {
        const whole = own(sv);
        return (
          isCombinedName(sv.name) &&
          !parts.includes(sv) &&
          wanted.every((ws) => ws.some((w) => whole.some((x) => sameOrPart(w, x))))
        );
      });
      return wholes.length === 1 ? wholes[0] : undefined;
    },
    match(text) {
      // the caller's own words, unless the owner's likely words for them match better ("change the locks" is
      // the Rekey Service, not Smart Lock Installation) or tell apart what they tie on
      const said = matchWords(phrases, serviceTokens(text), text);
      const expanded = withServiceWords(text);
      // nothing the owner would call it otherwise: the caller's words are all there is
      if (expanded === text.toLowerCase()) return said;
      const meant = matchWords(phrases, serviceTokens(expanded), text);
      if (!said || !meant) return said ?? meant;
      if (meant.score > said.score + 1e-9) return meant;
      // "a trim for my little guy" at a barber with a Kids Cut and a Beard Trim: the children's service
      if (FOR_A_CHILD.test(text.toLowerCase()) && forChildren(meant.service) && !forChildren(said.service))
        return meant;
      if (said.choices && !meant.choices && said.choices.includes(meant.service)) return meant;
      return said;
    },
  };
}

/** A word of a part in the whole's name, or the whole's shorter form of it ("haircut" in "Cut & Beard"). */
const sameOrPart = (w: string, x: string) => w === x || (x.length >= 3 && (w.endsWith(x) || w.startsWith(x)));

/** "Haircut + Beard" of a haircut: the service that is the one and more, named as two joined. */
export const isComboOf = (whole: ServiceInfo, part: ServiceInfo) =>
  isCombinedName(whole.name) && whole.name.toLowerCase().includes(part.name.toLowerCase());

/** A service named as two joined: "&", "+", "/", "and", "with", "plus" or a hyphen between words. */
export const isCombinedName = (name: string) => /[&+/]|\w-\w|\b(?:and|with|plus)\b/i.test(name);

/** How much less well a service may match and still be told apart from the best by a word only it holds. */
const NEAR = 1.5;

/** The best service for the words: the one matched best, its child's kind for a child, or the ones tied. */
function matchWords(phrases: Phrase[], words: string[], text: string): ServiceMatch | undefined {
  const hits: Hit[] = [];
  for (const p of phrases) {
    const h = matchPhrase(p, words);
    if (h) hits.push(h);
  }
  if (!hits.length) return undefined;
  hits.sort((a, b) => b.score - a.score);
  const best = hits[0];
  // a rival is another service matched exactly as well (a phrase inside the best one scores lower)
  const rivals = hits.filter((h) => h.service !== best.service && Math.abs(h.score - best.score) < 1e-9);
  const uniq = [...new Map([best, ...rivals].map((h) => [h.service.name, h.service])).values()];
  const child = FOR_A_CHILD.test(text.toLowerCase());
  // "a haircut for my son, he's seven" at a shop with a Kids Cut: the children's kind of the same service
  const forChild = uniq.length === 1 && child ? childKind(best.service) : undefined;
  if (forChild) return { service: forChild, score: best.score };
  // "a trim for my little guy, he's 6" among cuts: the one for children
  const kids = child ? uniq.filter(forChildren) : [];
  if (kids.length === 1 && uniq.length > 1) return { service: kids[0], score: best.score };
  // a child's kind of a service is no rival unless a child is said ("a fade" is not a Kids Cut)
  const grown = child ? uniq : uniq.filter((sv) => !forChildren(sv));
  if (grown.length === 1 && uniq.length > 1) return { service: grown[0], score: best.score };
  // "the ninety minute sports massage", "a full groom, she's eight kilos": a word of one variant's name decides
  const told = uniq.length > 1 ? toldApart(uniq, words) : undefined;
  if (told) return { service: told, score: best.score };
  // "a driving lesson but in an automatic": a service matched a little less well that holds a word the best one
  // lacks ("automatic") is the one meant, when that word tells the two apart
  const near = [
    ...new Map(
      hits
        .filter((h) => h.service !== best.service && h.score >= best.score - NEAR)
        .map((h) => [h.service.name, h.service]),
    ).values(),
  ];
  const apart = uniq.length === 1 && near.length ? toldApart([best.service, ...near], words) : undefined;
  if (apart && apart !== best.service) return { service: apart, score: best.score };
  return { service: best.service, score: best.score, ...(uniq.length > 1 ? { choices: uniq } : {}) };
}

/** The service is for a child: "my son", "for my daughter", "he's seven", "a 6-year-old". */
const FOR_A_CHILD =
  /\b(?:my|our|his|her|for the) (?:son|daughter|kid|kids|child|children|little one|little boy|little girl|little guy|little man|boy|girl|lad|lass|wee one|youngster|toddler)\b|\b(?:he|she)(?:'s| is) (?:only )?(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: years? old)?\b|\b(?:[1-9]|1[0-2])[- ]years?[- ]old\b/;
const CHILD_WORDS = new Set(['kid', 'kids', 'child', 'children', 'childrens', 'junior', 'youth', 'boys', 'girls']);
const forChildren = (sv: ServiceInfo) => serviceTokens(sv.name).some((w) => CHILD_WORDS.has(w));

/** The children's kind of each service the business lists one for ("Kids Cut" beside "Haircut"). */
const childKinds = new WeakMap<ServiceInfo, ServiceInfo>();
const childKind = (service: ServiceInfo) => childKinds.get(service);

/** The best way a phrase is said in the words: in full and in order, all its words in any order, or one distinctive word of a name. */
function matchPhrase(p: Phrase, words: string[]): Hit | undefined {
  const n = p.words.length;
  const joined = p.words.join('');
  // 1. the phrase in full, in order ("hair cut" and "haircut" alike)
  for (let i = 0; i < words.length; i++) {
    for (let w = 1; w <= Math.min(n + 1, words.length - i); w++) {
      const window = words.slice(i, i + w);
      const inOrder = w === n && window.every((x, k) => same(x, p.words[k]));
      const glued =
        (w !== n || n === 1) &&
        (window.join('') === joined ||
          (joined.length >= 6 && window.join('')[0] === joined[0] && editDistance(window.join(''), joined, 1) <= 1));
      if (inOrder || glued) {
        if (n === 1 && STOP.has(p.words[0])) continue;
        const exact = window.join('') === joined;
        return { service: p.service, score: 3 + 0.5 * n - (exact ? 0 : 0.1) };
      }
    }
  }
  // 2. every content word, in any order, close together ("my drain is clogged" for "clogged drain")
  const specific = p.content.filter((w) => !GENERIC.has(w));
  if (p.content.length >= 2 && specific.length) {
    const at = p.content.map((pw) => words.findIndex((w) => same(w, pw)));
    if (at.every((k) => k >= 0) && Math.max(...at) - Math.min(...at) <= p.content.length + 3) {
      return { service: p.service, score: 2 + 0.5 * p.content.length };
    }
  }
  // 3. a distinctive word of the service's own name ("brakes" for "Brake inspection")
  if (p.isName && p.words.length >= 2) {
    const strong = p.content.filter((w) => !GENERIC.has(w) && !WEAK.has(w) && w.length >= 3);
    const found = strong.map((pw) => words.findIndex((w) => same(w, pw))).filter((k) => k >= 0);
    if (found.length) return { service: p.service, score: 1 + 0.5 * found.length };
    // "a pipe under the sink split" for "Pipe repair": a common word is the name's only one of its own, weaker
    const own = p.content.filter((w) => !GENERIC.has(w) && w.length >= 3);
    if (!strong.length && own.length === 1 && words.some((w) => same(w, own[0])))
      return { service: p.service, score: 1.25 };
  }
  return undefined;
}

/**
 * The one service among `choices` with the most words of its own name (or synonyms) said that the others lack
 * ("60" of "Deep Tissue Massage (60 min)" against "(90 min)", "small" against "large", "prenatal"); undefined
 * when none or several are told apart equally.
 */
function toldApart(choices: ServiceInfo[], words: string[]): ServiceInfo | undefined {
  const own = choices.map((c) => new Set([c.name, ...(c.synonyms ?? [])].flatMap(serviceTokens)));
  const said = new Set(words);
  const counts = own.map((mine) => [...mine].filter((t) => said.has(t) && !own.every((o) => o.has(t))).length);
  const best = Math.max(...counts);
  if (best === 0 || counts.filter((n) => n === best).length > 1) return undefined;
  return choices[counts.indexOf(best)];
}
