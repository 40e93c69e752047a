/**
 * Emergency vocabulary in everyday words: a universal core every business hears (life safety, the caller's
 * own health or a crisis, and a home left open or a plain request for someone after hours), each rule with
 * its severity; the lexicon of each industry is in emergency-industries.ts.
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

/** Softening words a caller puts before what they smell ("kind of like gas"). */
const HEDGE = '(?:(?:kind of|sort of|a little|a bit|faintly|strongly|really|very|something|like) )*';

/** A smell however it is called ("a whiff", "it stinks of", "an odor"). */
const SMELL = String.raw`(smell|whiff|scent|stench|stink|reek|odou?r)(s|ing|ed|y)?`;
/**
 * Gas is what callers smell, however they say it: gas, propane, rotten eggs (a Spanish turn's "huevo podrido" has
 * no gloss), sulphur; or what they hear hissing at a meter or a stove.
 */
const GAS = String.raw`\b(${SMELL} ${HEDGE}(of |like )?${HEDGE}(natural |propane |cooking )?gas(?! (station|prices?|bill|mileage|pedal|tank|cans?|grill|company))|(gas(-| )?(like )?|gassy )(smell|leak|odou?r|stench|stink|whiff)(?! (detectors?|alarms?|sensors?|tests?|testing|checks?|inspections?))|${SMELL} ${HEDGE}gassy|(leak(ing|s)?|escaping) gas|gas (is |was |has been )?(leaking|escaping)|rotten[- ]eggs?|huevos? podridos?|eggy (smell|odou?r|stench|stink)|${SMELL} ${HEDGE}eggy|sul(f|ph)ur(ic|y|ous)? (smell|odou?r|stench|stink)|${SMELL} ${HEDGE}(of |like )?${HEDGE}sul(f|ph)ur|propane (smell|leak|odou?r)|${SMELL} ${HEDGE}(of |like )?propane|hiss(ing|es)? (sound |noise )?(coming )?(from|near|by|at|around|behind) (the |our |my )?(gas|meter|stove|propane|cooker|hob)|(gas (line|pipe|meter|valve|tank|bottle|cylinder)|meter|propane tank) ${gap(4)}hiss(ing|es|ed)?|(stove|cooker|hob) ${gap(2)}hissing)\b`;

/** Up to `n` words in between that deny nothing ("the power line isn't down") nor name something else. */
const plainGap = (n: number, not = '') =>
  String.raw`(?:(?!(?:not|no|never|isn't|aren't|wasn't|weren't${not ? `|(?:${not})s?` : ''})\b)[a-z0-9']+ ){0,${n}}`;

/**
 * Who can be trapped: a person, a body part or a pet ("my son", "we're", "his leg", "the dog"); a car,
 * keys or a ball "stuck inside" are not. Then a few words that only say how ("is still", "got").
 */
const PERSON = String.raw`(i|i'm|we|we're|he|he's|she|she's|they|they're|someone|someone's|somebody|somebody's|(person|people|man|woman|guy|worker|kid|child|children|baby|babies|toddler|infant|boy|girl|son|daughter|husband|wife|partner|dad|mom|mum|father|mother|grand(pa|ma|father|mother|son|daughter)|brother|sister|neighbou?r|tenant|roommate|customer|employee|dog|puppy|puppies|cat|kitten|pet|horse)(s|'s)?|(my|our|his|her|their|your|[a-z]+'s) (legs?|arms?|hands?|foot|feet|fingers?|head))`;
const HOW = String.raw`(?:(?:is|are|was|were|am|be|been|got|get|gets|getting|has|have|had|still|all|both|now|just|somehow|completely|totally|badly|literally|really|currently|actually|apparently|accidentally) )*`;
/** Places one is "stuck in" without being in danger ("stuck in traffic", "stuck in the snow", "in the car" is the hot-car rule). */
const NOT_CONFINED = String.raw`(?! (?:(?:in|inside|at|on) )?(?:(?:a|an|the|my|our|this|that|some|rush hour) )?(?:traffic|meetings?|parking (?:lots?|garages?|spots?)|lots?|lines?|queues?|snow|mud|ditch|sand|rain|loop|office|work|class|school|airport|lobby|bed|limbo|ruts?|cars?|trucks?|vans?|vehicles?|suvs?|(?:house|home) (?:all|until|till|for|waiting|because|today)|all day|because|waiting|until|till|today|due)\b)`;
const TRAPPED = String.raw`${PERSON} ${HOW}(trapped( (under|underneath|beneath|between|in|inside|behind))?|pinned (under|underneath|beneath|between|down|against|to)|stuck (under|underneath|beneath|between|in|inside|behind))${NOT_CONFINED}`;

/** A wall, a deck or the market "collapsed": the structure rule or nothing, not someone collapsing. */
const NOT_A_PERSON = String.raw`(?<!\b(walls?|roof|ceilings?|deck|fence|shed|floors?|porch|balcony|chimney|stairs|staircase|building|house|bridge|tunnel|tent|sales|market|prices|business|economy|deal)( (has|had|just|partly|partially|completely|totally|all))* )`;

