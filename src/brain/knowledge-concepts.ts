/**
 * The words the knowledge base ranks with: what carries nothing, phrases folded to one concept, words
 * that mean the same thing to a caller, and a small Spanish → English map of the same concepts, so a
 * question and an entry meet on what they are about, in other words or in the other language.
 */
import { foldSpanish, normalize } from './nlu/index.js';
import { CLOSED_A_DEAL, PLACE } from './settings-answers.js';

const wordSet = (words: string) => new Set(words.split(' '));

const STOP = new Set(
  (
    'a an the and or but is are was were be do does did you your yours we our i me my it its of to in on at for with from by can could would will what when where how which who why there this that these those have has had any some please tell know about if ' +
    "guys just get got getting gets give gives giving need want like there's is there it's i'm really also still okay ok so hi hello hey thanks thank yes yeah while um uh " +
    // conversational filler that would otherwise dilute how much of a question an entry covers
    'one ones us quick question wondering wonder curious something anything somewhere anywhere nearby here firm only all next first ' +
    // how a caller hedges or sets the scene ("roughly", "exactly", "I'm going through", "I need someone to")
    'roughly approximately exactly ballpark going through someone somebody ' +
    // greetings and address from anywhere ("g'day", "kia ora", "you blokes"), and "too" / "either" after a question
    "as g'day gday kia ora hiya howdy yo yall y'all ya'll cheers mate blokes folks lads too either i've i'd i'll we've we're you're they're " +
    // who a caller speaks for and that they were told ("she had a hip replacement, the hospital said…")
    'she he him his her hers they them their said says told ago ' +
    // the relative the question is asked for ("my father uses a wheelchair"), and words that carry no topic
    'father mother dad mum mom husband wife partner grandmother grandfather grandma grandpa nan into onto able use uses ' +
    // Spanish function words, greetings and question words (none of them an English word a business uses)
    'el la los las un una unos unas del al y e o u en por para que se su sus mis te lo le les nos es esta estan estoy ' +
    'tengo tiene tienen hace hacen puedo puede pueden quiero quisiera necesito hola buenos buenas dias tardes noches ' +
    'gracias usted ustedes algo algun alguna tambien pero si como cual cuales donde cuando cuantos cuantas muy bien oiga'
  ).split(' '),
);

/** Not a place: "come out to my house" and "come out to look" ask for a visit, "come out to apartments" what is served. */
const NOT_A_PLACE =
  "(?! (my|the|our|your|his|her|their|a|an|this|that|you|us|me|them|it)\\b| (look|fix|see|check|take|do|repair|give|quote|inspect|diagnose|service|clean|spray|treat|install|help|pick|drop)\\b| [a-z]+[^su's]s\\b(?! [a-z]))";

/**
 * The area served, however it is asked: "do you come all the way out to Pflugerville?", "would you
 * come down to Castle Rock?", "do you cover my area?", "how far out do you go?", "¿llegan hasta
 * Seguin?". The word "area" alone is not it (a waiting area, areas of law).
 */
