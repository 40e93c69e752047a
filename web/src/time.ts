/** Time helpers in the business's timezone (not the browser's): the API answers local offsets, we keep them. */

/** The UTC offset ("-05:00") of an IANA zone at an instant. */
export function offsetOf(tz: string, at: Date): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** An ISO instant for a wall time in a zone: `zonedIso('2026-03-11', '15:00', 'America/New_York')`. */
export function zonedIso(date: string, time: string, tz: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  let off = offsetOf(tz, guess);
  // A second pass settles wall times near a DST change, where the first guess used the other offset.
  const real = new Date(`${date}T${time}:00${off}`);
  off = offsetOf(tz, real);
  return `${date}T${time}:00${off}`;
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function todayIn(tz: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    now,
  );
}

/** Adds days to a local date string. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday of the week of a local date. */
export function mondayOf(date: string): string {
  const dow = (new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(date, -dow);
}

/** The local date and wall time of an ISO string with offset, as written by the server. */
export function wall(iso: string): { date: string; time: string; minutes: number } {
  const date = iso.slice(0, 10);
  const time = iso.slice(11, 16);
  return { date, time, minutes: Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)) };
}

/** "Mon 11 Mar, 15:00" in the business's zone. */
export function fmtDateTime(iso: string | null | undefined, tz: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** "15:04" in the business's zone. */
export function fmtTime(iso: string | null | undefined, tz: string): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-US', { timeZone: tz, hour: 'numeric', minute: '2-digit' }).format(new Date(iso));
}

/** A gap of milliseconds as an owner says it: "0.6 s", "1.2 s", "12 s". */
export function answerSeconds(ms: number): string {
  const s = ms / 1000;
  return s < 10 ? `${(Math.round(s * 10) / 10).toFixed(1)} s` : `${Math.round(s)} s`;
}

/** "3m 05s". */
export function fmtDuration(sec: number | null | undefined): string {
  if (sec == null) return '—';
  const s = Math.round(sec);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
}

/** A phone number in national format where it is North American ("(312) 555-0142"), else as stored (E.164). */
export function fmtPhone(e164: string | null | undefined): string {
  if (!e164) return '';
  const m = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(e164);
  return m ? `(${m[1]}) ${m[2]}-${m[3]}` : e164;
}
