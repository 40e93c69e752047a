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
