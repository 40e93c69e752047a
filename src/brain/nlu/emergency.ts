/**
 * Emergencies heard in a turn: the universal core (gas, carbon monoxide, fire, someone trapped or
 * injured, a child or an animal in a hot car, a downed power line, toxic fumes, a severe allergic
 * reaction, a tree through a house or a ceiling giving way; a body or a mind in danger: chest pain, a
 * stroke, breathing trouble, fainting, heavy bleeding, an overdose, suicidal thoughts, sight suddenly
 * lost, and HIGH, new flashes or floaters; and, urgent without danger, a home that
 * cannot be closed or a caller asking for someone after hours), the industry's lexicon, and the
 * business's own keywords, which may raise a priority but never lower one. Negation-aware ("no gas
 * smell", "nothing's flooding"), and a caller who says plainly it can wait ("routine, nothing
 * urgent") is not escalated unless a life is at risk.
 */
import type { EmergencyKeyword, Industry, Priority } from '../types.js';
import { escapeRegExp } from './text.js';
import { denied, ONGOING, PAST, RESOLVED, ROUTINE, saidPlainly, UNIVERSAL } from './emergency-lexicon.js';
import { SAFETY, type Rule } from './emergency-safety.js';
import { BY_INDUSTRY } from './emergency-industries.js';

/** A detected emergency. */
export interface EmergencyHit {
  term: string;
  priority: Priority;
  safety?: string;
  /** A short label for summaries ("gas smell"). */
  label: string;
}

type Hit = EmergencyHit & { lifeSafety?: boolean };

/** The safety line for a business's own keyword, by what it is about. */
function safetyFor(term: string): string | undefined {
  if (/gas|rotten egg/.test(term)) return SAFETY.gas;
  if (/monoxide|\bco\b/.test(term)) return SAFETY.co;
  if (/fire|smoke|burning|flame/.test(term)) return SAFETY.fire;
  if (/fumes|toxic|chlorine|ammonia|chemical (leak|spill|gas)/.test(term)) return SAFETY.co;
  if (/tree|limb|branch|ceiling|collaps/.test(term)) return SAFETY.structure;
  if (/spark|wire|shock|outlet|panel|breaker|power line/.test(term)) return SAFETY.electric;
  if (/flood|burst|pipe|water everywhere|sewage|sewer/.test(term)) return SAFETY.water;
  if (/knocked|tooth/.test(term) && /out/.test(term)) return SAFETY.tooth;
  if (/bleed|swell/.test(term)) return SAFETY.bleeding;
  if (/accident|crash/.test(term)) return SAFETY.car;
  return undefined;
}

function detectWith(rules: Rule[], text: string, month: number): Hit | undefined {
  let best: Hit | undefined;
  const routine = ROUTINE.test(text);
  const over = isOver(text);
  for (const r of rules) {
    if (over && (r.lifeSafety ? r.quietWhenOver : !r.heardWhenOver)) continue;
    if (r.when && ![r.when].flat().every((re) => saidPlainly(re, text))) continue;
    if (r.unless?.test(text)) continue;
    for (const m of text.matchAll(new RegExp(r.re.source, 'g'))) {
      if (denied(text, m)) continue;
      if (routine && !r.lifeSafety) continue;
      const priority = typeof r.priority === 'function' ? r.priority({ month, text }) : r.priority;
      const safety = typeof r.safety === 'function' ? r.safety({ month, text }) : r.safety;
      if (
        !best ||
        priorityRank(priority) > priorityRank(best.priority) ||
        (priorityRank(priority) === priorityRank(best.priority) && !best.safety && safety)
      ) {
        best = {
          term: m[0],
          priority,
          label: r.label,
          ...(safety ? { safety } : {}),
          ...(r.lifeSafety ? { lifeSafety: true } : {}),
        };
      }
      break;
    }
  }
  return best;
}

