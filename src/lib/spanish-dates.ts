/**
 * Dates and times said the Spanish way — "el martes 17 de marzo a las 3 de la tarde" — one
 * definition for the agent's lines and the customer's messages.
 */
import { DateTime } from 'luxon';

export const ES_DAYS = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'];
export const ES_MONTHS = [
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

/** "15:45" → "las 3:45 de la tarde", "10:30" → "las 10 y media de la mañana", "13:00" → "la 1 de la tarde". */
export function horaEs(hm: string): string {
  const [h, m] = hm.split(':').map(Number);
  if (h === 24 || (h === 0 && m === 0)) return 'la medianoche';
  if (h === 12 && m === 0) return 'las 12 del mediodía';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  const min = m === 0 ? '' : m === 30 ? ' y media' : m === 15 ? ' y cuarto' : `:${String(m).padStart(2, '0')}`;
  const part =
    h < 6
      ? 'de la madrugada'
      : h < 12
        ? 'de la mañana'
        : h < 13
          ? 'del mediodía'
          : h < 20
            ? 'de la tarde'
            : 'de la noche';
  return `${h12 === 1 ? 'la' : 'las'} ${h12}${min} ${part}`;
}

/** "el martes 17 de marzo" (a local date, YYYY-MM-DD or an instant, read in `tz`). */
export function fechaEs(date: string, tz: string): string {
  const d = DateTime.fromISO(date, { zone: tz });
  return `el ${ES_DAYS[d.weekday - 1]} ${d.day} de ${ES_MONTHS[d.month - 1]}`;
}

/** "el martes 17 de marzo a las 3 de la tarde", in the timezone `tz`. */
export function momentoEs(iso: string, tz: string): string {
  const d = DateTime.fromISO(iso, { zone: tz });
  return `${fechaEs(d.toISODate()!, tz)} a ${horaEs(d.toFormat('HH:mm'))}`;
}