const SERVICE_AREA: RegExp[] = [
  /\b(my|our|your|this) (area|town|city|neighbou?rhood|neck of the woods|part of town|zip ?code|postcode|county|suburb|region)\b|\b(service|coverage|delivery|travel) (areas?|radius|zones?)\b|\b(which|what) (areas|towns|cities|suburbs|neighbou?rhoods|zip ?codes|counties|regions|parts of town)\b(?! of)|\bareas? (that )?(you|we|do you)( guys)? (serve|service|cover|go to|travel to)\b|\bhow far( out)? (do|does|will|would|can) (you|y'all|your \w+)( guys)? (go|travel|come|drive|service|serve|cover)\b|\b(service|serve|cover|come|go|travel|drive|work)( out)? (to |in |into |around )?the ([a-z]+ ){1,2}area\b/g,
  new RegExp(
    `\\b(come|go|travel|drive|head|make it|get|service|serve|cover)( all the way)?( out)? (as far( out)? as|that far( out)?)\\b|\\b(come|go|travel|drive|head|make it)( all the way)? (out|down|up|over)( to| as far as)\\b${NOT_A_PLACE}|\\b(do|does|can|will|would|could) (you|y'all|anyone|someone|somebody|your (guys|techs?|team|crews?))( guys)? (go|come|travel|drive|deliver)( out| all the way out)? (to|up to|down to|over to)\\b${NOT_A_PLACE}`,
    'g',
  ),
  // Spanish: "hasta" (as far as) is always a distance; "en" and "a" are too common to mean one
  /\b(llegan|vienen|viajan|van|salen|trabajan|cubren|dan servicio) hasta\b|\b(que|cuales) (zonas|areas|ciudades|pueblos|condados|colonias)\b|\bzonas? de (servicio|cobertura)\b|\bcubren (el|la|mi) (area|zona|ciudad|condado)\b/g,
];

/** True when a turn asks whether the business serves a place ("do you come out to Papakura?"), not for a visit. */
export function asksServiceArea(text: string): boolean {
  const t = foldSpanish(normalize(text));
  return SERVICE_AREA.some((re) => t.search(re) >= 0);
}

/** Words for the number of things asked about: "two dogs", "each additional lock", "a second dog". */
const MORE_THAN_ONE =
  /\b(two|three|four|five|2|3|4|5|several|multiple|both|dos|tres|cuatro|varios|varias)(?= (?!(hours|minutes|days|weeks|months|years|times|nights|horas|minutos|dias|semanas|meses|noches)\b)[a-z]+s\b)|\bmore than one\b|\b(a|the|my|one) (second|2nd|third|3rd)\b|\b(additional|extra|another)\b/g;

/**
 * Phrases folded to one concept before the words are split: a caller says "leave my car", the entry
 * says "parking". Order matters ("charged with" is a criminal matter before "charge" is a price).
 */
const PHRASES: Array<[RegExp, string]> = [
  // "are y'all hiring barbers?": the trade named is whom they would hire, not a topic of its own
  [
    /\b(hiring|recruiting|taking on|looking for) (?:any |some )?(?:new |more |extra )?(?:tutors?|teachers?|staff|barbers?|stylists?|hairdressers?|technicians?|techs?|mechanics?|plumbers?|electricians?|hygienists?|nurses?|assistants?|receptionists?|apprentices?|instructors?|therapists?|groomers?|cleaners?|drivers?|painters?|carpenters?|people|help)\b/g,
    'hiring',
  ],
  // "close by" is near, not a closing time
  [/\bclose (?:by|to (?:here|you|the (?:clinic|office|shop|salon|studio|building)))\b/g, 'nearby'],
  // a price in any currency ("£55", "€40", "₹500", "20 quid"); not "50 pounds", which may be a dog's weight
  [/[$£€₹¥] ?\d[\d,.]*|\b\d+ (dollars|bucks|quid|euros?|rupees|rand)\b/g, 'cost'],
  [/\bgift ?(cards?|certificates?)\b|\b(tarjetas?|certificados?) de regalo\b/g, 'giftcard'],
  [/\b(credit|debit) cards?\b|\b(apple|google) pay\b/g, 'payment'],
  // a check is paid with only where it is taken or written; "contact lens checks" and "a quick check" are visits
  [
    /\b(take|takes|accept|accepts|by|with|write|personal|cashier'?s|bank|travell?er'?s) (a )?checks?\b|\bchecks (or|and) (cash|cards?)\b|\b(cash|cards?),? (or|and) checks?\b/g,
    'payment',
  ],
  [/\b(do|will|would|can) (you|y'all)( guys)? (take|accept)\b/g, 'accept'],
  [/\b(leave|put|keep|drop|stick) (my|the|our|a|your) (car|truck|vehicle|van|suv|ride)\b/g, 'parking'],
  [new RegExp(`\\bwhere(abouts)?\\b[^?.!,]{0,25}?\\b(your|the) ${PLACE}\\b`, 'g'), 'address'],
  [/\bdonde (estan|esta|quedan|queda|se encuentran)( ubicados)?\b/g, 'address'],
  [new RegExp(`\\b(find|get to) (you( guys)?|y'all|us|(your|the|our) ${PLACE})\\b`, 'g'), 'address'],
  ...SERVICE_AREA.map((re): [RegExp, string] => [re, 'servicearea']),
  [
    /\b(sit|sitting) down and (talk|chat|meet)\b|\b(sit(ting)? down|meet(ing)?) with (a|an|the|one of (your|the|our)) (lawyer|attorney|accountant|advis[eo]r|planner|consultant|designer|specialist|counsell?or|therapist|broker)s?\b/g,
    'consult',
  ],
  [
    /\b(first|initial|intro|introductory|1st) (meeting|visit|appointment|session|chat|call|sit[- ]?down)s?\b/g,
    'consult',
  ],
  // how soon someone can come, before "come out" reads as a visit: "how quickly can you get someone out?", "what's your
  // turnaround?", "how long before you can get a plumber out?", "same day", "can you get someone out today?"
  [
    /\bhow (soon|quick(ly)?|fast) (can|could|will|would|do|does)( you| y'all| i| we| someone| somebody| anyone| a [a-z]+| your [a-z]+| they| one of (your|the) [a-z]+)?( guys)?( be able to)? (come|get|be|send|make it|see|fit|respond|show|arrive|start|schedule|book|have)\b|\bhow soon\b(?=[?.!\s]*$)|\bturn ?around( times?)?\b|\b(response|wait|waiting|lead) times?\b|\b(same|next)[- ]day\b|\bhow long\b[^?.!]{0,30}?\b(before|until|till|til)\b[^?.!]{0,30}?\b(come|get|send|see|fit|show up|arrive|be (out|over|here|there))\b|\bhow (far out|booked( up)?|busy) (are|is) (you|y'all|your (schedule|calendar|team|crews?))\b|\b(get|send|have) ([a-z]+ ){1,3}(out|over|here|there|round)\b(?=[^?.!]{0,20}\b(today|tonight|this (morning|afternoon|evening)|right away|asap|quick(ly)?|soon|fast)\b)/g,
    'responsetime',
  ],
  // "a service call", "a trip charge", "just to come out and take a look", "to come look at a washer"
  [
    /\bservice calls?\b|\b(trip|travel|visit|dispatch) (charge|fee)s?\b|\bhouse calls?\b|\bcall[- ]?out (fee|charge)s?\b|\b(come|stop|swing|pop) (out |over |by |round )?(and |to )?(look|check|have a look|take a look|diagnose|inspect)\b|\b(to|and|just) come (out|over|by)\b|\btake a look\b/g,
    'callout',
  ],
  // a visit to the caller's place and what it costs in other words: "some vets come to your house?", "how much is the
  // call-out?", "is there a charge for travel?", "a farm-call fee"
  [
    /\bcall[- ]?outs?\b|\b(farm|barn|site|home)[- ]?calls?\b|\bcharge (for|to) (travel|travell?ing|come out|coming out|the trip)\b|\b(come|comes|coming|visit|visits|make visits|go|goes) (out )?(to )?(your|my|people'?s|someone'?s|the) (house|home)\b/g,
    'callout',
  ],
  // a car to use while the caller's is in: "is there any way to borrow a car?", "a courtesy car", "a loan car"
  [
    /\b(borrow|lend|loan)( me| us)? (a |one of your |your |an )?(car|vehicle|motor|ride)s?\b|\b(courtesy|replacement|hire|loan|spare) (cars?|vehicles?|motors?)\b/g,
    'loan',
  ],
  // a first visit to try: "is the first one like a trial?", "a taster session", "can he try it out first?"
  [/\b(trials?|tasters?|try[- ]?outs?|try (it|one|a class|a lesson|a session) (out|first))\b/g, 'trial'],
  // getting in with a chair or a frame: "she's in a wheelchair, will she be able to get in?", "is it step-free?"
  [
    /\bwheel ?chairs?\b|\b(wheelchair|disabled|disability|mobility|step[- ]free|accessib(le|ility))\b|\bramps?\b|\b(walking )?frame\b(?= [^?.!]{0,30}\bget in)/g,
    'access',
  ],
  // a referral in other words: "do I need a letter from the doctor?", "a note from my GP", "does my doctor have to send me?"
  [
    /\breferrals?\b|\breferred\b|\b(letter|note|script|form)s? from (the|my|a|your|his|her) (doctor|doc|gp|physician|dentist|vet|specialist)\b|\b(doctor|doc|gp|physician)'?s? (letter|note|referral)\b|\b(doctor|gp|physician) (to )?(send|refer) (me|him|her|us)\b/g,
    'referral',
  ],
  // "anything special for anniversaries?": what the question asks of is the occasion, not "special"
  [/\b(anything|something) (special|extra|nice|different)\b/g, 'anything'],
  [/\b(take|taking|takes|cart|carry|hauls?|hauling)( it| them| that| those| everything| the [a-z]+)? away\b/g, 'haul'],
  [
    /\b(does|do|will|would|did) (that|it|this|one|they|those|these)( all)? (run|set (me|us) back|come to|go for)\b|\b(run|set) (me|us)( back)?\b(?! through)/g,
    'cost',
  ],
  // the price in everyday words: "what's the damage?", "a ballpark", "what are we looking at?", "what would I pay?"
  [
    /\bwhat'?s the damage\b|\bballpark( figure| price| number| estimate| quote)?\b(?![^?.!]{0,12}\b(how long|when|what time)\b)|\bwhat (am i|are we|would i be|would we be) looking at\b(?! (time|timing|schedule)[- ]?wise)|\b(price|cost|money)[- ]wise\b|\bprice tag\b|\bout of pocket\b|\b(what|how much) (would|will|do|does|should|did)( i| we| you| people)?( be| have to| need to| gonna| usually| normally| typically)* (pay|paying|spend|spending|get for|ask for|want for)\b(?! (with|by|through|using|via)\b)/g,
    'cost',
  ],
  // paying over time: "a payment plan", "pay it off monthly", "I can't pay it all at once"
  [
    /\bpayment plans?\b|\b(pay|paying) (it |for it |that )?(off )?(over time|in (installments|instalments|payments|chunks)|monthly|by the month)\b|\bmonthly payments?\b|\b(pay|afford) (for )?(it |that |the whole thing )?(all )?at once\b|\bspread (out )?(the )?(payments?|cost)\b/g,
    'financing',
  ],
  // a guarantee in other words: "do you stand behind your work?", "if it breaks again", "do I pay all over again?"
  [
    /\bstands? behind\b|(?<=\b(if|when|in case|should)\b[^?.!]{0,50}?)\b(breaks?|broke|conks? out|fails?|quits?|stops? working|goes out|goes bad|acts? up|leaks?|happens|comes back|goes wrong|dies|gives out)( down| on me| on us| up)? (again|a second time)\b|\b(pay|paying|charge|charged|charging)( for it| for that| you| me| us)?( all)?( over)? (again|twice|a second time)\b/g,
    'warranty',
  ],
  // a product said by what it is made of: "those mesh covers", "covers over the gutters"
  [
    /(?<=\b(mesh|leaf|gutter|wire|foam|brush|metal|plastic|protective) )(covers?|screens?|caps?|filters?|inserts?|toppers?)\b|\b(covers?|screens?|caps?|toppers?)(?= (over|on|for|across)( the| my| your| those| our)? (gutters?|downspouts?|drains?|vents?|chimneys?)\b)/g,
    'guard',
  ],
  [/\bput (in|on|up)\b|\bhook(ed)? up\b/g, 'install'],
  // "¿cuánto tiempo tarda?" asks how long before "cuánto" asks a price
  [/\bcuant[oa]s? (tiempo|horas?|minutos?)\b|\bcuanto (dura|tarda)n?\b/g, 'duration'],
  [/\bcuant[oa] (cuesta|cuestan|cobran|cobra|sale|salen|vale|valen|es|seria|serian)\b|\bque precio\b/g, 'cost'],
  [/\bsin cita( previa)?\b/g, 'walk'],
  [/\bfin(es)? de semana\b/g, 'weekend'],
  [CLOSED_A_DEAL, 'bought'],
  [/\bcharged with\b|\bpulled over\b/g, 'criminal'],
  [/\b(help|assist)( me| us| him| her| them)? with\b|\btake (on )?(my|a|the|this|his|her|our) case\b/g, 'service'],
  [/\b(in|out of)[- ]network\b/g, 'insurance'],
  [MORE_THAN_ONE, 'multi'],
  // what a caller wants done to the thing named beside it, which carries nothing of its own
  [/\bas well\b|\bquick ones?\b|\b(get|getting|got) rid of\b|\b(take|taking|taken|took) care of\b/g, ''],
];

/** Spanish verbs and question words a question opens with ("¿tienen…?", "¿cuánto…?", "¿dónde…?"). */
const ES_ASKS =
  'tienen|hacen|aceptan|ofrecen|trabajan|atienden|venden|abren|cierran|cobran|cu[aá]nto|cu[aá]nta|d[oó]nde|cu[aá]ndo';
/** "if not", "if so", "otherwise": a second question that depends on the answer to the first. */
const DEPENDS = "if not|if so|if you're not|if you aren't|if you don't|otherwise|failing that";
/** Fillers said between "and" and the next question in speech ("and um do you…"). */
const FILLERS = '(?: (?:um+|uh+|er+|erm|like|so|oh|also))*';
/**
 * Where one question ends and the next begins: a question mark; ", and would you…", ", do you…" or
 * " and do you…" / " and what…" in one breath (speech has no commas); ", and if not how much…";
 * "… y tienen…" in Spanish.
 */
export const QUESTION_BREAK = new RegExp(
  [
    '\\?+',
    `[,;]\\s*(?=(?:(?:and|also|plus|but|or) )?(?:(?:${DEPENDS}),? )?(?:would|do|does|did|can|could|will|are|is|what|how|where|when|which|${ES_ASKS})\\b)`,
    `\\s+(?=(?:and|also|plus|or)${FILLERS} (?:(?:do|does|can|could|would|will|are|is|should|shall) (?:you|y'all|u|there|they|it|your|i|we)|(?:what|how|where|when|which|who)(?!ever)(?! (?:else|not)\\b))\\b)`,
    `\\s+(?=(?:and|but) (?:${DEPENDS}),? (?:would|do|does|did|can|could|will|are|is|what|how|where|when|which)\\b)`,
    `(?:[,;]\\s*|\\s+)(?=(?:y|e|tambi[eé]n|adem[aá]s) (?:${ES_ASKS}|hay(?! que))\\b)`,
  ].join('|'),
  'i',
);
/** Words a caller leads a question with ("and", "oh ok", "quick question", "g'day", "hola"). */
const OPENER =
  "(?:and|also|plus|so|or|but|oh|ok|okay|um|uh|er|erm|like|if not|if so|otherwise|failing that|hi|hey|hello|hiya|well|then|quick question|quick ones?|g'day|kia ora|good (?:morning|afternoon|evening|day)|y|e|hola|oiga|bueno|pues|buen(?:os|as) (?:dias|tardes|noches))[,.!]? +";
/** How a question opens, after the words a caller leads with. */
const ASK_OPENS = new RegExp(
  `^(?:${OPENER})*(?:what|when|where|how|why|which|who|whose|do|does|did|is|are|was|can|could|would|will|should|shall|may|any|have|has|que|cuanto|cuanta|cuando|donde|como|cual|cuales|quien|hay|puedo|pueden|${ES_ASKS})\\b`,
);
/**
 * A question opening after a clause: "quick ones — do you…", "Yes, book that please. And what do I…";
 * in speech, with no punctuation, a verb before "I" or "you" ("i've never been before do i need a referral"), or
 * a question after a filler ("she needs physio um is that something you do").
 */
const ASK_INSIDE = new RegExp(
  `(?:[,;:.!\u2013\u2014]|\\s-)\\s*((?:${OPENER})*(?:what|when|where|how|which|who|do|does|can|could|would|will|is|are|cuanto|donde|cuando|tienen|hacen|aceptan)\\b)|\\s((?:${OPENER})*(?:do|does|did|can|could|should|would|will) (?:i|you|we|y'all)\\b)|\\s((?:um+|uh+|er+|erm|so)[,.]? (?:what|when|where|how|which|who|(?:is|are) (?:that|this|it|there|they))\\b)`,
  'g',
);
/** The text as the question patterns read it, letter for letter (lower case, no accents, "¿" a space). */
const foldKeepingLength = (piece: string): string =>
  piece
    .split('')
    .map((c) => c.toLowerCase().normalize('NFD')[0] ?? c)
    .join('')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[¿¡]/g, ' ');

/**
 * Where the question in a piece of a turn begins: 0 when the piece opens with it, the index of the
 * first question said after a statement ("I've got an appointment Thursday. Where do I park"), or
 * -1 when the piece asks nothing ("my pool's gone green", "could you tell me" asks nothing on its own).
 */
export function questionAt(piece: string): number {
  const text = foldKeepingLength(piece).trimEnd();
  if (ASK_OPENS.test(text.trimStart())) return piece.length - piece.trimStart().length;
  ASK_INSIDE.lastIndex = 0;
  const m = ASK_INSIDE.exec(text);
  if (!m) return -1;
  const asked = m[1] ?? m[2] ?? m[3];
  return m.index + m[0].length - asked.length;
}

/** "…? and would you come down to Castle Rock?": the "and" joins two questions, it does not point back. */
export const JOINER = new RegExp(
  `^(?:(?:and|also|plus|but|or|y|e)\\b[,.]? *)?(?:(?:um+|uh+|er+|erm|like|so|oh)\\b[,.]? *)*(?:(?:${DEPENDS})\\b[,.]? *)?`,
  'i',
);

/** A question that points back at the previous one ("how much does that run?", "and for two?"); so does "how much?". */
export const FOLLOW_UP = /\b(that|it|this|those|these|them|one|ones)\b|^(and|what about|how about|y)\b/;

/** Words for what an entry is about (parking, pets, payment…): one of them matching is strong evidence. */
export const SUBJECTS = wordSet(
  'data parking payment insurance pet criminal callout financing warranty walk loan permit license haul giftcard servicearea consult responsetime trial access vaccination referral',
);

/**
 * What a business's terms cover rather than a service (financing, a warranty, insurance, how soon it
 * comes…): a service's price, length or "yes, we do it" does not answer a question about one of them.
 */
export const BUSINESS_TERMS = wordSet('financing warranty insurance permit license loan giftcard parking responsetime');

/** What is asked about a subject (its price, hours, place, length): alone, never enough to pick an entry. */
export const FACETS = new Set(['cost', 'open', 'address', 'duration', 'service', 'accept', 'see']);

/** Words that mean the same thing to a caller, folded to one term (after stemming); Spanish ones included. */
const FOLD: Record<string, string> = Object.fromEntries(
  (
    [
      [
        'open',
        'hour hours opening opened close closing closed horario horarios abren abre abierto abiertos cierran cierra cerrado cerrados',
      ],
      // not "find": "we keep finding mice" is not the address ("how do I find you?" is, as a phrase)
      ['address', 'location locat located directions direction office direccion ubicacion ubicados ubicado'],
      ['parking', 'park parked lot garage estacionamiento estacionar parqueo parqueadero aparcamiento aparcar'],
      ['insurance', 'insur insure insured insurer insurers coverage seguro seguros aseguranza'],
      ['plan', 'plan plans contract membership'],
      ['child', 'child children kid kids'],
      ['car', 'car cars vehicl vehicle vehicles carro carros coche coches'],
      ['loan', 'rental loaner loan courtesy'],
      [
        'vaccination',
        'vaccin vaccine vaccines vaccination vaccinations vaccinated shot shots jab jabs immunisation immunization booster boosters',
      ],
      ['permit', 'permit permits'],
      ['license', 'licens licensed license certifi certified'],
      [
        'payment',
        'pay paying card cards credit debit cash cheque cheques venmo zelle visa mastercard amex pago pagos pagar tarjeta tarjetas efectivo',
      ],
      ['accept', 'accept accepted aceptan acepta'],
      // "do you sell gift cards?" and "can I buy a gift card?" ask the same
      ['buy', 'sell sells selling sold buying purchase purchasing venden vende comprar'],
      [
        'pet',
        'pet pets dog dogs puppy puppies cat cats kitten kittens animal animals beagle labrador poodle terrier retriever bulldog husky chihuahua dachshund mascota mascotas perro perros perrito perritos gato gatos',
      ],
      ['criminal', 'criminal crime dui dwi arrest arrested jail felony misdemeanor'],
      ['service', 'handle practice services offer provide ofrecen ofrece'],
      ['haul', 'waste clipping clippings haul remove removal debris'],
      ['see', 'treat treats see sees'],
      [
        'cost',
        'price prices pricing much charge charg fee fees rate rates precio precios costo costos cuesta cuestan cobran cobra tarifa tarifas cuanto',
      ],
      ['walk', 'walkin walkins walk-in walk-ins'],
      // "will my photos be safe?" asks what "will I lose my data?" answers
      ['data', 'data photos photo pictures pics contacts files wiped wipe erased erase backup backups'],
      ['duration', 'long take takes minutes dura duracion tarda'],
      ['consult', 'consult consultation consultations consulta consultas'],
      // a diagnostic visit is what a service call is for
      ['callout', 'diagnostic diagnostics diagnosis diagnos diagnose'],
      ['financing', 'finance financ financing financed installment installments instalment instalments'],
      ['warranty', 'warranty warranties guarantee guarantees guaranteed guaranty'],
      ['home', 'home homes house houses'],
      ['refrigerator', 'refrigerator refrigerators fridge fridges'],
      ['repair', 'repair repairs repaired repairing fix fixes fixed fixing'],
      // a cover that keeps something out ("gutter guards", "a leaf shield")
      ['guard', 'guard guards shield shields protector protectors'],
      // what a pest business is called about, in the caller's words ("spray for roaches", "we've got mice")
      [
        'pest',
        'pest pests bug bugs insect insects roach roaches cockroach cockroaches ant ants spider spiders rodent rodents mouse mice rat rats flea fleas wasp wasps hornet hornets bedbug bedbugs silverfish earwig earwigs critter critters vermin infestation infestations infested exterminator exterminators extermination exterminate',
      ],
    ] as const
  ).flatMap(([concept, words]) => words.split(' ').map((w) => [w, concept])),
);

/** The folded terms themselves: a concept word ("service", "parking") is kept as it is, never stemmed. */
export const CONCEPTS = new Set([...Object.values(FOLD), ...PHRASES.map(([, concept]) => concept).filter(Boolean)]);

/** Spanish nouns a caller uses of common things, read as the English word an entry would use. */
const SPANISH_WORDS: Record<string, string> = Object.fromEntries(
  (
    'hombre:men hombres:men caballeros:men mujer:women mujeres:women damas:women nino:child ninos:child nina:child ninas:child ' +
    'hijo:child hijos:child llave:key llaves:key moto:motorcycle motos:motorcycle motocicleta:motorcycle motocicletas:motorcycle ' +
    'casa:house gratis:free gratuito:free gratuita:free cita:appointment citas:appointment emergencia:emergency emergencias:emergency ' +
    'noche:night noches:night semana:week semanas:week mes:month meses:month vacunas:vaccination vacuna:vaccination ' +
    'comida:food tanque:tank fosa:tank techo:roof techos:roof'
  )
    .split(' ')
    .map((pair) => pair.split(':')),
);

/**
 * Kinds of animal and of thing a business may treat differently, by family. A question about one kind
 * is not answered by an entry that names another of the same family and not it ("do you take cats?"
 * and "Can I bring my dog's own food?"); an entry naming none ("Are your treatments safe for pets?")
 * still answers.
 */
const KINDS: Record<string, Record<string, string>> = {
  animal: {
    dog: 'dog dogs puppy puppies pup pups doggy doggie canine canines beagle beagles labrador labradors poodle poodles terrier terriers retriever retrievers bulldog bulldogs husky huskies chihuahua chihuahuas dachshund dachshunds perro perros perrito perritos',
    cat: 'cat cats kitten kittens kitty kitties feline felines gato gatos gatito gatitos',
    bird: 'bird birds parrot parrots parakeet parakeets budgie budgies pajaro pajaros',
    rabbit: 'rabbit rabbits bunny bunnies conejo conejos',
    horse: 'horse horses pony ponies caballo caballos',
    reptile: 'reptile reptiles snake snakes lizard lizards turtle turtles tortoise tortoises gecko geckos',
    smallpet: 'hamster hamsters gerbil gerbils ferret ferrets guinea',
  },
  vehicle: {
    car: 'car cars sedan sedans suv suvs carro carros coche coches',
    truck: 'truck trucks pickup pickups camion camiones',
    motorcycle: 'motorcycle motorcycles motorbike motorbikes moto motos motocicleta motocicletas scooter scooters',
    boat: 'boat boats jetski jetskis lancha lanchas',
    rv: 'rv rvs camper campers motorhome motorhomes',
  },
  appliance: {
    washer: 'washer washers',
    dryer: 'dryer dryers',
    refrigerator: 'refrigerator refrigerators fridge fridges',
    dishwasher: 'dishwasher dishwashers',
    oven: 'oven ovens stove stoves cooktop cooktops',
    microwave: 'microwave microwaves',
  },
};
const KIND_OF: Map<string, string> = new Map(
  Object.entries(KINDS).flatMap(([family, kinds]) =>
    Object.entries(kinds).flatMap(([kind, words]) =>
      words.split(' ').map((w): [string, string] => [w, `${family}:${kind}`]),
    ),
  ),
);

/** The kinds of animal or thing a text names, as "family:kind" ("animal:dog"). */
export function kindsOf(text: string): Set<string> {
  return new Set((foldSpanish(normalize(text)).match(/[a-z]+/g) ?? []).flatMap((w) => KIND_OF.get(w) ?? []));
}

/** True when a text names kinds of a family the question asks about, but none of the ones it asks about. */
export function otherKind(asked: Set<string>, named: Set<string>): boolean {
  const family = (k: string) => k.slice(0, k.indexOf(':'));
  return [...asked].some(
    (k) =>
      [...named].some((n) => family(n) === family(k)) &&
      ![...asked].some((a) => family(a) === family(k) && named.has(a)),
  );
}

/** Words a caller uses for this kind of business ("is this the plumber?"). */
export const INDUSTRY_WORDS: Record<string, string> = {
  plumbing: 'plumber plumbing',
  hvac: 'heating cooling hvac furnace air',
  electrical: 'electrician electric electrical',
  // not "garage": it folds to parking, and "do you have parking?" is not "is this the garage?"
  auto: 'mechanic shop auto repair',
  dental: 'dentist dental office',
  salon: 'salon hair stylist',
  other: '',
};

/** What a question asks that an entry must hold to answer it (a price, the hours, parking…). */
export const TOPICS = wordSet(
  'cost open address walk insurance parking warranty payment card cash financing responsetime',
);

/** Words that say which day or time the hours are asked for ("on Saturday", "over Christmas", "tonight"). */
export const WHEN_WORDS = new Set(
  (
    'today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday weekend christmas xmas eve thanksgiving easter holiday year ' +
    'january february march april june july august september october november december ' +
    'hoy manana lunes martes miercoles jueves viernes sabado domingo navidad'
  )
    .split(' ')
    .map(termOf),
);

/** Strips common English suffixes, the same on questions and entries ("parking" ~ "park", "insured" ~ "insurance"). */
export function stemTerm(w: string): string {
  let s = w;
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.length > 4 && /(ss|sh|ch|x|z)es$/.test(s)) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  for (const suf of ['ation', 'ance', 'ence', 'ment', 'ing', 'er', 'ed', 'ly', 'e']) {
    if (s.endsWith(suf) && s.length - suf.length >= 4) return s.slice(0, -suf.length);
  }
  return s;
}

/** One word as an index term: a concept as it is, a Spanish noun as its English word, else folded and stemmed. */
function termOf(w: string): string {
  if (CONCEPTS.has(w)) return w;
  const english = SPANISH_WORDS[w];
  if (english) return FOLD[english] ?? stemTerm(english);
  return FOLD[w] ?? FOLD[stemTerm(w)] ?? stemTerm(w);
}

/** Splits text into folded, stemmed index terms; accents are dropped, so "depilación" is "depilacion". */
export function terms(text: string): string[] {
  const folded = PHRASES.reduce((t, [re, concept]) => t.replace(re, ` ${concept} `), foldSpanish(normalize(text)));
  return (folded.replace(/walk[- ]ins?/g, 'walkin').match(/[a-z0-9']+/g) ?? [])
    .map((w) => w.replace(/'s$/, ''))
    .filter((w) => !STOP.has(w))
    .map(termOf)
    .filter((w) => !STOP.has(w));
}