/** The caller says the trouble is over: dried out or fixed, or in the past with nothing said of now. */
function isOver(text: string): boolean {
  return RESOLVED.test(text) || (PAST.test(text) && !ONGOING.test(text.replace(RESOLVED, '')));
}

/** Lexicons that apply to a business: its industry's, or the one its name and services point to. */
function lexiconsFor(industry: Industry | undefined, describedAs: string): Rule[] {
  const out = [...(BY_INDUSTRY[industry ?? 'other'] ?? [])];
  const words = describedAs.toLowerCase();
  if (
    /\b(vet|veterinar\w*|animal|pet|pets|dog|dogs|cat|cats|paws|kennels?|catter(y|ies)|doggy|spay|neuter|vaccinations?)\b/.test(
      words,
    )
  )
    out.push(...BY_INDUSTRY.veterinary);
  // a tow truck or a roadside service hears a car stranded or crashed as a garage does
  if (
    industry !== 'auto' &&
    /\b(tow|tows|towing|wreckers?|roadside|flatbed|jump ?starts?|auto repair|mechanics?)\b/.test(words)
  )
    out.push(...BY_INDUSTRY.auto);
  if (/\b(locksmith|lockout|locks?|rekey\w*)\b/.test(words)) out.push(...BY_INDUSTRY.locksmith);
  if (
    /\b(optom\w*|optic(al|ians?|s)?|opticians?|eye|eyes|eyecare|vision|ophthalm\w*|retina\w*|spectacles|glasses)\b/.test(
      words,
    )
  )
    out.push(...BY_INDUSTRY.eyecare);
  if (industry !== 'plumbing' && /\b(plumb\w*|drain|pipes?)\b/.test(words))
    out.push(...BY_INDUSTRY.plumbing.filter((r) => r.priority !== 'NORMAL'));
  const building =
    /\b(propert(y|ies)|apartments?|tenants?|landlords?|condos?|hoa|leasing|work orders?|handyman)\b/.test(words)
      ? BY_INDUSTRY.property
      : /\b(roof\w*|gutters?|restoration|water damage|storm damage|board[- ]?ups?|tarp\w*|trees? (service|removal|care|trimming|surgeons?|experts?|work)|arbor\w*|stump\w*|chimneys?|siding|windows? (repair|replacement|install\w*)|glazi\w*|contract(or|ors|ing)|builders?|construction|remodel\w*|renovat\w*|carpent\w*|drywall|foundation|water extraction|mou?ld (remediation|removal|inspection))\b/.test(
            words,
          )
        ? BY_INDUSTRY.building
        : [];
  out.push(...building.filter((r) => !out.includes(r)));
  return out;
}

/**
 * Prepared emergency detection for one business: the universal core, the industry vocabulary and
 * the business's own keywords. `describedAs` (name and service names) lets a business outside the
 * templates (a veterinary clinic, a locksmith) hear its own kind of emergency.
 */
export function createEmergencyDetector(
  industry: Industry | undefined,
  extra: Array<string | EmergencyKeyword> = [],
  describedAs = '',
) {
  const builtIn: Rule[] = [...UNIVERSAL, ...lexiconsFor(industry, describedAs)];
  const own: Rule[] = extra.map((k) => {
    const kw = typeof k === 'string' ? { term: k, priority: 'URGENT' as Priority } : k;
    const term = kw.term.toLowerCase().trim();
    const safety = kw.safety ?? safetyFor(term);
    return { label: term, re: keywordPattern(term), priority: kw.priority, ...(safety ? { safety } : {}) };
  });
  return {
    /** The emergency said in `text` (lower-cased), or undefined. */
    detect(text: string, month: number): EmergencyHit | undefined {
      const general = contained(detectWith(builtIn, text, month), text);
      const mine = detectWith(own, text, month);
      if (!mine) return general && strip(general);
      const keepGeneral = !!general && priorityRank(general.priority) >= priorityRank(mine.priority);
      const priority = keepGeneral ? general!.priority : mine.priority;
      const safety = (keepGeneral ? general!.safety : undefined) ?? mine.safety ?? general?.safety;
      return {
        term: keepGeneral ? general!.term : mine.term,
        label: keepGeneral ? general!.label : mine.label,
        priority,
        ...(safety ? { safety } : {}),
      };
    },
  };
}

