/** What the caller wants, yes / no / maybe, corrections and picks among offered options. */
import { RELATIVE } from './names-lexicon.js';

/** The caller's goal in one turn. */
export type Intent =
  'book' | 'reschedule' | 'cancel' | 'check' | 'question' | 'emergency' | 'human' | 'message' | 'goodbye';

/** Whose booking: "my", "our", "his", "my son's", "Lily's". */
const WHOSE =
  "(?:(?:my|our|his|her|their) (?:[a-z]+'s )?|(?!it's|that's|what's|there's|here's|he's|she's|who's)[a-z]+'s )";
/** What a booking is called when asked about. */
const BOOKED_THING =
  '(?:appointment|booking|visit|reservation|session|lesson|class|groom|grooming|test|exam|fitting|consult|consultation|check-?up|treatment)';

/** Greetings and fillers a caller starts with before the question itself ("hey so what time…", "hi there, can I…"). */
const OPENERS =
  '(?:(?:and|so|ok|okay|also|oh|um|uh|er|well|yeah|yes|hi|hey|hello|hiya|yo|hola|good (?:morning|afternoon|evening)|(?:hi|hey|hello) there|sorry|excuse me|quick question)[,.!]? )*';

/**
 * Someone asked for by role or name ("whoever does billing", "Dave", "the owner"); not "a lawyer" or "a
 * listing specialist", the kind of person a service or a pitch names.
 */
const PERSON = '(?:the |your )?[a-z]+';
/** Words "is <word> there?" names that are no person: the line check ("is anyone there?"), things, days. */
const NOT_A_PERSON =
  'it|that|this|there|here|he|she|anyone|anybody|someone|somebody|everyone|everybody|nobody|no one|anything|something|parking|today|tomorrow|tonight|now|everything|mine|yours|one';

/** People at home a caller will talk things over with before deciding ("I'll talk to the missus and ring back"). */
const HOUSEHOLD = `(?:${RELATIVE}|missus|missis|misses|mrs|hubby|wifey|other half|better half|kids|family|landlord|boss|parents|folks|flatmate|roommate|housemate)`;

/**
 * "Let me know if someone cancels", "call me if something opens up", "put me on the waiting list": the caller
 * wants to hear when a time frees up, a message for the team whatever day they named.
 */
