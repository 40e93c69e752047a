/**
 * What an emergency rule is, and what the caller is told to do first: the safety lines by topic, the health
 * lines, the crisis line by country, and whose body it is (a pet's trouble goes to an emergency vet).
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
  /** The safety line, or how it depends on what was said (rain through a roof needs no water shut-off). */
  safety?: string | ((c: Circumstances) => string | undefined);
  /** Life safety (gas, carbon monoxide, fire, injury): never lowered, never silenced by "nothing urgent". */
  lifeSafety?: boolean;
  /** Still heard when the trouble is over ("an accident last week" is still a repair to book). */
  heardWhenOver?: boolean;
  /** Life safety that can end: a power line the utility has since put back up is no danger now. */
  quietWhenOver?: boolean;
  /** Heard only when the turn also says this (each of these), not denied: fumes count when someone is coughing. */
  when?: RegExp | RegExp[];
  /** Not heard when the turn says this: a child crying where "it's hot in there" is a room has a cooling rule. */
  unless?: RegExp;
}

/** Up to `n` words in between, within one clause ("water is literally pouring"). */
export const gap = (n: number) => `(?:[a-z0-9']+ ){0,${n}}`;

/** The safety instruction said first, by topic. */
export const SAFETY = {
  gas: "Please leave the building right now, don't switch anything on or off, and call the gas utility or 911 from outside.",
  co: 'Please get everyone out into fresh air right away and call 911.',
  fire: 'If there is smoke or fire, get everyone out and call 911 first.',
  injury: 'If someone is hurt or in danger, please call 911 right now.',
  structure:
    'Please keep everyone out of the damaged part of the house and away from any fallen wires or wet lights and outlets, and if anyone is hurt, call 911 right now.',
  hotCar: 'Please call 911 right now: a child or an animal shut in a car can overheat within minutes.',
  allergy: 'If there is any trouble breathing or swelling of the throat, call 911 right now.',
  electric: 'Please stay away from it and, only if it is safe, switch off the breaker.',
  powerLine: 'Please stay well away from the wire and anything touching it, and call 911 and the power company.',
  water: 'If you can, turn off the main water shut-off valve.',
  rain: 'Please keep clear of the wet ceiling and any lights or outlets near the water, switch off the power to that area only if it is safe to, and move your things away with a bucket under the drip.',
  poison: "Please call 911 or poison control right now, and don't try to make them sick unless you are told to.",
  petPoison:
    "Please call your emergency vet or an animal poison helpline right now, even if your pet seems fine, and don't make them sick unless a vet tells you to.",
  bleeding: 'If the bleeding is heavy or you have trouble breathing, call 911 now.',
  tooth: "Keep the tooth moist, in milk if you can, and don't scrub it.",
  car: 'If anyone is hurt or you are in traffic, call 911 first and get to a safe place.',
  cold: 'Please keep everyone warm in one room, and if anyone feels unwell, call 911.',
  heat: 'Please keep everyone cool and drinking water, and if anyone feels unwell, call 911.',
  animal: 'Please keep your pet calm and still, and head to the nearest emergency animal hospital if you can.',
};

/**
 * What to do first when the trouble is the caller's body or mind, not their building. Kept apart from SAFETY
 * until lines/es.ts says them in Spanish (lines.test.ts checks every SAFETY line has its Spanish).
 */
export const HEALTH_SAFETY = {
  heart:
    "Chest pain or pressure like that can be a heart attack: please hang up and call 911 right now, and don't drive yourself.",
  stroke: 'Those can be signs of a stroke: please call 911 right now, and note the time it started.',
  medical: "Please call 911 right now: this needs emergency care, not an appointment, and please don't drive yourself.",
  crisis:
    "I'm really glad you told me. If you might act on these thoughts or you're in danger, please call 911 right now. You can also call the crisis line at 988, any time, day or night, to talk to someone.",
  vision:
    "A curtain or shadow over your sight, or sight suddenly lost, needs care today: if you can't be seen right away, please go to the nearest emergency room.",
  flashes:
    'New flashes or floaters should be checked today, and if a shadow or curtain comes over your vision, please go to an emergency room right away.',
};

/**
 * The crisis line by the business's country (ISO code), said where the crisis line names 988: 988 in the US and
 * Canada, the Samaritans in the UK and Ireland, Lifeline in Australia, 1737 in New Zealand.
 */
export const CRISIS_LINES: Record<string, string> = {
  US: '988',
  CA: '988',
  GB: '116 123',
  IE: '116 123',
  AU: '13 11 14',
  NZ: '1737',
};

/**
 * A safety line as said in `country`: 988 becomes the country's crisis line, and where none is known the
 * sentence naming it is left out rather than giving a number that does not answer there.
 */
export function withCrisisLine(said: string, country = 'US'): string {
  if (!/\b988\b/.test(said)) return said;
  const line = CRISIS_LINES[country.toUpperCase()];
  return line ? said.replace(/\b988\b/g, line) : said.replace(/\s*[^.:]*\b988\b[^.]*\./g, '').trim();
}

/** An animal by kind or by breed ("Bruno's a black lab"); never "chocolate" alone. */
export const PET = new RegExp(
  String.raw`\b(dogs?|pupp(y|ies)|pups?|cats?|kittens?|kitty|pets?|rabbits?|bunny|ferrets?|parrots?|horses?|pony|(black|yellow|chocolate|fox red) labs?|labradors?|retrievers?|poodles?|doodles?|beagles?|terriers?|spaniels?|collies?|husky|pugs?|bulldogs?|dachshunds?|chihuahuas?|rottweilers?|schnauzers?|whippets?|greyhounds?|corgis?|cockapoos?|pit ?bulls?)('s)?\b`,
);
/** A pet's poisoning has its own line; anyone else's is poison control's. */
export const poisonSafety = ({ text }: Circumstances) => (PET.test(text) ? SAFETY.petPoison : SAFETY.poison);
/** Whose body: a pet's trouble goes to an emergency vet, a person's to the emergency number. */
export const forPet = (line: string) => (c: Circumstances) => (PET.test(c.text) ? SAFETY.animal : line);