/** A power line, however it is called ("hydro lines", "live wire"). */
const POWER_LINE = String.raw`(power|electric|electrical|hydro|live|high[- ]voltage|utility) (lines?|wires?|cables?)`;
const DOWNED_LINE = String.raw`\b(${POWER_LINE} ${plainGap(3)}(down(?! (by|near|along|the|this|that)\b)|on the ground|lying|laying|hanging down|dangling|sparking|arcing|snapped|fell|fallen|came down|come down|(pulled|ripped|torn|knocked|brought) (down|off)|across (the|my|our) (road|street|driveway|yard|lawn|car|house|fence))|(downed|fallen|down|sparking|arcing|snapped|dangling) ${POWER_LINE}|(trees?|limbs?|branch(es)?|maple|oak|pine) ${gap(4)}(took|brought|pulled|knocked|ripped|tore|torn|snapped|fell on|fallen on|landed on|came down on|resting on|lying on|laying on|on top of|tangled in) ${gap(2)}${POWER_LINE}|(power|utility|electric|electrical|hydro|telephone|phone) poles? ${plainGap(2)}(down(?! (by|near|along|the|this|that)\b)|fell|fallen|snapped|came down|knocked (down|over))|(downed|fallen|snapped) (power|utility|electric|electrical|hydro|telephone|phone) poles?|(?<!\b(fence|cable|phone|internet|tv|speaker|invisible|barbed|chicken|dog|guy) )wires? ${plainGap(3)}(sparking|arcing|on the ground|down(?! (by|near|along|the|this|that)\b))|(sparking|arcing) wires?)\b`;

/** Fumes or a chemical in the air, which count with a symptom; and a release that is dangerous by itself. */
const FUMES = String.raw`\b((chlorine|ammonia|chemical|toxic|poisonous|acid|bleach|pesticide|insecticide|solvent|fumigant|refrigerant|freon|paint|exhaust)s? (gas|fumes|vapou?rs?|cloud)|(chlorine|ammonia|chemical|toxic) (smell|odou?r)|fumes|vapou?rs|bug bomb|fogger|pepper spray|bear spray)\b`;
const SYMPTOM =
  /\b(coughing|choking|gasping|wheezing|(can't|cannot|can not|couldn't|could not|trouble|hard to|struggling to|hardly|barely|difficulty) (breathe|breathing)|short(ness)? of breath|(eyes|throat|nose|lungs?|chest|skin) (are |is |were |was |keep |keeps )?(really |all |so )?(burning|stinging|watering|on fire|tight)|burning (eyes|throat|lungs)|dizzy|light[- ]?headed|pass(ed|ing)? out|faint(ed|ing)?|throwing up|threw up|vomit\w*|nause\w*|unconscious|collapsed)\b/;
const BLEACH = String.raw`(bleach|chlorine|pool shock|clorox)`;
const REACTS = String.raw`(ammonia|vinegar|(muriatic |pool )?acid|toilet (bowl )?cleaner|drain cleaner|drano|windex|rubbing alcohol|lysol|another cleaner|other cleaners?|cleaning products?)`;
const TOXIC_RELEASE = String.raw`\b((mixed|mixing|combined|combining|poured|dumped|used) ${gap(3)}(${BLEACH} ${gap(2)}(and|with|into|together with) ${gap(2)}${REACTS}|${REACTS} ${gap(2)}(and|with|into|together with) ${gap(2)}${BLEACH})|(chlorine|ammonia|toxic|poisonous|chemical) (gas|fumes|cloud|vapou?rs?) ${gap(2)}(everywhere|all over|(is |are )?(leaking|filling|spreading|pouring|coming (out|off|up)))|(toxic|poisonous) gas)\b`;

/** A home that cannot be closed or locked: a door, a gate, a garage or a window (not a car's or a fridge's). */
const NOT_A_HOME = String.raw`car|truck|van|suv|vehicle|trunk|fridge|freezer|refrigerator|oven|dishwasher|dryer|washer|microwave|cabinet|closet|shower|screen|bathroom|bedroom|glove|mailbox|locker|gun|safe|bike|toilet|stall|cupboard|pantry|kennel|crate|cage`;
const OPENING = String.raw`(?<!\b(${NOT_A_HOME})('s)? (door )?)((front|back|side|entry|main|patio|sliding|garage|overhead|basement|storefront|shop|store|exterior|outside|security|entrance|house|apartment|building|deck|balcony|french|barn|roll[- ]up|rolling) )?(doors?|gates?|garage|windows?|slider|deadbolts?|locks?)`;
const UNSECURED = String.raw`\b(${OPENING} ${plainGap(3, NOT_A_HOME)}((stuck|jammed|wedged|frozen|hung up|stays?|staying) (wide |all the way |halfway |half |partly |partially )?open|(won't|will not|wont|can't|cannot|can not|isn't|is not|aren't) (close|shut|lock|latch|come down|go down|stay (closed|shut|locked)|closing|locking|latching))|(can't|cannot|can not|unable to|no way to) (lock|secure) (up|(the |my |our )?(house|home|place|front door|back door|door|garage|shop|store|building|apartment))|(can't|cannot|can not|don't want to) leave (the |my |our )?(house|home|place|garage|door|shop|store|building)( wide)? (open|unlocked)|anyone (could|can) (just )?walk (right )?in)\b`;
/** The caller asks in so many words for someone after hours ("is anyone on call tonight?", "tomorrow is too late"). */
const AFTER_HOURS = String.raw`\b((anyone|anybody|someone|somebody|people|staff|you guys|(?<!\b(i'm|i am|i'll be|he's|he is|she's|she is|husband is|wife is) )an? (tech|technician|plumber|electrician|locksmith|mechanic|roofer|vet|doctor|dentist|nurse|person|human|guy)) (who is |who's |that is |that's )?on[- ]call|on[- ]call (tech\w*|person|number|line|service|staff|guy|team|crew|contact)|(tomorrow|tomorrow morning|the morning|in the morning|monday|monday morning|morning)('s| is| would be| will be) (too late|not soon enough|no good)|(it|this|that) (really |just )?(can't|cannot|can not) wait (until|till|til) (tomorrow|the morning|morning|monday|business hours|you open))\b`;

