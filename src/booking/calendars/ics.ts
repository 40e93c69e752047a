/**
 * RFC 5545 iCalendar text for a subscribed feed: CRLF lines folded at 75 octets (never inside a
 * UTF-8 character), TEXT values escaped (§3.3.11), instants in UTC (`…Z`, §3.3.5 form 2). Pure.
 */

/** One VEVENT. */
export interface IcsEvent {
  /** Globally unique and stable across renders, so subscribers update rather than duplicate. */
  readonly uid: string;
  readonly start: Date;
  readonly end: Date;
  readonly summary: string;
  readonly description?: string | null;
  readonly location?: string | null;
  readonly created?: Date;
  readonly lastModified?: Date;
}

/** A whole feed. */
export interface IcsCalendar {
  readonly name: string;
  readonly events: readonly IcsEvent[];
  /** DTSTAMP of every event: when this feed was generated (§3.8.7.2 with METHOD). */
  readonly now: Date;
  /** How often subscribers should poll. */
  readonly refreshMinutes?: number;
}

const PRODID = '-//InfiniOffice//Appointments//EN';

/** `20260407T130000Z`. */
export const icsUtc = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (§3.3.11). */
export function escapeText(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into ≤ 75-octet physical lines; continuations start with one space (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function eventLines(e: IcsEvent, now: Date): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${icsUtc(now)}`,
    `DTSTART:${icsUtc(e.start)}`,
    `DTEND:${icsUtc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.created ? [`CREATED:${icsUtc(e.created)}`] : []),
    ...(e.lastModified ? [`LAST-MODIFIED:${icsUtc(e.lastModified)}`] : []),
    'STATUS:CONFIRMED',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** Renders the feed as one string with CRLF line ends. */
export function renderCalendar(c: IcsCalendar): string {
  const refresh = `PT${c.refreshMinutes ?? 15}M`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(c.name)}`,
    `NAME:${escapeText(c.name)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
    ...c.events.flatMap((e) => eventLines(e, c.now)),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
