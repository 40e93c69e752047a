/**
 * How Spanish-speaking callers say things, for the Spanish corpus: the template businesses with the
 * Spanish words an owner adds as synonyms, and times, dates, names, phone numbers and speech noise
 * rendered the ways people say them in Spanish. Like speech.ts, each renderer knows the value it
 * renders and nothing here looks at the parser.
 */
import { DateTime } from 'luxon';
import type { BusinessProfile } from '../../../src/brain/types.js';
import { hoursOf } from './speech.js';
import type { EvalBusiness, Rng } from './types.js';

/** Spanish synonyms an owner adds to the templates' services (the names stay as configured). */
const SYNONYMS: Record<string, string[]> = {
  'Drain Cleaning': ['destapar el drenaje', 'drenaje tapado', 'limpieza de drenaje'],
  'Leak Repair': ['fuga', 'reparar una fuga', 'gotera'],
  'Water Heater Service': ['calentador de agua', 'boiler'],
  'Toilet Repair': ['arreglar el inodoro', 'inodoro', 'taza del baño'],
  'Plumbing Inspection': ['inspección de plomería', 'revisión de plomería'],
  'AC Repair': ['aire acondicionado', 'reparar el aire', 'el clima'],
  'Furnace Repair': ['calefacción', 'reparar la calefacción', 'el calentador de la casa'],
  'Maintenance Tune-Up': ['mantenimiento', 'servicio de mantenimiento'],
  'New System Estimate': ['cotización de un sistema nuevo', 'sistema nuevo'],
  'Duct Cleaning': ['limpieza de ductos', 'ductos'],
  'Outlet Repair': ['contacto', 'enchufe', 'reparar un enchufe'],
  'Panel Upgrade Estimate': ['cambio de panel', 'panel eléctrico'],
  'Lighting Installation': ['instalar lámparas', 'instalación de luces', 'lámparas'],
  'EV Charger Installation': ['cargador para carro eléctrico', 'cargador eléctrico'],
  'Electrical Troubleshooting': ['problema eléctrico', 'revisión eléctrica'],
  'Oil Change': ['cambio de aceite', 'aceite'],
  'Brake Inspection': ['revisión de frenos', 'frenos'],
  'Tire Rotation': ['rotación de llantas', 'llantas'],
  'Check Engine Diagnostic': ['luz de check engine', 'diagnóstico del motor'],
  'State Inspection': ['inspección estatal', 'inspección vehicular'],
  Cleaning: ['limpieza', 'limpieza dental'],
  'New Patient Exam': ['examen de paciente nuevo', 'primera consulta'],
  Filling: ['empaste', 'resina', 'tapar una muela'],
  'Teeth Whitening': ['blanqueamiento', 'blanqueamiento dental'],
  'Emergency Visit': ['consulta de urgencia', 'cita de urgencia'],
  Haircut: ['corte', 'corte de pelo', 'corte de cabello'],
  Color: ['tinte', 'mechas', 'rayitos'],
  Blowout: ['secado', 'peinado'],
  'Beard Trim': ['arreglo de barba', 'barba'],
  'Full Groom': ['baño y corte', 'estética completa'],
  'Bath and Brush': ['baño', 'bañar al perro'],
  'Nail Clipping': ['cortar las uñas', 'uñas'],
  'Swedish Massage': ['masaje sueco', 'masaje relajante'],
  'Deep Tissue Massage': ['masaje de tejido profundo', 'masaje profundo'],
  'Hot Stone Massage': ['masaje con piedras calientes', 'piedras calientes'],
  'Couples Massage': ['masaje en pareja', 'masaje para dos'],
};

/** The Spanish-speaking version of a corpus business: its agent speaks Spanish, its services carry Spanish synonyms. */
export function spanishBusiness(biz: EvalBusiness): EvalBusiness {
  const profile: BusinessProfile = {
    ...biz.profile,
    languages: ['es'],
    services: biz.profile.services.map((s) => ({
      ...s,
      synonyms: [...(s.synonyms ?? []), ...(SYNONYMS[s.name] ?? [])],
    })),
  };
  return { key: `${biz.key}-es`, profile, area: biz.area };
}

/** The Spanish words for a service: its name or one of its Spanish synonyms, with an article or none. */
export function sayServiceEs(rng: Rng, name: string): string {
  const es = SYNONYMS[name] ?? [];
  const phrase = es.length && rng.chance(0.7) ? rng.pick(es) : name.toLowerCase();
  if (rng.chance(0.3)) return phrase;
  return `${rng.pick(/^(?:limpieza|revisi|inspecci|reparar|rotaci|cotizaci|instalaci|luz|consulta|cita|primera|estética|calefacción|fuga|gotera|resina|taza|barba)/.test(phrase) ? ['una', 'la'] : ['un', 'el'])} ${phrase}`;
}

const UNITS = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta'];

