/**
 * How Spanish callers agree, refuse, move an appointment, ask for someone, leave word and ask a price,
 * in the regions they call from (Mexico, the US, Spain, Colombia, Argentina, Puerto Rico, the Caribbean),
 * read into the English the shared rules hear: "ándale pues", "sale", "listo", "de una" → "okay";
 * "nel", "para nada" → "no"; "lo necesito pasar para el miércoles" → "move it to wednesday"; "¿me
 * comunica con la doctora Salazar?" → "can i speak to dr. salazar"; "dígale que…" → "let him know
 * that…"; "¿cuánto me cobran por…?" → "how much is…". Text is folded and its numbers are digits.
 */
import { MO, WD, type Gloss } from './spanish-words.js';

/**
 * Yes words, each with the English it is read as. They count only at the head of the turn, alone or
 * followed by a pause or another yes word ("listo, perfecto", "ok dale"), since most of them mean
 * something else inside a sentence ("sale en 300", "va a venir", "¿ya está listo?").
 */
const YES_WORDS: Record<string, string> = {
  si: 'yes',
  sip: 'yes',
  simon: 'yes',
  afirmativo: 'yes',
  aja: 'yes',
  ajam: 'yes',
  aha: 'yes',
  mjm: 'yes',
  'a huevo': 'yes',
  'ya po': 'yes',
  'si po': 'yes',
  'si pues': 'yes',
  'como no': 'of course',
  'claro que si': 'of course',
  'por supuesto': 'of course',
  'desde luego': 'of course',
  obvio: 'of course',
  obviamente: 'of course',
  'de una': 'of course',
  claro: 'sure',
  seguro: 'sure',
  'con gusto': 'sure',
  ok: 'okay',
  oka: 'okay',
  okey: 'okay',
  okei: 'okay',
  oquei: 'okay',
  vale: 'okay',
  venga: 'okay',
  dale: 'okay',
  andale: 'okay',
  orale: 'okay',
  sale: 'okay',
  'sale y vale': 'okay',
  va: 'okay',
  'va que va': 'okay',
  jalo: 'okay',
  listo: 'okay',
  ya: 'okay',
  bueno: 'okay',
  bien: 'okay',
  'ta bien': 'okay',
  'esta bien': 'okay',
  'de acuerdo': 'okay',
  'muy bien': 'perfect',
  perfecto: 'perfect',
  excelente: 'perfect',
  'esta perfecto': 'perfect',
  genial: 'great',
  buenisimo: 'great',
  buenisima: 'great',
  chevere: 'great',
  bacano: 'great',
  brutal: 'great',
  joya: 'great',
  barbaro: 'great',
  super: 'great',
  're bien': 'great',
  rebien: 'great',
  estupendo: 'great',
  fenomenal: 'great',
  guay: 'great',
  hecho: 'deal',
  'trato hecho': 'deal',
  adelante: 'go ahead',
  hagale: 'go ahead',
  dele: 'go ahead',
  eso: "that's right",
  'eso es': "that's right",
  'eso mero': "that's right",
  'asi mero': "that's right",
  'asi es': "that's right",
  exacto: "that's right",
  exactamente: "that's right",
  correcto: "that's right",
};
const YES_RE = Object.keys(YES_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** What may follow a yes word for it to be one: a pause, the end, thanks, or another yes word. */
const YES_HEAD = new RegExp(
  `^(${YES_RE})(?: (?:pues|po|pe|entonces|senor|senora|senorita|joven|mijo|mija))?(?:[,.!]+ ?| (?=(?:${YES_RE}|thanks|gracias|por favor|porfa)(?:[ ,.!]|$))| *$)`,
);

/** Reads the yes words at the head of a turn ("listo, perfecto" → "okay, perfect"), the rest as it is. */
function yesHead(turn: string): string {
  let rest = turn;
  const said: string[] = [];
  for (let m = YES_HEAD.exec(rest); m && m[0]; m = YES_HEAD.exec(rest)) {
    said.push(YES_WORDS[m[1]]);
    rest = rest.slice(m[0].length);
  }
  if (!said.length) return turn;
  return rest ? `${said.join(', ')}, ${rest}` : said.join(', ');
}

/** Agreeing and refusing, as the first glosses of the turn. */
export const YES_NO: Gloss[] = [
  // "¿Bueno?" / "¡Bueno!" answers the phone in Mexico; "bueno, …" opening a sentence is a filler
  [/^bueno[?!]+(?: |$)/, 'hello, '],
  [
    /^(?:no,? )?(?:para nada|nel|nop|nones|nanay|que va|ni loco|ni loca|ni de chiste|ni de broma|negativo|ahorita no|por ahora no)(?=[,.!?]|$)/,
    'no',
  ],
  [/^(?:no,? )?(?:todavia|aun) no(?=[,.!?]|$)/, 'no, not yet'],
  [/^.+$/, yesHead],
  // "ya" opening a sentence is "already" ("¿ya está listo?"), not the English "ya"; "ya no" keeps its meaning
  [/^ya (?!no\b)/, ''],
  [
    /\bme (?:parece|late|cuadra|suena) (?:bien|perfecto|excelente|genial|muy bien|buenisimo)\b|\bme parece\b(?=[,.!]|$)/g,
    'sounds good',
  ],
  [/\basi (?:esta|queda|quedamos|nos quedamos)(?: bien| perfecto)?(?=[,.!]|$)/g, "that's fine"],
];

const MODAL =
  '(?:puede|puedes|pueden|podria|podrias|podrian|podra|podras|podes|podemos|puedo|podre|quiero|quisiera|queria|necesito|necesitaria|ocupo|tengo que|tendria que|hay que|habria que|voy a|vamos a|va a|vas a|van a|debo|deberia|me gustaria|se puede|se podria)';
const MOVE = '(?:cambiar|mover|pasar|correr|recorrer|reprogramar|reagendar|trasladar)';
/** What a caller's own booking is called ("mi cita", "el turno", "la hora" in Spain and Chile). */
const BOOKED = '(?:cita|turno|hora|reserva|reservacion|visita|consulta|sesion|clase)';
const OBJ = `(?:mi|la|el|su|nuestra|nuestro|esa|ese|esta|este) ${BOOKED}`;
/** Where the booking goes: a day, a time, "another day", "later". */
const DEST = `(?= (?:el |la |las |los |este |esta |otro |otra |un |una )?(?:${WD}|manana|pasado|hoy|\\d|dia|semana|proxim|siguiente|hora|mes|tarde|noche|mediodia|mas (?:tarde|temprano)|luego|despues|antes|mism[oa]|fin de semana|${MO}))`;
const TO = `(?: (?:para|a|al|pa|hasta)\\b)?${DEST}`;
const SHIFT = '(?:adelant|atras|retras|pospon|aplaz|posterg)';

/** "atrasarla una hora" → "move my appointment an hour later"; with a day or a time named, a move there. */
function shifted(earlier: boolean, to: string | undefined, by: string | undefined): string {
  if (to) return 'move it to';
  const way = earlier ? 'earlier' : 'later';
  const amount = by
    ?.replace(/^una hora$/, 'an hour')
    .replace(/^media hora$/, '30 minutes')
    .replace(/^(\d+) horas?$/, '$1 hours')
    .replace(/^(\d+) minutos$/, '$1 minutes')
    .replace(/^un (?:poco|rato|poquito)$/, '');
  return `move my appointment ${amount ? `${amount} ` : ''}${way}`;
}
const BY = '(?: (una hora|media hora|\\d+ horas?|\\d+ minutos|un poco|un poquito|un rato))?';

/** Moving the caller's own appointment, before "quiero", "para", "a las" are read. */
export const MOVES: Gloss[] = [
  // "lo necesito pasar para el miércoles", "¿me la podrías cambiar a las siete?", "¿la puedo mover al lunes?"
  [new RegExp(`\\b(?:me |nos |se |te )?(?:la|lo|las|los) (?:${MODAL} )?${MOVE}${TO}`, 'g'), 'move it to'],
  // "cambiármela para el jueves", "¿podría pasarla a la tarde?"
  [new RegExp(`\\b(?:${MODAL} )?${MOVE}(?:me|nos|le|te|se)?(?:la|lo|las|los)\\b${TO}`, 'g'), 'move it to'],
  // "pásemela para el viernes", "muévala al lunes", "córrame el turno al martes"
  [
    new RegExp(
      `\\b(?:pase|pasa|mueva|mueve|corra|corre|recorra|recorre|cambie|cambia)(?:me|nos)(?:la|lo)\\b${TO}|\\b(?:pase|pasa|mueva|mueve|corra|corre|recorra|recorre)(?:la|lo)\\b${TO}`,
      'g',
    ),
    'move it to',
  ],
  // "¿me la cambia para el viernes?", "se la paso al jueves"
  [
    new RegExp(`\\b(?:me |nos |se |te )?(?:la|lo) (?:cambi|pas|muev|corr|recorr)(?:a|as|an|e|es|en|o)\\b${TO}`, 'g'),
    'move it to',
  ],
  [
    new RegExp(`\\b(?:me |nos |se )?(?:la|lo) (?:${MODAL} )?(?:mover|reprogramar|reagendar|recorrer)\\b`, 'g'),
    'reschedule it',
  ],
  [
    new RegExp(`\\b(?:${MODAL} )?(?:mover|reprogramar|reagendar|recorrer)(?:me|nos|le)?(?:la|lo)\\b`, 'g'),
    'reschedule it',
  ],
  // "adelantar la cita", "¿la puedo atrasar una hora?", "posponerla para el viernes", "adelántemela"
  [
    new RegExp(
      `\\b(?:(?:me |nos )?(?:la|lo) (?:${MODAL} )?${SHIFT}(?:ar|er)|(?:${MODAL} )?${SHIFT}(?:ar|er|e|a)(?:me|nos)?(?:la|lo)|(?:${MODAL} )?${SHIFT}(?:ar|er) ${OBJ})\\b(?:( (?:para|a|al|pa|hasta)\\b)${DEST}|${BY})`,
      'g',
    ),
    (m: string, to?: string, by?: string) => shifted(m.includes('adelant'), to, by),
  ],
  // "cambiar mi cita para el jueves", "¿me puede correr el turno al lunes?"
  [
    new RegExp(`\\b(?:(?:me|nos) )?(?:${MODAL} )?${MOVE} ${OBJ}\\b(?:( (?:para|a|al|pa|hasta)\\b)${DEST})?`, 'g'),
    (_m: string, to?: string) => (to ? 'move my appointment to' : 'reschedule my appointment'),
  ],
  [
    /\bcambi(?:ar|o|e) (?:de|el) (?:hora|dia|fecha|turno|horario)\b|\bcambio de (?:cita|hora|turno|fecha|dia)\b/g,
    'reschedule',
  ],
  [/\b(?:ese|el|del) mismo dia\b/g, 'the same day'],
  [/\b(?:a )?la misma hora\b/g, 'at the same time'],
  [/\b(?:tengo|tenemos) (?:un turno|una hora) (?=(?:para|con|el|la|a las|${WD}|manana|\d))/g, 'i have an appointment '],
  [/\b(?:mi|el|su) turno\b/g, 'my appointment'],
  [/\bun turno\b/g, 'an appointment'],
];

const TITLES: Record<string, string> = {
  doctor: 'dr.',
  doctora: 'dr.',
  dr: 'dr.',
  dra: 'dr.',
  senor: 'mr.',
  sr: 'mr.',
  don: 'mr.',
  senora: 'mrs.',
  sra: 'mrs.',
  dona: 'mrs.',
  senorita: 'ms.',
  srta: 'ms.',
};
const ROLES: Record<string, string> = {
  dueno: 'owner',
  duena: 'owner',
  encargado: 'manager',
  encargada: 'manager',
  gerente: 'manager',
  administrador: 'manager',
  administradora: 'manager',
  jefe: 'boss',
  jefa: 'boss',
  patron: 'boss',
  patrona: 'boss',
  supervisor: 'supervisor',
  supervisora: 'supervisor',
  tecnico: 'technician',
  tecnica: 'technician',
  recepcionista: 'receptionist',
};
const longestFirst = (words: Record<string, string>) =>
  Object.keys(words)
    .sort((a, b) => b.length - a.length)
    .join('|');
const TITLE_RE = longestFirst(TITLES);
const ROLE_RE = longestFirst(ROLES);
/** Someone asked for: a title and a name, a role, or a staff name kept aside. */
const NOT_A_NAME =
  '(?:disponible|libre|ocupad[oa]|hoy|ahorita|ahora|ahi|aqui|alli|por|en|de|del|para|que|y|o|con|esta|es)';
const SOMEONE = `(?:(?:el |la )?(?:${TITLE_RE})\\b\\.?(?: (?!${NOT_A_NAME}\\b)(?:qqp\\d+qq|[a-z]+))?|(?:el |la )(?:${ROLE_RE})\\b|qqp\\d+qq)`;

/** "can i speak to la doctora salazar" → "can i speak to dr. salazar"; "…to el encargado" → "…to the manager". */
function someone(who: string): string {
  // a title alone is the person it names at a business: "¿está la doctora?", "¿se encuentra el señor?"
  const alone = new RegExp(`^(?:el |la )?(${TITLE_RE})\\.?$`).exec(who);
  if (alone) return /^d/.test(alone[1]) && alone[1] !== 'don' && alone[1] !== 'dona' ? 'the doctor' : 'the owner';
  return who
    .replace(new RegExp(`^(?:el |la )?(${TITLE_RE})\\.?(?= |$)`), (_m, t: string) => TITLES[t])
    .replace(new RegExp(`^(?:el |la )(${ROLE_RE})$`), (_m, r: string) => `the ${ROLES[r]}`);
}

/** A person asked for by name or role, and word left for them: before "con" becomes "with". */
export const PEOPLE: Gloss[] = [
  [
    new RegExp(
      `\\b(?:me |nos )(?:(?:puede|puedes|pueden|podria|podrias|podrian|podra|podes) )?(?:comunica|comunicas|comunican|comunicar|pasa|pasas|pasan|pasar|pone|pones|ponen|poner|transfiere|transfieres|transfieren|transferir|conecta|conectas|conectan|conectar) con\\b|\\b(?:comuniqueme|comunicame|comuniquenme|paseme|pasame|pasenme|pongame|ponme|transfierame|transfiereme|conecteme|conectame) con\\b|\\b(?:quiero|quisiera|queria|necesito|necesitaria|me gustaria|deseo|vengo a|llamo para|llamaba para|puedo|podria|se puede|sera posible|es posible) (?:hablar|comunicarme|platicar) con\\b(?! (?:una persona|alguien|un humano|un agente|una persona real|recepcion)\\b)`,
      'g',
    ),
    'can i speak to',
  ],
  // "¿se encuentra el señor Ramírez?", "¿está la doctora?", "¿está Mike?" (a staff name)
  [
    new RegExp(
      `(?:^|(?<=[,.?!] |hi,? ))(?:se encuentra|esta|estara|anda|se halla)(?: por ahi| ahi| ahorita)? (?=${SOMEONE}\\b(?! (?:esta|es|bien|abiert|cerrad)))`,
      'g',
    ),
    'can i speak to ',
  ],
  [
    /\bse encuentra (?!(?:abiert|cerrad|disponible|ubicad|en |usted|bien|ahi|aqui|alli)\w*)(?=[a-z]+\??$)/g,
    'can i speak to ',
  ],
  [new RegExp(`\\b(can i speak to) (${SOMEONE})`, 'g'), (_m, ask: string, who: string) => `${ask} ${someone(who)}`],
  [/\balguien de (?:facturacion|cobranza|cobros|contabilidad|pagos|administracion)\b/g, 'someone in billing'],
  // word left for someone: "dígale que…", "avísele a Mike que…", "¿le puede decir que…?"
  [
    /\b(?:digale|digales|dile|diles|diganle|avisele|avisale|avisales|aviseles|avisenle|comentele|comentale|comenteles|recuerdele|recuerdale|informele|hagale saber|hazle saber|dejele dicho|dejale dicho)(?: a (?:la |el |los |las )?(?:(?:doctor|doctora|dr|dra|senor|senora|sr|sra|don|dona)\.? )?(?:qqp\d+qq|[a-z]+))?(?:,? (?:por favor|porfa))?,?(?: que\b)?/g,
    'let him know that',
  ],
  [
    /\b(?:le|les) (?:puede|podria|puedes|podrias|pueden|podrian) (?:decir|avisar|comentar|dejar dicho|recordar|informar)(?: a (?:qqp\d+qq|[a-z]+))?(?: que\b)?/g,
    'can you let him know that',
  ],
  [/\bque le (?:digan?|avisen?|comenten?) (?:a (?:qqp\d+qq|[a-z]+) )?que\b/g, 'let him know that'],
  [
    /\b(?:le|les) (?:puede|podria|puedes|podrias|pueden|podrian) (?:dar|pasar|dejar) (?:un |el |este |mi )?(?:recado|mensaje)\b/g,
    'can you pass a message',
  ],
  [/\b(?:pasele|pasale|pasales|deele|denle) (?:el |mi |este |un )?(?:recado|mensaje)\b/g, 'pass the message'],
  [
    /\bque me (?:llame|llamen|marque|marquen|hable|hablen|devuelva|devuelvan|regrese|regresen|contacte|contacten|localice|localicen|busque|busquen|escriba|escriban|timbre|timbren)(?: la llamada| de vuelta)?\b(?! (?:en|de|sobre|mas|bien|claro)\b)|\bdevolverme la llamada\b|\bme (?:puede|pueden|podria|podrian) (?:llamar|marcar) (?:de vuelta|despues|mas tarde|luego)\b/g,
    'call me back',
  ],
];

/** A price asked the ways Spanish asks it, read as "how much is" (the form the price rules answer). */
export const PRICES: Gloss[] = [
  [
    /\b(?:en |a |de )?(?:cuanto|que tanto) (?:me |nos |le |te )?(?:cuesta|cuestan|costaria|costarian|cobran|cobra|cobras|cobrarian|cobraria|vale|valen|valdria|sale|salen|saldria|seria|serian|esta|estan|anda|andan|vendria(?: siendo| a ser| a salir)?|queda|quedaria)(?: (?:por|para))?\b/g,
    'how much is',
  ],
  [/\bque (?:me |nos )?(?:cobran|cobra|cobrarian|cobraria) (?:por|para)\b/g, 'how much is'],
  [
    /\b(?:que|cual es el|cual seria el|cual es su) (?:precio|costo|valor|tarifa)(?: (?:tiene|tienen|tendria|de|del|por|para))?\b/g,
    'how much is',
  ],
  [/^(?:y )?(?:el )?(?:precio|costo) (?:de|del|por|para)\b/, 'how much is'],
];

/**
 * A time said roughly, kept with its minutes ("tipo tres y cuarto", "como a las 4 menos cuarto", "a eso
 * de las 10 y media"), and minutes to the hour the Latin-American way ("cuarto para las 4", "diez para
 * las 5"). Before the hour-and-minutes readings, which keep "around".
 */
export const ROUGH_TIMES: Gloss[] = [
  [
    /\b(?:a eso de|como a|alrededor de|tipo|tipo a|mas o menos a|mas o menos|por ahi de|cerca de|aproximadamente a|aproximadamente)(?: las?)? (?=\d{1,2}\b)|\b(?:como|sobre|hacia|tipo) (?:las?) (?=\d{1,2}\b)/g,
    'around ',
  ],
  [/\b(?:un )?cuarto para (?:las? )?(\d{1,2})\b/g, (_m, h: string) => `at ${(Number(h) + 11) % 12 || 12}:45`],
  [
    /\b(5|10|15|20|25) (?:minutos )?para (?:las? )(\d{1,2})\b/g,
    (_m, mm: string, h: string) => `at ${(Number(h) + 11) % 12 || 12}:${60 - Number(mm)}`,
  ],
  [/\b(\d{1,2}) y (?:pico|algo)\b/g, 'around $1'],
  [/\bpasadas las? (?=\d)/g, 'after '],
];

/** "(a las|around) 3 y cuarto" → "at 3:15" / "around 3:15". */
function at(pre: string): string {
  return pre.startsWith('around') ? 'around' : 'at';
}
/** Hours with minutes, after the rough times. */
export const CLOCK: Gloss[] = [
  [
    /\b(around |(?:a )?las? )(\d{1,2}) menos (cuarto|5|10|15|20|25)\b/g,
    (_m, pre: string, h: string, mm: string) =>
      `${at(pre)} ${(Number(h) + 11) % 12 || 12}:${String(60 - (mm === 'cuarto' ? 15 : Number(mm))).padStart(2, '0')}`,
  ],
  [/\b(around |(?:a )?las? )(\d{1,2}) y (?:media|30)\b/g, (_m, pre: string, h: string) => `${at(pre)} ${h}:30`],
  [/\b(around |(?:a )?las? )(\d{1,2}) y (?:cuarto|15)\b/g, (_m, pre: string, h: string) => `${at(pre)} ${h}:15`],
  [
    /\b(around |(?:a )?las? )(\d{1,2}) y (\d{1,2})\b(?! (?:minutos))/g,
    (_m, pre: string, h: string, mm: string) => `${at(pre)} ${h}:${mm.padStart(2, '0')}`,
  ],
  [/\b(around |(?:a )?las? )(\d{1,2}) (\d{2})\b/g, (_m, pre: string, h: string, mm: string) => `${at(pre)} ${h}:${mm}`],
];
