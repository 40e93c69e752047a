/**
 * Emergency vocabulary by industry, each rule with its severity. Severity may depend on the season
 * and on who is at risk ("no heat" in January with a newborn at home is URGENT).
 */
import { FLASHES_RULE } from './emergency-health.js';
import { saidPlainly } from './emergency-lexicon.js';
import { gap, SAFETY, type Circumstances, type Rule } from './emergency-safety.js';

/** Someone at higher risk: babies, the elderly, the sick, people on medical equipment. */
const VULNERABLE =
  /\b(baby|babies|infant|newborn|toddler|little (kids?|ones|children)|young (kids|children)|elderly|old (man|woman|lady|people)|grand(ma|pa|mother|father|parents?)|mother is \d+|father is \d+|is (8|9)\d|(my|our|a) ([1-5]|one|two|three|four|five)[- ]years?[- ]old|\d+[- ](weeks?|months?)[- ]old|senior|pregnant|disabled|sick|ill|oxygen|medical (equipment|device)|ventilator|dialysis|cpap|life support|heart condition)\b/;
const COLD =
  /\b(freezing|frozen|ice cold|so cold|really cold|below (zero|freezing)|sub ?zero|single digits|minus \d+|negative \d+|\d+ degrees (inside|in here|in the house)|(thermostat|temperature|temp) (is |says |reads |shows )?(down to |at |only )?[1-5]\d\b)\b/;
const HEAT =
  /\b(heat wave|scorching|sweltering|boiling|over (100|a hundred)|1[01]\d degrees|9\d degrees|so hot|really hot|extremely hot|unbearabl[ey] hot|overheating)\b/;
const MEDICAL =
  /\b(oxygen|medical (equipment|device)|ventilator|dialysis|cpap|life support|insulin|home health|breathing machine)\b/;

const winter = (m: number) => m >= 11 || m <= 3;
const summer = (m: number) => m >= 6 && m <= 8;

