/**
 * The caller's body or mind in danger, whatever the business: chest pain, a stroke's signs, an overdose, suicidal
 * thoughts, sight suddenly lost (URGENT); breathing trouble, fainting, heavy bleeding (heard after fumes, smoke
 * or an allergy, whose own line comes first); new flashes or floaters (HIGH).
 */
import { forPet, gap, HEALTH_SAFETY, poisonSafety, SAFETY, type Rule } from './emergency-safety.js';

export const WHOSE = String.raw`(my|his|her|their|the|your|our)`;
/** A heart attack now, not the one a caller is recovering from ("cardiac rehab after my heart attack"). */
export const HEART_ATTACK = String.raw`(?<!\b(after|since|from|of|post) ((my|his|her|their|a) )?)heart attack`;
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
/** A plan made ready ("all my pills out on the table", "tonight is it", "I wrote a note for my family"). */
const CRISIS_PLAN = String.raw`\b((all (of )?(my|the|these|his|her)|a (whole )?(bottle|handful|box|packet) of) (sleeping |pain |heart )?(pills|tablets|meds|medications?|painkillers) (are )?(all )?(out|lined up|laid out|counted( out)?|in front of me|on the (table|counter|bed|floor))|(going|gonna|about|planning|plan) to (take|swallow) (all|every one) of (my|the|these|his|her) (pills|tablets|meds)|tonight(?:'s| is) (it|the end)(?= *([,.;!?]|$| for me\b| i think\b))|i won't be (around|here) (much longer|anymore|any more|tomorrow)|(saying|said|say) (my )?goodbyes? to (everyone|my (family|kids|wife|husband|mum|mom|dad))|(wrote|written|writing|left) (a|my) (goodbye |suicide )?(note|letter) (for|to) (my |the )?(family|kids|wife|husband|everyone|mum|mom|parents))\b`;

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
export const EYE_SAID = /\b(eyes?|vision|sight|floaters|retina\w*)\b/;

const urgentHealth = (rules: Array<Omit<Rule, 'priority'>>): Rule[] =>
  rules.map((r) => ({ ...r, priority: 'URGENT', lifeSafety: true, quietWhenOver: true }));

/** The body or the mind in danger, whatever the business: heard before an injury's general line. */
export const HEALTH: Rule[] = urgentHealth([
  { label: 'chest pain', re: new RegExp(CHEST), safety: forPet(HEALTH_SAFETY.heart) },
  { label: 'heart attack signs', re: new RegExp(NUMB_ARM), when: HEART_SIGN, safety: forPet(HEALTH_SAFETY.heart) },
  { label: 'stroke signs', re: new RegExp(STROKE), unless: DENTAL_NUMBING, safety: HEALTH_SAFETY.stroke },
  { label: 'stroke signs', re: new RegExp(CANT_LIFT), unless: LIMB_INJURY, safety: HEALTH_SAFETY.stroke },
  { label: 'overdose', re: new RegExp(OVERDOSE), safety: poisonSafety },
  { label: 'suicidal thoughts', re: new RegExp(CRISIS), safety: HEALTH_SAFETY.crisis },
  { label: 'suicidal thoughts', re: new RegExp(ENDING_IT), unless: NOT_A_LIFE, safety: HEALTH_SAFETY.crisis },
  { label: 'suicidal thoughts', re: new RegExp(CRISIS_PLAN), safety: HEALTH_SAFETY.crisis },
  { label: 'sudden vision loss', re: new RegExp(VISION_LOSS), unless: EYEWEAR, safety: HEALTH_SAFETY.vision },
]);

/** Signs that fumes, smoke or an allergy also bring: heard after them, so their own line is said first. */
export const HEALTH_SIGNS: Rule[] = urgentHealth([
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
