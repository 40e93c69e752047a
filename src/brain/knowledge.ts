/**
 * Answers from the business's knowledge base and configuration, ranked offline with BM25.
 * When no entry matches well enough the answer is marked unsure, so the agent says so instead of
 * inventing a fact.
 */
import { oncePer } from '../lib/index.js';
import type { BusinessProfile, ServiceInfo } from './types.js';
import { EN, ES, type Lang, type Lines } from './lines/index.js';
import { createServiceMatcher, normalize } from './nlu/index.js';
import { countryOf, createSettingsAnswers, DAY_BACK, sayPrice, settingsTopic } from './settings-answers.js';
import {
  BUSINESS_TERMS,
  CONCEPTS,
  FACETS,
  FOLLOW_UP,
  INDUSTRY_WORDS,
  JOINER,
  kindsOf,
  otherKind,
  QUESTION_BREAK,
  questionAt,
  SUBJECTS,
  terms,
  TOPICS,
  WHEN_WORDS,
} from './knowledge-concepts.js';

export { asksServiceArea, terms } from './knowledge-concepts.js';

/** The price or the length of "it" or "that" ("how much is it?", "how long does that take?"): of the service talked about. */
export const OF_IT =
  /\bhow much (?:is|does|would|will|to|for) (?:that|it|this|fix (?:it|that)|do (?:it|that))\b|\bwhat(?:'s| is| does| would) (?:that|it|this) (?:run|cost|come to|set me back)\b|\bhow much (?:would|will|does) (?:that|it) (?:be|cost|run)\b|\bhow long (?:does|will|would|is|do) (?:it|that|this|they)\b/i;

/** An owner's entry whose question names a thing the caller told of ("decks" of "Do you build decks?"). */
export const aboutTold = (own: { inHead: string[] } | undefined) =>
  !!own && own.inHead.some((t) => !FACETS.has(t) && !isServiceTerm(t));

/** A question whose object is what was told before it: "get them done", "fix it", "do that". */
const POINTS_BACK = /\b(?:them|it|that|those|these)\b/;

/**
 * The question of "it" asked of the service meant: "how much is it (full groom)?"; as it was when none asks of it,
 * or when the turn tells what "it" is ("one of the keys has started sticking, the middle C… how much to fix that?").
 */
export const aboutIt = (question: string, service: string) =>
  OF_IT.test(question) && !toldBefore(question)
    ? question.replace(OF_IT, (m) => `${m} (${service.toLowerCase()})`)
    : question;

/** Whether the sentences before the one asking of "it" tell what it is (four words or more of substance). */
function toldBefore(question: string): boolean {
  const sentences = question.split(/(?<=[.!?])\s+/);
  const at = sentences.findIndex((s) => OF_IT.test(s));
  const story = sentences.slice(0, Math.max(0, at)).join(' ');
  return terms(story).filter((t) => !FACETS.has(t)).length >= 4;
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
  /** The kinds of animal or thing it names ("animal:dog"): a question about another kind is not its. */
  kinds: Set<string>;
  tf: Map<string, number>;
  len: number;
}

/** How well one entry fits a question's terms. */
interface Fit {
  /** The question's terms the entry holds, and those of them its head (what it is about) holds. */
  terms: string[];
  inHead: string[];
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
function judge(q: string[], doc: Doc, kinds: Set<string>, told = false): Fit {
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
  // "she had a hip replacement, the hospital said she needs physio, is that something you do?": what was told is
  // long, and three of its words in one entry ("after hip and knee replacements…") are what it asks about
  const toldOf = told && new Set(matchedTerms.filter((t) => !FACETS.has(t))).size >= 3;
  const enough =
    toldOf ||
    (matchedTerms.length >= 2 ? coverage >= 0.34 : coverage >= 0.5 && (content.length <= 1 || words.length === 1));
  return {
    terms: [...matchedTerms, ...services.filter(has)],
    inHead: q.filter((t) => doc.head.has(t)),
    matched: matchedTerms.length,
    coverage,
    about,
    // "do you take cats?" is not answered by an entry about a dog's food
    confident: !topicMissing && contentHit && !otherKind(kinds, doc.kinds) && (onSubject || onService || enough),
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

/** An entry ranked for a question, with how well it fits. */
type Ranked = KnowledgeAnswer & Omit<Fit, 'confident'>;

/** An entry written for exactly this question: it covers nearly all of it, in more than one word. */
const writtenFor = (a: Ranked) => a.confident && a.coverage >= 0.75 && a.matched >= 2;

/** One question of a turn: as asked, and with the statements said around it ("lost the only key to my ute"). */
interface Asked {
  ask: string;
  full: string;
  /** The last thing said before a question that names nothing of its own ("…some vets come to your house? Do you do that?"). */
  near?: string;
  /** The other half of an either-or question ("do you come to the house, or do I bring him in?"). */
  or?: boolean;
}

/** A question said by its subject alone after another: "and a half head?", "what about the 90 minute one?". */
const ELLIPTICAL = /^(?:and|or|what about|how about|plus|also)\b/i;

/**
 * The questions one turn asks, in order. A piece that asks nothing ("my pool's gone green", "I've
 * never been downtown"), or the statement before a question in one piece ("I've never been to a
 * chiropractor before do I need a referral"), is read with the question beside it.
 */
function askedQuestions(question: string): Asked[] {
  const out: Asked[] = [];
  let context = '';
  let cursor = 0;
  for (const raw of question.split(QUESTION_BREAK)) {
    const piece = raw.trim();
    if (!piece) continue;
    // a piece closed by "?" asks, question word or not ("How much are full head foils? And a half head?")
    const at0 = question.indexOf(piece, cursor);
    cursor = at0 < 0 ? cursor : at0 + piece.length;
    const closedByMark = at0 >= 0 && /^\s*\?/.test(question.slice(cursor));
    // "could you tell me" and "do you know" ask nothing the knowledge could answer
    const asks = questionAt(piece);
    const found = terms(piece).length ? asks : -1;
    // "…some vets come to your house? Do you do that?": a question of nothing but what was said before it
    const ofWhatWasSaid = found < 0 && asks === 0 && closedByMark && !!context && FOLLOW_UP.test(normalize(piece));
    // "And a half head?" after a question: the same question of another thing
    const at = (found < 0 && closedByMark && out.length && ELLIPTICAL.test(piece)) || ofWhatWasSaid ? 0 : found;
    if (at < 0) context = `${context} ${piece}`.trim();
    else {
      context = `${context} ${piece.slice(0, at).trim()}`.trim();
      const asked = piece.slice(at).trim();
      const ask = out.length || at > 0 ? asked.replace(JOINER, '') : asked;
      const or = out.length > 0 && /^or\b/i.test(asked);
      const last = context.split(/[.!?;]\s+/).at(-1);
      const near = !terms(ask).length && last && last !== context ? `${last} ${ask}` : undefined;
      out.push({ ask, full: `${context} ${ask}`.trim(), ...(or ? { or } : {}), ...(near ? { near } : {}) });
      context = '';
    }
  }
  const last = out.at(-1);
  if (context && last) last.full = `${last.full} ${context}`;
  return out.length ? out : [{ ask: question, full: question }];
}

/** The questions one turn asks, each with the statements said beside it. */
export function splitQuestions(question: string): string[] {
  return askedQuestions(question).map((a) => a.full);
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
  // "do you do EV chargers? what would one cost?": the price of what was already priced is not said again
  const said = (t: string, i: number) => {
    const price = /[$£€₹¥R] ?\d[\d,.]*/.exec(t)?.[0];
    const words = t.toLowerCase().match(/[a-z]{4,}/g) ?? [];
    return (
      !!price &&
      texts.slice(0, i).some((x) => x !== t && x.includes(price) && words.every((w) => x.toLowerCase().includes(w)))
    );
  };
  return {
    text: [...new Set(texts.filter((t, i) => !said(t, i)))].join(' '),
    score: Math.min(...sure.map((a) => a.score)),
    confident: true,
    source: sure.length === answers.length && sure.every((a) => a.source === 'settings') ? 'settings' : 'knowledge',
  };
}

/**
 * What "do you offer X?" asks for: the words after the verb up to "for", "on", "with"… ("payment
 * plans" in "do you offer payment plans for a new roof?").
 */
const OFFER_OBJECT =
  /\b(?:do|can|could|would|will) (?:you|y'all)(?: guys)?(?: also| even| still)? (?:do|offer|handle|provide|work on|fix|service|take care of|deal with)\b(.*?)(?=\b(?:for|on|to|at|with|in|into|because|since|so|when|if|but)\b|[,.?!;]|$)/;
/** The service matcher scores a match through one distinctive word of a service's name below this (nlu/services.ts). */
const ONE_WORD_OF_A_NAME = 3;

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
  const spanish = sources(business, ES, 'es');
  const docs: Doc[] = sources(business, EN, 'en').map(({ key, head, text, faq, place }, i) => {
    const ts = withServices(terms(key));
    const tf = new Map<string, number>();
    for (const t of ts) tf.set(t, (tf.get(t) ?? 0) + 1);
    const about = new Set(withServices(terms(head ?? key)));
    const kinds = kindsOf(key);
    return { text, es: spanish[i].text, head: about, tf, len: ts.length, faq: !!faq, place: !!place, kinds };
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
  /**
   * Whether a settings answer about a service (its price, its length, "yes, we do it") answers the
   * question: not when it asks about the business's terms for it ("financing for a new roof"), about
   * another kind than the service names (a cat at a "Dog grooming"), or when "do you offer X?"
   * names the service only by one word outside X ("payment plans for a new roof").
   */
  const answersAsked = (question: string, topic: string): boolean => {
    const found = ['price', 'duration', 'offer'].includes(topic) ? matcher.match(normalize(question)) : undefined;
    if (!found) return true;
    const named = [found.service.name, ...(found.service.synonyms ?? [])].join(' ');
    const own = new Set(terms(named));
    if (terms(question).some((t) => BUSINESS_TERMS.has(t) && !own.has(t))) return false;
    if (otherKind(kindsOf(question), kindsOf(named))) return false;
    if (topic !== 'offer' || found.score >= ONE_WORD_OF_A_NAME) return true;
    const [, object] = OFFER_OBJECT.exec(normalize(question)) ?? [];
    return object === undefined || !!matcher.match(object);
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
      const parts = askedQuestions(question);
      if (parts.length < 2) return api.answerFollowUp({ ...parts[0], full: question }, now, lang, previous);
      const answers = parts.map((p, i) => api.answerFollowUp(p, now, lang, i ? parts[i - 1].full : previous));
      // when no part has an answer, the turn as a whole is what the agent is unsure about
      if (!answers.some((a) => a?.confident))
        return api.answerFollowUp({ ask: question, full: question }, now, lang, previous);
      // an either-or question is answered by either half: the half without an answer is no question of its own
      const sure = (i: number) => !!answers[i]?.confident;
      const eitherOr = (i: number) => (parts[i].or && sure(i - 1)) || (!!parts[i + 1]?.or && sure(i + 1));
      return composeAnswers(
        answers.filter((_, i) => sure(i) || !eitherOr(i)),
        lang,
      );
    },
    /** One question, read with the `previous` one when it points back to it. */
    answerFollowUp(asked: Asked, now: Date, lang: Lang, previous?: string): KnowledgeAnswer | undefined {
      // "how much does that run?" is first read with the question it points back to
      const question = asked.full;
      const ts = terms(question);
      const onlyFacets = ts.length > 0 && ts.every((t) => FACETS.has(t));
      const pointsBack = FOLLOW_UP.test(normalize(asked.ask)) || onlyFacets;
      if (!previous || !pointsBack) return api.answerOne(asked, now, lang, previous);
      // "what's the latest you can do that day?" asks of the day said before: read with it first
      if (DAY_BACK.test(normalize(asked.ask))) {
        const joined = api.answerOne({ ask: `${previous} ${question}` }, now, lang);
        if (joined?.confident) return joined;
      }
      // "can I claim it on my private health?" after "how long is a follow-up?" names its own subject: its own
      // answer wins over the previous question's; "how much does that run?" names none and is read with it
      const alone = onlyFacets ? undefined : api.answerOne(asked, now, lang, previous);
      if (alone?.confident) return alone;
      const joined = api.answerOne({ ask: `${previous} ${question}` }, now, lang);
      if (joined?.confident) return joined;
      // "the survey says it needs a full rewire… roughly how much would that cost?": the owner's entry on what was told,
      // when it answers what is asked (a price) of a thing said before (the rewire)
      if (onlyFacets) {
        const own = api.rank(`${previous} ${question}`, true, lang);
        const asks = ts.filter((t) => FACETS.has(t));
        // (what was told is what the entry is about: a word of its question, not any word of its answer)
        if (own && asks.every((t) => own.terms.includes(t)) && aboutTold(own))
          return { text: own.text, score: own.score, confident: true, source: 'knowledge' };
      }
      // a long story before the question ("my cat hates the carrier… some vets come to your house? Do you do
      // that?"): what it pointed back to is the question last asked in it
      const before = askedQuestions(previous).at(-1);
      const focus = before?.near ?? before?.ask;
      const focused =
        focus && focus !== previous ? api.answerOne({ ask: `${focus} ${question}` }, now, lang) : undefined;
      return focused?.confident ? focused : (alone ?? api.answerOne(asked, now, lang, previous));
    },
    /**
     * The answer to one question on its own, read with what the caller said around it (`full`) and,
     * when that leaves it unsure, as asked (`ask`): "do you do car keys? lost the only key to my ute".
     */
    answerOne(
      { ask, full = ask, near }: { ask: string; full?: string; near?: string },
      now: Date,
      lang: Lang,
      previous?: string,
    ): KnowledgeAnswer | undefined {
      const said = api.settingsAnswer({ ask, full }, now, lang, previous);
      const fromSettings = said && answersAsked(full, said.topic) ? said : undefined;
      // "is that something you do?" asks about what was said before it and nothing of its own
      const told = ask !== full && !terms(ask).length;
      // …and so, of the owner's entries, does "how much to get them done at my place?" after "my front brakes are
      // grinding… needs pads and rotors"
      const toldBack = told || (ask !== full && POINTS_BACK.test(normalize(ask)));
      const own = api.ownEntry(full, ask, toldBack);
      // an owner's entry written for exactly this question ("Do you charge for estimates?") beats a derived price,
      // and so does one about what the price is asked of ("just to come look at a washer": the service-call fee)
      const ownFits = !!own && (writtenFor(own) || (own.confident && own.about && fromSettings?.topic === 'price'));
      // "do you offer financing on a new furnace?" is about financing: an owner's entry on it wins
      const ownAnswersOffer = fromSettings?.topic === 'offer' && !!own?.confident;
      const ownAnswersHours = fromSettings?.topic === 'hours' && !!own && api.ownBeatsHours(own, ask);
      if (
        fromSettings &&
        !ownAnswersOffer &&
        !ownAnswersHours &&
        !(ownFits && ['price', 'duration'].includes(fromSettings.topic))
      ) {
        return { text: fromSettings.text, score: Number.POSITIVE_INFINITY, confident: true, source: 'settings' };
      }
      if ((ownFits || ownAnswersOffer || ownAnswersHours) && own)
        return { text: own.text, score: own.score, confident: true, source: 'knowledge' };
      const whole = api.rank(full, false, lang, told);
      // "…some vets come to your house? Do you do that?": what was said last is what it asks about
      const nearest = !whole?.confident && near ? api.rank(near, false, lang, told) : undefined;
      if (nearest?.confident) return { text: nearest.text, score: nearest.score, confident: true, source: 'knowledge' };
      if (!whole?.confident && toldBack && !told && own?.confident)
        return { text: own.text, score: own.score, confident: true, source: 'knowledge' };
      // "…a new hardwood deck out the back, five by four metres. What would that run us?": nothing but a price asked,
      // of the thing told, which the owner's entry is about ("Do you build decks?")
      if (!whole?.confident && ask !== full && terms(ask).every((t) => FACETS.has(t)) && aboutTold(own))
        return { text: own!.text, score: own!.score, confident: true, source: 'knowledge' };
      const best = whole?.confident || ask === full ? whole : (api.rank(ask, false, lang) ?? whole);
      return best && { text: best.text, score: best.score, confident: best.confident, source: 'knowledge' };
    },
    /**
     * The settings' answer to one question: read with what was said around it, except that a day the
     * question itself names decides the hours ("are you open on the bank holiday Monday? … if not,
     * Tuesday at 10"); what was said before (`previous`, the statements) tells the latest start of what.
     */
    settingsAnswer({ ask, full }: Asked, now: Date, lang: Lang, previous?: string) {
      const context = [previous, full === ask ? '' : full].filter(Boolean).join(' ') || undefined;
      const own = ask !== full ? settings.answer(ask, now, lang, context) : undefined;
      if (own?.topic === 'hours' && settings.namesDay(ask, now)) return own;
      return settings.answer(full, now, lang, context);
    },
    /** The owner's entry that best answers a question: read with its context, or as asked when that fits better. */
    ownEntry(full: string, ask: string, told = false): Ranked | undefined {
      const whole = api.rank(full, true, 'en', told);
      if (ask === full || (whole && writtenFor(whole))) return whole;
      const asked = api.rank(ask, true);
      return asked && (writtenFor(asked) || (asked.confident && !whole?.confident)) ? asked : whole;
    },
    /**
     * An owner's entry on the hours beats the configured hours when it holds the day asked about and is
     * about that day ("Are you open at Christmas?"), was written for this question ("Are you open 24
     * hours?"), or answers what else it asks ("is my dog fed while you're closed over Christmas?");
     * "are you open Saturday?" and "are you open today?" keep the configured hours and holidays.
     */
    ownBeatsHours(own: Ranked, ask: string): boolean {
      const asked = questionTerms(ask);
      const days = asked.filter((t) => WHEN_WORDS.has(t));
      const holds = (t: string) => own.terms.includes(t);
      const aboutDay = days.some((t) => own.inHead.includes(t));
      const beyond = asked.some((t) => holds(t) && !FACETS.has(t) && !WHEN_WORDS.has(t) && !isServiceTerm(t));
      return own.confident && days.every(holds) && (aboutDay || writtenFor(own) || beyond);
    },
    /** The best-ranked entry for a question, with how much of the question it covers. */
    rank(question: string, ownEntriesOnly = false, lang: Lang = 'en', told = false): Ranked | undefined {
      const q = questionTerms(question);
      if (!q.length || !docs.length) return undefined;
      const kinds = kindsOf(question);
      let best: (Fit & { doc: Doc; score: number }) | undefined;
      for (const doc of docs) {
        if (ownEntriesOnly && !doc.faq) continue;
        const score = q.reduce((sum, t) => sum + bm25(doc, t), 0);
        if (!score) continue;
        const fit = { doc, score, ...judge(q, doc, kinds, told) };
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

function sources(business: BusinessProfile, L: Lines, lang: Lang): Source[] {
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
    const price = s.priceCents !== undefined ? sayPrice(s.priceCents, countryOf(business), lang) : undefined;
    out.push({
      key: `${s.name} ${(s.synonyms ?? []).join(' ')} ${price ? 'cost' : ''} duration`,
      text: L.serviceFacts(s.name.toLowerCase(), s.durationMin, price),
    });
  }
  return out;
}
