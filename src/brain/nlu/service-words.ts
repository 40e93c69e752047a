/**
 * What callers call a service, in the words owners name it: a "fade" is a haircut, "mice" want rodent control,
 * "my screen's smashed" a screen replacement, "a mani-pedi" a manicure and pedicure, an F-150 a truck, "eight
 * kilos" a small dog, "half an hour" 30 minutes. Each rule adds the owner's likely words to what was said, so
 * they count only where the business has a service named with them.
 */
import { TENS, UNITS } from './text.js';

const CONCEPTS: Array<[RegExp, string]> = [
  [
    /\b(?:skin )?fades?\b|\bbuzz ?cut\b|\bbuzzed\b|\bcrew ?cut\b|\btaper\b|\bline ?up\b|\bshort back and sides\b|\bclippers?\b|\boff the top\b|\bshaggy\b/,
    'haircut cut',
  ],
  [
    /\b(?:a |quick |wash and )cut\b(?! (?:the |my |our )?(?:lawn|grass|hedge|trees?|power|off|out|on|in|my))|\bcut and (?:a )?beard\b/,
    'haircut',
  ],
  [
    /\b(?:a |quick |little )?trim\b(?! (?:the |my |our |his |her )?(?:hedges?|trees?|beard|nails?|lawn|bushes|edges?))/,
    'haircut cut',
  ],
  [
    /\b(?:take|walk) (?:my |our |the |her |his )?(?:[a-z]+ )?out\b|\bpotty break\b|\b(?:loop|lap) (?:around|round) the block\b|\bquick walk\b/,
    'walk 30 minute',
  ],
  [/\bcontact lens(?:es)?\b|\b(?:try|trying|wear|wearing|get) contacts\b/, 'contact lens fitting'],
  [
    /\b(?:for )?my (?:husband|boyfriend|son|dad|father|brother|grandpa|partner)\b.{0,40}\b(?:cut|trim|buzz|fade|sides|top)/,
    "men's",
  ],
  [/\bmani[- ]?pedis?\b/, 'manicure pedicure package'],
  [/\bmanis?\b|\bnails done\b|\bshellac\b/, 'manicure'],
  [/\bpedis?\b/, 'pedicure'],
  [
    /\bhead ?shots?\b|\blinkedin (?:photo|picture|headshot)s?\b|\bprofessional (?:photo|picture)s?\b/,
    'studio portrait',
  ],
  [/\b(?:mice|mouse|rats?|rodents?|droppings)\b|\bsquirrels? in\b/, 'rodent'],
  [/\b(?:cockroach|roach|ant|spider|bed ?bug|wasp|hornet|flea|silverfish|earwig|bug)s?\b/, 'pest'],
  [
    /\bscreen(?:'s| is)? (?:all )?(?:cracked|smashed|broken|shattered)\b|\b(?:cracked|smashed|broken|shattered) screen\b/,
    'screen replacement repair',
  ],
  [
    /\b(?:take|taken|taking|took) (?:it |them |these |those )?in\b|\blet (?:it |them )?out\b|\bhem(?:med|ming|s)?\b|\btaken up\b|\bshorten(?:ed)?\b/,
    'alterations alteration fitting',
  ],
  [/\bpop-?ups?\b|\bvirus(?:es)?\b|\bmalware\b|\binfected\b|\bspyware\b|\bransomware\b/, 'virus malware removal'],
  [/\bfridge\b|\bfreezer\b|\brefrigerator\b/, 'refrigeration refrigerator fridge'],
  [
    /\b(?:change|changed|changing|replace|replaced) (?:the |all the |my |our )?locks\b|\blocks? changed\b|\bprevious owners?'?s? keys\b|\bnew keys\b/,
    'rekey service',
  ],
  [/\blocked (?:myself )?out\b/, 'lockout'],
  [
    /\b(?:septum|nose|nostril|eyebrow|lip|tongue|labret|monroe|medusa|smiley)\b.{0,20}\bpierc|\bpierc\w* (?:my |the |her |his )?(?:septum|nose|nostril|eyebrow|lip|tongue)\b/,
    'facial piercing',
  ],
  [
    /\b(?:ear|lobe|helix|tragus|cartilage|conch|rook|daith)s?\b.{0,20}\bpierc|\bpierc\w* (?:my |the |her |his )?(?:ears?|lobes?|helix|tragus|cartilage)\b/,
    'ear piercing',
  ],
  [/\bshin splints\b|\brunning form\b|\bhow i run\b|\bmy stride\b|\bgait\b/, 'gait analysis running'],
  [/\blash(?:es)? (?:curled|curl|lifted)\b|\bcurl (?:my )?lashes\b/, 'lash lift'],
  [/\bkeyboard\b/, 'piano'],
  [/\bgears? (?:keep |are |is )?(?:skipping|slipping)\b|\bbrakes? (?:squeal|squeak|rub)\w*\b/, 'tune-up tune'],
  [
    /\b(?:f-?150|f-?250|pick-?up|trucks?|suvs?|jeeps?|4x4|utes?|minivans?|vans?|tahoe|silverado|tacoma|4runner|rav4|highlander|explorer)\b/,
    'suv truck',
  ],
  [/\b(?:sedan|coupe|hatchback|civic|corolla|camry|accord|prius)\b/, 'sedan coupe'],
  [/\b(?:pregnant|pregnancy|prenatal|expecting|weeks along|maternity)\b/, 'prenatal pregnancy'],
  [
    /\bnever (?:used|been to|done|tried) (?:a |the )?(?:gym|machines|weights)\b|\bshow me (?:how )?(?:the |to use the )?(?:machines|equipment|ropes)\b|\bjust joined\b/,
    'induction',
  ],
  [/\bmoving out\b|\bmove-?out\b|\bend of (?:my |the )?lease\b|\bdeposit back\b/, 'move-out clean'],
  [/\b(?:lunges|reactive|aggressive|barks? (?:like crazy )?at|growls?)\b/, 'behavior behaviour'],
  [/\bpupp(?:y|ies)\b/, 'puppy'],
  [
    /\bnever been (?:in|here|before|to (?:you|your (?:clinic|office|practice|studio|salon)))\b|\bnever (?:been|gone) to (?:a|an) [a-z]+(?: [a-z]+)? before\b|\bfirst (?:time|visit|appointment) (?:with|at|here|seeing|going to)\b|\b(?:my|our|his|her) first (?:ever )?(?:time|visit|appointment|session)\b|\bnew (?:patient|client|customer)\b/,
    // how a first visit is named: "Initial Assessment", "New Patient Visit", "First Visit", "Initial Consultation"
    'initial new first intro assessment new patient first visit initial consultation',
  ],
];

/** Sizes and lengths that pick a variant: "eight kilos" small, "half an hour" 30 minutes. */
function measures(text: string): string {
  const out: string[] = [];
  const weight = /\b(\d+(?:\.\d+)?) ?(kg|kgs|kilos?|kilograms?|lbs?|pounds)\b/.exec(text);
  if (weight) {
    const kg = /^(?:lb|lbs|pound)/.test(weight[2]) ? Number(weight[1]) * 0.4536 : Number(weight[1]);
    out.push(kg <= 12 ? 'small' : kg >= 20 ? 'large' : 'medium');
  }
  if (/\b(?:little|tiny|toy|mini|teacup)\b/.test(text)) out.push('small');
  if (/\b(?:big|giant|huge)\b/.test(text)) out.push('large');
  if (/\bhalf[- ]an?[- ]hour\b|\bhalf[- ]hour\b|\b30[- ]?min/.test(text)) out.push('30');
  if (/\bhour and a half\b|\b90[- ]?min|\bninety\b/.test(text)) out.push('90');
  else if (/\b(?:an|one|1|full) hour\b|\b60[- ]?min|\bsixty\b/.test(text)) out.push('60');
  if (/\bforty[- ]five\b|\b45[- ]?min/.test(text)) out.push('45');
  if (/\b(?:seventy[- ]five|75[- ]?min)/.test(text)) out.push('75');
  return out.join(' ');
}

/** Number words a weight is said in ("eight kilos"), from the shared tables. */
const COUNT: Record<string, number> = { ...UNITS, ...TENS };
const COUNT_WORD = new RegExp(
  `\\b(${Object.keys(COUNT).join('|')})(?= ?(?:kg|kgs|kilos?|kilograms?|lbs?|pounds)\\b)`,
  'g',
);

/** `text` with the owner's likely words for what the caller said put right after the words that say it. */
export function withServiceWords(text: string): string {
  let out = text.toLowerCase().replace(COUNT_WORD, (w) => String(COUNT[w]));
  for (const [re, words] of CONCEPTS) {
    const m = re.exec(out);
    if (m) out = `${out.slice(0, m.index + m[0].length)} ${words} ${out.slice(m.index + m[0].length)}`;
  }
  const m = measures(out);
  return m ? `${out} ${m}` : out;
}
