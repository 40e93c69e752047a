/**
 * Everything the agent says in Spanish, as a native speaker says it to a customer (usted): the same
 * keys as the English catalogue (the type makes a missing key a compile error, lines.test.ts a test
 * failure). Dates are read back the Spanish way: "el martes 17 de marzo a las 3 de la tarde".
 */
import { DateTime } from 'luxon';
import { ES_DAYS, fechaEs, horaEs, momentoEs } from '../../lib/index.js';
import { hoursRuns, nextOpeningAt } from '../calendar.js';
import type { BusinessProfile } from '../types.js';
import type { Lines } from './en.js';

const DAYS = ES_DAYS;
const DAYS_PLURAL = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábados', 'domingos'];

const listOf = (items: string[], joiner: 'and' | 'or'): string => {
  if (items.length <= 1) return items[0] ?? '';
  const last = items[items.length - 1];
  // "y" becomes "e" before an /i/ sound, "o" becomes "u" before an /o/ sound
  const word = joiner === 'and' ? (/^h?i/i.test(last) ? 'e' : 'y') : /^h?o/i.test(last) ? 'u' : 'o';
  return `${items.slice(0, -1).join(', ')} ${word} ${last}`;
};
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const hora = horaEs;
/** The hour with its preposition: "a las 3 de la tarde", "a la 1 de la tarde", "a la medianoche". */
const aLa = (hm: string) => `a ${hora(hm)}`;

const local = (date: string, tz: string) => DateTime.fromISO(date, { zone: tz });
const fecha = fechaEs;
const momento = momentoEs;
const dia = (date: string, tz: string) => DAYS[local(date, tz).weekday - 1];
const losDias = (date: string, tz: string) => `los ${DAYS_PLURAL[local(date, tz).weekday - 1]}`;
const tramos = (h: Array<[string, string]>) =>
  h.map(([x, y]) => `de ${hora(x).replace(/^las? /, '')} a ${hora(y).replace(/^las? /, '')}`).join(' y ');

function horario(b: BusinessProfile): string {
  const runs = hoursRuns(b);
  const open = runs
    .filter((r) => r.spans.length)
    .map(
      (r) =>
        `${r.from === r.to ? `los ${DAYS_PLURAL[r.from]}` : `de ${DAYS[r.from]} a ${DAYS[r.to]}`} ${tramos(r.spans)}`,
    );
  const closed = runs
    .filter((r) => !r.spans.length)
    .map((r) => (r.from === r.to ? `los ${DAYS_PLURAL[r.from]}` : `de ${DAYS[r.from]} a ${DAYS[r.to]}`));
  return `Abrimos ${listOf(open, 'and')}${closed.length ? `; cerramos ${listOf(closed, 'and')}` : ''}.`;
}

function proximaApertura(b: BusinessProfile, now: Date): string | undefined {
  const next = nextOpeningAt(b, now);
  if (!next) return undefined;
  const day = next.inDays === 0 ? 'hoy' : next.inDays === 1 ? 'mañana' : `el ${dia(next.date, b.timezone)}`;
  return `${day} ${aLa(next.time)}`;
}