/** A child said by age ("my two year old", "our 18-month-old"). */
const AGE = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen)[- ](years?|months?|weeks?)[- ]olds?`;
const CHILD = String.raw`(child|children|kids?|baby|babies|toddlers?|infants?|boys?|girls?|sons?|daughters?|grand(son|daughter|child|kid)s?|little ones?|${AGE})`;
/** A child, a pet or anyone shut in a car ("my two year old is locked in my car", "the dog's still in there"). */
const IN_CAR = String.raw`(${CHILD}|someone|somebody|person|dogs?|pupp(y|ies)|cats?|kittens?|pets?|animals?)`;
const CAR = String.raw`(car|vehicle|truck|van|suv|ute)s?`;
/** Where a child or a pet sits in a car ("strapped in her car seat", "in the back seat"). */
const SEAT = String.raw`(car ?seat|booster( seat)?|baby seat|back ?seat|front seat)s?`;
/** An animal by kind or by breed ("Bruno's a black lab"); never "chocolate" alone. */
const PET = new RegExp(
  String.raw`\b(dogs?|pupp(y|ies)|pups?|cats?|kittens?|kitty|pets?|rabbits?|bunny|ferrets?|parrots?|horses?|pony|(black|yellow|chocolate|fox red) labs?|labradors?|retrievers?|poodles?|doodles?|beagles?|terriers?|spaniels?|collies?|husky|pugs?|bulldogs?|dachshunds?|chihuahuas?|rottweilers?|schnauzers?|whippets?|greyhounds?|corgis?|cockapoos?|pit ?bulls?)('s)?\b`,
);
/** Swallowed, or got into it: said of what already happened. */
const ATE = String.raw`(ate|eaten|swallowed|got into|gotten into|chewed( up| on| through)?|drank|licked( up)?|gobbled( up)?|scarfed( down)?|wolfed( down)?|ingested|helped (himself|herself|itself|themselves) to)`;
/** Swallowed what was named before ("ate them", "might have got into it", "he'll eat anything"), not his dinner. */
const MAY_HAVE_EATEN = new RegExp(
  String.raw`\b(${ATE} (it|them|some|some of it|the lot|all of it|everything)|(will|would|'ll|might|could|may) (have )?(eat|eaten|got into|gotten into|swallowed|get into) (anything|everything|it|them|some)|(eats|gets into) (anything|everything))\b`,
);
/** Words between the swallowing and the poison that deny it ("didn't eat the") or start another clause ("ate his kibble and we had grapes"). */
const NOT_EATEN = "didn't|doesn't|don't|hasn't|haven't|nothing|and|but|or|so|then|because|while|we|i|you|they|had|have";
/** Poisonous to anyone. */
const POISON = String.raw`((rat|mouse|rodent|ant|roach|slug|snail)s? (poison|bait|killer|pellets|traps?)|rodenticide|poison(?! (ivy|oak|sumac))|anti-?freeze|coolant|bleach|drain cleaner|detergent|(laundry|dishwasher|detergent|tide) (pods?|tablets?)|(button )?batter(y|ies)|pesticide|insecticide|weed ?killer|fertili[sz]er|nicotine|vape (juice|liquid|pen))`;
/** Medicines: poisonous to a pet or a small child, not to an adult taking one. */
const DRUGS = String.raw`(ibuprofen|advil|motrin|nurofen|aleve|naproxen|acetaminophen|paracetamol|tylenol|aspirin|adderall|(my|our|the|some of (my|our|the)|a (whole )?(bottle|box|pack|packet|handful|sheet|blister pack) of|all (of )?(my|our|the)) (pills|tablets|meds|medications?|medicine))`;
/** Poisonous to a dog or a cat, harmless to people: chocolate, grapes and raisins, xylitol, lilies, cannabis. */
const PET_TOXIN = String.raw`(chocolates?(?! labs?\b| labradors?\b)|cocoa|brownies|grapes?|raisins?|sultanas|currants|xylitol|sugar[- ]free (gum|candy|sweets)|chewing gum|gum|lil(y|ies)|edibles?|marijuana|cannabis|macadamias?)`;
const swallowed = (what: string) =>
  new RegExp(String.raw`\b(${ATE} ${plainGap(6, NOT_EATEN)}${what}|${what} ${plainGap(4, NOT_EATEN)}${ATE})\b`);
/** A pet's poisoning has its own line; anyone else's is poison control's. */
const poisonSafety = ({ text }: Circumstances) => (PET.test(text) ? SAFETY.petPoison : SAFETY.poison);

/** What comes down on a house in a storm: a tree, by its kind too, a limb, a pole, a chimney. */
const FALLEN = String.raw`(trees?|oaks?|maples?|pines?|elms?|ash trees?|birch(es)?|cottonwoods?|poplars?|willows?|sycamores?|walnuts?|cedars?|spruces?|firs?|gums?|gum trees?|eucalyptus|palms?|limbs?|branch(es)?|trunks?|(power |utility |telephone )?poles?|chimney)`;
/** How it came to be there ("came down", "crashed", "is lying"); never a wish ("might fall"). */
const CAME_DOWN = String.raw`(fell|fallen|falling|came down|come down|coming down|crashed|crashing|landed|smashed|slammed|toppled|dropped|went|came|(is |was |are |still |now )*(lying|laying|resting|sitting)|uprooted|blew|blown|snapped|broke|punched|ripped|tore|torn|split)`;
/** A room or a part of a home that something can come through (a window is the HIGH rule). */
const HOME_PART = String.raw`(house|home|roof|bedroom|kitchen|living room|family room|dining room|bathroom|attic|garage|porch|sunroom|building|ceiling|place|apartment|condo|trailer|mobile home|addition|walls?|upstairs)`;
const ONTO = String.raw`(on|onto|into|through|in through|on top of|down on|right on|right into|right through|straight through|half way through|halfway through)`;
const DET = String.raw`(the |my |our |their |his |her |a |your |mum's |mom's )?`;
const FELL_ON = (part: string) =>
  String.raw`\b(${FALLEN} ${gap(6)}${CAME_DOWN} ${gap(2)}${ONTO} ${DET}${gap(1)}${part}|(trees?|trunks?|poles?)('s| is| are| was) (now |still |right |completely )?(on|on top of|in|inside|through) ${DET}${gap(1)}${part}|${FALLEN} ${gap(2)}(punched|tore|ripped|smashed|knocked|made|left) (a |an |big |huge |massive |giant )*(hole|gash|gap|opening)s? (in|into|through) ${DET}${gap(1)}${part}|(dropped|threw|blew|brought down|knocked|sent|pushed) ${gap(3)}${FALLEN} (right |straight )?${ONTO} ${DET}${gap(1)}${part})\b`;
