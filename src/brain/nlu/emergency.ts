/** Emergency vocabulary per industry, with priority and the safety instruction to say first. */
import type { EmergencyKeyword, Industry, Priority } from '../types.js';

/** A detected emergency. */
export interface EmergencyHit {
  term: string;
  priority: Priority;
  safety?: string;
  /** A short label for summaries ("gas smell"). */
  label: string;
}

interface Rule {
  label: string;
  re: RegExp;
  priority: Priority | ((month: number) => Priority);
  safety?: string;
}

const SAFETY = {
  gas: 'Please leave the building right now, don\'t switch anything on or off, and call the gas utility or 911 from outside.',
  co: 'Please get everyone out into fresh air right away and call 911.',
  fire: 'If there is smoke or fire, get everyone out and call 911 first.',
  electric: 'Please stay away from it and, only if it is safe, switch off the breaker.',
  water: 'If you can, turn off the main water shut-off valve.',
  bleeding: 'If the bleeding is heavy or you have trouble breathing, call 911 now.',
  tooth: 'Keep the tooth moist, in milk if you can, and don\'t scrub it.',
  car: 'If anyone is hurt or you are in traffic, call 911 first and get to a safe place.',
};

const winterUrgent = (month: number): Priority => (month >= 11 || month <= 3 ? 'URGENT' : 'HIGH');
const summerHigh = (month: number): Priority => (month >= 6 && month <= 8 ? 'HIGH' : 'NORMAL');

const COMMON: Rule[] = [
  { label: 'gas smell', re: /\b(smell(s|ing)? (of |like )?gas|gas (smell|leak)|leaking gas|rotten eggs?)\b/, priority: 'URGENT', safety: SAFETY.gas },
  { label: 'carbon monoxide', re: /\b(carbon monoxide|co (alarm|detector)|monoxide)\b/, priority: 'URGENT', safety: SAFETY.co },
  { label: 'fire or smoke', re: /\b(on fire|fire|flames?|smoke coming|smoking|burning smell|smell(s|ing)? (like |something )?burning)\b/, priority: 'URGENT', safety: SAFETY.fire },
];

