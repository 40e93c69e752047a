/**
 * Emergency vocabulary in everyday words: a universal core every business hears (life safety, the caller's
 * own health or a crisis (emergency-health.ts), and a home left open or a plain request for someone after
 * hours), each rule with its severity; the lexicon of each industry is in emergency-industries.ts, what a rule is
 * and the safety lines in emergency-safety.ts.
 */
import { EYE_SAID, FLASHES_RULE, HEALTH, HEALTH_SIGNS, HEART_ATTACK } from './emergency-health.js';
import { gap, PET, poisonSafety, SAFETY, type Rule } from './emergency-safety.js';

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
const NOT_CONFINED = String.raw`(?! (?:(?:in|inside|at|on) )?(?:(?:a|an|the|my|our|this|that|some|rush hour) )?(?:traffic|meetings?|parking (?:lots?|garages?|spots?)|lots?|lines?|queues?|snow|mud|ditch|sand|rain|loop|office|work|class|school|airport|lobby|bed|limbo|ruts?|cars?|trucks?|vans?|vehicles?|wrecks?|accidents?|crash(?:es)?|pile-?ups?|buses|bus|lorry|lorries|tractors?|road ?works|roadworks|construction|detours?|a slow driver|slow drivers?|school buses|semis?|suvs?|(?:house|home) (?:all|until|till|for|waiting|because|today)|all day|because|waiting|until|till|today|due)\b)`;
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
/** Swallowed, or got into it: said of what already happened. */
const ATE = String.raw`(ate|eaten|(?:after|been|was|were|is|'s) eating|swallowed|got into|gotten into|chewed( up| on| through)?|drank|licked( up)?|gobbled( up)?|scarfed( down)?|wolfed( down)?|ingested|helped (himself|herself|itself|themselves) to)`;
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

/** A person who does not answer or wake: an injury when they are down ("fell off the ladder", "on the floor"). */
/** A fall that left someone hurt: "she's fallen and she can't get up", "he hit his head… quite a bit of blood". */
const FALLEN_HURT = String.raw`\b((fallen|fell|had a fall|took a fall|slipped|tripped)\b[^.?!]{0,60}\b(can't|cannot|can not|couldn't|unable to|won't) (get up|stand( up)?|move|get (him|her|them) up)(?=\s*(?:[,.;!?]|$|\band\b|\boff\b|\bfrom\b|\bon\b))|hit (his|her|their|my) head\b[^?!]{0,80}\b(blood|bleeding|confused|dizzy|knocked out|passed out|not making sense|vomit\w*|sick)|(quite a bit|a fair bit|a good bit) of blood(?! (tests?|work|pressure|sugar|draws?|results?)))`;
const NOT_RESPONDING = String.raw`\b((he|she|they|he's|she's|they're|he is|she is|they are|isn't|is not|aren't|not) (not )?(really )?(answering|responding|responsive|moving|waking up|making sense)(?! (his|her|their|my|the|a) (phone|calls?|texts?|messages?|door|emails?))|(won't|will not|can't|cannot|couldn't) (wake (him|her|them)( up)?|get (him|her|them) to (wake|respond|answer))|(won't|will not|doesn't|does not|didn't) (wake up|respond))\b`;
const DOWN =
  /\b(fell|fallen|fall|falling|on the (ground|floor|pavement|road)|collapsed|hit (his|her|their) head|knocked (himself |herself )?out|lying there|lay there|slumped)\b/;
/** Electricity felt from a tap, a shower or an appliance: a live fixture, whatever trade is called. */
const FIXTURE = String.raw`(taps?|faucets?|sinks?|shower( mixer| head| screen| door)?|mixer|bath( ?tub)?|tub|radiators?|pipes?|fridge|oven|stove|washing machine|washer|dryer|dishwasher|kettle|toaster|appliances?|light switch(es)?|switch(es)?|metal)`;
const FIXTURE_SHOCK = String.raw`\b((tingl\w*|buzz(ing)?|zap(s|ped|ping)?|shocks?|shocked|jolt|electric\w*) ${gap(5)}(when|whenever|if|every time) (i|you|we|he|she|they|anyone|someone) (touch|touches|grab|grabs|hold|holds|turn|turns|use|uses) ${gap(2)}${FIXTURE}|${FIXTURE} ${gap(2)}(gives?|gave|giving|is giving|has been giving|keeps giving) (me |us |him |her |them )?(a |an )?(wee |little |slight |small |tiny |mild |bit of a )?(tingl\w*|buzz|zap|shock|jolt|belt)|(got|get|getting|felt|feel|feeling) (a |an )?(wee |little |slight |small |tiny |mild )?(tingl\w*|buzz|zap|shock|jolt|belt) (off|from|touching|when i touch(ed)?) ${gap(2)}${FIXTURE})\b`;

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
    // "he fell off the ladder… he's on the ground and not really answering me"; not "he's not answering his phone"
    label: 'someone trapped or injured',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.injury,
    re: new RegExp(NOT_RESPONDING),
    when: DOWN,
  },
  {
    label: 'someone trapped or injured',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.injury,
    re: new RegExp(FALLEN_HURT),
  },
  {
    // "I get a wee tingle when I touch the kitchen tap", "the shower gives me a little shock": a live fixture
    label: 'electric shock',
    lifeSafety: true,
    priority: 'URGENT',
    safety: SAFETY.electric,
    re: new RegExp(FIXTURE_SHOCK),
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
