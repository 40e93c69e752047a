/**
 * Answers from the business's knowledge base and configuration, ranked offline with BM25.
 * When no entry matches well enough the answer is marked unsure, so the agent says so instead of
 * inventing a fact.
 */
import type { BusinessProfile } from './types.js';
import { describeHours } from './calendar.js';

const STOP = new Set(
  'a an the and or but is are was were be do does did you your yours we our i me my it its of to in on at for with from by can could would will what when where how which who why there this that these those have has had any some please tell know about if'.split(' '),
);

/** Words that mean the same thing to a caller, folded to one term. */
const FOLD: Record<string, string> = {
  hour: 'open', hours: 'open', opening: 'open', opened: 'open', close: 'open', closing: 'open', closed: 'open',
  location: 'address', located: 'address', where: 'address', directions: 'address', find: 'address',
  price: 'cost', prices: 'cost', pricing: 'cost', much: 'cost', charge: 'cost', fee: 'cost', fees: 'cost', rate: 'cost', rates: 'cost',
  walkin: 'walk', walkins: 'walk', 'walk-in': 'walk', 'walk-ins': 'walk',
  services: 'service', offer: 'service', provide: 'service',
  long: 'duration', take: 'duration', takes: 'duration', minutes: 'duration',
};

/** Words a caller uses for this kind of business ("is this the plumber?"). */
const INDUSTRY_WORDS: Record<string, string> = {
  plumbing: 'plumber plumbing', hvac: 'heating cooling hvac furnace air', electrical: 'electrician electric electrical',
  auto: 'mechanic garage shop auto repair', dental: 'dentist dental office', salon: 'salon hair stylist', other: '',
};

const TOPICS = new Set(['cost', 'open', 'address', 'walk', 'insurance', 'parking', 'warranty', 'payment', 'card', 'cash', 'financing']);

/** Splits text into folded, lightly stemmed index terms. */
export function terms(text: string): string[] {
  return (text.toLowerCase().replace(/walk[- ]ins?/g, 'walkin').match(/[a-z0-9]+/g) ?? [])
    .filter((w) => !STOP.has(w))
    .map((w) => FOLD[w] ?? (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .map((w) => FOLD[w] ?? w);
}

interface Doc {
  text: string;
  tf: Map<string, number>;
  len: number;
}

/** An answer and whether the ranking is confident enough to say it. */
export interface KnowledgeAnswer {
  text: string;
  score: number;
  confident: boolean;
}

/** A BM25 index over the business's FAQ entries plus facts derived from its configuration. */
export function createKnowledgeBase(business: BusinessProfile) {
  const docs: Doc[] = sources(business).map(({ key, text }) => {
    const ts = terms(key);
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    return { text, tf, len: ts.length };
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
  return {
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
    /** The best entry for a question; `confident` is false when few of the question's words match. */
    answer(question: string): KnowledgeAnswer | undefined {
      const q = [...new Set(terms(question))];
      if (!q.length || !docs.length) return undefined;
      let best: { doc: Doc; score: number; matched: number } | undefined;
      for (const doc of docs) {
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
      return { text: best.doc.text, score: best.score, confident };
    },
  };
}

function sources(business: BusinessProfile): Array<{ key: string; text: string }> {
  const out = (business.knowledge ?? []).map((k) => ({ key: `${k.q ?? ''} ${k.title ?? ''} ${k.a}`, text: k.a }));
  out.push({ key: 'open hours when today days week schedule', text: describeHours(business) });
  out.push({ key: `${business.name} this who calling company business ${INDUSTRY_WORDS[business.industry ?? 'other']}`, text: `Yes, this is ${business.name}.` });
  if (business.address) out.push({ key: `address where ${business.address}`, text: `We're at ${business.address}.` });
  const names = business.services.map((s) => s.name.toLowerCase());
  out.push({
    key: `service ${business.services.map((s) => `${s.name} ${(s.synonyms ?? []).join(' ')}`).join(' ')}`,
    text: `We offer ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0] ?? 'several services'}.`,
  });
  for (const s of business.services) {
    const price = s.priceCents !== undefined ? ` It's $${(s.priceCents / 100).toFixed(s.priceCents % 100 ? 2 : 0)}` : '';
    out.push({
      key: `${s.name} ${(s.synonyms ?? []).join(' ')} ${price ? 'cost' : ''} duration`,
      text: `A ${s.name.toLowerCase()} takes about ${s.durationMin} minutes.${price ? `${price}.` : ''}`,
    });
  }
  return out;
}