/** A home's structure giving way; not a shed's, a fence's or a garden wall. */
const COLLAPSE = String.raw`\b(?<!\b(shed|gazebo|pergola|carport|doghouse|playhouse|greenhouse|coop|barn|garden|retaining|fence|dry) )(ceilings?(?! (fans?|lights?|fixtures?|tiles?|paint))|roof|walls?|floors?|deck|balcony|porch|chimney|stairs|staircase|house|building|foundation) ${gap(2)}(is |are |has |have |just |partly |partially |completely )*(caving|caved|collapsing|collapsed|falling (in|down)|fell (in|down)|gave way|giving way|came down|coming down|buckling|buckled|cracked open|split open)\b`;

/** Whose body: a pet's trouble goes to an emergency vet, a person's to the emergency number. */
const forPet = (line: string) => (c: Circumstances) => (PET.test(c.text) ? SAFETY.animal : line);
const WHOSE = String.raw`(my|his|her|their|the|your|our)`;

/** A heart attack now, not the one a caller is recovering from ("cardiac rehab after my heart attack"). */
const HEART_ATTACK = String.raw`(?<!\b(after|since|from|of|post) ((my|his|her|their|a) )?)heart attack`;
/** Chest pain or pressure, however it is felt ("an elephant on my chest"); not a chest X-ray or a chest freezer. */
const CHEST = String.raw`\b(chest (pains?|pressure|tightness|heaviness|discomfort)|(pains?|pressure|tightness|heaviness|squeezing|crushing|weight|aching|stabbing) ${gap(3)}(in|on|across|around|through) ${WHOSE} chest|chest(?:'s| is| feels| has been| keeps| was)? (?:really |so |very |all |kind of |a bit )?(tight|heavy|crushing|squeezing|hurting|hurts|aching|killing me)|(elephant|ton of bricks|bricks|anvil|truck) ${gap(3)}on ${WHOSE} chest|${HEART_ATTACK})\b`;
/** A heart attack's other signs, which count with an arm or a jaw gone numb. */
const HEART_SIGN =
  /\b(jaw (pain|hurts|aches|is aching)|pain in (my|his|her) jaw|cold sweat|sweat(y|ing)|clammy|nause\w*|sick to (my|his|her) stomach|short(ness)? of breath|dizzy|light[- ]?headed)\b/;
const NUMB_ARM = String.raw`\b(arms?|jaw|shoulder)(?:'s| is| are| feels| has gone| went| keeps going)? (?:kind of |all |really |a bit |completely )?(numb|tingly|tingling|heavy|dead)\b`;
/** Breathing in trouble now; "short of breath on the stairs for months" is a check-up. */
const BREATHLESS = String.raw`\b((can't|cannot|can not|couldn't) (breathe|catch ${WHOSE} breath|get ${WHOSE} breath|get (any )?air)|(trouble|difficulty|struggling|hard time|problems?) (breathing|to breathe|getting (air|a breath))|hard to breathe|gasping for (air|breath)|fighting for (air|breath))\b`;
const SHORT_OF_BREATH = String.raw`\bshort(ness)? of breath\b`;
const CHRONIC =
  /\b(when(ever)? (i|he|she|they) (walk|climb|run|exercise|go up|do)|on (the )?stairs|climbing|after (exercise|exercising|running|the gym|a run|walking)|(for|over the (last|past)) (weeks|months|years|a (few |couple of )?(weeks|months|years))|check[- ]?up|review|referral|asthma (review|check))\b/;
/** Fainting, or about to; not "nearly fainted when I saw the bill". */
const FAINT = String.raw`\b((?<!\b(nearly|almost) )(fainted|fainting|blacked out|blacking out)|lost consciousness|losing consciousness|keeps? (passing|blacking) out|(going to|gonna|about to) (pass|black) out|feel(s|ing)? (like (i'm|i am|he's|she's|i'll) (going to |gonna )?)?(faint|pass out))\b`;
/** A stroke's signs: a face drooping, speech slurred, one side gone weak or numb. */
const STROKE = String.raw`\b((is|are|be|i'm|i am|he's|she's|they're) having a stroke|just had a stroke|signs of (a )?stroke|stroke (symptoms|signs)|(face|mouth|smile)(?:'s| is| has| went| has gone| started| looks)? (drooping|droopy|sagging|dropped|gone slack|lopsided|crooked)|droop(ing|y) (face|mouth|smile)|(one side|side) of ${WHOSE} (face|mouth) (is |has |went |has gone |looks )?(drooping|droopy|sagging|dropped|slack|numb|paraly[sz]ed|not moving)|slurr(ed|ing) ${WHOSE}? ?(speech|words)|(is|are|was|he's|she's|i'm|been|started|keeps) slurring|speech (is |was |sounds |has gone )?(slurred|garbled|jumbled)|(can't|cannot) (get|find) ${WHOSE} words( out)?|words (are |were )?(coming out )?(all )?(jumbled|garbled|mixed up)|(numb|weak|paraly[sz]ed|no feeling)( all)? (down|on) (one|the (left|right)) side|(whole )?(left|right|one) side of ${WHOSE} body (is |went |has gone |feels )?(numb|weak|limp|dead|paraly[sz]ed))\b`;
/** Numbness after dental work is the anaesthetic, not a stroke. */
const DENTAL_NUMBING =
  /\b(filling|injection|anaesthe\w*|anesthe\w*|numbing|novocaine|lidocaine|extraction|root canal|wisdom (tooth|teeth))\b/;