/** Words a keyword may leave out or say otherwise ("tree on the roof" ↔ "tree fell on our roof"). */
const DETERMINER = /^(a|an|the|my|our|your|his|her|their|this|that|some)$/;
const NEGATOR_WORD = /^(no|not|without|never)$/;
/** Up to this many words between a keyword's words, within one clause: "rain [is] coming in". */
const KEYWORD_GAP = 3;

/**
 * A business's keyword heard by its words in order, each in any of its forms, with a few words
 * between them: "rain coming in" hears "rain is coming in", "overflowing" hears "running over".
 * A negating word ("no heat") must be followed at once by the next one: "no problem with the heat" is not "no heat".
 */
export function keywordPattern(term: string): RegExp {
  const words = term.split(/[\s-]+/).filter((w) => w && !DETERMINER.test(w));
  if (!words.length) return /(?!)/;
  const parts = words.map((w, i) => {
    const forms = wordForms(w).map((f) => escapeRegExp(f).replace(/ /g, '[\\s-]+'));
    const next =
      i === words.length - 1 ? '' : NEGATOR_WORD.test(w) ? '[\\s-]+' : `(?:[\\s-]+[a-z0-9']+){0,${KEYWORD_GAP}}[\\s-]+`;
    return `(?:${forms.join('|')})${next}`;
  });
  return new RegExp(`\\b${parts.join('')}\\b`);
}

/**
 * Forms and everyday equivalents of the words businesses put in their own emergency keywords, so that
 * "rain coming in" hears "rain is coming in" and "overflowing" hears "won't stop running over".
 * Irregular forms and synonyms live here; regular -s/-ed/-ing endings are derived.
 */
const WORD_FAMILIES: readonly (readonly string[])[] = [
  ['come', 'comes', 'coming', 'came'],
  ['go', 'goes', 'going', 'went', 'gone'],
  ['run', 'runs', 'running', 'ran'],
  [
    'fall',
    'falls',
    'falling',
    'fell',
    'fallen',
    'came down',
    'come down',
    'coming down',
    'comes down',
    'crashed',
    'landed',
    'toppled',
  ],
  ['break', 'breaks', 'breaking', 'broke', 'broken'],
  ['burst', 'bursts', 'bursting', 'bursted', 'busted', 'broke', 'broken', 'split', 'ruptured', 'exploded'],
  [
    'overflow',
    'overflows',
    'overflowing',
    'overflowed',
    'running over',
    'runs over',
    'spilling over',
    'spilled over',
    'spills over',
  ],
  ['leak', 'leaks', 'leaking', 'leaked', 'leaky', 'seep', 'seeps', 'seeping', 'seeped'],
  ['flood', 'floods', 'flooding', 'flooded'],
  ['freeze', 'freezes', 'freezing', 'froze', 'frozen'],
  ['blow', 'blows', 'blowing', 'blew', 'blown'],
  ['bleed', 'bleeds', 'bleeding', 'bled'],
  ['swell', 'swells', 'swelling', 'swelled', 'swollen'],
  ['smell', 'smells', 'smelling', 'smelled', 'smelt'],
  ['lose', 'loses', 'losing', 'lost'],
  ['spark', 'sparks', 'sparking', 'sparked'],
  ['smoke', 'smokes', 'smoking', 'smoked', 'smoky'],
  ['rain', 'rains', 'raining', 'rained', 'rainwater'],
  ['tree', 'trees', 'limb', 'limbs', 'branch', 'branches'],
  ['roof', 'roofs', 'rooftop'],
  ['sewage', 'sewer', 'sewers'],
  ['no', 'without', 'without any'],
  ["won't", 'will not'],
  ["can't", 'cannot', 'can not'],
  ["isn't", 'is not'],
  ["doesn't", 'does not'],
  ["don't", 'do not'],
];

