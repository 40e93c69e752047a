/**
 * Answers from the business's knowledge base and configuration, ranked offline with BM25.
 * When no entry matches well enough the answer is marked unsure, so the agent says so instead of
 * inventing a fact.
 */
import { oncePer } from '../lib/index.js';
import type { BusinessProfile, ServiceInfo } from './types.js';
import { EN, ES, type Lang, type Lines } from './lines/index.js';
import { createServiceMatcher, normalize } from './nlu/index.js';
import { CLOSED_A_DEAL, createSettingsAnswers, PLACE, settingsTopic } from './settings-answers.js';

const wordSet = (words: string) => new Set(words.split(' '));

const STOP = new Set(
  (
    'a an the and or but is are was were be do does did you your yours we our i me my it its of to in on at for with from by can could would will what when where how which who why there this that these those have has had any some please tell know about if ' +
    "guys just get got need want like there's is there it's i'm really also still okay ok so hi hello hey thanks thank yes yeah while um uh " +
    // conversational filler that would otherwise dilute how much of a question an entry covers
    'quick question wondering wonder curious something anything somewhere anywhere nearby here firm only all next first ' +
    // how a caller hedges or sets the scene ("roughly", "exactly", "I'm going through", "I need someone to")
    'roughly approximately exactly ballpark going through someone somebody'
  ).split(' '),
);

/** Not a place: "come out to my house" and "come out to look" ask for a visit, "come out to apartments" what is served. */
const NOT_A_PLACE =
  "(?! (my|the|our|your|his|her|their|a|an|this|that|you|us|me|them|it)\\b| (look|fix|see|check|take|do|repair|give|quote|inspect|diagnose|service|clean|spray|treat|install|help|pick|drop)\\b| [a-z]+[^su's]s\\b(?! [a-z]))";

/**
 * The area served, however it is asked: "do you come all the way out to Pflugerville?", "would you
 * come down to Castle Rock?", "do you cover my area?", "how far out do you go?". The word "area"
 * alone is not it (a waiting area, areas of law).
 */
const SERVICE_AREA: Array<[RegExp, string]> = [
  [
    /\b(my|our|your|this) (area|town|city|neighbou?rhood|neck of the woods|part of town|zip ?code|postcode|county|suburb|region)\b|\b(service|coverage|delivery|travel) (areas?|radius|zones?)\b|\b(which|what) (areas|towns|cities|suburbs|neighbou?rhoods|zip ?codes|counties|regions|parts of town)\b(?! of)|\bareas? (that )?(you|we|do you)( guys)? (serve|service|cover|go to|travel to)\b|\bhow far( out)? (do|does|will|would|can) (you|y'all|your \w+)( guys)? (go|travel|come|drive|service|serve|cover)\b|\b(service|serve|cover|come|go|travel|drive|work)( out)? (to |in |into |around )?the ([a-z]+ ){1,2}area\b/g,
    'servicearea',
  ],
  [
    new RegExp(
      `\\b(come|go|travel|drive|head|make it|get|service|serve|cover)( all the way)?( out)? (as far( out)? as|that far( out)?)\\b|\\b(come|go|travel|drive|head|make it)( all the way)? (out|down|up|over)( to| as far as)\\b${NOT_A_PLACE}|\\b(do|does|can|will|would|could) (you|y'all|anyone|someone|somebody|your (guys|techs?|team|crews?))( guys)? (go|come|travel|drive|deliver)( out| all the way out)? (to|up to|down to|over to)\\b${NOT_A_PLACE}`,
      'g',
    ),
    'servicearea',
  ],
];

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
  [new RegExp(`\\bwhere(abouts)?\\b[^?.!,]{0,25}?\\b(your|the) ${PLACE}\\b`, 'g'), 'address'],
  ...SERVICE_AREA,
  [
    /\b(sit|sitting) down and (talk|chat|meet)\b|\b(sit(ting)? down|meet(ing)?) with (a|an|the|one of (your|the|our)) (lawyer|attorney|accountant|advis[eo]r|planner|consultant|designer|specialist|counsell?or|therapist|broker)s?\b/g,
    'consult',
  ],
  [
    /\b(first|initial|intro|introductory|1st) (meeting|visit|appointment|session|chat|call|sit[- ]?down)s?\b/g,
    'consult',
  ],
  // "a service call", "a trip charge", "just to come out and take a look", "to come look at a washer"
  [
    /\bservice calls?\b|\b(trip|travel|visit|dispatch) (charge|fee)s?\b|\bhouse calls?\b|\bcall[- ]?out (fee|charge)s?\b|\b(come|stop|swing|pop) (out |over |by |round )?(and |to )?(look|check|have a look|take a look|diagnose|inspect)\b|\b(to|and|just) come (out|over|by)\b|\btake a look\b/g,
    'callout',
  ],
  [/\b(take|taking|takes|cart|carry|hauls?|hauling)( it| them| that| those| everything| the [a-z]+)? away\b/g, 'haul'],
  [
    /\b(does|do|will|would|did) (that|it|this|one|they|those|these)( all)? (run|set (me|us) back|come to|go for)\b|\b(run|set) (me|us)( back)?\b(?! through)/g,
    'cost',
  ],
  [CLOSED_A_DEAL, 'bought'],
  [/\bcharged with\b|\bpulled over\b/g, 'criminal'],
  [/\b(help|assist)( me| us| him| her| them)? with\b|\btake (on )?(my|a|the|this|his|her|our) case\b/g, 'service'],
  [/\b(in|out of)[- ]network\b/g, 'insurance'],
];