/** A number 0–59 in Spanish words. */
export function palabras(n: number): string {
  if (n < 30) return UNITS[n];
  return TENS[Math.floor(n / 10)] + (n % 10 ? ` y ${UNITS[n % 10]}` : '');
}

const DAYS = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];
const MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
];

/** A date as a Spanish caller says it, relative to `today`. */
export function sayDateEs(rng: Rng, date: DateTime, today: DateTime): string {
  const days = Math.round(date.startOf('day').diff(today.startOf('day'), 'days').days);
  const options: string[] = [];
  if (days === 1) options.push('mañana', 'mañana');
  if (days === 2) options.push('pasado mañana');
  if (days >= 1 && days <= 6) options.push(`el ${DAYS[date.weekday - 1]}`, `este ${DAYS[date.weekday - 1]}`);
  const nextWeek = today.startOf('week').plus({ weeks: 1 });
  if (date >= nextWeek && date < nextWeek.plus({ weeks: 1 }))
    options.push(
      `el ${DAYS[date.weekday - 1]} de la semana que viene`,
      `el ${DAYS[date.weekday - 1]} de la próxima semana`,
    );
  options.push(
    `el ${date.day} de ${MONTHS[date.month - 1]}`,
    `el ${DAYS[date.weekday - 1]} ${date.day} de ${MONTHS[date.month - 1]}`,
  );
  if (date.month === today.month || days < 20) options.push(`el día ${date.day}`);
  return rng.pick(options);
}

const toMin = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));

/** A time as a Spanish caller says it ("a las tres y media de la tarde", "a la una", "a las 10:30"). */
export function sayTimeEs(rng: Rng, hm: string, hours: Array<[string, string]>): string {
  const h = Number(hm.slice(0, 2));
  const m = Number(hm.slice(3, 5));
  if (h === 12 && m === 0 && rng.chance(0.5)) return rng.pick(['al mediodía', 'a mediodía']);
  const h12 = h % 12 || 12;
  const bare = h12 === 12 ? 12 : h12 <= 6 ? h12 + 12 : h12;
  const inside = (x: number) => hours.some(([a, b]) => x * 60 + m >= toMin(a) && x * 60 + m < toMin(b));
  const bareOk = bare === h || (!inside(bare) && inside(h));
  const part = h < 12 ? 'de la mañana' : h < 13 ? 'del mediodía' : h < 20 ? 'de la tarde' : 'de la noche';
  const hourWord = rng.chance(0.6) ? palabras(h12) : String(h12);
  const art = h12 === 1 ? 'la' : 'las';
  let minutes: string;
  if (m === 0) minutes = rng.pick(['', '', ' en punto']);
  else if (m === 30) minutes = rng.pick([' y media', ' y media', ' y treinta']);
  else if (m === 15) minutes = rng.pick([' y cuarto', ' y quince']);
  else if (m === 45 && rng.chance(0.5)) {
    const next = (h12 % 12) + 1;
    const w = rng.chance(0.6) ? palabras(next) : String(next);
    return `a ${next === 1 ? 'la' : 'las'} ${w} menos cuarto${bareOk && rng.chance(0.5) ? '' : ` ${part}`}`;
  } else minutes = rng.chance(0.5) ? ` y ${palabras(m)}` : `:${String(m).padStart(2, '0')}`;
  const digits = minutes.startsWith(':');
  const said = `a ${art} ${digits ? String(h12) : hourWord}${minutes}`;
  return bareOk && rng.chance(0.5) ? said : `${said} ${part}`;
}

const FIRST = [
  'María',
  'José',
  'Carmen',
  'Luis',
  'Ana',
  'Jorge',
  'Lucía',
  'Javier',
  'Sofía',
  'Diego',
  'Elena',
  'Miguel',
  'Rosa',
  'Pedro',
  'Isabel',
  'Alejandro',
  'Gabriela',
  'Ramón',
  'Verónica',
  'Andrés',
];
const LAST = [
  'García',
  'Martínez',
  'López',
  'Hernández',
  'González',
  'Pérez',
  'Sánchez',
  'Ramírez',
  'Torres',
  'Flores',
  'Rivera',
  'Gómez',
  'Díaz',
  'Reyes',
  'Morales',
  'Ortiz',
  'Castillo',
  'Vargas',
  'Medina',
  'Jiménez',
];