/** An arm or a leg that suddenly will not move; a shoulder that will not go overhead is a physio's. */
const CANT_LIFT = String.raw`\b(can't|cannot|can not|couldn't|unable to) (lift|raise|move|feel) ${WHOSE} (left |right )?(arm|leg|hand|face)\b`;
const LIMB_INJURY =
  /\b(shoulder|rotator|frozen|above|over (my|his|her) head|overhead|higher|gym|surgery|injur\w*|hurt|sprain\w*|tendon\w*|bursitis|sore|stiff|pulled|fell|fall|broke|broken|fracture\w*|cast|sling)\b/;
/** Bleeding that will not stop; not a blood test or blood pressure. */
const BLEEDING = String.raw`\b((bleeding|bleeds|blood) (won't|will not|doesn't|does not|hasn't|has not|wont|can't|isn't) stop(ping)?|(won't|can't|cannot|couldn't) stop (the |it |him |her |them )?(from )?bleeding|(bleeding|bleeds|bled) (a lot|heavily|badly|profusely|everywhere|like crazy|so much|really bad|through)|heavy bleeding|(lots|a lot|pools?|so much|loads|tons) of blood(?! (tests?|work|pressure|sugar|draws?|donors?|type|results?))|blood (is |was )?(everywhere|all over|pouring|gushing|spurting|pumping)|(pouring|gushing|spurting|pumping) blood|losing (a lot of |so much |too much )?blood|deep (cut|gash|wound|laceration))\b`;
/** An adult's overdose; a pet's or a child's swallowed pills are the poison rules. */
const OVERDOSE = String.raw`\b((took|taken|had|has taken|swallowed) (an )?overdose|overdos(ed|ing)|(took|taken|swallowed) (too many|a (whole )?(bottle|handful|box|packet) of|all) (of )?(my |his |her |their |the )?(sleeping |pain |blood pressure |heart )?(pills|tablets|meds|medications?|painkillers))\b`;

/**
 * A caller in crisis, said plainly or not ("I don't want to be here anymore", "I can't keep myself safe"); not
 * "this job is killing me", "I'm dying to get my hair done", "my phone died".
 */
const SELF = String.raw`(myself|himself|herself|themselves|themself)`;
const CRISIS = String.raw`\b(suicid(e|al)(?! (prevention|awareness|training|course|squad|clause))|kill(ing)? ${SELF}|(end|ending|take|taking|took) (my|his|her|their) (own )?life|end(ing)? it all|(don't|do not|didn't|doesn't) want to (be alive|exist|go on (living|like this|anymore|any more)|(be here|be around|live|wake up) (anymore|any more)|(live|wake up)(?= *([,.;!?]|$| and\b| but\b| because\b| i\b)))|(want|wanted|wanting|wants) to die|wish (i|he|she) (was|were) dead|better off (dead|without me)|(no|(don't|can't|doesn't) (really |even )?see (the|any)) (point|reason) (in |of )?(living|life|going on|being (here|alive)|carrying on|anything any ?more)|((think|thinking|thought|thoughts|urges?|want|wanted|wanting|going|scared|afraid|worried) (about|of|to|i'll|i will|i might|i'd) (hurt|hurting|harm|harming|cut|cutting) ${SELF})|been (hurting|harming|cutting) ${SELF}|self[- ]?harm\w*|(can't|cannot|can not|don't think i can|not sure i can|unable to) (keep|stay) ${SELF} safe|(not|don't feel) safe (with|around|from) ${SELF}|(can't|cannot) go on (like this|anymore|any more))\b`;
/** "Thinking of ending it" said of one's life; of a contract or a relationship it is no crisis. */
const ENDING_IT = String.raw`\b(think|thinking|thought|thoughts|want|wanted|wanting|going|gonna|plan|planning|ready|about|decided) (of |about |to |on )?(ending|end) (it|things|everything)(?! (with|early|here|there|for|on|at|off|between|before|after)\b)`;
const NOT_A_LIFE =
  /\b(contract|lease|membership|subscription|account|policy|agreement|plan|service|relationship|marriage|engagement|partnership|deal|arrangement|tenancy|booking|trial)\b/;

/** A curtain or a shadow over the sight, or sight suddenly gone: a detached retina or a stroke, care today. */
const EYE = String.raw`(vision|sight|eyes?|field of (vision|view)|visual field)`;
const VISION_LOSS = String.raw`\b((curtain|shadow|veil|shade|blind|cloud|wall|black spot|dark spot|blackness|darkness)s? ${gap(4)}(over|across|covering|coming (down|up|across|over)|moving (across|over)|blocking|in|on) ${gap(3)}${EYE}|(lost|losing|loss of|lose|no) (the |all |some |part of (my |the )?)?(vision|sight) (in|of|out of) (my|one|his|her|the) (left |right )?eye|sudden(ly)? ${gap(2)}(lost|losing|loss of|can't see|cannot see|went blind|blind)|(went|gone|going) (blind|black|dark) in (my|one|his|her|the) (left |right )?eye|(can't|cannot|can not|couldn't) see (anything )?(out of|with|from|in) (my|one|his|her|the) (left |right )?eye|(vision|sight) (in (my|one|his|her|the) (left |right )?eye )?(just |suddenly |has |is |all )*(went|gone|going|turned) (black|dark|grey|gray|dim))\b`;
/** A lens lost, glasses broken: no sight lost. */
const EYEWEAR = /\b(glasses|specs|contacts?|lens(es)?|frames?|prescription)\b/;
/** New flashes or a shower of floaters: a retina to check today. */
const FLASHES = String.raw`\b((flash(es|ing)?|sparkles?|streaks?) (of )?lights?|(seeing|see|seen|saw|noticed|getting|having|keep seeing) ${gap(2)}(flashes|flashing lights|sparkles|streaks of light)|(shower|burst|swarm|cloud|bunch|lots|loads|hundreds|tons|load|handful|lot) of (new )?(floaters|spots|specks|dots|cobwebs)|(new|sudden) (floaters|spots in ${WHOSE} vision)|floaters ${gap(3)}(suddenly|all of a sudden|out of nowhere|appeared|started|showed up))\b`;
const EYE_SAID = /\b(eyes?|vision|sight|floaters|retina\w*)\b/;