/** A question that points back at the previous one ("how much does that run?", "and for two?"); so does "how much?". */
const FOLLOW_UP = /\b(that|it|this|those|these|them|one|ones)\b|^(and|what about|how about)\b/;

/** Words for what an entry is about (parking, pets, payment…): one of them matching is strong evidence. */
const SUBJECTS = wordSet(
  'parking payment insurance pet criminal callout financing warranty walk loan permit license haul giftcard servicearea consult',
);

/** What is asked about a subject (its price, hours, place, length): alone, never enough to pick an entry. */
const FACETS = new Set(['cost', 'open', 'address', 'duration', 'service', 'accept', 'see']);

/** Words that mean the same thing to a caller, folded to one term (after stemming). */
const FOLD: Record<string, string> = Object.fromEntries(
  (
    [
      ['open', 'hour hours opening opened close closing closed'],
      ['address', 'location locat located directions direction office find'],
      ['parking', 'park parked lot garage'],
      ['insurance', 'insur insure insured insurer insurers coverage'],
      ['plan', 'plan plans contract membership'],
      ['car', 'car cars vehicl vehicle vehicles'],
      ['loan', 'rental loaner loan'],
      ['permit', 'permit permits'],
      ['license', 'licens licensed license certifi certified'],
      ['payment', 'pay paying card cards credit debit cash checks cheque cheques venmo zelle visa mastercard amex'],
      ['accept', 'accept accepted'],
      // "do you sell gift cards?" and "can I buy a gift card?" ask the same
      ['buy', 'sell sells selling sold buying purchase purchasing'],
      [
        'pet',
        'pet pets dog dogs puppy puppies cat cats kitten kittens animal animals beagle labrador poodle terrier retriever bulldog husky chihuahua dachshund',
      ],
      ['criminal', 'criminal crime dui dwi arrest arrested jail felony misdemeanor'],
      ['service', 'handle practice services offer provide'],
      ['haul', 'waste clipping clippings haul remove removal debris'],
      ['see', 'treat treats see sees'],
      ['cost', 'price prices pricing much charge fee fees rate rates'],
      ['walk', 'walkin walkins walk-in walk-ins'],
      ['duration', 'long take takes minutes'],
      ['consult', 'consult consultation consultations'],
      // a diagnostic visit is what a service call is for
      ['callout', 'diagnostic diagnostics diagnosis diagnos diagnose'],
    ] as const
  ).flatMap(([concept, words]) => words.split(' ').map((w) => [w, concept])),
);

/** The folded terms themselves: a concept word ("service", "parking") is kept as it is, never stemmed. */
const CONCEPTS = new Set([...Object.values(FOLD), ...PHRASES.map(([, concept]) => concept)]);

/** Words a caller uses for this kind of business ("is this the plumber?"). */
const INDUSTRY_WORDS: Record<string, string> = {
  plumbing: 'plumber plumbing',
  hvac: 'heating cooling hvac furnace air',
  electrical: 'electrician electric electrical',
  // not "garage": it folds to parking, and "do you have parking?" is not "is this the garage?"
  auto: 'mechanic shop auto repair',
  dental: 'dentist dental office',
  salon: 'salon hair stylist',
  other: '',
};