const noHeat: Rule = {
  label: 'no heat',
  re: /\b((no|without|without any) heat(ing)?|(furnace|heater|heating|heat|boiler|heat pump)( system)? (is |has |just |completely |totally |went |keeps )*(stopped working|stopped|quit|died|broke|broken|gone out|out|off|conked out|not working|isn't working|(not|isn't|is not|won't|will not|doesn't|does not|didn't|no longer) (coming on|come on|turning on|turn on|kicking on|kick on|starting|start|working|work|lighting|light|igniting|ignite|firing|heating|blowing (any )?(heat|warm air))|failed|gave out|shut (off|down))|(house|home|place|apartment|it) is (freezing|ice cold|so cold)|freezing in (here|the house)|(furnace|heater|heat|heating|vents?) (is |are |keeps |only )*blowing (cold|cool)( air)?)\b/,
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

/** Water from outside (rain, a storm, a roof): there is no valve to close. */
const FROM_OUTSIDE =
  /\b(rain\w*|roof\w*|storm\w*|hail\w*|downpour|cyclone|hurricane|typhoon|gutters?|skylights?|flash flood\w*|river|creek|ground ?water|storm surge|high tide|king tide|sump( pump)?|from outside)\b/;
/** Water from the plumbing: a pipe, a tank or an appliance, which the main valve stops. */
const FROM_PIPES =
  /\b(pipes?|burst|busted|water (main|line|heater|tank)|valve|taps?|faucets?|toilets?|cistern|hot water (system|tank|cylinder)|washing machine|washer|dishwasher|hoses?)\b/;

/** Rain through a roof gets the rain line; piped water the main valve; near a light, the breaker. */
const waterSafety = ({ text }: Circumstances) =>
  FROM_OUTSIDE.test(text) && !FROM_PIPES.test(text)
    ? SAFETY.rain
    : /\b(lights?|fixtures?|outlets?)\b/.test(text)
      ? SAFETY.electric
      : SAFETY.water;

const flooding: Rule = {
  label: 'flooding',
  priority: 'URGENT',
  safety: waterSafety,
  re: new RegExp(
    String.raw`\b(flood(ing|ed|s)?|water (is |was )?(everywhere|all over)|water ${gap(3)}(pouring|gushing|spraying|spewing|shooting|streaming)|(pouring|gushing|spraying|spewing) (out )?(water|everywhere)|inches of water|standing water in)\b`,
  ),
};

/** Where water inside a building becomes an emergency: through a ceiling, a light, a floor to the unit below. */
const THROUGH = String.raw`(through|from|out of|into|in through|down through|down from|out from)`;
const SURFACE = String.raw`(ceilings?|light fixtures?|lights?|fixtures?|recessed lights?|can lights?|floor(?! plans?)|floors|floorboards|subfloor|(apartment|unit|condo|place|room|one|floor) (below|downstairs|underneath|under us|under me)|downstairs|neighbou?r'?s?( (unit|apartment|place|ceiling))?)`;

const waterThrough: Rule = {
  label: 'water coming through the ceiling',
  priority: 'URGENT',
  safety: waterSafety,
  re: new RegExp(
    String.raw`\b((water|rain|rainwater|sewage|it's|it is|it) ${gap(3)}(coming|came|comes|going|goes|went|running|runs|ran|getting|gets|got|leaking|leaks|leaked|seeping|seeps|pouring|pours|gushing|spraying|streaming|flowing|flows|trickling)( in| down| out)? ${gap(2)}${THROUGH} ${gap(3)}${SURFACE}|(pouring|gushing|spraying|streaming|leaking|seeping|flowing|raining) ${gap(1)}${THROUGH} ${gap(3)}(ceilings?|light fixtures?|lights?|fixtures?|floor(?! plans?)|walls?)|(water|rain|rainwater) (in|inside|out of|dripping from|pooling in) (the |a |my |our )?(light fixtures?|ceiling lights?|recessed lights?|can lights?)|(dripping|drips|dripped|leaking|coming|pouring) ${gap(1)}(out of|from|through) (the |a |my |our )?${gap(1)}(light fixtures?|lights?|fixtures?|recessed lights?|can lights?))\b`,
  ),
};

const ceilingGiving: Rule = {
  label: 'ceiling coming down',
  priority: 'URGENT',
  safety: SAFETY.structure,
  re: new RegExp(
    String.raw`\bceilings?(?! (fans?|lights?|fixtures?|tiles?|paint)) ${gap(2)}(is |are |has |have |just )?(caving|caved|collapsing|collapsed|sagging|bulging|coming down|came down|falling (in|down)|fell (in|down)|giving way|gave way)\b`,
  ),
};

const ceilingDrip: Rule = {
  label: 'ceiling leak',
  priority: 'HIGH',
  safety: waterSafety,
  re: new RegExp(
    String.raw`\b(dripping|drips|dripped) ${gap(1)}(from|through|out of) ${gap(3)}ceilings?\b|\bceilings? (is |are )?(dripping|leaking|wet|soaked)\b`,
  ),
};

/** Water where it must not be: shared by plumbing, heating and cooling, and buildings. */
const waterInside: Rule[] = [flooding, waterThrough, ceilingGiving, ceilingDrip];

const burstPipe: Rule = {
  label: 'burst pipe',
  priority: 'URGENT',
  safety: SAFETY.water,
  re: new RegExp(
    String.raw`\b((burst|broken|busted|split|cracked|ruptured|exploded) (a |the |water |main |my )?(pipe|water main|main line|water line|supply line)s?|(pipes?|water main|main line|water line|supply line|(supply|washer|washing machine|dishwasher|fridge|toilet|water) hoses?|hoses? (to|on|for|behind) the (washer|washing machine|dishwasher|fridge|refrigerator|toilet|sink|water heater)) ${gap(4)}(burst|bursted|broke|busted|exploded|split|ruptured|blew|popped|came apart|gave way|let go)|a (pipe|water line|supply line) ${gap(2)}that (burst|broke|split|ruptured))\b`,
  ),
};

const sewage: Rule = {
  label: 'sewage backup',
  priority: 'URGENT',
  re: new RegExp(
    String.raw`\b(sewage|sewer ${gap(1)}(is |has |just )?(back(ed|ing|s)? ?up|overflow\w*|coming up)|(toilets?|drains?|floor drains?|basement drains?|showers?|tubs?|sinks?|everything|main line) ${gap(1)}(is |are |keeps )?(backing|backed|backs) up (into|with|everywhere|all over|through|in the)|(poop|feces|waste ?water|toilet water|dirty water|black water|brown water) ${gap(2)}(coming|came|comes|bubbling|backing|pouring|gushing|spilling) (up|out|into|through|back))\b`,
  ),
};

const overflowing: Rule = {
  label: 'overflowing toilet',
  priority: 'HIGH',
  safety: SAFETY.water,
  re: new RegExp(
    String.raw`\b((toilet|sink|tub|bathtub|shower|washer|washing machine|dishwasher)s? ${gap(3)}(overflow(ing|ed|s)?|running over|runs over|ran over|spilling over|spilled over|spills over)|overflowing (toilet|sink|tub|bathtub))\b`,
  ),
};

const roofBreach: Rule = {
  label: 'hole in the roof',
  // a hole is a repair; a hole with rain coming in is an emergency
  priority: ({ text }) =>
    /\b(rain\w*|storm\w*|water|wet|leak\w*|drip\w*|pouring|coming in)\b/.test(text) ? 'URGENT' : 'HIGH',
  safety: ({ text }) => (FROM_OUTSIDE.test(text) ? SAFETY.rain : undefined),
  re: new RegExp(
    String.raw`\b((hole|holes|gap|opening|gash) ${gap(3)}(in|through) ${gap(2)}(roof|ceiling)|roof ${gap(1)}(is |has |just )?(caved|caving|collapsed|collapsing|ripped (open|off)|torn (open|off)|blown off|blew off|came off|gone)|(shingles|part of the roof|section of (the )?roof|the tarp|roof|roofing|sheeting|metal sheets|tiles) ${gap(2)}(blew|blown|ripped|torn|came|lifted|peeled) off|(took|ripped|tore|torn|blew|blown|lifted|peeled|pulled) ${gap(3)}(roof|shingles|tarp|sheeting|tiles) (right |clean )?off)\b`,
  ),
};

/** Rain or water getting in from outside: through a roof, a window, under a door. */
const weatherIn: Rule = {
  label: 'water coming in from outside',
  priority: 'URGENT',
  safety: ({ text }) => (FROM_OUTSIDE.test(text) ? SAFETY.rain : undefined),
  re: new RegExp(
    String.raw`\b((rain|rainwater|water)('s| is| was)? ${gap(1)}(coming|getting|pouring|leaking|running|dripping) (in|inside) (through|from|around|under|into|all over|on)|(rain|rainwater|water)('s| is| was|'s been| has been)? (still |now |just )?(pouring|gushing|streaming|leaking|dripping|getting|blowing|coming) (in|inside)(?! (the )?(yard|garden|driveway|street|gutters?|forecast|tonight|tomorrow|later|soon|this|next|over|on|at|from the (north|south|east|west))))\b`,
  ),
};

/** Where a car in trouble is in danger itself: on a highway, in traffic. */
const ON_ROAD =
  /\b(highway|freeway|interstate|expressway|motorway|turnpike|side of the road|shoulder|in traffic|middle of the road|on the bridge|in the tunnel|i-? ?\d+|route \d+|cars (are )?(flying|speeding|zooming|racing) (by|past))\b/;
/** Trouble now, whatever day is named ("stuck out here now"). */
const NOW = /\b(now|asap|immediately|right away|tonight|out here|stuck|stranded|shoulder|side of the road|hazards)\b/;
/** A day ahead, or a tow to be booked: a request, not trouble ("can you tow it Friday?"). */
const LATER =
  /\b(tomorrow|next (week|month)|(on|this|next|for|by|until|till) (mon|tues|wednes|thurs|fri|satur|sun)day|(mon|tues|wednes|thurs|fri|satur|sun)day (morning|afternoon|evening)|this weekend|later (this|next) week|(schedule|book|set up|arrange|reserve) (a |an |the )?(tow|pick ?up|appointment|transport))\b/;

/** What makes a broken tooth urgent: it hurts, it cuts, it bleeds, it shows, it split. */
const BROKEN_TOOTH_TROUBLE =
  /\b((?<!\b(doesn't|does not|don't|do not|didn't|isn't|not|no|without|never) (\w+ )?)(hurts?|hurting|pain\w*|aches?|aching|throb\w*|sore|sensitive|killing me|sharp|cutting|bleed\w*|swell\w*|swollen)|front (tooth|teeth)|in half|half (of )?(my|the|a) tooth|(big|huge|large) (piece|chunk)|nerve|can't (eat|chew|sleep))\b/;
/** Said of a broken tooth that can wait: it does not hurt, it is a small piece. */
const CALM_TOOTH =
  /\b((doesn't|does not|don't|do not|didn't|isn't|is not) (\w+ )?(hurt|painful|sore|bother)|no pain|not (in )?(any )?pain|(little|small|tiny|teeny) (piece|chip|bit|corner))\b/;

/** Lexicons by industry (and by kinds of business recognised from their name or services). */
export const BY_INDUSTRY: Record<string, Rule[]> = {
  plumbing: [
    burstPipe,
    ...waterInside,
    sewage,
    {
      label: 'no water',
      priority: 'HIGH',
      re: /\b(no (running )?water(?! ((on|in|en) (the |my |our |el )?(floor|ground|basement|carpet|ceiling|piso|suelo)|anywhere|leaking|coming|dripping|pooling|damage|on it|pressure))|(nothing|no water) (comes|coming) out (of )?(the )?(taps?|faucets?|shower)|without (any )?water|water (is |got |has been )?(shut|turned|cut) off)\b/,
    },
    {
      label: 'frozen pipes',
      priority: 'HIGH',
      safety: SAFETY.water,
      re: /\b((frozen|froze) pipes?|pipes? (are |is |have |has )?(frozen|froze))\b/,
    },
    overflowing,
    {
      label: 'water heater leak',
      priority: 'HIGH',
      safety: SAFETY.water,
      re: /\bwater heater (is |has )?(leak(ing)?|burst|spewing)\b/,
    },
    { label: 'leak', priority: 'NORMAL', re: /\b(leak(ing|s)?|dripping)\b/ },
  ],
  hvac: [noHeat, noCooling, ...waterInside],
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
      re: new RegExp(
        String.raw`\b((outlet|panel|switch|light switch|breaker|plug|socket|breaker box|fuse box|cord)s? ${gap(2)}(is |are |was |feels |felt |got |gets )?(really |very |so )?(hot|warm|melting|melted|buzzing|crackling|sizzling|charred|scorched|blackened|burnt|burned|smoking|smells|smelled|smelling|warm to the touch)|melted (outlet|plug|socket|cord)|(scorch|burn|black|brown) marks? ${gap(3)}(outlet|panel|switch|plug|socket|wall)|(crackling|sizzling|popping|buzzing) (sound|noise)?${gap(2)}(from|in|behind|inside) (the |my |an |a )?(outlet|panel|switch|breaker|wall|socket))\b`,
      ),
    },
    {
      label: 'downed power line',
      priority: 'URGENT',
      safety: SAFETY.powerLine,
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
      label: 'accident',
      safety: SAFETY.car,
      heardWhenOver: true,
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
      label: 'stranded',
      safety: SAFETY.car,
      // on a highway it is dangerous; a tow wanted for Friday is a booking ("I need a tow truck Friday")
      priority: ({ text }) => (LATER.test(text) && !NOW.test(text) ? 'NORMAL' : ON_ROAD.test(text) ? 'URGENT' : 'HIGH'),
      re: /\b(stranded|broke down|broken down|(car|truck|van|it) (just )?died|won't start|stuck on (the )?(road|highway|freeway|side|shoulder|interstate|i-? ?\d+|route \d+)|stalled|(not|isn't|no longer) drivable|undrivable|(can't|cannot) drive it|need a tow|tow truck|get (it )?towed|(got |have |with )a flat( tire| tyre)?|blew a (tire|tyre)|(tire|tyre) blew out)\b/,
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
      re: /\b((knocked|knock|fell|came|popped) (his |her |my |a |the |their |our |front |two |out )*(tooth|teeth) (out|loose)|(tooth|teeth) (got |was |were |has been |just )?(knocked|came|fell) out|(knocked|fell|came) out (a |his |her |my |their )?(front )?(tooth|teeth)|(knocked|knock|popped) ([a-z']+ ){0,3}(tooth|teeth) (clean |right |completely |all the way )?out|(tooth|teeth) (got |was |were |has been |just )?(knocked|came|fell|popped) (clean |right |completely |all the way )out|lost (a |his |her |my |their |one of (his |her |my |their )?)(front|permanent|adult) (tooth|teeth)|avulsed)\b/,
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
      // a chip, or a break that "doesn't hurt or anything", is a check-up to book; pain, a sharp edge or a front tooth is today
      priority: ({ text }) =>
        BROKEN_TOOTH_TROUBLE.test(text) || !(CALM_TOOTH.test(text) || /\bchipped\b/.test(text)) ? 'HIGH' : 'NORMAL',
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
      re: /\b(hit by a (car|truck|vehicle)|(not|isn't|stopped|can't|cannot|trouble|struggling|difficulty|hard time) breath\w*|(having|had|has|having a) (a )?seizures?|seizing|bloat(ed|ing)?|(belly|stomach|abdomen) (is )?(swollen|distended|hard)|(won't|can't|cannot|unable to) (stand|get up|walk|pee|urinate)|collapsed|unconscious|unresponsive|choking|dog fight|snake ?bite|heat ?stroke|in labor|giving birth)\b/,
    },
    {
      label: 'pet swallowed something dangerous',
      priority: 'URGENT',
      safety: SAFETY.petPoison,
      re: /\b(poison\w*|(ate|eaten|eat|eats|swallowed|got into|chewed|drank|licked|gobbled|scarfed|ingested) ([a-z']+ ){0,7}(chocolate|rat poison|poison|antifreeze|xylitol|grapes?|raisins?|pills?|medications?|medicine|meds|ibuprofen|advil|aleve|naproxen|acetaminophen|tylenol|adderall|vitamins|bleach|lil(y|ies)|gum|sugar[- ]free|onions?|garlic|edibles?|weed|marijuana|cannabis|(rat|mouse|ant|slug|snail|roach) (bait|killer|traps?)|rodenticide|pesticide|insecticide|fertilizer|detergent|laundry pods?|cleaners?|nicotine|vape|cigarettes?|batter(y|ies)|socks?|string|corn cob|mushrooms?|macadamia|yeast dough|coffee grounds))\b/,
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
        // "no kids or pets in it" is a car with nobody inside
        saidPlainly(VULNERABLE, text) ||
        saidPlainly(/\b(kids?|child(ren)?|son|daughter|dog|puppy|cat|kitten|pets?|stove|oven|iron|bath)\b/, text)
          ? 'URGENT'
          : 'HIGH',
      re: new RegExp(
        String.raw`\b(locked (myself |ourselves |him |her |them |us |me )?out|lock(ed)? (my |the )?keys? in(side)?|keys? (are |is )?(locked )?(inside|in the (car|house|apartment))|left (my |the )?keys? (inside|in the)|can't get (back )?(in|inside)|shut the door ${gap(3)}locked|break[- ]?in|broken into)\b`,
      ),
    },
    {
      label: 'someone locked inside',
      priority: 'URGENT',
      safety: SAFETY.injury,
      re: new RegExp(
        String.raw`\b(baby|infant|toddler|child|kid|son|daughter|grand(son|daughter)|dog|puppy|cat|kitten|pet)s? ${gap(4)}(is |are |got |was )?(locked|stuck|trapped|shut) (in|inside)(?! (traffic|a meeting))|(baby|infant|toddler|child|kid|son|daughter|dog|puppy|cat|kitten|pet|\d+[- ]years?[- ]old)s? (is |are )?(still )?(inside|in there)\b`,
      ),
    },
  ],
  /** Roofers, restoration, tree services: water and damage coming into a building. */
  building: [...waterInside, burstPipe, sewage, overflowing, roofBreach, weatherIn],
  /** Eye care (known by its name): new flashes or floaters are a retina to see today, even without "eye". */
  eyecare: [FLASHES_RULE],
  /** Landlords and property managers: the building's emergencies and a home without heat. */
  property: [...waterInside, burstPipe, sewage, overflowing, roofBreach, weatherIn, noHeat],
  other: [],
};