/** A word's forms: its family if it has one, else its regular -s, -ed and -ing forms. */
function wordForms(w: string): string[] {
  const family = WORD_FAMILIES.find((f) => f.includes(w));
  if (family) return [...family];
  if (/['0-9]/.test(w) || w.length <= 3) return [w];
  const verb = (b: string) => {
    const single = /([bdgmnprt])\1$/.test(b) ? b.slice(0, -1) : b;
    return [w, b, `${b}s`, `${b}ed`, `${b}ing`, `${b}e`, `${b}es`, single, `${single}s`];
  };
  if (w.length > 5 && w.endsWith('ing')) return verb(w.slice(0, -3));
  if (w.length > 4 && w.endsWith('ed')) return verb(w.slice(0, -2));
  if (w.endsWith('s') && !w.endsWith('ss')) return [w, w.slice(0, -1)];
  return [w, `${w}s`, `${w}es`];
}

/**
 * The caller says the trouble is held and everyone is safe ("I've already shut the main off, nothing's leaking
 * now", "we're all ok, bundled up", "it's only in the basement and nobody's hurt"): damage to property that
 * needs the team today (HIGH), with no safety script; a danger to life stays what it is.
 */
const STOPPED =
  /\b(?:nothing(?:'s| is) (?:leaking|coming (?:in|out|through)|dripping)(?: now| any ?more)?|(?:it's|it is|it has|it's been) (?:stopped|contained|under control)|(?:i've|i have|we've|we have|i|we) (?:already )?(?:shut|turned|switched) (?:it|the (?:main|water|valve|stopcock|supply))(?: (?:water|valve|supply))? off|(?:shut|turned|switched) off the (?:main|water|valve|stopcock|supply)|only in the (?:basement|garage|crawl ?space|yard|garden))\b/;
const PEOPLE_OK =
  /\b(?:(?:we're|we are|everyone's|everyone is|everybody's|everybody is|they're|they are) (?:all )?(?:ok|okay|fine|safe|good|warm)|(?:nobody|no one|no-one)(?:'s| is) (?:hurt|in danger|sick|unwell))\b/;
/** Damage still under way: everyone being fine does not hold it ("everyone's okay, but rain is pouring in"). */
const STILL_GOING =
  /\b(?:pouring|gushing|spraying|streaming|coming in|coming through|getting worse|spreading|rising|everywhere|won't stop|will not stop|still (?:leaking|running|coming|going)|through the roof|caved|collapsed|came down on)\b/;

/** Water by a light, an outlet or the wiring stays a danger however calm the caller is. */
const NEAR_POWER =
  /\b(?:lights?|light fittings?|fixtures?|outlets?|sockets?|power ?points?|switch(?:es)?|wir(?:es|ing)|electric\w*|breakers?|panel|fuse ?box|sparks?)\b/;

function contained(hit: Hit | undefined, text: string): Hit | undefined {
  if (!hit || hit.lifeSafety || hit.priority !== 'URGENT' || NEAR_POWER.test(text)) return hit;
  if (!STOPPED.test(text) && !(PEOPLE_OK.test(text) && !STILL_GOING.test(text))) return hit;
  const { safety: _s, ...rest } = hit;
  return { ...rest, priority: 'HIGH' };
}

function strip(h: Hit): EmergencyHit {
  const { lifeSafety: _l, ...hit } = h;
  return hit;
}

/** How grave a priority is: LOW 0 … URGENT 3. */
export function priorityRank(p: Priority): number {
  return { LOW: 0, NORMAL: 1, HIGH: 2, URGENT: 3 }[p];
}
