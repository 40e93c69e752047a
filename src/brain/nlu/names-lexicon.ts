/** The word lists names.ts reads names with: words that are never a name, ordinary words, relations. */

/**
 * Words that are never part of a name. Covers what follows "I'm" or "it's" in ordinary speech
 * ("I'm calling", "it's urgent", "this is about") so those are not taken for names.
 */
export const NOT_NAME = new Set(
  (
    "a an the and or but so i me my mine you your we our us he she they it its it's is am are was were be been being " +
    'calling looking trying wondering hoping going just about from with for to of in on at by here there this that ' +
    'not no yes yeah yep sure okay ok fine good great well sorry thanks thank please hi hiya hello hey bye goodbye ' +
    'lol lmao haha hahaha omg tbh idk btw as ' +
    'interested available free busy booking calling phoning ready having need needing want wanting like ' +
    'urgent emergency serious broken leaking flooding out off down up calling regarding actually really very ' +
    'afraid worried concerned curious new returning existing customer patient client looking gonna gotta ' +
    'still also only maybe probably definitely correct right wrong fine ' +
    'appointment service booking question call number phone email address time today tomorrow ' +
    'monday tuesday wednesday thursday friday saturday sunday morning afternoon evening noon ' +
    'what when where why how who which can could would should will shall may might must do does did done ' +
    "have has had get got make made let lets let's book schedule cancel reschedule change move " +
    'haircut color trim cut cleaning checkup inspection repair oil brake brakes tire tires ac heat heater ' +
    'furnace water gas pipe toilet sink drain outlet tooth teeth pain ' +
    'one two three four five six seven eight nine ten eleven twelve thirty fifteen forty ' +
    "same one's myself mr mrs ms dr miss doctor sir mam ma'am speaking " +
    "back later again soon asap away tonight anytime whenever over here there then now back's " +
    "i'm i'll i've i'd we're we'll we've you're they're he's she's that's there's what's " +
    'checking following returning reaching ringing touching getting having hoping wondering wanting needing doing ' +
    'training travelling traveling moving planning heading flying driving riding cycling hiking walking working ' +
    'below above cold hot warm freezing raining snowing pretty too dead gone fixed late early open closed january february march april may june july august september october november december best cell mobile home work quick quickly real gonna wanna someone somebody anyone anybody nobody everyone person guy lady owner manager ' +
    'office team company business landlord tenant neighbor neighbour husband wife son daughter mom dad friend ' +
    // where someone lives is no name: "I'm Sarah Mills, it's unit 4, 16 jacaranda street"
    'unit apt apartment suite ste flat level floor building bldg street road rd avenue ave boulevard blvd ' +
    'highway hwy crescent terrace parade box name surname spelled spelt spelling ' +
    // closed classes, never a name: quantifiers ("it's all over the floor"), degree words ("it's quite strong"),
    // prepositions ("…strong near the boiler") and the words of a correction ("no wait", "oops")
    'all both each every some any none most much many more less few several enough lots plenty half whole ' +
    'nothing something everything anything everywhere anywhere somewhere nowhere ' +
    'quite rather fairly super extremely totally completely absolutely slightly somewhat kinda sorta almost nearly ' +
    'barely hardly literally seriously even already always never usually sometimes ' +
    'near under behind between into onto through across around beside inside outside against along underneath ' +
    'beneath toward towards past since until till upon within without during after before than via ' +
    'wait hold oops mean meant ' +
    // a stock reply to a question is no answer to "your name?" ("grand, thanks, bye", "lovely, ta")
    'grand lovely brilliant perfect cool awesome excellent wonderful fantastic amazing cheers ta nice alright yup nah ' +
    // whose someone is ("I'm his mum, Ana"), and the words that join clauses ("call me if something opens up")
    'his her hers him them their theirs if unless whether because cause cos though although whilst once ' +
    // a stretch of time is no name ("it's for next week", "it's Australia Day")
    'day days eve weekend week weeks month year next last holiday holidays christmas xmas easter thanksgiving ' +
    'diwali hanukkah chanukah passover ramadan halloween ' +
    // a choice is no name ("neither", "whatever's first", "first thing's ideal")
    'neither either whatever whichever wherever whoever however first thing things earliest latest soonest'
  ).split(/\s+/),
);

/**
 * Ordinary words that describe a thing ("it's noisy", "its tiles at the moment"): never the first word of a
 * name said after "it's" / "I'm", alone, or before an address, though some may follow a given name as a surname
 * ("Jenny Little", "Amy Strong") or be one after "my name is". Words that are also given names or surnames on
 * their own (Grace, Hope, Rich, Young, Brown, Noble, Rusty, Dusty) are left out on purpose.
 */
export const ORDINARY = new Set(
  (
    'noisy loud quiet smelly stinky leaky dirty messy damp wet soggy muddy mouldy moldy mucky sticky bone ' +
    'slippery shaky wobbly squeaky creaky bumpy lumpy patchy cloudy foggy rainy windy icy chilly ' +
    'drafty draughty greasy grimy smoky steamy dodgy iffy tricky scary funny weird strange odd crazy ' +
    'lukewarm dry flooded soaked blocked clogged stuck jammed loose tight cracked bent dented ' +
    'stained worn old big small large little huge massive tiny heavy light dark dim bad worse worst terrible ' +
    'awful horrible dangerous easy hard simple cheap expensive pricey fast slow full empty clear flat low high ' +
    'sore painful swollen itchy sick ill unwell constant normal usual different strong weak safe unsafe ' +
    'tiles tile slate slates shingles bricks brick metal tin iron steel timber wood concrete carpet vinyl glass ' +
    'plastic copper lead asbestos sewage sewer mud smoke dust rust mould mold leak leaks ' +
    'boiler roof ceiling wall walls door doors window windows kitchen bathroom bedroom garage garden yard ' +
    'dog dogs cat cats car van truck house place ' +
    // how a body part feels ("it's stiff and sore", "I'm achy")
    'stiff tender numb achy stiffer sharp dull mild severe raw red puffy tingly dizzy nauseous queasy ' +
    // what callers say they are or a thing is ("I'm pregnant", "I'm diabetic", "it's overdue", "I'm local")
    'pregnant diabetic asthmatic epileptic allergic vegan vegetarian local retired elderly deaf blind overdue due ' +
    'important intermittent random regular occasional recent unsure canadian american british australian irish ' +
    'scottish aussie kiwi'
  ).split(/\s+/),
);