const urgentHealth = (rules: Array<Omit<Rule, 'priority'>>): Rule[] =>
  rules.map((r) => ({ ...r, priority: 'URGENT', lifeSafety: true, quietWhenOver: true }));

/** The body or the mind in danger, whatever the business: heard before an injury's general line. */
const HEALTH: Rule[] = urgentHealth([
  { label: 'chest pain', re: new RegExp(CHEST), safety: forPet(HEALTH_SAFETY.heart) },
  { label: 'heart attack signs', re: new RegExp(NUMB_ARM), when: HEART_SIGN, safety: forPet(HEALTH_SAFETY.heart) },
  { label: 'stroke signs', re: new RegExp(STROKE), unless: DENTAL_NUMBING, safety: HEALTH_SAFETY.stroke },
  { label: 'stroke signs', re: new RegExp(CANT_LIFT), unless: LIMB_INJURY, safety: HEALTH_SAFETY.stroke },
  { label: 'overdose', re: new RegExp(OVERDOSE), safety: poisonSafety },
  { label: 'suicidal thoughts', re: new RegExp(CRISIS), safety: HEALTH_SAFETY.crisis },
  { label: 'suicidal thoughts', re: new RegExp(ENDING_IT), unless: NOT_A_LIFE, safety: HEALTH_SAFETY.crisis },
  { label: 'sudden vision loss', re: new RegExp(VISION_LOSS), unless: EYEWEAR, safety: HEALTH_SAFETY.vision },
]);

/** Signs that fumes, smoke or an allergy also bring: heard after them, so their own line is said first. */
const HEALTH_SIGNS: Rule[] = urgentHealth([
  { label: 'trouble breathing', re: new RegExp(BREATHLESS), safety: forPet(HEALTH_SAFETY.medical) },
  {
    label: 'trouble breathing',
    re: new RegExp(SHORT_OF_BREATH),
    unless: CHRONIC,
    safety: forPet(HEALTH_SAFETY.medical),
  },
  {
    label: 'fainting',
    re: new RegExp(FAINT),
    unless: /\b(price|prices|bill|quote|cost|estimate|invoice)\b/,
    safety: forPet(HEALTH_SAFETY.medical),
  },
  { label: 'severe bleeding', re: new RegExp(BLEEDING), safety: forPet(SAFETY.bleeding) },
]);

/** Flashes or new floaters: seen today (HIGH: the earliest appointment in hours, the on-call after), not 911. */
export const FLASHES_RULE: Rule = {
  label: 'flashes or floaters',
  priority: 'HIGH',
  lifeSafety: true,
  quietWhenOver: true,
  safety: HEALTH_SAFETY.flashes,
  re: new RegExp(FLASHES),
};

