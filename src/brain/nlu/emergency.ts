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
  /** Life-safety rules (gas, carbon monoxide, fire) are never lowered by a business's own keywords. */
  lifeSafety?: boolean;
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
  { label: 'gas smell', re: /\b(smell(s|ing)? (of |like )?gas|gas (smell|leak)|leaking gas|rotten eggs?)\b/, priority: 'URGENT', safety: SAFETY.gas, lifeSafety: true },
  { label: 'carbon monoxide', re: /\b(carbon monoxide|co (alarm|detector)|monoxide)\b/, priority: 'URGENT', safety: SAFETY.co, lifeSafety: true },
  { label: 'fire or smoke', lifeSafety: true, re: /\b(on fire|fire|flames?|smoke coming|smoking|burning smell|smell(s|ing)? (like |something )?burning)\b/, priority: 'URGENT', safety: SAFETY.fire },
];

const BY_INDUSTRY: Record<Industry, Rule[]> = {
  plumbing: [
    { label: 'burst pipe', re: /\b(burst|broken|busted|split|cracked) (a |the |water )?(pipe|main|line)s?\b|\bpipes? (just |has |have |had )?(burst|broke|exploded|split|bursted)\b/, priority: 'URGENT', safety: SAFETY.water },
    { label: 'flooding', re: /\b(flood(ing|ed)?|water (is |was )?(everywhere|all over)|water (is )?pouring|gushing|spraying water|water spraying)\b/, priority: 'URGENT', safety: SAFETY.water },
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

/** The safety line for a business's own keyword, by what it is about. */
function safetyFor(term: string): string | undefined {
  if (/gas|rotten egg/.test(term)) return SAFETY.gas;
  if (/monoxide|\bco\b/.test(term)) return SAFETY.co;
  if (/fire|smoke|burning|flame/.test(term)) return SAFETY.fire;
  if (/spark|wire|shock|outlet|panel|breaker|power line/.test(term)) return SAFETY.electric;
  if (/flood|burst|pipe|water everywhere|sewage|sewer/.test(term)) return SAFETY.water;
  if (/knocked|tooth/.test(term) && /out/.test(term)) return SAFETY.tooth;
  if (/bleed|swell/.test(term)) return SAFETY.bleeding;
  if (/accident|crash/.test(term)) return SAFETY.car;
  return undefined;
}

function detectWith(rules: Rule[], text: string, month: number): (EmergencyHit & { lifeSafety?: boolean }) | undefined {
  let best: (EmergencyHit & { lifeSafety?: boolean }) | undefined;
  for (const r of rules) {
    const m = r.re.exec(text);
    if (!m) continue;
    if (!/^no\b/.test(m[0]) && NEGATION.test(text.slice(0, m.index))) continue;
    const priority = typeof r.priority === 'function' ? r.priority(month) : r.priority;
    if (!best || rank(priority) > rank(best.priority) || (rank(priority) === rank(best.priority) && !best.safety && r.safety)) {
      best = { term: m[0], priority, label: r.label, ...(r.safety ? { safety: r.safety } : {}), ...(r.lifeSafety ? { lifeSafety: true } : {}) };
    }
  }
  return best;
}

/**
 * Prepared emergency detection for one business: the industry vocabulary plus the business's own
 * keywords. A business keyword may raise a priority but never lower the built-in one (no heat in
 * January stays URGENT even if the template says HIGH). Own keywords get the safety line of their topic.
 */
export function createEmergencyDetector(industry: Industry | undefined, extra: Array<string | EmergencyKeyword> = []) {
  const builtIn: Rule[] = [...COMMON, ...(industry ? BY_INDUSTRY[industry] : [])];
  if (industry === 'hvac') builtIn.push(...BY_INDUSTRY.plumbing.filter((r) => r.label === 'flooding'));
  const own: Rule[] = extra.map((k) => {
    const kw = typeof k === 'string' ? { term: k, priority: 'URGENT' as Priority } : k;
    const term = kw.term.toLowerCase();
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const safety = kw.safety ?? safetyFor(term);
    return { label: term, re: new RegExp(`\\b${escaped}\\b`), priority: kw.priority, ...(safety ? { safety } : {}) };
  });
  return {
    /** The emergency said in `text` (lower-cased), or undefined. */
    detect(text: string, month: number): EmergencyHit | undefined {
      const general = detectWith(builtIn, text, month);
      const mine = detectWith(own, text, month);
      if (!mine) return general && strip(general);
      const keepGeneral = !!general && rank(general.priority) > rank(mine.priority);
      const priority = keepGeneral ? general!.priority : mine.priority;
      const safety = mine.safety ?? general?.safety;
      return { term: mine.term, label: keepGeneral ? general!.label : mine.label, priority, ...(safety ? { safety } : {}) };
    },
  };
}

function strip(h: EmergencyHit & { lifeSafety?: boolean }): EmergencyHit {
  const { lifeSafety: _l, ...hit } = h;
  return hit;
}

function rank(p: Priority): number {
  return { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 }[p];
}