const BY_INDUSTRY: Record<Industry, Rule[]> = {
  plumbing: [
    { label: 'burst pipe', re: /\b(burst|broken|busted|split) (water )?(pipe|main|line)s?\b|\bpipes? (burst|broke|exploded)\b/, priority: 'URGENT', safety: SAFETY.water },
    { label: 'flooding', re: /\b(flood(ing|ed)?|water everywhere|water pouring|gushing)\b/, priority: 'URGENT', safety: SAFETY.water },
    { label: 'sewage backup', re: /\b(sewage|sewer) (back(ing)? ?up|coming up|overflow)|\bsewage\b/, priority: 'URGENT' },
    { label: 'no water', re: /\bno (running )?water\b/, priority: 'HIGH' },
    { label: 'overflowing toilet', re: /\b(toilet|sink|tub) (is )?overflow(ing)?\b|\boverflowing (toilet|sink|tub)\b/, priority: 'HIGH', safety: SAFETY.water },
    { label: 'water heater leak', re: /\bwater heater (is )?(leak(ing)?|burst)\b/, priority: 'HIGH', safety: SAFETY.water },
    { label: 'leak', re: /\b(leak(ing|s)?|dripping)\b/, priority: 'NORMAL' },
  ],
  hvac: [
    { label: 'no heat', re: /\b(no heat|heat(ing)? (is )?(not working|out|broken|stopped|died)|furnace (is )?(not working|out|broken|stopped|died|quit)|freezing in here|house is freezing)\b/, priority: winterUrgent },
    { label: 'no air conditioning', re: /\b(no (ac|a c|air|air conditioning|cooling)|(ac|a c|air conditioning|air conditioner) (is )?(not working|out|broken|stopped|died))\b/, priority: summerHigh },
    { label: 'furnace smoking', re: /\bfurnace (is )?(smoking|on fire|burning)\b/, priority: 'URGENT', safety: SAFETY.fire },
  ],
  electrical: [
    { label: 'sparking', re: /\b(spark(s|ing|ed)?|arcing)\b/, priority: 'URGENT', safety: SAFETY.electric },
    { label: 'exposed wires', re: /\b(exposed|live|hanging|bare) wires?\b/, priority: 'URGENT', safety: SAFETY.electric },
    { label: 'electric shock', re: /\b(got|getting|get) (a )?shock(ed)?\b|\belectrocuted\b/, priority: 'URGENT', safety: SAFETY.electric },
    { label: 'hot outlet', re: /\b(outlet|panel|switch|breaker) (is )?(hot|melting|buzzing)\b|\bmelted (outlet|plug)\b/, priority: 'URGENT', safety: SAFETY.electric },
    { label: 'power out', re: /\b(no power|power (is )?out|lost power|power outage|half the house (has no|without) power)\b/, priority: 'HIGH' },
  ],
  auto: [
    { label: 'accident', re: /\b(accident|crash(ed)?|collision)\b/, priority: 'URGENT', safety: SAFETY.car },
    { label: 'brake failure', re: /\bbrakes? (failed|gone|not working|went out|don't work|do not work)\b|\bno brakes\b/, priority: 'URGENT', safety: SAFETY.car },
    { label: 'stranded', re: /\b(stranded|broke down|broken down|won't start|stuck on the (road|highway)|need a tow|tow truck)\b/, priority: 'HIGH' },
    { label: 'overheating', re: /\b(overheat(ing|ed)?|steam (from|coming))\b/, priority: 'HIGH' },
  ],
  dental: [
    { label: 'knocked-out tooth', re: /\b(knocked out|fell out|lost) (a |my )?(tooth|teeth|crown)\b|\btooth (got )?knocked out\b/, priority: 'URGENT', safety: SAFETY.tooth },
    { label: 'bleeding', re: /\b(bleeding (won't|will not|doesn't|does not) stop|heavy bleeding|bleeding a lot)\b/, priority: 'URGENT', safety: SAFETY.bleeding },
    { label: 'swelling', re: /\b(swollen|swelling) (face|jaw|cheek)|\b(face|jaw|cheek) (is )?(swollen|swelling)\b/, priority: 'HIGH', safety: SAFETY.bleeding },
    { label: 'severe tooth pain', re: /\b(severe|terrible|unbearable|excruciating|really bad|killing me|throbbing) (tooth ?ache|tooth pain|pain)\b|\btooth(ache)? (is )?killing me\b|\b(tooth ?ache|tooth pain) (is )?(severe|unbearable|terrible)\b/, priority: 'HIGH' },
    { label: 'broken tooth', re: /\b(broke|broken|cracked|chipped) (a |my )?(tooth|teeth)\b/, priority: 'HIGH' },
  ],
  salon: [
    { label: 'chemical burn', re: /\b(chemical burn|scalp (is )?burning|allergic reaction)\b/, priority: 'HIGH' },
  ],
  other: [],
};

const NEGATION = /\b(no|not|don't|doesn't|isn't|wasn't|never|without|any)\s+(\w+\s+){0,2}$/;

/** Prepared emergency detection for one business: industry vocabulary plus its own keywords. */
export function createEmergencyDetector(industry: Industry | undefined, extra: Array<string | EmergencyKeyword> = []) {
  const rules: Rule[] = [...COMMON, ...(industry ? BY_INDUSTRY[industry] : [])];
  if (industry === 'hvac') rules.push(...BY_INDUSTRY.plumbing.filter((r) => r.label === 'flooding'));
  for (const k of extra) {
    const kw = typeof k === 'string' ? { term: k, priority: 'URGENT' as Priority } : k;
    const escaped = kw.term.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    rules.unshift({ label: kw.term.toLowerCase(), re: new RegExp(`\\b${escaped}\\b`), priority: kw.priority, safety: kw.safety });
  }
  return {
    /** The most severe emergency said in `text` (lower-cased), or undefined. */
    detect(text: string, month: number): EmergencyHit | undefined {
      let best: EmergencyHit | undefined;
      for (const r of rules) {
        const m = r.re.exec(text);
        if (!m) continue;
        if (!/^no\b/.test(m[0]) && NEGATION.test(text.slice(0, m.index))) continue;
        const priority = typeof r.priority === 'function' ? r.priority(month) : r.priority;
        if (!best || rank(priority) > rank(best.priority)) {
          best = { term: m[0], priority, label: r.label, ...(r.safety ? { safety: r.safety } : {}) };
        }
      }
      return best;
    },
  };
}

function rank(p: Priority): number {
  return { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 }[p];
}