/** A Spanish-speaking caller's full name. */
export function personNameEs(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

/** A fictional phone number said the Spanish way (digit by digit in words, or in digits). */
export function phoneNumberEs(rng: Rng, area: string): { e164: string; said: string } {
  const line = `01${rng.int(0, 9)}${rng.int(0, 9)}`;
  const digits = `${area}555${line}`;
  const words = (ds: string) => [...ds].map((c) => UNITS[Number(c)]).join(' ');
  const said = rng.pick([
    `${area} 555 ${line}`,
    `${words(area)}, ${words('555')}, ${words(line)}`,
    words(digits),
    `${area}-555-${line}`,
  ]);
  return { e164: `+1${digits}`, said };
}

const FILLERS = ['este', 'eh', 'pues', 'mmm', 'bueno', 'o sea', 'a ver'];

/** Noise of live Spanish speech: a filler, recogniser lower case without punctuation, accents dropped. */
export function noisyEs(rng: Rng, text: string, opts: { fillers?: number; asr?: number } = {}): string {
  let t = text;
  if (rng.chance(opts.fillers ?? 0.3)) {
    const ws = t.split(' ');
    const spots = ws.map((_, i) => i).filter((i) => i === 0 || /,$/.test(ws[i - 1]));
    ws.splice(rng.pick(spots), 0, `${rng.pick(FILLERS)},`);
    t = ws.join(' ');
  }
  if (rng.chance(opts.asr ?? 0.45)) {
    t = t
      .toLowerCase()
      .replace(/[,!?;¿¡]|\.(?=\s|$)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (rng.chance(0.3)) t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return t;
}

/** Hours of a date, for rendering times there. */
export const dayHoursEs = (biz: EvalBusiness, d: DateTime) => hoursOf(biz.profile, d);

/** Yes at a read-back as each region says it (Mexico, Spain, Colombia, Argentina, Puerto Rico, the US). */
export const YES_REGIONAL = [
  'ándale pues',
  'listo',
  'listo, perfecto',
  'sale',
  'va',
  'ajá',
  'cómo no',
  'bueno',
  'buenísimo, dale',
  'sí, cómo no',
  'simón',
  'de una',
  'obvio',
  'me parece bien',
  'ok dale',
  'órale pues',
  'venga, vale',
  'hágale',
  'dele',
  'chévere',
  'va que va',
  'joya, gracias',
];
/** No at a read-back as each region says it. */
export const NO_REGIONAL = ['no, gracias', 'mejor no', 'para nada', 'nel', 'qué va', 'todavía no', 'no, para nada'];
/** A move of the caller's appointment; {d} is a date as said. */
export const MOVE_ES = [
  'lo necesito pasar para {d}',
  '¿me la puede pasar para {d}?',
  '¿me la podría cambiar para {d}?',
  'quiero mover la cita para {d}',
  'necesito cambiar mi turno para {d}',
  '¿me puede correr el turno para {d}?',
  'pásemela para {d}, por favor',
  'necesito posponerla para {d}',
];
/** A price asked; {s} is a service as said. */
export const PRICE_ES = [
  '¿cuánto me cobran por {s}?',
  '¿cuánto vale {s}?',
  '¿qué precio tiene {s}?',
  '¿en cuánto sale {s}?',
  '¿a cuánto está {s}?',
  '¿cuál es el costo de {s}?',
];
/** Someone asked for by name or role. */
export const PERSON_ES = [
  '¿me comunica con la doctora Salazar?',
  '¿me pasa con el encargado, por favor?',
  'quiero hablar con el señor Ramírez',
  '¿se encuentra el señor Ramírez?',
  '¿me puede pasar con la dueña?',
  'póngame con el gerente, por favor',
];
/** Word left for someone once the message is taken. */
export const MESSAGE_ES = [
  'dígale que ya tengo las medidas',
  'avísele que ya llegó el material',
  'dile que me marque al celular',
  '¿le puede decir que me llame?',
  'que me regrese la llamada cuando pueda',
  'dígale que llamó Ramón, que me devuelva la llamada',
];
/** Gas, as Spanish says it, with no service word in it (every business hears it). */
export const GAS_ES = [
  'huele muchísimo a gas en la cocina',
  'hay un escape de gas',
  'se siente un olor fuerte a gas',
  'la bombona pierde gas',
  'se está saliendo el gas de la estufa',
  'huele a gas en toda la casa',
];

/** A time said roughly ("tipo tres y cuarto de la tarde", "a eso de las diez y media"); only on the quarter hours. */
export function roughTimeEs(rng: Rng, hm: string): string | undefined {
  const h = Number(hm.slice(0, 2));
  const m = Number(hm.slice(3, 5));
  if (m % 15 !== 0 || h < 7 || h > 19) return undefined;
  const lead = rng.pick(['tipo', 'como a las', 'a eso de las', 'más o menos a las', 'por ahí de las', 'tipo a las']);
  const next = m === 45;
  const h12 = ((next ? h + 1 : h) % 12 || 12) as number;
  const part = h < 12 ? 'de la mañana' : h < 13 ? 'del mediodía' : h < 20 ? 'de la tarde' : 'de la noche';
  const minutes = ['', ' y cuarto', ' y media', ' menos cuarto'][m / 15];
  if (h12 === 1) return undefined;
  return `${lead} ${palabras(h12)}${minutes} ${part}`;
}