/** The emergency lexicon's safety lines, by their English text. */
const SAFETY: Record<string, string> = {
  "Chest pain or pressure like that can be a heart attack: please hang up and call 911 right now, and don't drive yourself.":
    'Un dolor o una presión en el pecho así puede ser un infarto: por favor, cuelgue y llame al 911 ahora mismo, y no maneje usted mismo.',
  'Those can be signs of a stroke: please call 911 right now, and note the time it started.':
    'Esas pueden ser señales de un derrame cerebral: por favor, llame al 911 ahora mismo y anote la hora en que empezó.',
  "Please call 911 right now: this needs emergency care, not an appointment, and please don't drive yourself.":
    'Por favor, llame al 911 ahora mismo: esto necesita atención de emergencia, no una cita, y por favor no maneje usted mismo.',
  "I'm really glad you told me. If you might act on these thoughts or you're in danger, please call 911 right now. You can also call the crisis line at 988, any time, day or night, to talk to someone.":
    'Me alegra mucho que me lo haya dicho. Si podría actuar según estos pensamientos o está en peligro, por favor llame al 911 ahora mismo. También puede llamar a la línea de crisis al 988, a cualquier hora del día o de la noche, para hablar con alguien.',
  "A curtain or shadow over your sight, or sight suddenly lost, needs care today: if you can't be seen right away, please go to the nearest emergency room.":
    'Una cortina o una sombra sobre la vista, o perder la vista de repente, necesita atención hoy mismo: si no pueden verle de inmediato, por favor vaya a la sala de emergencias más cercana.',
  'New flashes or floaters should be checked today, and if a shadow or curtain comes over your vision, please go to an emergency room right away.':
    'Los destellos o las manchas flotantes nuevas deben revisarse hoy, y si una sombra o una cortina le tapa la vista, por favor vaya a una sala de emergencias de inmediato.',
  "Please leave the building right now, don't switch anything on or off, and call the gas utility or 911 from outside.":
    'Por favor, salga del edificio ahora mismo, no encienda ni apague nada y llame a la compañía de gas o al 911 desde afuera.',
  'Please get everyone out into fresh air right away and call 911.':
    'Por favor, saque a todos al aire libre de inmediato y llame al 911.',
  'If there is smoke or fire, get everyone out and call 911 first.':
    'Si hay humo o fuego, saque a todos y llame primero al 911.',
  'If someone is hurt or in danger, please call 911 right now.':
    'Si alguien está herido o en peligro, por favor llame al 911 ahora mismo.',
  'Please keep everyone out of the damaged part of the house and away from any fallen wires or wet lights and outlets, and if anyone is hurt, call 911 right now.':
    'Por favor, mantenga a todos fuera de la parte dañada de la casa y lejos de cables caídos o de lámparas y enchufes mojados, y si alguien está herido, llame al 911 ahora mismo.',
  'Please call 911 right now: a child or an animal shut in a car can overheat within minutes.':
    'Por favor, llame al 911 ahora mismo: un niño o un animal encerrado en un carro puede sufrir un golpe de calor en minutos.',
  'If there is any trouble breathing or swelling of the throat, call 911 right now.':
    'Si hay dificultad para respirar o hinchazón en la garganta, llame al 911 ahora mismo.',
  'Please stay away from it and, only if it is safe, switch off the breaker.':
    'Por favor, aléjese y, solo si es seguro, apague el interruptor principal.',
  'Please stay well away from the wire and anything touching it, and call 911 and the power company.':
    'Por favor, aléjese del cable y de todo lo que lo toque, y llame al 911 y a la compañía de luz.',
  'If you can, turn off the main water shut-off valve.': 'Si puede, cierre la llave de paso principal del agua.',
  'Please keep clear of the wet ceiling and any lights or outlets near the water, switch off the power to that area only if it is safe to, and move your things away with a bucket under the drip.':
    'Por favor, aléjese del techo mojado y de las lámparas o enchufes cerca del agua, corte la luz de esa zona solo si es seguro hacerlo, y aparte sus cosas con una cubeta debajo de la gotera.',
  "Please call 911 or poison control right now, and don't try to make them sick unless you are told to.":
    'Por favor, llame ahora mismo al 911 o al centro de toxicología, y no intente provocar el vómito a menos que se lo indiquen.',
  "Please call your emergency vet or an animal poison helpline right now, even if your pet seems fine, and don't make them sick unless a vet tells you to.":
    'Por favor, llame ahora mismo a su veterinario de emergencia o a una línea de ayuda de intoxicaciones de animales, aunque su mascota parezca estar bien, y no le provoque el vómito a menos que el veterinario se lo indique.',
  'If the bleeding is heavy or you have trouble breathing, call 911 now.':
    'Si el sangrado es abundante o le cuesta respirar, llame al 911 ahora.',
  "Keep the tooth moist, in milk if you can, and don't scrub it.":
    'Mantenga el diente húmedo, en leche si puede, y no lo frote.',
  'If anyone is hurt or you are in traffic, call 911 first and get to a safe place.':
    'Si alguien está herido o está en medio del tráfico, llame primero al 911 y póngase en un lugar seguro.',
  'Please keep everyone warm in one room, and if anyone feels unwell, call 911.':
    'Por favor, mantenga a todos abrigados en una sola habitación y, si alguien se siente mal, llame al 911.',
  'Please keep everyone cool and drinking water, and if anyone feels unwell, call 911.':
    'Por favor, mantenga a todos frescos y tomando agua y, si alguien se siente mal, llame al 911.',
  'Please keep your pet calm and still, and head to the nearest emergency animal hospital if you can.':
    'Por favor, mantenga a su mascota tranquila y quieta, y vaya al hospital veterinario de emergencia más cercano si puede.',
};