/** Emergencies every business hears, whatever its industry. */
export const UNIVERSAL: Rule[] = [
  {
    label: 'gas smell',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.gas,
    re: new RegExp(GAS),
  },
  {
    label: 'carbon monoxide',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.co,
    re: /\b((carbon monoxide|co|monoxide) (alarm|detector|monitor)s? (is |are |keeps |keeps on |just |has been |started |won't stop |will not stop |didn't stop |doesn't stop |hasn't stopped )?(going off|went off|beeping|sounding|chirping|reading|alarming)|carbon monoxide (leak|poisoning|in the (house|home|building))|(alarm|detector) (says|reads|shows) (carbon monoxide|co))\b/,
  },
  {
    label: 'fire or smoke',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.fire,
    re: /\b(on fire|caught fire|catching fire|(a|the) fire (in|at|on|is)|flames?|smoke (is )?(coming|pouring|filling|everywhere)|smok(e|ing)(?! (detector|alarm|free|shop|signal))|(smoke|fire) (alarm|detector)s? (is |are |keeps |just )?(going off|went off|sounding|blaring)|burning smell|smell(s|ing)? (like )?(something )?burn(ing|t)|smell of (something )?burning|smell(s|ing)? like (burning |melting |melted |hot )?plastic|melting plastic)\b|\bsmell(s|ing|ed)? (kind of |sort of |a little |a bit |really |like |of |something )*(burn(ing|t|ed)|scorched|melt(ing|ed)|hot plastic|electrical)\b|\b(burnt|burned|burning|scorched|melted|melting) (plastic|rubber|wires?|wiring|electrical) (smell|odou?r)\b/,
  },
  ...HEALTH,
  {
    label: 'someone trapped or injured',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.injury,
    re: new RegExp(
      String.raw`\b(${TRAPPED}|(is|are|got|been|was|were|badly|seriously|someone|somebody|people) (hurt|injured)|(hurt|injured) (badly|bad|seriously)|unconscious|unresponsive|passed out|${NOT_A_PERSON}collapsed|not breathing|stopped breathing|${HEART_ATTACK}|stuck in (an |the )?elevator)\b`,
    ),
  },
  {
    label: 'child or animal in a hot car',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.hotCar,
    re: new RegExp(
      String.raw`\b(${IN_CAR} ([a-z']+ ){0,4}(locked|stuck|trapped|left|shut) (in|inside) (a |the |my |his |her |their |our )?(hot )?${CAR}|${CAR},? ((?!(no|not|nobody|nothing|never|without)\b)[a-z']+,? ){0,8}${IN_CAR} (is |are )?(still )?(inside|in there|in it|in the back))\b`,
    ),
  },
  {
    // "my baby's in the car and the keys are locked inside", "there's a dog in a car out front, it's panting"
    label: 'child or animal in a hot car',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.hotCar,
    re: new RegExp(
      String.raw`\b(${IN_CAR}('s| is| are| was| were)|there('s| is) an? ${IN_CAR}) (still |left |alone |strapped |buckled |belted |sitting |asleep |sleeping )*(in|into|inside) (the |my |our |a |his |her |their |its )?(${SEAT}|${CAR})\b`,
    ),
    when: /\b(locked|lock(ed)? (the |my |our )?keys|keys? (are |is )?(locked |still )?(in|inside)|can't (get|open)|won't open|panting|crying|screaming|whimpering|not moving|overheating|boiling|sweltering|(so|really|too|getting) (hot|warm))\b/,
  },
  {
    // said outside a car about someone in it: "she's crying, it's getting warm in there"
    label: 'child or animal in a hot car',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.hotCar,
    re: /\b(crying|screaming|panting|whimpering|howling|sweating|red in the face|not moving|limp|lethargic)\b/,
    when: /\b(warm|hot|stuffy|boiling|baking|an oven) in there\b/,
    unless:
      /\b(room|nursery|bedroom|house|home|apartment|flat|unit|a ?c|air( conditioning| con)?|kennels?|office|building|class ?room|daycare)\b/,
  },
  {
    // "a big oak just came down on our house", "it went through the roof over the kids' bedroom"
    label: 'tree through the house',
    priority: 'URGENT',
    safety: SAFETY.structure,
    re: new RegExp(FELL_ON(HOME_PART)),
  },
  {
    label: 'tree through the house',
    priority: 'URGENT',
    safety: SAFETY.structure,
    re: new RegExp(
      String.raw`\b(it|it's|that|which|the whole thing|the top( of it)?|half of it|part of it) ${gap(2)}(went|came|crashed|smashed|broke|punched|fell|landed|ended up) (right |straight |all the way |halfway |partly )?(through|into|in through|on|onto|on top of) ${DET}${gap(1)}${HOME_PART}\b`,
    ),
    when: new RegExp(String.raw`\b${FALLEN}\b`),
    // "the price went through the roof": an idiom, not a tree
    unless: /\b(price|prices|cost|costs|quote|bill|bills|estimate|premium|rates?|insurance|rent)\b/,
  },
  {
    label: 'ceiling or roof caving in',
    priority: 'URGENT',
    safety: SAFETY.structure,
    re: new RegExp(COLLAPSE),
  },
  {
    // a home open to the weather: "a branch crashed through the window", "the storm blew our window in"
    label: 'window smashed in a storm',
    priority: 'HIGH',
    safety: SAFETY.structure,
    re: new RegExp(
      String.raw`${FELL_ON('(windows?|skylights?|glass door|patio door|sliding door|slider)')}|\b(storm|wind|gusts?|hurricane|tornado|cyclone|hail) ${gap(3)}(blew|blown|smashed|broke|broken|shattered|took|ripped) ${gap(2)}(windows?|skylights?|glass door|patio door|sliding door|slider|front door|back door)s?( (in|out|off))?\b`,
    ),
  },
  {
    label: 'swallowed poison',
    lifeSafety: true,
    quietWhenOver: true,
    priority: 'URGENT',
    safety: poisonSafety,
    re: swallowed(POISON),
  },
  {
    label: 'swallowed poison',
    lifeSafety: true,
    quietWhenOver: true,
    priority: 'URGENT',
    safety: poisonSafety,
    re: swallowed(DRUGS),
    when: new RegExp(String.raw`${PET.source}|\b${CHILD}\b`),
  },
  {
    label: 'pet ate something poisonous',
    lifeSafety: true,
    quietWhenOver: true,
    priority: 'URGENT',
    safety: SAFETY.petPoison,
    re: swallowed(PET_TOXIN),
    when: PET,
  },
  {
    // "my dog... she hid a bar of dark chocolate in his bag, and he'll eat anything"
    label: 'pet ate something poisonous',
    lifeSafety: true,
    quietWhenOver: true,
    priority: 'URGENT',
    safety: SAFETY.petPoison,
    re: new RegExp(String.raw`\b(${PET_TOXIN}|${POISON}|${DRUGS})\b`),
    when: [PET, MAY_HAVE_EATEN],
  },
  {
    label: 'downed power line',
    lifeSafety: true,
    quietWhenOver: true,
    priority: 'URGENT',
    safety: SAFETY.powerLine,
    re: new RegExp(DOWNED_LINE),
  },
  {
    label: 'toxic gas or fumes',
    lifeSafety: true,
    quietWhenOver: true,
    priority: 'URGENT',
    safety: SAFETY.co,
    re: new RegExp(TOXIC_RELEASE),
  },
  {
    label: 'toxic gas or fumes',
    lifeSafety: true,
    quietWhenOver: true,
    priority: 'URGENT',
    safety: SAFETY.co,
    re: new RegExp(FUMES),
    when: SYMPTOM,
  },
  {
    label: 'severe allergic reaction',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.allergy,
    re: /\b((severe|bad|serious) allergic reaction|anaphyla\w*|epi ?pen|throat(?:'s| is| feels| is getting| feels like it's)? (closing|swelling|tight|tightening)|tongue(?:'s| is)? (swelling|swollen|swelled)|(can't|cannot|can not|trouble|hard to|struggling to) breathe|(face|lips?|tongue|throat|eyes?) (is |are )?(swelling|swollen|puff(ing|ed)) up)\b/,
  },
  ...HEALTH_SIGNS,
  { ...FLASHES_RULE, when: EYE_SAID },
  { label: 'allergic reaction', priority: 'HIGH', safety: SAFETY.allergy, re: /\ballergic reaction\b/ },
  { label: 'home left open', priority: 'HIGH', re: new RegExp(UNSECURED) },
  { label: 'asks for after-hours help', priority: 'HIGH', re: new RegExp(AFTER_HOURS) },
];

