/**
 * Answers from the business's knowledge base and configuration, ranked offline with BM25.
 * When no entry matches well enough the answer is marked unsure, so the agent says so instead of
 * inventing a fact.
 */
import { oncePer } from '../lib/index.js';
import type { BusinessProfile } from './types.js';
import { EN, ES, type Lang, type Lines } from './lines/index.js';
import { normalize } from './nlu/index.js';
import { createSettingsAnswers, settingsTopic } from './settings-answers.js';

const STOP = new Set(
  (
    'a an the and or but is are was were be do does did you your yours we our i me my it its of to in on at for with from by can could would will what when where how which who why there this that these those have has had any some please tell know about if ' +
    "guys just get got need want like there's is there it's i'm really also still okay ok so hi hello hey thanks thank yes yeah while um uh"
  ).split(' '),
);

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
  cash: 'payment',
  check: 'payment',
  venmo: 'payment',
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
  return (
    normalize(text)
      .replace(/walk[- ]ins?/g, 'walkin')
      .match(/[a-z0-9']+/g) ?? []
  )
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => !STOP.has(w))
    .map((w) => FOLD[w] ?? FOLD[stemTerm(w)] ?? stemTerm(w.replace(/'s$/, '')))
    .filter((w) => !STOP.has(w));
}

interface Doc {
  text: string;
  /** The same fact in Spanish (derived facts; an owner's entry is said as written). */
  es: string;
  /** An owner's knowledge entry (not a fact derived from the settings). */
  faq: boolean;
  tf: Map<string, number>;
  len: number;
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
  const docs: Doc[] = sources(business, EN).map(({ key, text, faq }, i) => {
    const ts = terms(key);
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { text, es: spanish[i].text, tf, len: ts.length, faq: !!faq };
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
     * else the best entry; `confident` is false when few of the question's words match.
     */
    answer(question: string, now: Date = new Date(), lang: Lang = 'en'): KnowledgeAnswer | undefined {
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
      let best: { doc: Doc; score: number; matched: number } | undefined;
      for (const doc of docs) {
        if (ownEntriesOnly && !doc.faq) continue;
        let score = 0;
        let matched = 0;
        for (const t of q) {
          if (!doc.tf.has(t)) continue;
          matched++;
          score += bm25(doc, t);
        }
        if (score > (best?.score ?? 0)) best = { doc, score, matched };
      }
      if (!best) return undefined;
      const coverage = best.matched / q.length;
      // a question about a topic (price, hours…) is only answered by an entry on that topic
      const topicMissing = q.some((t) => TOPICS.has(t) && !best.doc.tf.has(t));
      const confident = !topicMissing && (coverage >= 0.5 || (best.matched >= 2 && coverage >= 0.34));
      return {
        text: lang === 'es' ? best.doc.es : best.doc.text,
        score: best.score,
        confident,
        source: 'knowledge' as const,
        coverage,
        matched: best.matched,
      };
    },
  };
  return api;
}

function sources(business: BusinessProfile, L: Lines): Array<{ key: string; text: string; faq?: boolean }> {
  const out: Array<{ key: string; text: string; faq?: boolean }> = (business.knowledge ?? []).map((k) => ({
    key: `${k.q ?? ''} ${k.title ?? ''} ${k.a}`,
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
