/**
 * Spanish words the Spanish glosses share: numbers, weekdays, months, and the shape of one gloss.
 * Everything here is accent-folded and lower case, as `foldSpanish` leaves a turn.
 */

/** One rewrite: a pattern and what it becomes (a string with `$1`, or a function of the match). */
export type Gloss = [RegExp, string | ((...m: string[]) => string)];

/** Spanish number words (accent-folded) up to 29. */
export const UNITS: Record<string, number> = {
  cero: 0,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintiun: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
};
export const TENS: Record<string, number> = {
  treinta: 30,
  cuarenta: 40,
  cincuenta: 50,
  sesenta: 60,
  setenta: 70,
  ochenta: 80,
  noventa: 90,
};
/** Hundreds, for numbers dictated in groups ("seiscientos doce" in a Spanish mobile number). */
export const HUNDREDS: Record<string, number> = {
  cien: 100,
  ciento: 100,
  doscientos: 200,
  trescientos: 300,
  cuatrocientos: 400,
  quinientos: 500,
  seiscientos: 600,
  setecientos: 700,
  ochocientos: 800,
  novecientos: 900,
};
export const UNIT_RE = Object.keys(UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|');
export const TENS_RE = Object.keys(TENS).join('|');
export const HUNDREDS_RE = Object.keys(HUNDREDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** A number said as digits or as one Spanish word up to 99 ("dos", "veinte", "12"); NaN otherwise. */
export function numberOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  return UNITS[word] ?? TENS[word] ?? (word === 'un' || word === 'una' ? 1 : NaN);
}

export const WEEKDAYS: Record<string, string> = {
  lunes: 'monday',
  martes: 'tuesday',
  miercoles: 'wednesday',
  jueves: 'thursday',
  viernes: 'friday',
  sabado: 'saturday',
  sabados: 'saturday',
  domingo: 'sunday',
  domingos: 'sunday',
};
export const WD = 'lunes|martes|miercoles|jueves|viernes|sabados?|domingos?';
export const MONTHS: Record<string, string> = {
  enero: 'january',
  febrero: 'february',
  marzo: 'march',
  abril: 'april',
  mayo: 'may',
  junio: 'june',
  julio: 'july',
  agosto: 'august',
  septiembre: 'september',
  setiembre: 'september',
  octubre: 'october',
  noviembre: 'november',
  diciembre: 'december',
};
export const MO = Object.keys(MONTHS).join('|');