/**
 * What may follow a name after "I'm"/"it's" in an introduction ("I'm Sam and…", "it's Dana from Acme", "im Lee i need…",
 * "i'm Jenna Park he's Leo Park").
 */
export const INTRODUCTION_GOES_ON = new Set(
  "and from with at over here speaking again back by hi hello hey i i'm i'd i'll im my me you we we're our please can could would will just so the sorry actually he's she's they're".split(
    ' ',
  ),
);

/** Words that end a company's name ("from Acme Supply, please call…"). */
export const COMPANY_STOP = new Set(
  (
    "and i i'm calling about we here our my to regarding please can could would call you your the number is it's " +
    'my best reach me at on when if so just this that who need needs want wants about re for'
  ).split(' '),
);

/** People a booking is made for ("it's for my daughter, Ava Thompson"); pets are not: their owner is the client. */
export const RELATIVE =
  'daughter|son|kid|child|boy|girl|wife|husband|partner|mom|mum|mother|dad|father|brother|sister|grandson|granddaughter|grandma|grandpa|grandmother|grandfather|nephew|niece|aunt|uncle|cousin|fiance|fiancee|boyfriend|girlfriend|friend';

for (const r of RELATIVE.split('|')) NOT_NAME.add(r);

/** Particles written in lower case between the words of a name ("Pieter van Wyk", "Maria de la Cruz", "Ali bin Ahmad"). */
export const PARTICLE = new Set(
  'van von der den de del della di da dos das du la le ter ten bin binti bint al el'.split(' '),
);

/**
 * How many words a name has, its particles not counted ("Pieter van Wyk" has 2); Infinity when particles stand in
 * two places, as in no name ("es el tres dos tres", "cerré la llave de paso").
 */
export function nameSize(words: string[]): number {
  const runs = words.filter((w, i) => i > 0 && PARTICLE.has(w) && !PARTICLE.has(words[i - 1])).length;
  return runs > 1 ? Infinity : words.filter((w, i) => i === 0 || !PARTICLE.has(w)).length;
}

/** Words a caller may end a name with that are no part of it ("Edith Carmichael, dear", "it's Sam Reid, mate"). */
export const VOCATIVE = new Set(
  'dear love luv hun hon honey sweetie sweetheart darling mate pet duck chief boss buddy pal bro madam'.split(' '),
);

/**
 * Words that end the name of a day or a season, not of a person ("Australia Day", "Christmas Eve", "Burns Night");
 * a weekday may follow a name ("this is Hannah Ortiz Friday the 18th…").
 */
export const DAY_AFTER = /^(?:day|eve|weekend|holiday|holidays|night|break)\b/;

/**
 * Given names and surnames with an ending that otherwise marks a word that describes ("Emily", "Jared",
 * "Ahmed", "Irving", "Fleming"); short ones ("Fred", "Reed", "Clive", "Olive", "Sally") pass the length rule.
 */
const NAMES_LIKE_WORDS = new Set(
  (
    'jared ahmed mohammed mohamed mehmed hamed javed naveed saeed obed mildred alfred winifred manfred wilfred ' +
    'irving sterling channing manning ewing fleming harding golding browning fielding dowling kipling deming ' +
    'hemming cushing pershing redding spalding darling'
  ).split(/\s+/),
);

/**
 * A word whose ending says it describes or does, not names: "flexible", "available", "nervous", "grateful",
 * "careless", "expensive", "tired", "calling", "really", "actually". The endings that names share ("Emily",
 * "Kelly", "Holly", "Beverly", "Fred", "Clive") are left to the word lists, and names with such an ending to
 * NAMES_LIKE_WORDS.
 */
export function describes(word: string): boolean {
  if (NAMES_LIKE_WORDS.has(word)) return false;
  return /^(?:[a-z]{3,}(?:ing|ful|ous|ible|able|less|ish)|[a-z]{3,}ive|[a-z]{3,}ed|[a-z]{2,}(?:ally|ously|fully|ively|ently|antly|ately|edly|ingly|ably|ibly|stly|ctly|utely|tly)|really|only|early|likely|lovely|friendly|lonely|ugly|silly|happy|keen|eager|glad|lucky|fussy|picky|nearby|close|broke|lost|single|married|short|tall|new|nervous|anxious|free|open)$/.test(
    word,
  );
}

/** A word that is never part of a name, possessive included ("number's", "mum's"). */
export function notName(word: string): boolean {
  return NOT_NAME.has(word) || (word.endsWith("'s") && NOT_NAME.has(word.slice(0, -2)));
}

/** Words that can be a name: none is a word that never is one, the first is no ordinary word ("Noisy", "Tiles"). */
export function nameLike(words: string[]): boolean {
  return (
    words.length > 0 &&
    !ORDINARY.has(words[0]) &&
    words.every((w) => !notName(w) && w.length >= 2 && /^[a-z][a-z'-]*$/.test(w))
  );
}
