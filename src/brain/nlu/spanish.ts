/**
 * Spanish as callers say it, read into the plain phrasing the offline parsers already understand
 * ("el jueves a las diez y media" → "thursday at 10:30", "no, mejor el viernes" → "no, actually
 * friday", "me llamo Ana Ruiz" → "my name is ana ruiz"). One set of rules for dates, times,
 * corrections, negations and intents then serves both languages, and every guarantee they carry
 * (the later value wins, a negated value is excluded, a confirmation never changes a slot) holds in
 * Spanish too.
 *
 * The business's own service names and synonyms are protected before anything is rewritten, so a
 * service may be named in either language ("un corte de pelo", "una limpieza dental", "un oil change");
 * only an emergency phrase is read before them (spanish-emergency.ts: "fuga de gas" is gas even where
 * "fuga" is a service). Regional yes and no, moves, people, messages and prices are in spanish-talk.ts.
 * Input is lower-cased and accent-folded (speech recognisers drop accents inconsistently).
 */
import { escapeRegExp } from './text.js';
import { EMERGENCY_WORDS, glossEmergencies } from './spanish-emergency.js';
import { CLOCK, MOVES, PEOPLE, PRICES, ROUGH_TIMES, YES_NO } from './spanish-talk.js';
import {
  HUNDREDS,
  HUNDREDS_RE,
  MO,
  MONTHS,
  TENS,
  TENS_RE,
  UNIT_RE,
  UNITS,
  WD,
  WEEKDAYS,
  type Gloss,
} from './spanish-words.js';

