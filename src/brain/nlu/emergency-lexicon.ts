/**
 * Emergency vocabulary in everyday words: a universal core every business hears (life safety),
 * and one lexicon per industry, each rule with its severity. Severity may depend on the season
 * and on who is at risk ("no heat" in January with a newborn at home is URGENT).
 */
import type { Priority } from '../types.js';

/** What a rule's severity may depend on. */
export interface Circumstances {
  /** Local month, 1–12. */
  month: number;
  /** The whole (lower-cased) turn. */
  text: string;
}

/** One emergency rule. */
export interface Rule {
  label: string;
  re: RegExp;
  priority: Priority | ((c: Circumstances) => Priority);
  safety?: string;
  /** Life safety (gas, carbon monoxide, fire, injury): never lowered, never silenced by "nothing urgent". */
  lifeSafety?: boolean;
}

/** The safety instruction said first, by topic. */
export const SAFETY = {
  gas: "Please leave the building right now, don't switch anything on or off, and call the gas utility or 911 from outside.",
  co: 'Please get everyone out into fresh air right away and call 911.',
  fire: 'If there is smoke or fire, get everyone out and call 911 first.',
  injury: 'If someone is hurt or in danger, please call 911 right now.',
  hotCar: 'Please call 911 right now: a child or an animal in a hot car cannot wait.',
  allergy: 'If there is any trouble breathing or swelling of the throat, call 911 right now.',
  electric: 'Please stay away from it and, only if it is safe, switch off the breaker.',
  water: 'If you can, turn off the main water shut-off valve.',
  bleeding: 'If the bleeding is heavy or you have trouble breathing, call 911 now.',
  tooth: "Keep the tooth moist, in milk if you can, and don't scrub it.",
  car: 'If anyone is hurt or you are in traffic, call 911 first and get to a safe place.',
  cold: 'Please keep everyone warm in one room, and if anyone feels unwell, call 911.',
  heat: 'Please keep everyone cool and drinking water, and if anyone feels unwell, call 911.',
  animal: 'Please keep your pet calm and still, and head to the nearest emergency animal hospital if you can.',
};

/** Someone at higher risk: babies, the elderly, the sick, people on medical equipment. */
const VULNERABLE =
  /\b(baby|babies|infant|newborn|toddler|little (kids?|ones|children)|young (kids|children)|elderly|old (man|woman|lady|people)|grand(ma|pa|mother|father|parents?)|mother is \d+|father is \d+|is (8|9)\d|senior|pregnant|disabled|sick|ill|oxygen|medical (equipment|device)|ventilator|dialysis|cpap|life support|heart condition)\b/;
const COLD =
  /\b(freezing|frozen|ice cold|so cold|really cold|below (zero|freezing)|sub ?zero|single digits|minus \d+|negative \d+|\d+ degrees (inside|in here|in the house))\b/;
const HEAT =
  /\b(heat wave|scorching|sweltering|boiling|over (100|a hundred)|1[01]\d degrees|9\d degrees|so hot|really hot|extremely hot|unbearabl[ey] hot|overheating)\b/;
const MEDICAL =
  /\b(oxygen|medical (equipment|device)|ventilator|dialysis|cpap|life support|insulin|home health|breathing machine)\b/;

const winter = (m: number) => m >= 11 || m <= 3;
const summer = (m: number) => m >= 6 && m <= 8;