export const WAITLIST =
  /\b(?:let me know|call me|ring me|text me|tell me|phone me|contact me|give me a (?:call|ring|shout|bell)) (?:back )?(?:if|when|as soon as) (?:(?:someone|somebody|anyone|anybody) (?:cancels|drops out|can't make it)|(?:something|anything|a (?:spot|slot|space|place|time|opening)) (?:opens|frees|comes up|becomes (?:free|available)|is (?:free|available))|there's a (?:cancellation|spot|slot|space|opening))|\bif (?:someone|somebody|anyone|anybody) (?:cancels|drops out)\b|\bif (?:something|anything|a (?:spot|slot|space|place)) (?:opens|frees|comes) up\b|\b(?:wait(?:ing)? ?list|cancellation list|standby list)\b/;

const RULES: Array<[Exclude<Intent, 'emergency'>, RegExp]> = [
  [
    'human',
    new RegExp(
      [
        '\\b(speak|talk|chat) (to|with) (a |an |the |some |your )?(real |live |actual )?(person|human|someone|somebody|manager|owner|representative|rep|agent|operator|staff|technician|dentist|doctor|receptionist|boss)\\b',
        '\\b(real|live|actual) (person|human)\\b|\\b(?:transfer|connect) me\\b|\\bput me (?:through|to|with)\\b|\\boperator\\b|\\brepresentative\\b|\\bhuman\\b',
        // "can I speak to Dave?", "I need to talk to whoever does billing", "someone in accounts"
        `\\b(?:speak|talk|chat) (?:to|with) (?!(?:a|an|you|u|y'all|about|my|our|them|him|her|me|us|each|(?:the |my )?${HOUSEHOLD})\\b)${PERSON}`,
        '\\b(?:whoever|someone|somebody|the person) (?:who )?(?:does|handles|is in charge of|deals with|takes care of|looks after|runs) (?:the |your )?(?:billing|bills|invoices|accounts|payments|scheduling|the office)\\b',
        '\\b(?:someone|somebody|anyone|anybody) (?:in|from) (?:billing|accounts|accounting|the office|management)\\b',
        // "is the owner in?", "is the manager available?", "is Dave there?", "is Mike around today?"
        '\\b(?:is|are) (?:the )?(?:owner|manager|boss|office manager|supervisor)s? (?:in|there|around|available|free|about)\\b',
        // …asked at the start of a sentence: "the insulin is in there" asks for nobody
        `(?:^|[.?!,]\\s*|\\b(?:hi|hey|hello|hiya|yes|yeah|um|uh|so|and|oh|ok|okay)[,]?\\s+)is (?:(?:mr|mrs|ms|miss|dr|doctor)\\.? )?(?!${NOT_A_PERSON}\\b)[a-z]+ (?:in|there|around|about)(?: today| now| right now| at the moment| this (?:morning|afternoon))?(?=[?.!,]|$| please| by any chance)`,
      ].join('|'),
    ),
  ],
  [
    'cancel',
    /(?<!\b(?:don't|do not|dont|not|never|no need to|won't|rather not) (?:(?:just|really|actually|want to|need to) )?)\bcancel+(ing|ed|ation)?\b|\bcall off\b|\b(?:won't|will not|wont) (be able to )?make it\b|\b(?:can't|cant|cannot|can not) make (it|my appointment)\b|\bno longer need\b|\bremove my appointment\b/,
  ],
  [
    'reschedule',
    /\bre-?schedul\w*|\bprepon(?:e|ed|ing)\b|\bmove (my|the|our|his|her|their) (appointment|booking|visit)|\b(move|change|switch|shift|push|bump) (my|the|our|his|her|their|(?!it's|that's|what's|there's|here's)[a-z]+'s) [a-z' -]{2,30}? (to|over to|back to|out to|from)\b|\b(?:move|shift|bump|postpone) (?:my|our|his|her|their|[a-z]+'s) (?:[a-z]+'s )?(?:[a-z-]+ ){0,3}?(?:appointment|booking|visit|reservation|session|lesson|class)\b|\b(?:do|have|make) (?:my|our|his|her|their|[a-z]+'s) [a-z' -]{2,30}? instead\b|\bchange (my|the|our) (appointment|booking|time)|\bpush (my|it|the appointment) back\b|\bpostpone\b|\bdifferent (day|time) for my\b|\bmove it to\b|\bcan (?:we|i|you) (?:move|change) it\b/,
  ],
  [
    // "can't do thurs lesson, can we do fri same time instead": the booked day given up for another
    'reschedule',
    /\b(?:can't|cant|cannot|can not|won't|wont) (?:do|make|come(?: in)?|attend|manage)(?: (?:it|my|the|our|his|her|their))?(?: on)? (?:this |next )?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:'s)?\b[^.?!]{0,60}\b(?:instead|rather|move|change|switch|swap)\b/,
  ],
  [
    // "push me back an hour", "change it to twelve instead", "earlier the same day", "I just want it an hour later"
    'reschedule',
    /\b(?:push|move|bump|shift) (?:me|us|him|her|them) (?:back|forward|up|out|to|over)\b|\b(?:push|move|bump|shift|put|bring|pull) (?:my|our|the|his|her|their) (?:appointment|booking|visit|reservation|session|lesson) (?:back|forward|up|out|later|earlier)\b|\b(?:bring|pull|push|move) (?:it|that|this|them) (?:(?:a|an|one|two|three|\d+|half an?) (?:week|weeks|fortnight|day|days|hour|hours|month)s? )?(?:forward|back|up|earlier|later)\b|\b(?:push|move|bump|shift|knock|bring|pull) (?:my|our|his|her|their|[a-z]+'s) (?:[a-z'-]+ ){0,2}?[a-z'-]+ (?:back|forward|out|up) (?:a|an|one|two|three|\d+|by) (?:week|weeks|fortnight|day|days|hour|hours|month)\b|\b(?:move|change|switch|shift|push|bump|bring|put) (?:my|our|his|her|their|(?!it's|that's|what's|there's|here's)[a-z]+'s) [a-z0-9' -]{2,40}? (?:earlier|later|forward|sooner|into (?:the )?(?:next|new|following))\b|\bmake (?:it|that|this) (?:an?|one|two|half an|\d+) (?:hour|hours|minutes?|mins?)(?: or so)? (?:later|earlier|sooner)\b|\b(?:change|move|switch|shift|push|bump) (?:it|that|this|them) (?:to|till|until|over to)\b|\b(?:earlier|later|sooner) (?:on )?(?:the |that )?same day\b|\b(?:the )?same day(?:,)? (?:but )?(?:earlier|later|instead)\b|\bwant (?:it|him|her|them) (?:(?:an?|one|two|half an) (?:hour|bit|little)s? |\d+ (?:minutes|hours) )?(?:later|earlier|sooner)\b/,
  ],
  [
    // "when is my appointment?", "can you confirm my son's session for Thursday?", "what time am I booked in?"
    'check',
    new RegExp(
      [
        `\\b(?:when|what time|what day|which day)(?: is|'s| was| are)? ${WHOSE}(?:next |upcoming )?(?:[a-z-]+ ){0,2}${BOOKED_THING}s?\\b`,
        `\\b(?:when|what time|what day)(?: is|'s) (?:my|our) next\\b`,
        `\\b(?:confirm|check(?: on)?|verify|double[- ]check|look up|remind me (?:of|about))(?: when| what time| what day)?(?: is)? ${WHOSE}(?:next |upcoming )?(?:[a-z-]+ ){0,2}${BOOKED_THING}s?\\b`,
        `\\bcheck (?:on )?(?:when|what time|what day) (?:my|our)\\b`,
        `\\b(?:do|did) (?:i|we) (?:still )?have (?:an |any |a )?(?:upcoming )?(?:appointment|booking|visit)s?\\b`,
        `\\b(?:am i|are we) (?:still )?(?:booked|scheduled|on the (?:books|schedule|calendar))\\b`,
        `\\b(?:what time|when|what days?)(?: is| are)? (?:am i|are we|was i|were we|i'm|i am|we're|we are|is (?:he|she)|are they) (?:booked|scheduled|coming in|supposed to (?:come|be)|due)\\b`,
        `\\b(?:forgot|forget|remember|don't remember|can't remember|not sure) (?:when|what time|what days?) (?:my|our|i|we|they|it|his|her|[a-z]+'s)\\b`,
        `\\bis my (?:appointment|booking|visit) still\\b`,
        // "just checking I'm still on for my cleaning Thursday?", "calling to confirm my oil change tomorrow at nine"
        `\\b(?:i'm|i am|we're|we are|he's|she's|they're) still (?:on|booked|good|scheduled|down)\\b`,
        `\\b(?:checking|making sure|confirming|(?:calling|phoning|ringing|want(?:ed)?|just|here) to (?:check|confirm|make sure))(?: that)? (?:i'm|i am|we're|we are|my|our|his|her|their|[a-z]+'s) (?:still |all )?(?:on|booked|set|good|scheduled|[a-z-]+ (?:[a-z-]+ )?(?:tomorrow|today|on|at|for|this|next))\\b`,
        // "what time am I in on Thursday?", "when are we down for?"
        `\\b(?:what time|when|what day|which day)(?: is| are)? (?:am i|are we|is (?:he|she)|are they) (?:in|down|on)\\b`,
        // "did I book my physio for this week or next?"
        `\\b(?:did|have) (?:i|we) (?:book|booked|schedule|scheduled|make|made|put)(?: (?:my|our|his|her|the|it|an?|me|us)\\b)?[a-z' -]{0,30}? (?:for|on|in) (?:this|next|which|what)\\b`,
        // "what time was it again?", "remind me when my massages are"
        `\\bwhat (?:time|day) (?:was|is) (?:it|that|my \\w+) again\\b`,
        `\\bremind me (?:when|what time|what day)\\b`,
        // "I've got a check-up coming up but I can't remember the date. Can you tell me when it is?"
        `\\b(?:can't|cannot|can not|don't|do not) remember (?:the |my |our )?(?:date|time|day|when)\\b`,
        `\\b(?:tell|remind) (?:me|us) when (?:it|that)(?:'s| is)\\b`,
        // "I'm in tomorrow at 2 with Megan, right?"
        `\\b(?:i'm|i am|we're|we are|he's|she's) (?:in|booked(?: in)?|down|scheduled)\\b[^?.!]{0,40}\\b(?:right|correct|isn't it|is that right|aren't i|yeah)\\s*\\??$`,
        // "what time are y'all coming tomorrow?": the visit already booked
        `\\b(?:when|what time)(?: are| will| is)? (?:you|y'all|ya'll|you guys|you all|your guys|they|your (?:guy|tech|technician|team|crew|driver|plumber|cleaner)s?|the (?:tech|technician|crew|team|driver)) (?:coming|arriving|getting here|showing up|turning up|be here|be there|going to (?:come|be here|arrive))\\b`,
      ].join('|'),
    ),
  ],
  [
    'message',
    new RegExp(
      String.raw`\b(leave|take) a message\b|\bpass (it |this |that )?(along|on)\b|\b(?:tell|inform) (?!me\b|us\b|you\b|ya\b)(?:him|her|them|the [a-z]+|[a-z]+) (?:that|to call)\b|\blet (him|her|them|the owner|the team|someone|(?!me\b|us\b|you\b|ya\b|y'all\b|it\b)[a-z]+) know\b|\b(?:look at|take a look|have a look|come (?:out|over|round|by))\b[^.?!]{0,30}\b(?:and|to) give (?:me|us) (?:a |an )?(?:price|quote|estimate|number|figure|ballpark)\b|\b(have|ask) (him|her|them|someone|somebody) (to )?call me( back)?\b|\bcall me back\b|\bcallback\b|\bvoice ?mail\b|\bget back to (me|us)\b|\b(e-?mail|text|send) (me|us) (a |an |the |your |some |a few )?(quote|estimate|price|pricing|prices|options|details|info|information)\b|\b(quote|estimate|price|prices|pricing|options)( [a-z]+){0,3} (e-?mailed|sent|texted) (to |over to )?(me|us|over)\b|\bjust (want|need|looking for|after|wanted) (a |an |the )?(quote|estimate|price|ballpark)\b|\b(?:looking for|after|requesting|request) (?:a |an |some )?(?:free |rough |quick )?(?:quote|estimate|quotation)s?\b|\b(?:want|need|like|have) (?:it|them|that|this|the quote|the estimate|the price|the pricing) (?:e-?mailed|sent|texted)\b|\b(?:no ?one|nobody|no-one) (?:needs|has|have) to come (?:out|over|round|by)\b|\b(?:don't|do not|dont) (?:need|want) (?:anyone|anybody|someone|somebody) (?:to )?(?:come|coming) (?:out|over|round|by)\b|\b(ring|phone|bell) me\b|\bgive (me|us) a (call|ring|bell)\b|\b(call|ring|phone) (me|us) (back )?(tomorrow|tonight|later|after|before|between|at|this|on|any ?time|when)\b|\b(have|get|ask) (someone|somebody|them|him|her|the owner|the office|[a-z]+) (to )?(call|ring|phone) (me|us)\b|\b(can|could|will|would) (someone|somebody|they|you|he|she) (call|ring|phone) (me|us)\b|\b(a|the) call ?back\b|\bpass (a|this|that|the|my) message\b|\b(give|leave) (him|her|them|[a-z]+) a message\b|\ba message (for|to) \w+|\b(?:want|need|would like|'d like|like) (?:the |your |a |an )?[a-z]+ to (?:call|ring|phone|contact|get back to) (?:me|us)\b|\b(are you|you guys|y'?all|ya'?ll|is \w+|are they|you're|you are|if you|if you're|still) (still )?hiring\b|\b(?:taking on|looking for|recruiting|need|needing|want|wanting) (?:any |some )?(?:new |more |extra |another )?(?:tutors?|teachers?|staff|barbers?|stylists?|hairdressers?|technicians?|techs?|mechanics?|plumbers?|electricians?|hygienists?|nurses?|assistants?|receptionists?|apprentices?|instructors?|therapists?|groomers?|employees?|workers?|cleaners?|drivers?|painters?|carpenters?)\b(?! (?:for|to) (?:my|me|our|us)\b)|\b(?:send|email|e-mail|drop off|bring in|forward) (?:you |over )?(?:my|a|the) (?:cv|resume|résumé|application|portfolio)\b|\b(?:trying|hoping|want|wanted|wanting|need|needed|needing|looking|calling) to (?:reach|get (?:a )?hold of|get through to|catch|contact|get in touch with|touch base with) (?!(?:someone|somebody|anyone|anybody|a person|a human|you|you guys)\b)(?:dr\.? |mr\.? |mrs\.? |ms\.? |miss )?[a-z]{2,}|\bhelp wanted\b|\b(apply|applying) (for|to) (a|the|any|your) \w*\s?(job|position|opening|role)\b|\bjob (opening|application|posting)s?\b|\blooking for (work|a job)\b|\bwho (handles|is in charge of|runs|does) your (marketing|advertising|seo|website|social media|purchasing|supplies)\b|${WAITLIST.source}`,
    ),
  ],
  [
    'book',
    /\b(book|schedule|make|set up|get|need|want|like|have) (an? |my |the )?(appointment|booking|visit|slot|spot|consultation|estimate|quote)\b|\bbook\w*\b|\bschedul\w*\b|\bappointment\b|\b(come in|come out|send someone|someone (to )?come|fit me in|squeeze me in)\b|\b(availab\w*|opening|openings|free slot|anything (open|available))\b|(?<!\b(?:do|does|did|will|would|should|must|shall) )\b(i|we)(?: need|'d like| would like| want| wanna),? (a|an|my|the|to get|someone|some)\b|(?:^|[.!?,] |\b(?:i'm|im|i am|we're|we are|just|was|were) )after (?:an?|some) (?!while|bit|few|couple|minute|second|moment|week|month|day|year|long|short|fortnight|quick|little)[a-z]|\bif not,? [a-z0-9: ]{1,30}? (?:will do|would do|works|is fine|suits)\b/,
  ],
  [
    'question',
    new RegExp(
      `\\?|^${OPENERS}(what|when|where|how|why|which|who|do you|does|are you|are y'?all|are ya'?ll|are you guys|is there|is it|can i|can you|could you tell)\\b|\\b(how much|how long|how many|what (are|is) your|your (hours|address|prices?|rates?)|do you (guys )?(take|accept|offer|do|have|work|open|sell|carry|fix|repair|service|handle)|are you open|open on|located|insurance|parking|walk-?ins?|warranty|price|cost|charge|fee|(i was|i'm|i am|just) wondering (if|whether|about|what|when|how)|(i have|i've got|got) a (quick )?question|quick question)\\b|\\b(?:do|does|will|would|should) (?:i|we|he|she|they) (?:still |also |even |really )?(?:need|have to|got to|gotta)\\b|\\b(?:what|where|how) (?:should|do|can|will) (?:i|we) (?:wear|bring|park|pay|expect|prepare)\\b`,
    ),
  ],
  [
    'goodbye',
    /\b(bye|goodbye|good bye|that's (all|it|everything)|that is all|nothing else|no,? that's (all|it)|have a (good|great|nice) (day|one|night|evening)|ta-?ra|ta ra|cheerio|ka kite( an[oō])?|hooroo|laters|talk to you later|i'm (all )?set|we're (all )?(good|set)|i'm good,? thanks?)\b/,
  ],
];

/** A booking put off to later: "I'll book once the rota's out", "I'll just book again when I'm home". */
export const BOOKING_PUT_OFF =
  /\b(?:i'll|i will|we'll|we will|i'd|i can|we can|going to|gonna|and) (?:just )?(?:call (?:back )?(?:and|to) )?(?:book|schedule|rebook|re-book)(?: (?:it|one|in|that|a time|an appointment|again|another|something|back in|a new one))* (?:later|another time|some other time|next week|next time|soon|once|when|after|closer|down the track)\b/;

/** "I don't want to book anything", "not looking to schedule yet", "I'll book later": a booking the caller declines. */
const DECLINED_BOOKING = new RegExp(
  String.raw`\b(?:don't|do not|dont|not|no need to)(?: really| even| quite)? (?:(?:want|wanna|need|looking|trying|ready|going|planning)(?: to)? )?(?:book|schedule|make an appointment)\w*(?: anything| an appointment| a visit| yet| right now)*|\b(?:don't|do not|dont|not) (?:really )?(?:want|need|looking for) (?:an? |any )?(?:appointment|booking|visit)s?(?: yet| right now)?|\bno (?:appointment|booking|visit)s?(?: yet| for now| right now| needed)?\b|\b(?:i|we|i've|we've|i have|we have|already|i'd|we'd|you) (?:already )?booked\b|\bmy (?:\w+ )?(?:is|was) (?:already )?booked\b|${BOOKING_PUT_OFF.source}`,
  'g',
);

/** All intents found in `text` (lower-cased), most specific first; a declined booking is no wish to book. */
/** An appointment the caller says they have ("I've got an appointment with you on Thursday", "we have a booking at 10"). */
const HAVE_ONE =
  /\b(?:i|we|he|she|they|my [a-z]+)(?:'ve| have| has|'s)(?: got| already got)? (?:an?|my|our|his|her|their|the) (?:[a-z-]+ )?(?:appointment|booking|consultation|session|lesson|visit|reservation)(?: (?:with you|booked|there|coming up|scheduled|tomorrow|today|on|at|this|next|for)\b)/;
/** Words that ask for a booking all the same ("…and I'd like to book another one"). */
const WANT_ONE =
  /\b(?:book|schedule|make|set up|another|second|new|move|change)\b|\b(?:want|like|need) (?:an?|to book|to get|to make)\b/;

/** A question about what cancelling costs or needs ("will I be charged for cancelling?", "what's your cancellation policy?"). */
const CANCEL_POLICY_ASKED =
  /\b(?:charged?|fee|fees|penalty|cost|pay|policy|notice|deposit|refund)\b[^.!]{0,30}\bcancel+(?:ing|ed|ation|ations|s)?\b[^.!]*\?|\bcancel+ation (?:policy|fee|charge)|\bcancel+(?:ing|ation)?\b[^.!]{0,30}\b(?:charged?|fee|penalty|cost|policy|notice)\b[^.!]*\?/;

/** A visit of the caller's own on a day ("I have a hearing aid check on Wednesday", "I've got my lesson this Friday"). */
const OWN_VISIT =
  /\b(?:i|we|he|she|they|my [a-z]+)(?:'ve| have| has|'s)(?: got)? (?:an?|my|our|his|her|their) (?:[a-z-]+ ){0,4}?(?:(?:on |this |next )(?:mon|tue|wed|thu|fri|sat|sun|the \d|\d|morning|afternoon|evening|week)|tomorrow|today)/;
/** Moving "it", said of that visit ("I need to change it", "can we make it Friday instead?"). */
const MOVE_IT = /\b(?:change|move|switch|shift|reschedule|rebook|swap) it\b|\bmake it (?:[a-z0-9]+ ){1,4}?instead\b/;
/** Moving "it" wished for in so many words ("I was hoping to move it", "I'd like to change it"). */
const MOVE_MINE = /\b(?:hoping|like|want|need|wanted|going|have|trying) to (?:move|change|reschedule|shift) it\b/;

/** A cancellation asked for in so many words, beside any question about it. */
const CANCEL_ASKED =
  /(?<!\b(?:if|when) (?:i|we|you) )\bcancel+ (?:it|that|this|my|our|his|her|their|the)\b|\b(?:want|need|like|have|going|wanna|gotta) to cancel+\b|\b(?:please|can you|could you|can i|could i) cancel+\b/;

/**
 * A booking the caller has, said with no request yet ("I've got a cleaning booked tomorrow at nine", "you're coming to
 * tune my piano on Monday morning"): their appointment is what the call is about.
 */
const OWN_BOOKED =
  /\b(?:i|we|he|she|they|my [a-z]+)(?:'ve| have| has|'s)(?: got| already got)? (?:an?|my|our|his|her|their) (?:[a-z-]+ ){0,3}?(?:booked(?: in)?|scheduled|coming up|with you)\b|\b(?:you're|you are|you guys are|your (?:guy|tech|technician|team|crew|plumber|cleaner) (?:is|are)) (?:coming|due) (?:to|on|out|round|over|tomorrow|today|this|next)\b/;

export function findIntents(text: string): Intent[] {
  const found = RULES.filter(([i, re]) =>
    re.test(i === 'book' ? text.replace(DECLINED_BOOKING, ' ').replace(CALL_ME_ASK, ' ') : text),
  ).map(([i]) => i);
  let unique = [...new Set(found)];
  // "is this a real person or a robot?": a question about who answers, not a wish to be put through
  if (unique.includes('human') && ABOUT_THE_AGENT.test(text))
    unique = [...unique.filter((i) => i !== 'human' && i !== 'question'), 'question'];
  // "I've got an appointment with you on Thursday, where do I park?": one the caller has, asked about, not one to book
  if (unique.includes('book') && HAVE_ONE.test(text) && !WANT_ONE.test(text.replace(HAVE_ONE, ' ')))
    unique = unique.filter((i) => i !== 'book');
  // "will I be charged for cancelling?", "is there a fee if I cancel?": a question about the policy, no cancellation
  if (unique.includes('cancel') && CANCEL_POLICY_ASKED.test(text) && !CANCEL_ASKED.test(text))
    unique = [...unique.filter((i) => i !== 'cancel' && i !== 'question'), 'question'];
  // "I have a hearing aid check on Wednesday at 9 but I need to change it… can we make it Friday instead?": the
  // caller's own visit, moved
  if (!unique.includes('reschedule') && ((OWN_VISIT.test(text) && MOVE_IT.test(text)) || MOVE_MINE.test(text)))
    unique = ['reschedule', ...unique.filter((i) => i !== 'book' && i !== 'cancel')];
  // "I've got a cleaning booked tomorrow at nine": the caller's own booking, told before what they want of it
  if (unique.every((i) => i === 'book') && OWN_BOOKED.test(text)) {
    const rest = text.replace(OWN_BOOKED, ' ');
    if (!WANT_ONE.test(rest) && !/\b(?:add|also|too|as well|plus)\b/.test(rest)) unique = ['check'];
  }
  // "no rescheduling needed, cancel it please": the move declined
  if (NO_MOVE.test(text)) unique = unique.filter((i) => i !== 'reschedule');
  // "I can't make it Monday, could we do Wednesday instead?": a cancellation with another time proposed is a move
  if (unique.includes('cancel') && (unique.includes('reschedule') || INSTEAD.test(text)))
    return ['reschedule', ...unique.filter((i) => i !== 'reschedule')];
  return unique;
}

/**
 * "am I talking to a robot?", "is this a real person?", "are you an AI?", "¿es una máquina?": the caller
 * asks what is answering, which is no request for a person ("I want a real person" is one, and stays one).
 */
export const ABOUT_THE_AGENT = new RegExp(
  [
    '\\b(am i|are we) (talking|speaking|chatting) (to|with) (a |an )?(real |live |actual )?(person|human|robot|bot|machine|computer|ai|a\\.i|recording|answering (machine|service))',
    '\\b(is this|is that|is it|are you|r u) (a |an )?(real |live |actual )?(person|human|human being|robot|bot|machine|computer|ai|a\\.i|recording|automated|answering (machine|service))',
    '\\bare you (real|for real|human)',
    '\\b(real )?(person|human) or (a |an )?(robot|bot|machine|computer|ai|recording)\\b|\\b(robot|bot|machine|computer|ai) or (a |an )?(real )?(person|human)\\b',
    '\\b(es|eres|es usted|estoy hablando con) (un |una )?(robot|maquina|contestadora|grabacion|inteligencia artificial|persona real|persona de verdad)\\b',
  ]
    // the thing asked about ends the question: "is it a computer problem?" asks something else
    .map((p, i) => (i < 3 ? `${p}(?=\\s*([?.!,;]|$|(or|right|then|though|am i|i mean)\\b))` : p))
    .join('|'),
);

/** "I want the manager to call me back": a wish for a call, whatever "I want the…" says to the booking rule. */
const CALL_ME_ASK =
  /\b(?:want|need|would like|'d like|like) (?:the |your |a |an )?[a-z]+ to (?:call|ring|phone|contact|get back to) (?:me|us)\b/g;

/** A move declined: "no rescheduling needed", "don't want to move it". */
const NO_MOVE =
  /\b(?:no|not|don't|do not|dont|no need to|without)(?: (?:need to|want to|wanna|going to|gonna))? (?:re-?schedul\w*|rebook\w*|move it|change it)(?! (?:to|till|until)\b)/;

/** Another time proposed in the same breath as a cancellation. */
const INSTEAD =
  /\b(?:could|can) (?:we|i|you) (?:do|make it|try|go for|switch to)\b|\b(?:how|what) about (?:mon|tue|wed|thu|fri|sat|sun|next|the|tomorrow|\d)|\b(?:another|a different|a later|an earlier) (?:day|time|date)\b|\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|tomorrow|next week|\d{1,2}(?::\d\d)?(?: ?[ap]\.?m\.?)?|noon|morning|afternoon) instead\b/;

/** Yes, no or maybe, when the turn answers a yes/no question. */
export type YesNo = 'yes' | 'no' | 'maybe';

const MAYBE =
  /\b(maybe|not sure|i don't know|i'm not sure|possibly|perhaps|let me (think|check)|i guess|hard to say)\b/;
const NO =
  /^(no|nope|nah|negative|wrong|incorrect)\b|\b(that's not (right|correct|it)|not (right|correct|quite)|that's wrong|no,? (that's|it's) (wrong|not)|don't book|do not book|not that|doesn't work|does not work|won't work|can't do that|no thanks|no thank you)\b/;
const YES =
  /^(yes|yeah|yep|yup|ya|yah|sure|correct|right|ok|okay|perfect|absolutely|definitely|great|fine|sounds good|uh-huh|mm-hmm|affirmative|of course|exactly|please|go ahead|do it|book it|that works|works for me)\b|\b(that's (right|correct|perfect|fine|great)|that is (right|correct)|sounds (good|great|perfect)|works (for me|great|fine)|that works|go ahead|please do|book it|yes please|that'll work|that will work|lets do (it|that)|let's do (it|that)|that'd be (great|good|fine|perfect)|(uh|mm)[ -]?(huh|hmm)|mhm)\b|^huh$/;

const AGREEING_NO =
  /^(?:no|nope|nah) (?:problem|worries)\b|^no (?:problem|worries)\b|^(?:no|nope) (?:(?:that's|thats|that is|it's|its|it is) (?:fine|good|great|perfect|correct|right|ok|okay|all good)|go ahead|you got it|all good)\b(?! (?:but|except))/;

/**
 * "No problem", "no, that's fine", "no, go ahead": a leading "no" that agrees. Only an answer to a
 * question that proposes something (a read-back, "shall I cancel it?", an offer) reads it so; after
 * "anything else?" a "no worries" still means no.
 */
export function agreeingNo(text: string): boolean {
  return AGREEING_NO.test(text.replace(/[,.!]/g, ' ').replace(/\s+/g, ' ').trim());
}

/** Reads a yes, no or maybe; negations are checked before their positive look-alikes ("not right"). */
/**
 * Yes the way people say it around the English-speaking world: "aye, go on then", "that'd be grand",
 * "sweet as", "lovely, ta", "cheers" (to "shall I book it?"), "sounds like a plan", "bet", "too easy".
 */
const YES_SAID =
  /^(?:k|kk|okk?|okie|okey|oki|okey dokey|okie dokie|yas|yess+|yesh|yh|ye|yee|yessir|yes sir|yes ma'am|aye|yea|yeh|yis|ja|go on(?: then)?|grand|lovely|brilliant|cheers|ta|sweet|cool|awesome|excellent|wonderful|fab|fabulous|champion|deal(?! with)|bet|certainly|indeed|righto|right you are|spot on|for sure|you bet|sure thing|too easy|no worries|alright|all right|good(?! (?:morning|afternoon|evening|day|night))|nice|ideal|smashing|magic|bang on|dead on|that suits|suits me|do that|fair enough|let's go|lets go)\b|\b(?:that'd be|that would be|that's|that is|it's|sounds|all sounds|that'll be|that sounds) (?:grand|lovely|brilliant|ideal|smashing|spot on|bang on|champion|sweet|mint|class|magic|wonderful|excellent|awesome|cool|fab|fantastic|like a plan)\b|\bsweet as\b|\bgrand so\b|\bgo for it\b|\b(?:book|pop|put|pencil|stick|squeeze) me (?:in|down)\b|\block it in\b|\bhappy with that\b|\bthat'll do\b|\bthat suits\b|\bsuits me\b|\blet's go with (?:that|it)\b|\b(?:this|that|the|my|same) (?:number|mobile|cell|phone|one)(?:'s| is)? (?:fine|good|ok|okay|correct|right|great|perfect|the one|best)\b/;

/**
 * A run of yes and no words ("no yeah", "yeah nah yeah"): the last decides, and a no followed by
 * agreement ("yeah no, that's fine") is a yes.
 */
const YES_NO_RUN = /^((?:(?:yeah|yes|yep|yup|no|nah|nope) )+)(.*)$/;

export function yesNo(text: string): YesNo | undefined {
  const t = text.replace(/[,.!]/g, ' ').replace(/\s+/g, ' ').trim();
  const run = YES_NO_RUN.exec(`${t} `);
  if (run && run[1].trim().includes(' ')) {
    const words = run[1].trim().split(' ');
    const rest = run[2].trim();
    const lastYes = !/^(?:no|nah|nope)$/.test(words[words.length - 1]);
    if (rest && NO.test(rest)) return 'no';
    if (lastYes || (rest && (YES.test(rest) || YES_SAID.test(rest)))) return 'yes';
    return 'no';
  }
  if (NO.test(t)) return 'no';
  if (MAYBE.test(t)) return 'maybe';
  if (YES.test(t) || YES_SAID.test(t)) return 'yes';
  return undefined;
}

/** "Something later" / "anything earlier": relative to the times just offered. */
export function relativeShift(text: string): 'later' | 'earlier' | undefined {
  // "I mean Wednesday, later this morning": a part of the day said, not a shift ("anything later that
  // afternoon?" still is one)
  text = text.replace(
    /(?<!\b(?:anything|something|any|have|got|there|is|else|bit|little|slightly|much)\s)\b(?:later|earlier) (?:this|that) (?:morning|afternoon|evening|arvo|week|month)\b/g,
    ' ',
  );
  if (/\b(later|after that|later in the day|anything after)\b/.test(text) && !/\b(later|latter) one\b/.test(text))
    return 'later';
  // "what else do you have?", "any other times?": more openings after the ones offered
  if (
    /\bwhat else (?:do you have|have you got|you got|is there|is (?:open|free|available)|can you do)\b|\b(?:any|some|what) other (?:times?|slots?|openings?|options?|spots?)\b|\bother (?:times|options|slots|openings) (?:do you have|you have|available)\b/.test(
      text,
    )
  )
    return 'later';
  if (/\b(earlier|sooner|before that)\b/.test(text) && !/\bearlier one\b/.test(text)) return 'earlier';
  return undefined;
}

/** True when the turn corrects something said before ("actually make it 11"). */
export function isCorrection(text: string): boolean {
  return /\b(actually|instead|make it|change (it|that) to|rather|i meant|i mean|no wait|wait,? no|scratch that|sorry,? i mean|on second thought|can we do|let's do|let's make it|switch (it )?to|not \w+,? but)\b/.test(
    text,
  );
}

const POSITION: Record<string, number | 'last'> = {
  '1st': 0,
  first: 0,
  earlier: 0,
  earliest: 0,
  former: 0,
  sooner: 0,
  soonest: 0,
  '2nd': 1,
  second: 1,
  '3rd': 2,
  third: 2,
  last: 'last',
  later: 'last',
  latter: 'last',
  latest: 'last',
};
const ORD = '1st|first|2nd|second|3rd|third|last|earlier|earliest|later|latter|latest|former|sooner|soonest';

/**
 * An index into the options just offered ("the first one" → 0, "the later one" → last), or undefined.
 * A position said as a noun phrase counts ("I'll take the second", "the earlier one works better");
 * "the 1st of March", "the first thing", "the last time I came" do not.
 */
export function pickOption(text: string): number | 'last' | undefined {
  // "1st one", "earlier one" arrive with the one as a digit ("1st 1")
  const t = text
    .trim()
    .replace(/[.!?]+$/, '')
    .replace(new RegExp(`\\b(${ORD}) 1\\b`, 'g'), '$1 one');
  const alone = new RegExp(`^(?:(?:ok|okay|yes|yeah|um|uh|so|hmm),? )*(?:the )?(${ORD})(?: one)?(?: please)?$`).exec(t);
  if (alone) return POSITION[alone[1]];
  const noun = new RegExp(
    `\\b(?!last time\\b)(${ORD}) (?:one|option|slot|time|of the two)\\b(?! (?:i|we) (?:came|was|were|went|had))|\\bthe (${ORD}) time\\b(?=\\s*(?:$|,|please|works|is (?:fine|good|great|perfect)|would (?:work|be (?:fine|great|good))|sounds good))`,
  ).exec(t);
  if (noun) return POSITION[noun[1] ?? noun[2]];
  const taken = new RegExp(
    `\\b(?:take|want|do|book|prefer|choose|pick|go with|like|grab) the (${ORD})\\b(?! (?:of|week|day|month|thing|available))`,
  ).exec(t);
  if (taken) return POSITION[taken[1]];
  const numbered = /\b(?:option|number|choice) (1|2|3)\b/.exec(t);
  if (numbered) return Number(numbered[1]) - 1;
  const whichever = new RegExp(`\\b(?:whichever|whatever|which ever|what ever)(?: one)?(?: is|'s|s) (${ORD})\\b`).exec(
    t,
  );
  if (whichever) return POSITION[whichever[1]];
  return undefined;
}

/**
 * A move of the time just read back or offered, in minutes: "30 minutes later", "an hour earlier",
 * "push it back an hour" (+60), "bring it forward half an hour" (−30). Undefined when none.
 */
export function minuteShift(text: string): number | undefined {
  const amount = '(\\d{1,3}) (?:minutes?|mins?)|(half an hour|an hour and a half|an hour|one hour|(\\d) hours?)';
  const m = new RegExp(
    `\\b(?:push(?: it| me| us)? back|move(?: it| me| us)? back|bump(?: it| me| us)?(?: back)?|push(?: it| me| us)? out)(?: by)? (?:${amount})|(?:${amount}) (later|earlier|sooner)|(?:bring|move|pull)(?: it)? (?:forward|up|earlier)(?: by)? (?:${amount})`,
  ).exec(text);
  if (!m) return undefined;
  const g = m.slice(1);
  const minutes = (i: number) =>
    g[i]
      ? Number(g[i])
      : g[i + 1] === 'half an hour'
        ? 30
        : g[i + 1] === 'an hour and a half'
          ? 90
          : g[i + 2]
            ? Number(g[i + 2]) * 60
            : g[i + 1]
              ? 60
              : undefined;
  if (g[0] || g[1]) return minutes(0);
  if (g[3] || g[4]) return (g[6] === 'later' ? 1 : -1) * (minutes(3) ?? 0);
  if (g[7] || g[8]) return -(minutes(7) ?? 0);
  return undefined;
}

/**
 * Yes or no to a question about one action ("shall I cancel it?"): the action said plainly decides,
 * so a leading "no" that declines something else ("no need to rebook, just cancel it") is a yes, and
 * "don't cancel" is a no. Undefined when the turn does not name the action.
 */
export function answerTo(text: string, action: 'cancel' | 'book'): YesNo | undefined {
  const verb =
    action === 'cancel'
      ? 'cancel+(?:l?ing|l?ed)?|call (?:it )?off'
      : 'book(?: it)?|schedule(?: it)?|lock (?:it|that) in|confirm(?: it)?';
  const negated = new RegExp(
    `\\b(?:don't|do not|dont|not|never|no need to|won't|wouldn't|rather not|no reason to)\\s+(?:(?:just|really|actually|want to|wanna|need to|have to|go ahead and)\\s+)?(?:${verb})\\b`,
  );
  if (negated.test(text)) return 'no';
  if (action === 'cancel' && /\b(?:keep|leave) (?:it|the appointment|my appointment|that)\b/.test(text)) return 'no';
  if (new RegExp(`\\b(?:${verb})\\b`).test(text)) return 'yes';
  return undefined;
}

const CORRECTION_MARK =
  /\b(?:actually|i mean|i meant|no wait|wait,? no|scratch that|make (?:it|that)|rather|on second thought|change (?:it|that) to|switch (?:it )?to)\b|,\s*no,|\bno,? (?=(?:a|an|the|my)\b)/g;

/**
 * The words after the last correction ("a drain cleaning, sorry, I mean a toilet repair" → "a toilet
 * repair"), or undefined when the turn corrects nothing. Things named there win over earlier ones.
 */
export function correctionTail(text: string): string | undefined {
  let end = -1;
  for (const m of text.matchAll(CORRECTION_MARK)) end = m.index + m[0].length;
  return end < 0 ? undefined : text.slice(end);
}

/** A service the caller has on a day ("I have highlights with Brooke on Friday", "we've got a cleaning tomorrow"). */
const HAVE_SERVICE_ON =
  /\b(?:i|we)(?:'ve| have)(?: got)? (?:a |an |my |our )?[a-z &'-]{2,40}? (?:with [a-z]+ )?(?:on|this|next|tomorrow|at)\b/;
/** The caller has a booking ("I'm booked Friday at four", "we're in on Thursday"). */
const BOOKED_IN =
  /\b(?:i'm|i am|we're|we are|he's|she's) (?:booked(?: in)?|in|down|scheduled) (?:for |on |at |this |next |tomorrow|today|mon|tue|wed|thu|fri|sat|sun)/;
/** Asking for a time before it ("anything earlier this week?", "something sooner"). */
const SOONER =
  /\b(?:anything|something|any ?time|a time|a slot|any slots?|any openings?) (?:earlier|sooner)\b|\b(?:earlier|sooner) (?:slot|time|appointment|day|one)\b/;

/** Moving or calling off something of the caller's own ("move my massage", "push our cleaning to Friday"). */
const OWN_SERVICE_ACTION =
  /\b(move|reschedule|push|shift|bump|postpone|cancel|call off)(?: back| forward)? (?:my|our|his|her|their|[a-z]+'s) (?!(?:number|phone|name|address|email|car|furniture|stuff|things|money)\b)/;

/**
 * A booking of the caller's own that the turn moves or calls off, whatever its service is called: "I'm booked
 * Friday at four, anything earlier?"; with a service named, "I have highlights on Friday, anything earlier?",
 * "move my massage", "cancel our cleaning". Undefined when the turn does not say so.
 */
export function ownBookingTask(text: string, namesService: boolean): 'reschedule' | 'cancel' | undefined {
  if (BOOKED_IN.test(text) && SOONER.test(text)) return 'reschedule';
  if (!namesService) return undefined;
  if (HAVE_SERVICE_ON.test(text) && SOONER.test(text)) return 'reschedule';
  const own = OWN_SERVICE_ACTION.exec(text);
  if (!own) return undefined;
  return own[1] === 'cancel' || own[1] === 'call off' ? 'cancel' : 'reschedule';
}

/**
 * The text without what the caller excludes or keeps ("a toilet repair, not a drain cleaning", "keep the cleaning",
 * "leave Priya's as it is"); "keep getting pop-ups" keeps nothing.
 */
export function withoutNegated(text: string): string {
  return text.replace(
    /\b(?:(?:not|except|but not) (?:a |an |the |my |our |her |his )?|(?:keep|leave) (?:(?:the|my|our|her|his) |(?=(?:mine|hers|his|theirs|ours|[a-z]+'s)\b)))[a-z' -]+?(?=[,.;!?]|$| but\b| and\b| as it is\b| alone\b)/g,
    ' ',
  );
}