/** What a question asks that an entry must hold to answer it (a price, the hours, parking…). */
const TOPICS = wordSet('cost open address walk insurance parking warranty payment card cash financing');

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

/** The token of a business's service, added wherever one of its names or synonyms is said. */
const SERVICE_TERM = 'service:';
const isServiceTerm = (t: string) => t.startsWith(SERVICE_TERM);

/**
 * Adds a service's token wherever one of its names or synonyms is said, so "my pool's gone swamp
 * green" and an entry on "algae treatment" meet when the owner listed swamp and algae for one service.
 */
function serviceTerms(services: ServiceInfo[]): (ts: string[]) => string[] {
  const phrases = services.flatMap((s, i) =>
    [s.name, ...(s.synonyms ?? [])]
      .map(terms)
      // a phrase of concept words only ("closing" reads as hours) would tie every such question to the service
      .filter((words) => words.some((w) => !CONCEPTS.has(w)))
      .map((words) => ({ token: `${SERVICE_TERM}${i}`, words })),
  );
  return (ts) => {
    const found = new Set<string>();
    for (const { token, words } of phrases)
      if (!found.has(token) && ts.some((_, k) => words.every((w, j) => ts[k + j] === w))) found.add(token);
    return found.size ? [...ts, ...found] : ts;
  };
}

interface Doc {
  text: string;
  /** Terms of what the entry is about (its question and title), as opposed to what its answer mentions. */
  head: Set<string>;
  /** The same fact in Spanish (derived facts; an owner's entry is said as written). */
  es: string;
  /** An owner's knowledge entry (not a fact derived from the settings). */
  faq: boolean;
  /** The business's address (its town is a place, not a thing the business does). */
  place: boolean;
  tf: Map<string, number>;
  len: number;
}

/** How well one entry fits a question's terms. */
interface Fit {
  matched: number;
  /** Share of the question's terms the entry holds; a term only its answer mentions counts half. */
  coverage: number;
  /** The entry is about a subject the question asks about (its head names it). */
  about: boolean;
  confident: boolean;
}

/**
 * Whether an entry answers a question: it must hold every topic the question asks about, match
 * something beyond a facet ("how much", "open"), and either be about one of the question's subjects
 * (parking, pets, payment…), be about the service the question names and hold what is asked of it
 * (its price, its hours), or cover enough of the question's words.
 */