/** Emergencies every business hears, whatever its industry. */
export const UNIVERSAL: Rule[] = [
  {
    label: 'gas smell',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.gas,
    re: /\b(smell(s|ing|ed)? (of |like )?(natural )?gas|gas (smell|leak|odou?r)|leak(ing)? gas|rotten eggs?|hissing (sound )?(from|near|by) the gas)\b/,
  },
  {
    label: 'carbon monoxide',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.co,
    re: /\b((carbon monoxide|co|monoxide) (alarm|detector|monitor)s? (is |are |keeps |just |has been |started )?(going off|went off|beeping|sounding|chirping|reading|alarming)|carbon monoxide (leak|poisoning|in the (house|home|building))|(alarm|detector) (says|reads|shows) (carbon monoxide|co))\b/,
  },
  {
    label: 'fire or smoke',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.fire,
    re: /\b(on fire|caught fire|catching fire|(a|the) fire (in|at|on|is)|flames?|smoke (is )?(coming|pouring|filling|everywhere)|smok(e|ing)(?! (detector|alarm|free|shop|signal))|(smoke|fire) (alarm|detector)s? (is |are |keeps |just )?(going off|went off|sounding|blaring)|burning smell|smell(s|ing)? (like )?(something )?burn(ing|t)|smell of (something )?burning|smell(s|ing)? like (burning |melting |melted |hot )?plastic|melting plastic)\b/,
  },
  {
    label: 'someone trapped or injured',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.injury,
    re: /\b((trapped|pinned|stuck) (under|in|inside|beneath)(?! (traffic|a meeting))|(is|are|got|been|was|were|badly|seriously|someone|somebody|people) (hurt|injured)|(hurt|injured) (badly|bad|seriously)|unconscious|unresponsive|passed out|collapsed|not breathing|stopped breathing|heart attack|stuck in (an |the )?elevator)\b/,
  },
  {
    label: 'child or animal in a hot car',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.hotCar,
    re: /\b((child|children|kid|baby|toddler|infant|boy|girl|son|daughter|grandson|granddaughter|someone|somebody|person|dog|puppy|cat|kitten|pet|animal)s? ([a-z']+ ){0,4}(locked|stuck|trapped|left|shut) (in|inside) (a |the |my |his |her |their |our )?(hot )?(car|vehicle|truck|van|suv)|(car|vehicle|truck|van|suv) ([a-z']+ ){0,8}(baby|child|children|kid|toddler|infant|boy|girl|son|daughter|dog|puppy|cat|pet|animal)s? (is |are )?(still )?(inside|in there|in it|in the back))\b/,
  },
  {
    label: 'severe allergic reaction',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.allergy,
    re: /\b((severe|bad|serious) allergic reaction|anaphyla\w*|epi ?pen|throat (is )?(closing|swelling|tight)|(can't|cannot|can not|trouble|hard to|struggling to) breathe|(face|lips?|tongue|throat|eyes?) (is |are )?(swelling|swollen|puff(ing|ed)) up)\b/,
  },
  { label: 'allergic reaction', priority: 'HIGH', safety: SAFETY.allergy, re: /\ballergic reaction\b/ },
];

const noHeat: Rule = {
  label: 'no heat',
  re: /\b(no heat(ing)?|(furnace|heater|heating|heat|boiler|heat pump)( system)? (is |has |just |completely |totally |went |keeps )*(stopped working|stopped|quit|died|broke|broken|gone out|out|off|not working|isn't working|not coming on|not turning on|won't (turn|come|kick) on|won't (start|work|light)|doesn't work|failed|gave out|shut (off|down))|(house|home|place|apartment|it) is (freezing|ice cold|so cold)|freezing in (here|the house)|(furnace|heater|heat|heating|vents?) (is |are |keeps |only )*blowing (cold|cool)( air)?)\b/,
  priority: ({ month, text }) => (winter(month) || COLD.test(text) || VULNERABLE.test(text) ? 'URGENT' : 'HIGH'),
  safety: SAFETY.cold,
};

const noCooling: Rule = {
  label: 'no air conditioning',
  re: /\b(no (ac|a c|air|air conditioning|cooling)|(ac|a c|air conditioning|air conditioner|air con|central air|cooling|unit)( system)? (is |has |just |completely |keeps )*(stopped working|stopped blowing cold|quit|died|broke|broken|out|not working|isn't working|not cooling|blowing (hot|warm) air|won't (turn|come|kick) on|won't work|doesn't work|failed|gave out|stopped))\b/,
  priority: ({ month, text }) => {
    const hot = summer(month) || HEAT.test(text);
    if (hot && VULNERABLE.test(text)) return 'URGENT';
    return hot ? 'HIGH' : 'NORMAL';
  },
  safety: SAFETY.heat,
};

const flooding: Rule = {
  label: 'flooding',
  priority: 'URGENT',
  safety: SAFETY.water,
  re: /\b(flood(ing|ed|s)?|water (is |was )?(everywhere|all over)|water (is )?(pouring|gushing|spraying|coming) (in|out|through|down|everywhere)|(pouring|gushing|spraying) (out )?(water|everywhere)|inches of water|standing water in)\b/,
};

/** Lexicons by industry (and by kinds of business recognised from their name or services). */
export const BY_INDUSTRY: Record<string, Rule[]> = {
  plumbing: [
    {
      label: 'burst pipe',
      priority: 'URGENT',
      safety: SAFETY.water,
      re: /\b((burst|broken|busted|split|cracked|ruptured|exploded) (a |the |water |main |my )?(pipe|water main|main line|water line|supply line)s?|pipes? (just |has |have |had |is |are )?(burst|broke|exploded|split|bursted|ruptured))\b/,
    },
    flooding,
    {
      label: 'sewage backup',
      priority: 'URGENT',
      re: /\b(sewage|sewer (is |has |just )?(back(ed|ing)? ?up|overflow\w*|coming up)|(toilets?|drains?|showers?|tubs?) (is |are )?(backing|backed) up (into|with|everywhere))\b/,
    },
    {
      label: 'no water',
      priority: 'HIGH',
      re: /\b(no (running )?water|(nothing|no water) (comes|coming) out (of )?(the )?(taps?|faucets?|shower)|without (any )?water|water (is |got |has been )?(shut|turned|cut) off)\b/,
    },
    {
      label: 'frozen pipes',
      priority: 'HIGH',
      safety: SAFETY.water,
      re: /\b((frozen|froze) pipes?|pipes? (are |is |have |has )?(frozen|froze))\b/,
    },
    {
      label: 'overflowing toilet',
      priority: 'HIGH',
      safety: SAFETY.water,
      re: /\b((toilet|sink|tub)s? (is |are |keeps )?overflow(ing|ed)?|overflowing (toilet|sink|tub))\b/,
    },
    {
      label: 'water heater leak',
      priority: 'HIGH',
      safety: SAFETY.water,
      re: /\bwater heater (is |has )?(leak(ing)?|burst|spewing)\b/,
    },
    { label: 'leak', priority: 'NORMAL', re: /\b(leak(ing|s)?|dripping)\b/ },
  ],
  hvac: [noHeat, noCooling, flooding],
  electrical: [
    { label: 'sparking', priority: 'URGENT', safety: SAFETY.electric, re: /\b(spark(s|ing|ed)?(?! plugs?)|arcing)\b/ },
    {
      label: 'exposed wires',
      priority: 'URGENT',
      safety: SAFETY.electric,
      re: /\b((exposed|live|hanging|bare|frayed|dangling) (electrical )?wir(es?|ing)|wir(es?|ing) (are |is )?(exposed|hanging|bare|dangling|showing))\b/,
    },
    {
      label: 'electric shock',
      priority: 'URGENT',
      safety: SAFETY.electric,
      re: /\b((got|get|getting|gets|was|been) (a )?(shock|shocked|zapped)|electrocut\w*|shocked (me|him|her|my|us))\b/,
    },
    {
      label: 'hot outlet',
      priority: 'URGENT',
      safety: SAFETY.electric,
      re: /\b(outlet|panel|switch|breaker|plug|socket|breaker box|fuse box)s? (is |are |was )?(hot|melting|melted|buzzing|charred|scorched|burnt|burned|warm to the touch)|melted (outlet|plug|socket)\b/,
    },
    {
      label: 'downed power line',
      priority: 'URGENT',
      safety: SAFETY.electric,
      re: /\b(power lines? (is |are )?(down|on the ground|sparking)|(downed|fallen|down) (power )?lines?)\b/,
    },
    {
      label: 'power out',
      priority: ({ text }) => (MEDICAL.test(text) ? 'URGENT' : 'HIGH'),
      re: /\b(no (power|electricity)|(power|electricity) (is |went |has gone |has been )?(out|off|down)|lost (all )?(power|electricity)|power outage|without (power|electricity))\b/,
    },
  ],
  auto: [
    {
      label: 'brake failure',
      priority: 'URGENT',
      safety: SAFETY.car,
      re: /\b(brakes? (just )?(failed|gone|are gone|went out|not working|aren't working|stopped working|don't work|do not work|gave out|failing)|no brakes|brake pedal (goes|went|is going|sinks) (all the way )?(to|down to) the floor|can't stop the car)\b/,
    },
    {
      label: 'stranded',
      safety: SAFETY.car,
      priority: ({ text }) =>
        /\b(highway|freeway|interstate|expressway|turnpike|side of the road|shoulder|in traffic|middle of the road|on the bridge|in the tunnel|i-? ?\d+|route \d+|cars (are )?(flying|speeding|zooming|racing) (by|past))\b/.test(
          text,
        )
          ? 'URGENT'
          : 'HIGH',
      re: /\b(stranded|broke down|broken down|(car|truck|van|it) (just )?died|won't start|stuck on (the )?(road|highway|freeway|side|interstate|i-? ?\d+|route \d+)|stalled|need a tow|tow truck|get (it )?towed|(got |have |with )a flat( tire)?|blew a tire|tire blew out)\b/,
    },
    {
      label: 'accident',
      safety: SAFETY.car,
      // an accident now is urgent; one that is over ("last month", "for the insurance") is a repair job
      priority: ({ text }) =>
        /\b(last (week|month|year)|weeks? ago|months? ago|years? ago|insurance claim|estimate|quote|body work|dent)\b/.test(
          text,
        )
          ? 'HIGH'
          : 'URGENT',
      re: /\b(accident|crash(ed)?|collision|rear[- ]ended|t-?boned|wreck(ed)?)\b/,
    },
    {
      label: 'overheating',
      priority: 'HIGH',
      re: /\b(overheat(ing|ed)?|steam(ing)? (from|coming|pouring|everywhere)|temperature gauge (is )?in the red)\b/,
    },
  ],
  dental: [
    {
      label: 'knocked-out tooth',
      priority: 'URGENT',
      safety: SAFETY.tooth,
      re: /\b((knocked|knock|fell|came|popped) (his |her |my |a |the |their |our |front |two |out )*(tooth|teeth) (out|loose)|(tooth|teeth) (got |was |were |has been |just )?(knocked|came|fell) out|(knocked|fell|came) out (a |his |her |my |their )?(front )?(tooth|teeth)|avulsed)\b/,
    },
    {
      label: 'uncontrolled bleeding',
      priority: 'URGENT',
      safety: SAFETY.bleeding,
      re: /\b(bleeding (won't|will not|doesn't|does not|hasn't|has not|wont) stop|(won't|can't|cannot) stop (the )?bleeding|heavy bleeding|bleeding (a lot|heavily|badly|nonstop)|bleeding for (an|over an|a few|two|three|\d+) hours?)\b/,
    },
    {
      label: 'facial swelling',
      priority: ({ text }) =>
        /\b(spreading|(to|into|near|under) my eye|my neck|down my neck|breath\w*|swallow\w*)\b/.test(text)
          ? 'URGENT'
          : 'HIGH',
      safety: SAFETY.bleeding,
      re: /\b((swollen|swelling|swelled|puffed up) (face|jaw|cheek|gums?)|(face|jaw|cheek|gums?) (is |are |has |keeps )?(really |very |so |badly |super |all )?(swollen|swelling|swelled|puffed up)|(whole|entire) (face|cheek|jaw) is swollen|abscess\w*)\b/,
    },
    {
      label: 'severe tooth pain',
      priority: 'HIGH',
      re: /\b((severe|terrible|unbearable|excruciating|awful|horrible|really bad|throbbing|intense|crazy) (tooth ?ache|tooth pain|pain)|tooth(ache)? (is )?killing me|(tooth ?ache|tooth pain) (is )?(severe|unbearable|terrible)|can(no|')?t sleep)\b/,
    },
    {
      label: 'broken tooth',
      priority: 'HIGH',
      re: /\b((broke|broken|cracked|chipped|snapped|split) (a |my |his |her |off |the )?(front )?(tooth|teeth|crown)|(tooth|teeth|crown) (is |got |just )?(broke|broken|cracked|chipped|snapped))\b/,
    },
  ],
  salon: [
    {
      label: 'chemical burn',
      priority: 'HIGH',
      re: /\b(chemical burn|scalp (is |was |has been )?(burning|burned|burnt|blistering|blistered|bleeding|on fire)|(burns?|blisters?) on (my )?(scalp|neck|forehead)|rash from (the )?(dye|bleach|color|colour|relaxer|perm))\b/,
    },
  ],
  veterinary: [
    {
      label: 'animal emergency',
      priority: 'URGENT',
      safety: SAFETY.animal,
      re: /\b(hit by a (car|truck|vehicle)|(not|isn't|stopped|can't|cannot|trouble|struggling|difficulty|hard time) breath\w*|(having|had|has|having a) (a )?seizures?|seizing|bloat(ed|ing)?|(belly|stomach|abdomen) (is )?(swollen|distended|hard)|(won't|can't|cannot|unable to) (stand|get up|walk|pee|urinate)|collapsed|unconscious|unresponsive|choking|dog fight|snake ?bite|heat ?stroke|in labor|giving birth|poison\w*|(ate|eaten|swallowed|got into|chewed|drank|licked) ([a-z']+ ){0,5}(chocolate|rat poison|poison|antifreeze|xylitol|grapes|raisins|pills|medication|ibuprofen|tylenol|bleach|lil(y|ies)|gum))\b/,
    },
    {
      label: 'sick animal',
      priority: 'HIGH',
      re: /\b(throwing up|vomit\w*|diarrh?ea|not eating|won't eat|stopped eating|limping|lethargic|blood in (his|her|the|its) (stool|urine|pee|poop|vomit))\b/,
    },
  ],
  locksmith: [
    {
      label: 'locked out',
      priority: ({ text }) =>
        VULNERABLE.test(text) || /\b(kid|child|dog|pet|stove|oven)\b/.test(text) ? 'URGENT' : 'HIGH',
      re: /\b(locked out|lock(ed)? (my )?keys? in(side)?|can't get (in|inside)|break[- ]?in|broken into)\b/,
    },
  ],
  other: [],
};

/** "Nothing urgent", "routine", "no rush": the caller says plainly it can wait. */
export const ROUTINE =
  /\b(routine|nothing (urgent|serious|major|wrong|broken|is broken)|not (an? )?(urgent|emergency)|no (rush|hurry|emergency)|isn't (an? )?(urgent|emergency)|not urgent|just due|just a quote|when(ever)? (you have|it's convenient))\b/;

/** A negation just before a phrase ("no gas smell", "I don't smell gas", "nobody is hurt"). */
export const NEGATED_BEFORE =
  /\b(no|not|never|without|nothing|nobody|no one|none|isn't|aren't|wasn't|weren't|don't|doesn't|didn't|haven't|hasn't|hadn't)\b(\s+[a-z']+){0,2}\s*$/;