/** "Nothing urgent", "routine", "no rush": the caller says plainly it can wait. */
export const ROUTINE =
  /\b(routine|nothing (too |that )?(urgent|serious|major|wrong|broken|is broken)|(not|isn't|is not|it's not) (really |exactly |an? |really an? )*(urgent|emergency|an emergency)|no (big )?(rush|hurry|emergency)|not in (a|any) (rush|hurry)|not urgent|just due|just a quote|(it|this|that) can wait|when(ever)? (you have|it's convenient))\b/;

/** The trouble is over ("it's all dry now", "it was fixed"): nothing left to escalate. */
export const RESOLVED =
  /\b((it's|it is|it has|it's been|everything's|everything is|that's|that is|water's|water is|it was|it got|it's all)( all| since| now| already| completely| fully)* (dry|dried( out| up)?|fixed|repaired|cleaned up|under control|taken care of)|(has|have|had) (since |already |now )?(stopped|dried( out| up)?|been fixed|been repaired|been cleaned up)|(dry|dried out|fixed) now|(works|working|closes|closing|opens|is|it's|runs|running) (fine|ok|okay|normally|properly) (now|again)|no longer (leaking|flooding|coming in|dripping))\b/;

/** A time gone by ("last week", "two months ago"): the trouble happened then. */
export const PAST =
  /\b(last (week|month|year|winter|summer|spring|fall|autumn|weekend|time)|(a few|a couple( of)?|two|three|several|\d+) (days|weeks|months|years) ago|(days|weeks|months|years) ago|a while (ago|back)|in the past)\b/;

/**
 * The trouble is happening now, whatever happened before ("it flooded last year and it's flooding again now");
 * "now I want a sump pump" speaks of the wish, not of the trouble.
 */
export const ONGOING =
  /\b((?<!\b(fine|ok|okay|better|good|normal) )now(?! (i|we|i'd|we'd) (want|need|would like|like|'d like)\b)|still|right now|currently|at the moment|as we speak|happening again|again (today|tonight))\b/;

/**
 * Words that deny what follows them in the same clause ("no gas smell", "nothing's flooding", "nobody is hurt");
 * a Spanish turn keeps its own ("nadie está herido" reads "nadie someone is hurt", "ni humo ni fuego").
 */
const DENIER =
  /^(no|not|never|without|nothing|nothing's|nobody|nobody's|none|isn't|aren't|wasn't|weren't|ain't|don't|doesn't|didn't|haven't|hasn't|hadn't|nadie|nada|ningun|ninguna|ninguno|sin|tampoco|nunca|jamas|ni)$/;
/** Words that deny only a sense: "I can't smell gas anymore", not "I can't breathe, smoke everywhere". */
const BLIND = /^(can't|cannot|couldn't)$/;
/** A sense or a belief after a denier carries the denial across a clause ("I don't think it's flooding"). */
const SENSED =
  /^(think|believe|reckon|guess|see|smell|hear|notice|feel|seem|seems|look|looks|saw|smelled|smelt|heard|noticed|creo|creemos|veo|vemos|vi|huelo|oli|oigo|escucho|noto|note|siento|senti|parece|pienso)$/;
/** Right after a denier, a word that makes it no denial: "not just a drip", "never stops", "don't know", "no idea". */
const NOT_A_DENIAL =
  /^(just|only|stop|stops|stopped|stopping|quit|quits|know|sure|kidding|joking|lying|idea|doubt|matter|wait|way|solo|solamente|nomas|para|paran|deja|dejan|importa)$/;
/**
 * A word that opens another clause: "no, it's flooding", "no damage and water is pouring in" deny nothing after
 * it. Not a bare "i": "no huele a gas" reads "no i smell gas".
 */
const CLAUSE_OPENER =
  /^(it|it's|there|there's|that's|this|we're|i'm|he's|she's|they're|and|but|so|because|though|although|now|then|y|e|pero|sino|porque|aunque|pues|entonces|ahora|luego)$/;
/** A phrase that is itself a lack: "no heat" is the problem, never its denial. */
const LACK = /^(no|not|never|without|nothing|isn't|won't|can't|cannot|don't|doesn't)\b/;

/**
 * "no gas smell", "nothing's flooding", "I don't think it's leaking" deny what `m` found in `text`. The denier
 * must be in the same clause, at most two words before ("nobody is hurt"), or before a sense or a belief ("I
 * don't see any smoke"); a new clause ("no, it's flooding", "no damage and water is pouring in") or a word that
 * makes it something else ("not just a drip", "never stops", "I don't know") denies nothing.
 */
export function denied(text: string, m: RegExpMatchArray): boolean {
  if (LACK.test(m[0])) return false;
  const clause =
    text
      .slice(0, m.index)
      .split(/[,.;:!?\u2013\u2014]|\s-\s/)
      .pop() ?? '';
  // five words: a belief reaches across a Spanish clause ("no creo que haya una fuga")
  const words = clause.trim().split(/\s+/).filter(Boolean).slice(-5);
  for (let i = words.length - 1; i >= 0; i--) {
    const after = words.slice(i + 1);
    // the sense may open the match itself: "I can't [smell gas]"
    const sensed = SENSED.test(after[0] ?? m[0].split(' ')[0]);
    if (!DENIER.test(words[i]) && !(BLIND.test(words[i]) && sensed)) continue;
    if (NOT_A_DENIAL.test(after[0] ?? '')) return false;
    return sensed || (after.length <= 2 && !after.some((w) => CLAUSE_OPENER.test(w)));
  }
  return false;
}

/** `re` is said somewhere in `text` and not denied ("the kids are coughing", not "nobody is coughing"). */
export function saidPlainly(re: RegExp, text: string): boolean {
  for (const m of text.matchAll(new RegExp(re.source, 'g'))) if (!denied(text, m)) return true;
  return false;
}