/** Folds case and accents, drops Spanish opening marks. */
export function foldSpanish(raw: string): string {
  return raw
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[¿¡]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Spanish number words → digits ("treinta y cinco" → 35, "la una" → "la 1"); "un"/"una" stay articles. */
function numbers(t: string): string {
  return (
    t
      // "seiscientos doce", "ciento cuarenta y dos": numbers dictated in groups of three
      .replace(
        new RegExp(
          `\\b(${HUNDREDS_RE})(?: (?:(${TENS_RE}) y (uno|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)|(${TENS_RE})|(${UNIT_RE})))?\\b`,
          'g',
        ),
        (m: string, h: string, t1?: string, u1?: string, t2?: string, u2?: string) =>
          h === 'ciento' && !t1 && !t2 && !u2
            ? m
            : String(
                HUNDREDS[h] + (t1 ? TENS[t1] + (UNITS[u1!] ?? 1) : 0) + (t2 ? TENS[t2] : 0) + (u2 ? UNITS[u2] : 0),
              ),
      )
      .replace(
        new RegExp(`\\b(${TENS_RE}) y (uno|un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)\\b`, 'g'),
        (_m, tens: string, u: string) => String(TENS[tens] + (UNITS[u] ?? 1)),
      )
      .replace(new RegExp(`\\b(${TENS_RE})\\b`, 'g'), (m: string) => String(TENS[m]))
      .replace(new RegExp(`\\b(${UNIT_RE})\\b`, 'g'), (m: string) => String(UNITS[m]))
      // "la una", "a la una y media": the hour 1
      .replace(/\bla una\b/g, 'la 1')
      .replace(new RegExp(`\\bprimero\\b(?= de (?:${MO}))`, 'g'), '1')
  );
}

/** Ordered rewrites: [pattern, replacement]. Earlier rules see the text first. */
const RULES: Gloss[] = [
  // fillers and greetings
  [/\bno,? no (?:la|lo) cancele\b|\bno (?:la|lo) cancele\b/g, "no, don't cancel it"],
  [
    /\b(?:lo (?:antes|mas pronto) posible|cuanto antes|lo primero (?:que tenga|disponible)|lo mas pronto que (?:tenga|pueda)|la primera (?:cita|hora) disponible)\b/g,
    'as soon as possible',
  ],
  [/(?:^|\s)(?:eh+|em+|ehm+|m{2,}|hm+|este,|o sea|pues|mire|oiga|fijese|a ver|bueno,)(?=\s|,|$)/g, ' '],
  // "este" and "bueno" opening an answer, "este" between the digits of a number: hesitations
  [/^\s*(?:este,? (?=(?:no|si|sip|claro)\b)|bueno,? (?=[a-z]))/, ''],
  [/(?<=\d) este(?= \d)/g, ''],
  [/^[\s,]+/, ''],
  [/^(?:hola|buenos dias|buenas tardes|buenas noches|buenas)\b,?/g, 'hi,'],
  [/(?<=[a-z] )(?:hola|buenos dias|buenas tardes|buenas noches)\b,?(?= [a-z])/g, ', hi,'],
  [/^(?:hi, )?(?:si|sí),? (?:hola|buenos dias|buenas tardes|buenas)\b,?/g, 'hi,'],
  [/\bmuchas gracias\b|\bmil gracias\b|\bgracias\b/g, 'thanks'],
  [/\b(?:adios|hasta luego|hasta pronto|que tenga buen dia|que le vaya bien|bye)\b/g, 'bye'],
  [/\b(?:nada mas|eso es todo|es todo|eso seria todo|seria todo|ya es todo|eso es todo por ahora)\b/g, "that's all"],
  // a price asked ("¿cuánto vale…?", before "vale" is a yes) and a move of the caller's appointment
  ...PRICES,
  ...MOVES,

  // corrections and negations (before "no" becomes a refusal)
  [/\b(?:perdon|perdone|disculpe|perdon,)?,? ?quise decir\b|\bme equivoque,?\b|\bmas bien\b/g, 'i mean'],
  [/\bmejor no\b/g, 'no'],
  [/\b(?:mejor|mejor dicho|en realidad|de hecho)\b/g, 'actually'],
  [/\ben (?:vez|lugar) de\b/g, 'instead of'],
  [/\bsino\b/g, 'but'],
  [/\bespere\b|\bespera\b/g, 'wait'],
  [/\bcambielo a\b|\bcambiela a\b|\bcambiemoslo a\b|\bpongala a\b|\bpongalo a\b|\bhagala a\b|\bque sea\b/g, 'make it'],
  // "no el jueves" / "no a las 3" inside a turn: that value is excluded ("not")
  [
    new RegExp(`(\\S.*?)\\bno (?=(?:el |la |para el |para la |a las? |para |mañana|manana|hoy|pasado|${WD}|\\d))`, 'g'),
    '$1not ',
  ],
  [new RegExp(`^no (?=(?:el |la |a las? |${WD}|hoy|manana|pasado)[^,]*\\bbut\\b)`), 'not '],

  // yes, no, maybe: regional words at the head of the turn first ("ándale pues", "listo", "nel")
  ...YES_NO,
  [/^(?:si|sip|sí),? (?:claro|por supuesto)\b/g, 'yes of course'],
  [/^(?:si|sip)\b(?! (?:puede|pueden|tiene|tienen|es|hay|me|le)\b)/g, 'yes'],
  [/\b(?:claro que si|por supuesto|desde luego)\b/g, 'of course'],
  [/\bclaro\b/g, 'sure'],
  [/\b(?:esta bien|de acuerdo|vale|dale|orale|okey)\b/g, 'okay'],
  [/\b(?:perfecto|excelente|muy bien)\b/g, 'perfect'],
  [/\b(?:correcto|asi es|exacto|eso es)\b/g, "that's right"],
  [/\b(?:me sirve|me queda bien|me funciona|me viene bien|me conviene)\b/g, 'that works'],
  [/\b(?:no me sirve|no me queda bien|no me funciona|no me conviene|no puedo a esa hora)\b/g, "doesn't work"],
  [/\bno,? gracias\b|\bno thanks\b/g, 'no thanks'],
  [/\b(?:no se|no estoy seguro|no estoy segura|tal vez|quizas?|a lo mejor)\b/g, 'maybe'],
  [/\b(?:no esta bien|no es correcto|eso no es correcto|esta mal)\b/g, "that's not right"],

  // picks among offered times
  [/\b(?:la|el) (?:primera|primero)(?: opcion| hora)?\b/g, 'the first one'],
  [/\b(?:la|el) (?:segunda|segundo)(?: opcion| hora)?\b/g, 'the second one'],
  [/\b(?:la|el) (?:tercera|tercero)(?: opcion| hora)?\b/g, 'the third one'],
  [/\b(?:la|el) ultim[oa](?: opcion| hora)?\b/g, 'the last one'],
  [/\bla (?:mas temprana|de mas temprano|mas pronto)\b/g, 'the earlier one'],
  [/\bla (?:mas tarde|mas tardia|de mas tarde)\b/g, 'the later one'],
  [/\bla de las? (\d{1,2})(?::(\d{2}))?\b/g, (_m, h: string, mm?: string) => `the ${h}${mm ? `:${mm}` : ''} one`],
  // "¿puedo ir más temprano ese mismo día?": the caller's own appointment, earlier on its day
  [
    /\b(?:puedo|podemos|podria|podriamos|se puede|quiero|quisiera) (?:ir|llegar|venir|pasar|cambiarla|moverla|pasarla)(?: un poco)? (mas temprano|mas tarde|antes|despues) (?:ese|el|ese) mismo dia\b/g,
    (_m: string, when: string) => `could I come ${/tarde|despues/.test(when) ? 'later' : 'earlier'} the same day`,
  ],
  [/\b(?:ese|el) mismo dia,? (?:pero )?mas temprano\b/g, 'the same day but earlier'],
  [/\b(?:ese|el) mismo dia,? (?:pero )?mas tarde\b/g, 'the same day but later'],
  [/\b(?:algo|alguna hora|un poco) mas tarde\b|\bmas tarde\b/g, 'something later'],
  [/\b(?:algo|alguna hora|un poco) mas temprano\b|\bmas temprano\b/g, 'something earlier'],

  // intents
  [
    /\b(?:quiero|quisiera|necesito|me gustaria|queria|vengo a|llamo para|llamaba para|deseo) (?:hablar|comunicarme) con (?:una persona|alguien|un humano|el dueno|la duena|el encargado|la encargada|el gerente|la gerente|recepcion|un agente|una persona real)\b/g,
    'i want to speak to a person',
  ],
  ...PEOPLE,
  [/\b(?:paseme|comuniqueme|transfierame) con\b/g, 'transfer me to'],
  [/\b(?:una persona real|un humano|un ser humano)\b/g, 'a real person'],
  [
    /\b(?:dejar(?:le)?|dejarles|darle|darles) (?:un |el )?(?:mensaje|recado)\b|\btomar(?:me|le)? (?:un )?(?:mensaje|recado)\b/g,
    'leave a message',
  ],
  [/\bque me (?:llamen|devuelvan la llamada|regresen la llamada|llame)\b|\bdevolverme la llamada\b/g, 'call me back'],
  // asking about a booking the caller has: "¿a qué hora es mi cita?", "quería confirmar mi cita del jueves"
  [
    /\b(?:cuando|a que hora|que dia) (?:es|era|tengo|seria) (?:mi|la|nuestra) (?:proxima )?(?:cita|reserva|reservacion|visita)\b/g,
    'when is my appointment',
  ],
  [
    /\b(?:confirmar|revisar|checar|verificar) (?:mi|la|nuestra) (?:proxima )?(?:cita|reserva|reservacion|visita)\b/g,
    'confirm my appointment',
  ],
  [
    /\b(?:no me acuerdo|se me olvido|olvide|no recuerdo) (?:de )?(?:cuando|a que hora|que dia)\b/g,
    'i forgot what time',
  ],
  [
    /\b(?:tengo|tenemos) (?:una |alguna )?(?:cita|reserva|reservacion)(?: (?:agendada|programada|pendiente))?(?= ?\?)/g,
    'do i have an appointment',
  ],
  [/\b(?:cancelar|cancele|cancelarla|cancelarlo|cancelela|canceleme|anular|anule)\b/g, 'cancel'],
  [/\b(?:ya )?no (?:voy a|vamos a) poder (?:ir|llegar|asistir)\b/g, "won't be able to make it"],
  [/\b(?:dejela|dejelo|dejarla) (?:como esta|asi)\b/g, 'keep it'],
  [
    /\b(?:cambiar|mover|pasar|reprogramar|recorrer) (?:mi|la|una|su) (?:cita|reserva|reservacion|visita)\b/g,
    'reschedule my appointment',
  ],
  [/\b(?:reprogram|reagend)\w*\b/g, 'reschedule'],
  [/\b(?:cambiar|mover|recorrer) (?:la hora|el dia|el horario)\b/g, 'reschedule my appointment'],
  [
    /\b(?:hacer|sacar|agendar|reservar|programar|pedir|separar|apartar) (?:una |la )?(?:cita|reserva|reservacion|hora|turno)\b/g,
    'book an appointment',
  ],
  [/\b(?:agendar|reservar|programar|apartar)(?:me|le|la|lo)?\b/g, 'book'],
  [/\b(?:reservemela|reservela|agendela|agendemela|apartela|hagala)\b/g, 'book it'],
  [/\buna (?:cita|reservacion|reserva|visita)\b/g, 'an appointment'],
  [/\b(?:mi|la|su) (?:cita|reservacion|reserva|visita)\b/g, 'my appointment'],
  [/\b(?:otra|la otra) (?:cita|reservacion)\b/g, 'my other appointment'],
  [
    /\b(?:tienen|tiene|tenes|tienes|tendra|tendran|tendras|hay|habra) (?:algo|espacio|lugar|lugares|citas?|turnos?|disponibilidad|horarios?)(?: disponibles?| libres?)?\b/g,
    'do you have anything available',
  ],
  [
    /\b(?:que venga alguien|mandar a alguien|mandan a alguien|pueden venir|puede venir|manden a alguien)\b/g,
    'send someone',
  ],
  [/\b(?:me gustaria|quisiera|quiero|queria|deseo)\b/g, "i'd like"],
  [/\bnecesito\b|\bnecesitamos\b|\bocupo\b/g, 'i need'],
  [/\b(?:me puede|me pueden|puede|pueden|podria|podrian) (?:dar|hacer|ver)(?:me)?\b/g, 'can i get'],

  // questions the settings answer
  [/\ba que hora (?:abren|empiezan|abre)\b/g, 'what time do you open'],
  [/\ba que hora (?:cierran|cierra|terminan)\b|\bhasta que hora\b/g, 'what time do you close'],
  [
    /\b(?:cual es|cuales son) (?:su|el|sus|los) (?:horario|horarios)(?: de atencion)?\b|\bque horario(?:s)? tienen\b|\bsu horario\b|\blos horarios\b/g,
    'what are your hours',
  ],
  [
    new RegExp(`\\b(?:estan|esta) abiert[oa]s?(?: (?:el|los) (${WD}))?\\b`, 'g'),
    (_m, d?: string) => `are you open${d ? ` on ${WEEKDAYS[d]}` : ''}`,
  ],
  [new RegExp(`\\babren (?:el|los) (${WD})\\b`, 'g'), (_m, d: string) => `are you open on ${WEEKDAYS[d]}`],
  [/\babren (?:hoy|ahora)\b/g, 'are you open today'],
  [/\bahora mismo\b/g, 'right now'],
  [
    /\bdonde (?:estan|quedan|se encuentran|estan ubicados)\b|\bcual es (?:la|su) direccion\b|\bsu direccion\b/g,
    'where are you located',
  ],
  [/\bcuanto (?:cuesta|cobran|vale|sale|es)\b|\bque precio tiene\b|\bcual es el precio de\b/g, 'how much is'],
  [/\bcuanto (?:tiempo )?(?:dura|tarda|se tarda|toma)\b/g, 'how long does'],
  [/\bque servicios (?:ofrecen|tienen|hacen)\b/g, 'what services do you offer'],
  [/^(?:hacen|ofrecen|trabajan|arreglan)\b/g, 'do you do'],
  [/\baceptan\b/g, 'do you accept'],
  [/\bseguro(?: medico| dental)?\b/g, 'insurance'],
  [/\bestacionamiento\b/g, 'parking'],

  // names
  [
    /\b(?:me llamo|mi nombre es|mi nombre|(?:le )?habla(?! (?:espanol|ingles|usted|alguien))|soy(?! (?:de|nuev[oa]|cliente|paciente))|a nombre de|de parte de|esta a nombre de|quedo a nombre de)\b/g,
    'my name is',
  ],
  // phone numbers
  [
    /\b(?:mi (?:numero|telefono|celular|cel|movil|fijo|whatsapp|wasap)(?: de (?:telefono|celular|movil|contacto))?(?: es)?(?: el)?|me (?:pueden|puede) (?:llamar|localizar|marcar) al?|llamenme al?|marqueme al?)\b/g,
    'my number is',
  ],
  [
    /\b(?:este (?:mismo )?numero|el mismo numero|el numero (?:desde el )?que (?:llamo|estoy llamando)|desde el que llamo)\b/g,
    'this number',
  ],

  // staff
  [/\bcon (?=[a-z]+\b)/g, 'with '],

  // emergencies said in single words (the phrases are read first, in glossEmergencies)
  ...EMERGENCY_WORDS,

  // dates
  [/\bpasado (?:manana|mañana)\b/g, 'day after tomorrow'],
  [/\b(?:por|en|de) la manana\b|\btemprano\b(?= (?:por|en) la manana)/g, 'in the morning'],
  [/\b(?:esta|hoy en la|hoy por la) manana\b/g, 'this morning'],
  [/\bmanana\b/g, 'tomorrow'],
  [/\b(?:por|en) la tarde\b|\bdespues de (?:la )?comida\b/g, 'in the afternoon'],
  [/\b(?:por|en) la noche\b/g, 'in the evening'],
  [/\besta tarde\b|\bhoy en la tarde\b|\bhoy por la tarde\b/g, 'this afternoon'],
  [/\besta noche\b/g, 'tonight'],
  [/\bhoy\b/g, 'today'],
  [/\b(?:a cualquier hora|cuando sea|me da igual|no importa)\b/g, 'any time'],
  [/\b(?:(?:en|dentro de) (?:una|1) semana)\b/g, 'in a week'],
  [
    /\b(?:en|dentro de) (\d{1,2}) (dias|semanas)\b/g,
    (_m, n: string, u: string) => `in ${n} ${u === 'dias' ? 'days' : 'weeks'}`,
  ],
  [
    new RegExp(`\\b(?:el )?(${WD}) (?:de la semana que viene|de la proxima semana|de la otra semana)\\b`, 'g'),
    (_m, d: string) => `${WEEKDAYS[d]} next week`,
  ],
  [/\bla semana que viene\b|\bla proxima semana\b|\bla semana entrante\b/g, 'next week'],
  [/\besta semana\b/g, 'this week'],
  [/\bel fin de semana\b|\beste fin de semana\b/g, 'the weekend'],
  [
    new RegExp(`\\b(?:el )?(?:proximo|otro) (${WD})\\b|\\b(?:el )?(${WD}) que viene\\b`, 'g'),
    (_m, a?: string, b?: string) => `next ${WEEKDAYS[(a ?? b)!]}`,
  ],
  [new RegExp(`\\beste (${WD})\\b`, 'g'), (_m, d: string) => `this ${WEEKDAYS[d]}`],
  [new RegExp(`\\b(?:el |los |para el |para los )?(${WD})\\b`, 'g'), (_m, d: string) => WEEKDAYS[d]],
  [
    new RegExp(`\\b(?:el )?(?:dia )?(\\d{1,2}) de (${MO})\\b`, 'g'),
    (_m, d: string, mo: string) => `${MONTHS[mo]} ${d}`,
  ],
  [
    /\b(?:el|para el) dia (\d{1,2})\b|\bpara el (\d{1,2})\b(?! de la| del)/g,
    (_m, a?: string, b?: string) => `the ${ordinal(Number(a ?? b))}`,
  ],
  [/\b(?:el )?(\d{1,2}) (?:del mes|de este mes)\b/g, (_m, d: string) => `the ${ordinal(Number(d))}`],

  // times
  ...ROUGH_TIMES,
  ...CLOCK,
  [
    /\b(\d{1,2})(?::(\d{2}))? (?:de la manana|de la madrugada|am)\b/g,
    (_m, h: string, mm?: string) => `${h}${mm ? `:${mm}` : ''} am`,
  ],
  [
    /\b(\d{1,2})(?::(\d{2}))? (?:de la tarde|de la noche|pm)\b/g,
    (_m, h: string, mm?: string) => `${h}${mm ? `:${mm}` : ''} pm`,
  ],
  [/\b(\d{1,2})(?::(\d{2}))? (?:del mediodia)\b/g, (_m, h: string, mm?: string) => `${h}${mm ? `:${mm}` : ''} pm`],
  [/\b(\d{1,2})(?::(\d{2}))? en punto\b/g, (_m, h: string, mm?: string) => `${h}${mm ? `:${mm}` : ''} o'clock`],
  [/\b(?:al |a )?mediodia\b/g, 'at noon'],
  [/\b(?:a )?(?:la )?medianoche\b/g, 'at midnight'],
  [
    /\bentre (?:las? )?(\d{1,2}(?::\d{2})?(?: [ap]m)?) y (?:las? )?(\d{1,2}(?::\d{2})?(?: [ap]m)?)\b/g,
    'between $1 and $2',
  ],
  [/\bdespues de (?:las? )?(?=\d)/g, 'after '],
  [/\bantes de (?:las? )?(?=\d)/g, 'before '],
  [/\b(?:a|para) las? (?=\d)/g, 'at '],
  [/\blas? (?=\d)/g, 'at '],
  [/\b(\d{1,2}) (?:horas|hora) (mas tarde|despues)\b/g, '$1 hours later'],
  [/\buna hora (?:mas tarde|despues)\b/g, 'an hour later'],
  [/\buna hora (?:antes|mas temprano)\b/g, 'an hour earlier'],
  [/\bmedia hora (?:mas tarde|despues)\b/g, '30 minutes later'],
  [/\bmedia hora (?:antes|mas temprano)\b/g, '30 minutes earlier'],
  [/\b(\d{1,3}) minutos (?:mas tarde|despues)\b/g, '$1 minutes later'],
  [/\b(\d{1,3}) minutos (?:antes|mas temprano)\b/g, '$1 minutes earlier'],

  // glue words the parsers read ("for", "the")
  [/\bpara\b/g, 'for'],
  [/\bo\b(?= \d)/g, 'or'],
  [/\bpero\b/g, 'but'],
  [/\btambien\b/g, 'also'],
  // articles left over are English ones: "una" is never "uñas" to the service matcher, nor "un" a word it knows
  [/\b(?:una|un)\b/g, 'a'],
  [/\b(?:unas|unos)\b/g, 'some'],
];

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}