export const ES: Lines = {
  session: {
    fillers: ['Un momento, por favor, déjeme revisar.', 'Permítame un momento.', 'Un segundo, por favor.'],
    toolHolds: {
      transfer_to_human:
        'Déjeme ver si alguien puede atender su llamada. Por favor, no cuelgue; enseguida vuelvo con usted.',
    },
    reprompt: '¿Sigue ahí?',
    silenceGoodbye: 'No le escucho, así que voy a colgar. Puede llamarnos cuando guste. Hasta luego.',
    maxDuration:
      'Lo siento, llegamos al límite de tiempo de esta llamada. Alguien de nuestro equipo se comunicará con usted. Hasta luego.',
    shutdownGoodbye:
      'Lo siento, tengo que terminar la llamada. Alguien de nuestro equipo le devolverá la llamada en breve. Hasta luego.',
    apologyTakeMessage:
      'Disculpe, estoy teniendo un problema de mi lado. Por favor, dígame su nombre, su número de teléfono y en qué le podemos ayudar, y alguien le devolverá la llamada en breve.',
    apologyCantHear:
      'Disculpe, no le escucho bien en este momento. Por favor, deje su nombre, su número y un mensaje breve después del tono, y alguien le devolverá la llamada.',
    sttLost: 'Disculpe, no le entendí. ¿Me lo puede repetir?',
    messageThanks: 'Gracias, ya pasé su mensaje. Alguien le devolverá la llamada pronto. Hasta luego.',
  },

  time: hora,
  date: fecha,
  instant: momento,
  list: listOf,
  describeHours: horario,
  nextOpening: proximaApertura,

  greeting: (name) => `Gracias por llamar a ${name}.`,
  welcomeBack: (firstName) => `Hola ${firstName}, ¡qué gusto tenerle de vuelta!`,
  holdForward: 'Por favor, espere mientras le comunico.',
  recordingNotice: 'Esta llamada puede ser grabada.',
  closedVoicemail: ' En este momento estamos cerrados, pero puedo tomarle un mensaje.',
  closedAnswer: ' En este momento estamos cerrados, pero con gusto le ayudo.',
  howCanIHelp: ' ¿En qué le puedo ayudar?',
  helpOffer: 'Puedo tomarle un mensaje para el equipo o comunicarle con alguien, o puede decírmelo una vez más.',
  turnFailed: 'Disculpe, tuve un problema de mi lado. ¿Me lo puede repetir, o prefiere que le tome un mensaje?',
  sayAgain: 'Perdón, se lo repito.',
  repeating: 'Claro.',
  takeYourTime: 'Claro, tómese su tiempo. Aquí le espero.',
  switched: 'Claro, puedo atenderle en español.',

  intake: '¿En qué le puedo ayudar?',
  anythingElse: '¿Le puedo ayudar con algo más?',
  anythingMore: ['¿Algo más en que le pueda ayudar?', '¿Qué más puedo hacer por usted?'],
  wantMessage: '¿Quiere que lo haga?',
  rescheduleWhen: (svc, when) => `Veo su cita de ${svc} ${when}. ¿Qué día y a qué hora le gustaría cambiarla?`,
  whichService: (names) => `¿Sería ${listOf(names, 'or')}?`,
  whatToBook: (names) => `¿Qué le gustaría reservar? Ofrecemos ${listOf(names, 'or')}.`,
  whenOnSite: (svc) => `¿Qué día y a qué hora le gustaría que fuéramos para el servicio de ${svc}?`,
  whenFor: (svc) => `¿Qué día y a qué hora le gustaría su cita de ${svc}?`,
  askRelativeName: () => '¿Y cómo se llama la persona para la cita?',
  askPartyName: () => '¿Y a nombre de quién va la otra cita?',
  askName: '¿Me podría dar su nombre, por favor?',
  askPhone: '¿A qué número de teléfono le podemos llamar?',
  askAddress: '¿Y cuál es la dirección donde necesita el servicio?',
  askEmail: '¿A qué correo electrónico se lo enviamos?',
  whatToChange: 'Con gusto. ¿Qué le gustaría cambiar?',
  chooseAppointment: (items) =>
    `Veo ${items.length} citas próximas: ${listOf(
      items.map((x) => `${x.svc} ${x.when}`),
      'and',
    )}. ¿A cuál se refiere?`,
  confirmCancel: (svc, when) => `Veo su cita de ${svc} ${when}. ¿Desea que la cancele?`,
  whichToCancel: '¿Qué cita le gustaría cancelar?',
  verifyPhone:
    'Para proteger su información, le enviaré un código por mensaje de texto al número con el que se hizo la cita. ¿Cuál es ese número?',
  askCode: '¿Cuál es el código?',
  askBookingName: 'Antes de buscar su cita, ¿a nombre de quién está?',
  askMessage: '¿Qué mensaje le gustaría que le pase al equipo?',
  askMessageName: '¿Y me podría dar su nombre?',
  askEmergencyName: 'Para que sepan a quién llaman, ¿me podría dar su nombre?',
  askEmergencyPhone: '¿A qué número le pueden devolver la llamada?',
  askEmergencyAddress: '¿Y cuál es la dirección, para que sepan a dónde ir?',
  goodbye: (name) => `Gracias por llamar a ${name}. ¡Que tenga un buen día!`,
  goodbyeSafe: (name) => `Gracias por llamar a ${name}. Por favor, cuídese.`,

  offerOne: (when) => `Tengo disponible ${when}. ¿Le queda bien?`,
  offerSameDay: (day, times) => `Para ${day} tengo ${listOf(times.map(aLaText), 'or')}. ¿Cuál le conviene más?`,
  offerMany: (whens) => `Tengo ${listOf(whens, 'or')}. ¿Cuál le conviene más?`,
  askTime: '¿A qué hora le gustaría?',
  confirmMove: (svc, from, to) =>
    `Para confirmar: ¿cambio su cita de ${svc} del ${from.replace(/^el /, '')} al ${to.replace(/^el /, '')}?`,
  confirmBooking: (p) =>
    `Para confirmar: una cita de ${p.svc} ${p.when}${p.staff ? ` con ${p.staff}` : ''}${p.address ? ` en ${p.address}` : ''} a nombre de ${p.name ?? 'usted'}${p.phone ? `, y le llamaremos al ${p.phone}` : ''}${p.then?.length ? `, y justo después ${listOf(p.then, 'and')}` : ''}. ¿Se la reservo?`,
  appointment: 'cita',

  closedHoliday: (date, tz) => `Cerramos ${fecha(date, tz)} por día festivo.`,
  closedWeekday: (date, tz) => `${capitalize(losDias(date, tz))} cerramos.`,
  nothingThen: 'No tengo lugar a esa hora.',
  noSlotsAtAll: 'Lo siento, no veo horarios disponibles para eso en las próximas semanas.',
  tooFarAhead: (date, opens) =>
    `Todavía no podemos reservar para el ${date}: las reservas para ese día se abren el ${opens}. Puedo dejar un mensaje al equipo o reservar algo antes.`,
  exactTaken: (hm) => `${capitalize(aLa(hm))} ya no tengo lugar.`,
  notExactly: (hm) => `${capitalize(aLa(hm))} exactamente no tengo.`,
  runsPastClose: (svc, takes, hm, close) =>
    `${capitalize(svc)} dura unos ${takes}, así que a ${hora(hm)} terminaría después de nuestro cierre a ${hora(close)}.`,
  timePassed: (hm) => `${capitalize(hora(hm))} ya pasaron hoy.`,
  outsideHours: (date, tz, hours) => `El ${dia(date, tz)} abrimos ${tramos(hours)}.`,
  exactOpen: (when) => `${capitalize(when)} está disponible.`,
  yourTime: (time) => `(${time} en su hora)`,
  staffDoesNot: (staff, service, others) =>
    `${staff} no hace ${service}${others.length ? `, pero ${others.join(' y ')} sí` : ''}.`,
  staffUnknown: (said, staff) =>
    `Aquí no tenemos a ${said}${staff.length ? `; le puede atender ${staff.join(' o ')}` : ''}.`,
  slotTaken: 'Lo siento, ese horario se acaba de ocupar.',
  booked: (svc, when) => `Listo: su cita de ${svc} quedó reservada para ${when}.`,
  stillBooked: (svc, when) => `Sí, su ${svc} está reservado para ${when}.`,
  moved: (svc, when) => `Listo. Su cita de ${svc} quedó para ${when}.`,
  cancelled: (svc, when) => `Su cita de ${svc} del ${when.replace(/^el /, '')} quedó cancelada.`,
  yourAppointments: (items) =>
    items.length === 1
      ? `Tiene una cita de ${items[0].svc} ${items[0].when}${items[0].staff ? ` con ${items[0].staff}` : ''}.`
      : `Tiene ${items.length} citas próximas: ${listOf(
          items.map((x) => `${x.svc} ${x.when}${x.staff ? ` con ${x.staff}` : ''}`),
          'and',
        )}.`,
  keptAppointment: 'Muy bien, la dejo como está.',
  deferred: 'No hay problema, no reservé nada. Llámenos cuando esté listo.',
  detailsAdded: 'Gracias, ya lo agregué para el equipo.',
  stillAlerted: 'El equipo ya tiene su alerta y alguien le devolverá la llamada lo antes posible.',
  noAppointmentsVerified: 'No encontré ninguna cita próxima con ese número.',
  noAppointmentsCallerId:
    'No encontré ninguna cita próxima con el número desde el que llama. Si está a nombre de otro número, dígame ese número.',
  noAppointmentsOfferMessage:
    'No encuentro esa cita con el número desde el que llama, así que no puedo cambiarla en esta llamada. Puedo tomarle un mensaje para el equipo y ellos lo resolverán con usted.',
  noAppointmentsChat:
    'Solo puedo buscar citas cuando llama desde el número con el que se reservaron. Si quiere, le tomo un mensaje para el equipo.',
  messageTaken: (urgent) =>
    `Entendido. Ya pasé su mensaje y alguien le devolverá la llamada${urgent ? ' lo antes posible' : ''}.`,
  notSure:
    'No estoy seguro de eso y no quiero darle información incorrecta. Puedo tomarle un mensaje para que alguien le responda.',
  markedUrgent: (phone) =>
    `Marqué su caso como urgente para el equipo y alguien le llamará${phone ? ` al ${phone}` : ''} lo antes posible.`,
  alerted: (afterHours, phone) =>
    `${afterHours ? 'En este momento estamos cerrados, así que envié una alerta urgente al equipo de guardia' : 'No pude comunicarme con nadie directamente, así que envié una alerta urgente al equipo'}. Alguien le llamará${phone ? ` al ${phone}` : ''} lo antes posible.`,
  urgentBooking: 'Eso suena urgente, así que vamos a darle una cita lo antes posible.',
  transferring: (alerted) =>
    alerted
      ? 'Envié una alerta urgente al equipo y ahora le comunico con alguien. Por favor, espere.'
      : 'Ahora le comunico con alguien. Por favor, espere.',
  transferFailed: 'Lo siento, en este momento no puedo comunicarle con nadie, pero puedo tomarle un mensaje.',
  afterHoursMessage: (next) =>
    `En este momento estamos cerrados${next ? ` y volvemos a abrir ${next}` : ''}. Puedo tomarle un mensaje y alguien le devolverá la llamada.`,
  codeSent: (phone) =>
    `Si el ${phone} tiene una cita con nosotros, le acabo de enviar un código de 6 dígitos por mensaje de texto.`,
  codeWrong: 'Ese código no coincide.',
  notVerified:
    'Lo siento, no puedo buscar ni cambiar una cita sin confirmar que es suya. Puedo tomarle un mensaje para el equipo y ellos se comunicarán con usted.',
  detailMismatch: 'No pude relacionar eso con una cita de este número.',
  silence: '¿Sigue ahí?',
  missed: 'Perdón, no le entendí bien.',
  failure: 'Lo siento, tuve un problema de mi lado.',
  safety: (text) => SAFETY[text] ?? text,

  openNow: (until) => `Sí, estamos abiertos ahora mismo${until ? `, hasta ${hora(until)}` : ''}.`,
  closedNow: (next) => `En este momento estamos cerrados${next ? `; volvemos a abrir ${next}` : ''}.`,
  closedHolidayOn: (date, tz, today) => `Cerramos ${today ? 'hoy' : fecha(date, tz)} por día festivo.`,
  closedOnWeekdays: (date, tz) => `${capitalize(losDias(date, tz))} cerramos.`,
  openOnWeekdays: (date, tz, spans) => `${capitalize(losDias(date, tz))} abrimos ${spans}.`,
  openOn: (date, tz, today, spans) => `${today ? 'Hoy' : `El ${dia(date, tz)}`} abrimos ${spans}.`,
  spans: tramos,
  duration: (name, said) => `El servicio de ${name} dura aproximadamente ${said}.`,
  durationWords: (min) => {
    if (min < 60) return `${min} minutos`;
    const h = Math.floor(min / 60);
    const m = min % 60;
    const hours = h === 1 ? 'una hora' : `${h} horas`;
    if (!m) return `${hours} (${min} minutos)`;
    if (m === 30) return `${hours} y media (${min} minutos)`;
    return `${hours} y ${m} minutos (${min} minutos)`;
  },
  price: (name, price) => `El servicio de ${name} ${price === 'gratis' ? 'es' : 'cuesta'} ${price}.`,
  priceEach: (names, price) =>
    `${capitalize(names.join(', '))}: ${price === 'gratis' ? 'son gratis' : `${price} cada uno`}.`,
  address: (address) => `Estamos en ${address}.`,
  weDo: (name, price) => `Sí, hacemos ${name}${price ? `; ${price === 'gratis' ? 'es' : 'cuesta'} ${price}` : ''}.`,
  notAmongServices: (thing, offered) =>
    `No veo ${thing} entre nuestros servicios: ${offered.charAt(0).toLowerCase()}${offered.slice(1)} Si quiere, le tomo un mensaje para consultarlo con el equipo.`,
  weOffer: (names) => `Ofrecemos ${names.length ? listOf(names, 'and') : 'varios servicios'}.`,
  stillHere: 'Sí, aquí estoy y le escucho bien.',
  whichCanIHelp: '¿Con cuál le puedo ayudar?',
  thisIs: (name) => `Sí, habla con ${name}.`,
  serviceFacts: (name, min, price) =>
    `El servicio de ${name} dura unos ${min} minutos.${price ? ` ${price === 'gratis' ? 'Es' : 'Cuesta'} ${price}.` : ''}`,
};

/** "15:45" → "a las 3:45 de la tarde" (the hours of an offer on one day). */
function aLaText(said: string): string {
  return said.startsWith('la') ? `a ${said}` : said;
}