function judge(q: string[], doc: Doc): Fit {
  const has = (t: string) => doc.tf.has(t);
  // a service token repeats words the caller said; coverage counts the words
  const words = q.filter((t) => !isServiceTerm(t));
  const services = q.filter(isServiceTerm);
  const matchedTerms = words.filter(has);
  const coverage = matchedTerms.reduce((w, t) => w + (doc.head.has(t) ? 1 : 0.5), 0) / Math.max(1, words.length);
  // a question about a topic (price, hours…) is only answered by an entry on that topic
  const topics = words.filter((t) => TOPICS.has(t));
  const topicMissing = topics.some((t) => !has(t));
  // "is there a fee to cancel?" is not answered by the one entry that has a fee in it
  const content = words.filter((t) => !FACETS.has(t));
  const contentHit = !content.length || content.some(has) || services.some(has);
  // an entry about the subject ("Is there parking?"), or whose answer names it beside another match ("criminal")
  const subjects = words.filter((t) => SUBJECTS.has(t));
  const about = subjects.length > 0 && subjects.every(has) && subjects.some((t) => doc.head.has(t));
  const onSubject = about || (subjects.length > 0 && subjects.every(has) && matchedTerms.length > subjects.length);
  // "what would a green pool cost?" and an entry on "algae treatment pricing", both named for one service; or an
  // entry about the price whose answer names the service ("How much per hour?" "Local moves are $149 per hour")
  const onService =
    topics.length > 0 &&
    subjects.every(has) &&
    services.some((t) => doc.head.has(t) || (has(t) && topics.some((topic) => doc.head.has(topic))));
  // one word in common is not enough when the question asks more ("do you repair ovens?", an entry on brands repaired)
  const enough =
    matchedTerms.length >= 2 ? coverage >= 0.34 : coverage >= 0.5 && (content.length <= 1 || words.length === 1);
  return {
    matched: matchedTerms.length,
    coverage,
    about,
    confident: !topicMissing && contentHit && (onSubject || onService || enough),
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

/** Where one question ends and the next begins: a question mark, or ", and would you…" in one breath. */
const QUESTION_BREAK =
  /\?+|[,;]\s*(?=(?:and|also|plus) (?:would|do|does|did|can|could|will|are|is|what|how|where|when|which)\b)/i;
/** How a question opens, after the words a caller leads with ("and", "oh ok", "quick question"). */
const ASKS =
  /^(?:(?:and|also|plus|so|or|oh|ok|okay|um|uh|hi|hey|well|then|quick question)[,.!]? +)*(?:what|when|where|how|why|which|who|whose|do|does|did|is|are|was|can|could|would|will|should|shall|may|any|have|has)\b/;
/** "…? and would you come down to Castle Rock?": the "and" joins two questions, it does not point back. */
const JOINER = /^(?:and|also|plus)\b[,.]? */i;

/**
 * The questions one turn asks, in order. A piece that asks nothing ("my pool's gone green", "I've
 * never been downtown") is read with the question beside it.
 */
export function splitQuestions(question: string): string[] {
  const out: string[] = [];
  let context = '';
  for (const piece of question.split(QUESTION_BREAK).map((p) => p.trim())) {
    if (!piece) continue;
    if (!ASKS.test(normalize(piece))) context = `${context} ${piece}`.trim();
    else {
      out.push(`${context} ${out.length ? piece.replace(JOINER, '') : piece}`.trim());
      context = '';
    }
  }
  if (context && out.length) out[out.length - 1] = `${out[out.length - 1]} ${context}`;
  return out.length ? out : [question];
}

const ORDINALS: Record<Lang, string> = {
  en: 'first second third fourth fifth',
  es: 'primera segunda tercera cuarta quinta',
};

/** "I'm not sure about your second question.": said for the one part of a turn that has no answer. */
function notSureAbout(index: number, lang: Lang): string {
  const nth = ORDINALS[lang].split(' ')[index];
  if (lang === 'es') return `No estoy seguro de su ${nth ?? 'otra'} pregunta.`;
  return `I'm not sure about your ${nth ?? 'other'} question.`;
}

/** The answers to a turn's questions said together, in order, each once; a part without one says so. */
function composeAnswers(answers: Array<KnowledgeAnswer | undefined>, lang: Lang): KnowledgeAnswer {
  const sure = answers.filter((a): a is KnowledgeAnswer => !!a?.confident);
  const texts = answers.map((a, i) => (a?.confident ? a.text : notSureAbout(i, lang)));
  return {
    text: [...new Set(texts)].join(' '),
    score: Math.min(...sure.map((a) => a.score)),
    confident: true,
    source: sure.length === answers.length && sure.every((a) => a.source === 'settings') ? 'settings' : 'knowledge',
  };
}

/** "do you service Kyle?", "do you go to Aurora?": the bare name after serve, cover or come to. */
const BARE_PLACE =
  /\b(?:do|does|can|will|would|could) (?:you|y'all)(?: guys)? (service|serve|cover|go to|come to|travel to|work in|deliver to) ([a-z][a-z .'-]*?)[\s?.!]*$/;
/** What a business is asked to serve or cover that is not a place: "weekends", "emergencies", "my house". */
const NOT_A_NAME =
  /^((my|the|our|your|a|an|this|that|his|her|their|us|me|them|it|any|all|every|some|other|those|these|both|each|new|old|older|used|commercial|residential)\b|emergenc|weekend|holiday|night|evening|morning|(mon|tues|wednes|thurs|fri|satur|sun)day)/;
/** "do you service boats?", "do you work in apartments?": a plural is things, and a town is seldom one. */
const PLURAL = /[^su]s$/;

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
  const matcher = createServiceMatcher(business.services);
  const withServices = serviceTerms(business.services);
  const spanish = sources(business, ES);
  const docs: Doc[] = sources(business, EN).map(({ key, head, text, faq, place }, i) => {
    const ts = withServices(terms(key));
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    const about = new Set(withServices(terms(head ?? key)));
    return { text, es: spanish[i].text, head: about, tf, len: ts.length, faq: !!faq, place: !!place };
  });
  const avg = docs.reduce((s, d) => s + d.len, 0) / Math.max(1, docs.length);
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  // words the business uses for anything but where it goes: a name none of them holds is a place
  const known = new Set(docs.filter((d) => !d.place && !d.head.has('servicearea')).flatMap((d) => [...d.tf.keys()]));
  const namesPlace = (question: string): boolean => {
    const [, , name] = BARE_PLACE.exec(normalize(question)) ?? [];
    if (!name || NOT_A_NAME.test(name) || PLURAL.test(name) || matcher.match(name)) return false;
    const ts = terms(name);
    return ts.length > 0 && ts.length <= 3 && ts.every((t) => !CONCEPTS.has(t) && !known.has(t));
  };
  /** A question's terms, with what the settings see it asking (its topic) and the place it names. */
  const questionTerms = (question: string): string[] => {
    const topic = settingsTopic(question);
    const extra = [...(topic ? [topic] : []), ...(namesPlace(question) ? ['servicearea'] : [])];
    return [...new Set([...withServices(terms(question)), ...extra])];
  };
  const [k1, b] = [1.2, 0.75];
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
      const q = questionTerms(question);
      return docs
        .map((doc) => ({ doc, score: q.reduce((sum, t) => sum + bm25(doc, t), 0) }))
        .filter((x) => x.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, k)
        .map((x) => x.doc.text);
    },
    /**
     * The answer to what the caller asked: from the settings first (hours, address, services,
     * duration, price), else the best entry; `confident` is false when few of the question's words
     * match. Each question of a turn is answered ("do you work on Sub-Zero? and would you come to
     * Castle Rock?"), a part without an answer saying so; a follow-up that points back ("how much
     * does that run?") is read together with the question before it, or the `previous` one.
     */
    answer(
      question: string,
      now: Date = new Date(),
      lang: Lang = 'en',
      previous?: string,
    ): KnowledgeAnswer | undefined {
      const parts = splitQuestions(question);
      if (parts.length < 2) return api.answerFollowUp(question, now, lang, previous);
      const answers = parts.map((p, i) => api.answerFollowUp(p, now, lang, i ? parts[i - 1] : previous));
      // when no part has an answer, the turn as a whole is what the agent is unsure about
      if (!answers.some((a) => a?.confident)) return api.answerFollowUp(question, now, lang, previous);
      return composeAnswers(answers, lang);
    },
    /** One question, read with the `previous` one when it points back to it. */
    answerFollowUp(question: string, now: Date, lang: Lang, previous?: string): KnowledgeAnswer | undefined {
      // "how much does that run?" is first read with the question it points back to
      const ts = terms(question);
      const pointsBack = FOLLOW_UP.test(normalize(question)) || (ts.length > 0 && ts.every((t) => FACETS.has(t)));
      const joined = previous && pointsBack ? api.answerOne(`${previous} ${question}`, now, lang) : undefined;
      return joined?.confident ? joined : api.answerOne(question, now, lang);
    },
    /** The answer to one question on its own. */
    answerOne(question: string, now: Date, lang: Lang): KnowledgeAnswer | undefined {
      const fromSettings = settings.answer(question, now, lang);
      const own = api.rank(question, true);
      // an owner's entry written for exactly this question ("Do you charge for estimates?") beats a derived price,
      // and so does one about what the price is asked of ("just to come look at a washer": the service-call fee)
      const ownFits =
        !!own &&
        own.confident &&
        ((own.coverage >= 0.75 && own.matched >= 2) || (own.about && fromSettings?.topic === 'price'));
      // "do you offer financing on a new furnace?" is about financing: an owner's entry on it wins
      const ownAnswersOffer = fromSettings?.topic === 'offer' && !!own?.confident;
      if (fromSettings && !ownAnswersOffer && !(ownFits && ['price', 'duration'].includes(fromSettings.topic))) {
        return { text: fromSettings.text, score: Number.POSITIVE_INFINITY, confident: true, source: 'settings' };
      }
      if ((ownFits || ownAnswersOffer) && own)
        return { text: own.text, score: own.score, confident: true, source: 'knowledge' };
      const best = api.rank(question, false, lang);
      return best && { text: best.text, score: best.score, confident: best.confident, source: 'knowledge' };
    },
    /** The best-ranked entry for a question, with how much of the question it covers. */
    rank(
      question: string,
      ownEntriesOnly = false,
      lang: Lang = 'en',
    ): (KnowledgeAnswer & { coverage: number; matched: number; about: boolean }) | undefined {
      const q = questionTerms(question);
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
      const { doc, ...found } = best;
      return { ...found, text: lang === 'es' ? doc.es : doc.text, source: 'knowledge' };
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
  place?: boolean;
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
  if (business.address)
    out.push({ key: `address where ${business.address}`, text: L.address(business.address), place: true });
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
