/**
 * Answers from the business's knowledge base and configuration, ranked offline with BM25.
 * When no entry matches well enough the answer is marked unsure, so the agent says so instead of
 * inventing a fact.
 */
import { oncePer } from '../lib/index.js';
import type { BusinessProfile } from './types.js';
import { EN, ES, type Lang, type Lines } from './lines/index.js';
import { normalize } from './nlu/index.js';
import { CLOSED_A_DEAL, createSettingsAnswers, settingsTopic } from './settings-answers.js';

const STOP = new Set(
  (
    'a an the and or but is are was were be do does did you your yours we our i me my it its of to in on at for with from by can could would will what when where how which who why there this that these those have has had any some please tell know about if ' +
    "guys just get got need want like there's is there it's i'm really also still okay ok so hi hello hey thanks thank yes yeah while um uh " +
    // conversational filler that would otherwise dilute how much of a question an entry covers
    'quick question wondering wonder curious something anything somewhere anywhere nearby here firm only all next first'
  ).split(' '),
);

/**
 * Phrases folded to one concept before the words are split: a caller says "leave my car", the entry
 * says "parking". Order matters ("charged with" is a criminal matter before "charge" is a price).
 */
const PHRASES: Array<[RegExp, string]> = [
  [/\$ ?\d[\d,.]*|\b\d+ (dollars|bucks)\b/g, 'cost'],
  [/\bgift ?(cards?|certificates?)\b/g, 'giftcard'],
  [/\b(credit|debit) cards?\b|\b(apple|google) pay\b/g, 'payment'],
  [/\b(do|will|would|can) (you|y'all)( guys)? (take|accept)\b/g, 'accept'],
  [/\b(leave|put|keep|drop|stick) (my|the|our|a|your) (car|truck|vehicle|van|suv|ride)\b/g, 'parking'],
  [/\bservice calls?\b|\btrip (charge|fee)s?\b|\bhouse calls?\b|\bcall[- ]?out (fee|charge)s?\b/g, 'callout'],
  [/\b(to|and|just) come (out|over|by)\b|\btake a look\b/g, 'callout'],
  [
    /\b(does|do|will|would|did) (that|it|this|one|they|those|these)( all)? (run|set (me|us) back|come to|go for)\b/g,
    'cost',
  ],
  [CLOSED_A_DEAL, 'bought'],
  [/\bcharged with\b|\bpulled over\b/g, 'criminal'],
  [/\b(help|assist)( me| us| him| her| them)? with\b|\btake (on )?(my|a|the|this|his|her|our) case\b/g, 'service'],
  [/\b(in|out of)[- ]network\b/g, 'insurance'],
];

/** A question that points back at the previous one ("how much does that run?", "and for two?"). */
const FOLLOW_UP = /\b(that|it|this|those|these|them|one|ones)\b|^(and|what about|how about)\b/;

/** Words for what an entry is about (parking, pets, payment…): one of them matching is strong evidence. */
const SUBJECTS = new Set([
  'parking',
  'payment',
  'insurance',
  'pet',
  'criminal',
  'callout',
  'financing',
  'warranty',
  'walk',
  'loan',
  'permit',
  'license',
  'haul',
  'giftcard',
]);

/** What is asked about a subject (its price, hours, place, length): alone, never enough to pick an entry. */
const FACETS = new Set(['cost', 'open', 'address', 'duration', 'service', 'accept', 'see']);

/** Words that mean the same thing to a caller, folded to one term (after stemming). */
const FOLD: Record<string, string> = {
  hour: 'open',
  hours: 'open',
  opening: 'open',
  opened: 'open',
  close: 'open',
  closing: 'open',
  closed: 'open',
  location: 'address',
  locat: 'address',
  located: 'address',
  directions: 'address',
  direction: 'address',
  office: 'address',
  find: 'address',
  park: 'parking',
  parked: 'parking',
  lot: 'parking',
  garage: 'parking',
  insur: 'insurance',
  insure: 'insurance',
  insured: 'insurance',
  insurer: 'insurance',
  insurers: 'insurance',
  coverage: 'insurance',
  plan: 'plan',
  plans: 'plan',
  contract: 'plan',
  membership: 'plan',
  car: 'car',
  cars: 'car',
  vehicl: 'car',
  vehicle: 'car',
  vehicles: 'car',
  rental: 'loan',
  loaner: 'loan',
  loan: 'loan',
  permit: 'permit',
  permits: 'permit',
  licens: 'license',
  licensed: 'license',
  license: 'license',
  certifi: 'license',
  certified: 'license',
  pay: 'payment',
  paying: 'payment',
  card: 'payment',
  cards: 'payment',
  credit: 'payment',
  debit: 'payment',
  cash: 'payment',
  checks: 'payment',
  cheque: 'payment',
  cheques: 'payment',
  venmo: 'payment',
  zelle: 'payment',
  visa: 'payment',
  mastercard: 'payment',
  amex: 'payment',
  accept: 'accept',
  accepted: 'accept',
  // "do you sell gift cards?" and "can I buy a gift card?" ask the same
  sell: 'buy',
  sells: 'buy',
  selling: 'buy',
  sold: 'buy',
  buying: 'buy',
  purchase: 'buy',
  purchasing: 'buy',
  pet: 'pet',
  pets: 'pet',
  dog: 'pet',
  dogs: 'pet',
  puppy: 'pet',
  puppies: 'pet',
  cat: 'pet',
  cats: 'pet',
  kitten: 'pet',
  kittens: 'pet',
  animal: 'pet',
  animals: 'pet',
  beagle: 'pet',
  labrador: 'pet',
  poodle: 'pet',
  terrier: 'pet',
  retriever: 'pet',
  bulldog: 'pet',
  husky: 'pet',
  chihuahua: 'pet',
  dachshund: 'pet',
  criminal: 'criminal',
  crime: 'criminal',
  dui: 'criminal',
  dwi: 'criminal',
  arrest: 'criminal',
  arrested: 'criminal',
  jail: 'criminal',
  felony: 'criminal',
  misdemeanor: 'criminal',
  handle: 'service',
  practice: 'service',
  waste: 'haul',
  clipping: 'haul',
  haul: 'haul',
  remove: 'haul',
  removal: 'haul',
  debris: 'haul',
  away: 'haul',
  treat: 'see',
  treats: 'see',
  see: 'see',
  sees: 'see',
  price: 'cost',
  prices: 'cost',
  pricing: 'cost',
  much: 'cost',
  charge: 'cost',
  fee: 'cost',
  fees: 'cost',
  rate: 'cost',
  rates: 'cost',
  walkin: 'walk',
  walkins: 'walk',
  'walk-in': 'walk',
  'walk-ins': 'walk',
  services: 'service',
  offer: 'service',
  provide: 'service',
  long: 'duration',
  take: 'duration',
  takes: 'duration',
  minutes: 'duration',
};

/** The folded terms themselves: a concept word ("service", "parking") is kept as it is, never stemmed. */
const CONCEPTS = new Set([...Object.values(FOLD), ...PHRASES.map(([, concept]) => concept)]);

/** Words a caller uses for this kind of business ("is this the plumber?"). */
const INDUSTRY_WORDS: Record<string, string> = {
  plumbing: 'plumber plumbing',
  hvac: 'heating cooling hvac furnace air',
  electrical: 'electrician electric electrical',
  auto: 'mechanic garage shop auto repair',
  dental: 'dentist dental office',
  salon: 'salon hair stylist',
  other: '',
};

const TOPICS = new Set([
  'cost',
  'open',
  'address',
  'walk',
  'insurance',
  'parking',
  'warranty',
  'payment',
  'card',
  'cash',
  'financing',
]);

/** Strips common English suffixes, the same on questions and entries ("parking" ~ "park", "insured" ~ "insurance"). */
function stemTerm(w: string): string {
  let s = w;
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.length > 4 && /(ss|sh|ch|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  for (const suf of ['ation', 'ance', 'ence', 'ment', 'ing', 'er', 'ed', 'ly', 'e']) {
    if (s.endsWith(suf) && s.length - suf.length >= 4) return s.slice(0, -suf.length);
  }
  return s;
}

/** Splits text into folded, stemmed index terms. */
export function terms(text: string): string[] {
  const folded = PHRASES.reduce((t, [re, concept]) => t.replace(re, ` ${concept} `), normalize(text));
  return (folded.replace(/walk[- ]ins?/g, 'walkin').match(/[a-z0-9']+/g) ?? [])
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => !STOP.has(w))
    .map((w) => (CONCEPTS.has(w) ? w : (FOLD[w] ?? FOLD[stemTerm(w)] ?? stemTerm(w))))
    .filter((w) => !STOP.has(w));
}

interface Doc {
  text: string;
  /** Terms of what the entry is about (its question and title), as opposed to what its answer mentions. */
  head: Set<string>;
  /** The same fact in Spanish (derived facts; an owner's entry is said as written). */
  es: string;
  /** An owner's knowledge entry (not a fact derived from the settings). */
  faq: boolean;
  tf: Map<string, number>;
  len: number;
}

/** How well one entry fits a question's terms. */
interface Fit {
  matched: number;
  /** Share of the question's terms the entry holds; a term only its answer mentions counts half. */
  coverage: number;
  confident: boolean;
}

/**
 * Whether an entry answers a question: it must hold every topic the question asks about, match
 * something beyond a facet ("how much", "open"), and either be about one of the question's subjects
 * (parking, pets, payment…) or cover enough of the question's words.
 */
function judge(q: string[], doc: Doc): Fit {
  const has = (t: string) => doc.tf.has(t);
  const matchedTerms = q.filter(has);
  const coverage = matchedTerms.reduce((w, t) => w + (doc.head.has(t) ? 1 : 0.5), 0) / q.length;
  // a question about a topic (price, hours…) is only answered by an entry on that topic
  const topicMissing = q.some((t) => TOPICS.has(t) && !has(t));
  // "is there a fee to cancel?" is not answered by the one entry that has a fee in it
  const content = q.filter((t) => !FACETS.has(t));
  const contentHit = !content.length || content.some(has);
  // an entry about the subject ("Is there parking?"), or whose answer names it beside another match ("criminal")
  const subjects = q.filter((t) => SUBJECTS.has(t));
  const onSubject =
    subjects.length > 0 &&
    subjects.every(has) &&
    (subjects.some((t) => doc.head.has(t)) || matchedTerms.length > subjects.length);
  const enough = coverage >= 0.5 || (matchedTerms.length >= 2 && coverage >= 0.34);
  return {
    matched: matchedTerms.length,
    coverage,
    confident: !topicMissing && contentHit && (onSubject || enough),
  };
}

/** An answer and whether the ranking is confident enough to say it. */
export interface KnowledgeAnswer {
  text: string;
  score: number;
  confident: boolean;
  /** 'settings' when the business's configuration answered (hours, address, services, duration, price). */
  source?: 'settings' | 'knowledge';
}

/**
 * The business's knowledge base, built once per profile object: every call that rings within the
 * webhook cache's lifetime shares one loaded profile, so its calls share one index (profiles are
 * never changed in place; a settings change loads a new one).
 */
export const knowledgeBaseFor = oncePer(createKnowledgeBase);
export type KnowledgeBase = ReturnType<typeof createKnowledgeBase>;

/** A BM25 index over the business's FAQ entries plus facts derived from its configuration. */
export function createKnowledgeBase(business: BusinessProfile) {
  const settings = createSettingsAnswers(business);
  const spanish = sources(business, ES);
  const docs: Doc[] = sources(business, EN).map(({ key, head, text, faq }, i) => {
    const ts = terms(key);
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { text, es: spanish[i].text, head: new Set(terms(head ?? key)), tf, len: ts.length, faq: !!faq };
  });
  const avg = docs.reduce((s, d) => s + d.len, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const k1 = 1.2;
  const b = 0.75;
  const bm25 = (doc: Doc, t: string): number => {
    const f = doc.tf.get(t);
    if (!f) return 0;
    const n = df.get(t) ?? 0;
    const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
    return (idf * f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.len) / avg));
  };
  const api = {
    /** The `k` best-ranked entries' texts, for a language model to answer from. */
    passages(question: string, k = 3): string[] {
      const q = [...new Set(terms(question))];
      return docs
        .map((doc) => ({ doc, score: q.reduce((sum, t) => sum + bm25(doc, t), 0) }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map((x) => x.doc.text);
    },
    /**
     * The answer to a question: from the settings first (hours, address, services, duration, price),
     * else the best entry; `confident` is false when few of the question's words match. A follow-up
     * that points back ("how much does that run?") is read together with the `previous` question.
     */
    answer(
      question: string,
      now: Date = new Date(),
      lang: Lang = 'en',
      previous?: string,
    ): KnowledgeAnswer | undefined {
      // "how much does that run?" is first read with the question it points back to
      const joined =
        previous && FOLLOW_UP.test(normalize(question))
          ? api.answerOne(`${previous} ${question}`, now, lang)
          : undefined;
      return joined?.confident ? joined : api.answerOne(question, now, lang);
    },
    /** The answer to one question on its own. */
    answerOne(question: string, now: Date, lang: Lang): KnowledgeAnswer | undefined {
      const fromSettings = settings.answer(question, now, lang);
      const own = api.rank(question, true);
      // an owner's entry written for exactly this question ("Do you charge for estimates?") beats a derived price
      const ownFits = !!own && own.confident && own.coverage >= 0.75 && own.matched >= 2;
      // "do you offer financing on a new furnace?" is about financing: an owner's entry on it wins
      const ownAnswersOffer = fromSettings?.topic === 'offer' && !!own?.confident;
      if (fromSettings && !ownAnswersOffer && !(ownFits && ['price', 'duration'].includes(fromSettings.topic))) {
        return { text: fromSettings.text, score: Number.POSITIVE_INFINITY, confident: true, source: 'settings' };
      }
      if (ownFits && own) return { text: own.text, score: own.score, confident: true, source: 'knowledge' };
      const best = api.rank(question, false, lang);
      return best && { text: best.text, score: best.score, confident: best.confident, source: 'knowledge' };
    },
    /** The best-ranked entry for a question, with how much of the question it covers. */
    rank(
      question: string,
      ownEntriesOnly = false,
      lang: Lang = 'en',
    ): (KnowledgeAnswer & { coverage: number; matched: number }) | undefined {
      const topic = settingsTopic(question);
      const q = [...new Set([...terms(question), ...(topic ? [topic] : [])])];
      if (!q.length || !docs.length) return undefined;
      let best: (Fit & { doc: Doc; score: number }) | undefined;
      for (const doc of docs) {
        if (ownEntriesOnly && !doc.faq) continue;
        const score = q.reduce((sum, t) => sum + bm25(doc, t), 0);
        if (!score) continue;
        const fit = { doc, score, ...judge(q, doc) };
        // a confident entry beats a higher-scoring one that does not answer the question
        if (!best || fit.confident > best.confident || (fit.confident === best.confident && fit.score > best.score))
          best = fit;
      }
      if (!best) return undefined;
      return {
        text: lang === 'es' ? best.doc.es : best.doc.text,
        score: best.score,
        confident: best.confident,
        source: 'knowledge' as const,
        coverage: best.coverage,
        matched: best.matched,
      };
    },
  };
  return api;
}

/** A searchable fact: `key` is all its words, `head` what it is about (when narrower than the key). */
interface Source {
  key: string;
  head?: string;
  text: string;
  faq?: boolean;
}

function sources(business: BusinessProfile, L: Lines): Source[] {
  const out: Source[] = (business.knowledge ?? []).map((k) => ({
    key: `${k.q ?? ''} ${k.title ?? ''} ${k.a}`,
    // an entry with neither question nor title is about what its answer says
    head: k.q || k.title ? `${k.q ?? ''} ${k.title ?? ''}` : k.a,
    text: k.a,
    faq: true,
  }));
  out.push({ key: 'open hours when today days week schedule', text: L.describeHours(business) });
  out.push({
    key: `${business.name} this who calling company business ${INDUSTRY_WORDS[business.industry ?? 'other']}`,
    text: L.thisIs(business.name),
  });
  if (business.address) out.push({ key: `address where ${business.address}`, text: L.address(business.address) });
  out.push({
    key: `service ${business.services.map((s) => `${s.name} ${(s.synonyms ?? []).join(' ')}`).join(' ')}`,
    text: L.weOffer(business.services.map((s) => s.name.toLowerCase())),
  });
  for (const s of business.services) {
    const price =
      s.priceCents !== undefined ? `$${(s.priceCents / 100).toFixed(s.priceCents % 100 ? 2 : 0)}` : undefined;
    out.push({
      key: `${s.name} ${(s.synonyms ?? []).join(' ')} ${price ? 'cost' : ''} duration`,
      text: L.serviceFacts(s.name.toLowerCase(), s.durationMin, price),
    });
  }
  return out;
}
