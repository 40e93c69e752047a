/**
 * Issue 10 classes 1, 4/13, 5 and 7 in the generated corpus: services named by any of their phrases
 * (and words that only look like one), emergencies in everyday words and routine requests that must
 * not escalate, questions the settings or the knowledge answer, and messages with a name, a company
 * and a call-back number in words. The answers themselves are scored by bench/brain/understand.
 */
import {
  EMERGENCIES,
  EVERYDAY_WORDS,
  MESSAGE_TEMPLATES,
  COMPANIES,
  ROUTINE,
  UNIVERSAL,
} from '../../understand/corpus.js';
import { callNow, local, withArticle } from '../common.js';
import { noisy, personName, phoneNumber } from '../speech.js';
import type { Generator, TurnCase } from '../types.js';

const CARRIERS = [
  (p: string) => `I need ${p}`,
  (p: string) => `hi, I'd like to book ${p}`,
  (p: string) => `can I get ${p} please`,
  (p: string) => `I was hoping to schedule ${p}`,
  (p: string) => `I'm calling about ${p}`,
];

const QUESTIONS = [
  'what time do you close on thursday',
  'are you open on saturday',
  'are you open right now',
  'how late are you open today',
  "what's your address",
  'where is your office',
  'what services do you offer',
  'what kind of work do you do',
  'where can I park',
  'do you take insurance',
  'are you open on christmas',
];

const tokens = (p: string) =>
  p
    .toLowerCase()
    .replace(/\b([a-z])\/([a-z])\b/g, '$1$2')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.replace(/s$/, ''));

const gen: Generator = {
  name: 'understand',
  turns(rng, biz) {
    const out: TurnCase[] = [];
    const b = biz.profile;
    const owners = new Map<string, Set<string>>();
    for (const s of b.services)
      for (const p of [s.name, ...(s.synonyms ?? [])])
        owners.set(p.toLowerCase(), (owners.get(p.toLowerCase()) ?? new Set()).add(s.name));
    const at = () => local(callNow(rng, biz));
    // the service a listener hears in an emergency: the longest of the business's phrases said word for word
    const phrases = b.services
      .flatMap((s) => [s.name, ...(s.synonyms ?? [])].map((p) => [s.name, p.toLowerCase()] as const))
      .sort((x, y) => y[1].length - x[1].length);
    const literal = (text: string) =>
      phrases.find(([, p]) =>
        new RegExp(`\\b${p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}s?\\b`).test(text.toLowerCase()),
      )?.[0];
    // c1: every phrase of every service, in a sentence; a phrase two services share names neither
    for (const s of b.services) {
      // phrases that are themselves a problem ("no heat") are emergencies in winter, not plain requests
      for (const p of [s.name, ...(s.synonyms ?? [])].filter(
        (x) => !/^no |\b(out|not working|leaking|broken)\b/i.test(x),
      )) {
        const shared = owners.get(p.toLowerCase())!.size > 1;
        const text = noisy(rng, rng.pick(CARRIERS)(withArticle(rng, p.toLowerCase())));
        out.push({
          cls: 'c1',
          business: biz,
          now: at(),
          expecting: 'intent',
          text,
          intent: 'book',
          slots: shared ? {} : { service: s.name },
        });
      }
    }
    // c1: words that hold a service word inside them never name it
    const words = new Set(b.services.flatMap((s) => [s.name, ...(s.synonyms ?? [])].flatMap(tokens)));
    for (const w of EVERYDAY_WORDS.filter(
      (x) => !/parking/.test(x) && !x.split(' ').some((t) => words.has(t.replace(/s$/, ''))),
    )) {
      out.push({
        cls: 'c1',
        business: biz,
        now: at(),
        expecting: 'service',
        text: noisy(rng, `it's about the ${w}`),
        intent: 'unknown',
        slots: {},
      });
    }
    // c5: emergencies of the industry (season-free ones: the corpus calls in winter) and the universal core
    const industry = b.industry && b.industry !== 'other' ? b.industry : undefined;
    const own = (industry ? EMERGENCIES[industry] : []).filter(([, , season]) => season !== 'summer').map(([t]) => t);
    for (const text of [...own, ...UNIVERSAL]) {
      const said = literal(text);
      out.push({
        cls: 'c5',
        business: biz,
        now: at(),
        expecting: 'intent',
        text: noisy(rng, text, { slips: 0 }),
        intent: 'emergency',
        slots: said ? { service: said } : {},
      });
    }
    // c5: a plainly routine request never escalates
    for (const r of ROUTINE.slice(0, 6)) {
      const s = rng.pick(b.services);
      out.push({
        cls: 'c5',
        business: biz,
        now: at(),
        expecting: 'intent',
        text: noisy(rng, `I'd like to book ${withArticle(rng, s.name.toLowerCase())}, ${r}`),
        intent: 'book',
        slots: { service: s.name },
      });
    }
    // c4 / c13: questions
    for (const q of QUESTIONS)
      out.push({
        cls: 'c4',
        business: biz,
        now: at(),
        expecting: 'intent',
        text: noisy(rng, q),
        intent: 'question',
        slots: {},
      });
    // c7: messages with a name, a company and a call-back number said in words or digits
    for (let i = 0; i < 12; i++) {
      const name = personName(rng);
      const company = rng.pick(COMPANIES);
      const phone = phoneNumber(rng, biz.area);
      const text = rng.pick(MESSAGE_TEMPLATES.filter((_, k) => k !== 4 && k !== 5))(name, company, phone.said);
      out.push({
        cls: 'c7',
        business: biz,
        now: at(),
        expecting: 'intent',
        text: noisy(rng, text, { slips: 0 }),
        intent: 'message',
        slots: { name, phone: phone.e164 },
      });
    }
    return out;
  },
};
export default gen;