/**
 * The pattern of a phrase kept as said. "uñas" folds onto the article "unas": written with its ñ (kept
 * as "uny" until the end) it is the noun, and so it is after "las", "mis", "de" (a determiner); otherwise "unas" is an article.
 */
function keptPattern(p: string): string {
  if (/^unas?$/.test(p)) return `(?:uny${p.slice(2)}|(?<=\\b(?:el|la|los|las|mis|tus|sus|nuestras|de|del) )${p})`;
  return escapeRegExp(p).replace(/\bun(as?)\b/g, 'uny?$1');
}

/**
 * Rewrites a Spanish turn into the phrasing the parsers read. `protect` are phrases said as they
 * are (the business's service names and synonyms, staff names), accent-folded, longest first.
 * Emergencies are read first: a service word inside one ("fuga de gas") does not hide it.
 */
export function fromSpanish(raw: string, protect: string[] = []): string {
  let t = ` ${foldSpanish(raw.normalize('NFC').replace(/(?<!\p{L})([uU])[ñÑ](as?)(?!\p{L})/gu, '$1ny$2'))} `;
  t = glossEmergencies(t, protect);
  const kept: string[] = [];
  for (const p of protect) {
    if (!p) continue;
    const re = new RegExp(`(?<=[\\s,.!?])${keptPattern(p)}(?=[\\s,.!?])`, 'g');
    t = t.replace(re, () => {
      kept.push(p);
      return `qqp${kept.length - 1}qq`;
    });
  }
  t = numbers(t.trim());
  for (const [re, to] of RULES) t = t.replace(re, to as string);
  t = t.replace(/\buny(as?)\b/g, 'un$1').replace(/qqp(\d+)qq/g, (_m, i: string) => kept[Number(i)]);
  return t.replace(/\s+/g, ' ').replace(/\s+,/g, ',').replace(/^,\s*/, '').trim();
}
