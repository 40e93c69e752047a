// Invariant: the ICS text is valid RFC 5545 that a real parser reads back exactly — UTC instants, escaped text, ≤75-octet folded lines.
import ical from 'node-ical';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, renderCalendar } from './ics.js';

const NOW = new Date('2026-04-06T12:00:00Z');

describe('renderCalendar', () => {
  it('round-trips events through node-ical with UTC times, escaped text and unicode folded on character boundaries', () => {
    const long = `Notes: ${'Wasserschaden im Keller, Küche; Rohr\\leckt. '.repeat(6)}\nSecond line – ünïcödé ✓`;
    const text = renderCalendar({
      name: 'Fix-It Plumbing',
      now: NOW,
      events: [
        {
          uid: 'a1@infinioffice',
          start: new Date('2026-04-07T13:00:00Z'),
          end: new Date('2026-04-07T14:00:00Z'),
          summary: 'Drain repair — Dana, Jr.; VIP',
          description: long,
          location: '12 Elm St, Springfield',
        },
        {
          uid: 'a2@infinioffice',
          start: new Date('2026-04-08T15:30:00Z'),
          end: new Date('2026-04-08T16:00:00Z'),
          summary: 'Quote',
        },
      ],
    });
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    for (const l of lines) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);

    const parsed = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as ical.VEvent[];
    expect(parsed).toHaveLength(2);
    const a = parsed.find((e) => e.uid === 'a1@infinioffice')!;
    expect(a.start.toISOString()).toBe('2026-04-07T13:00:00.000Z');
    expect(a.end!.toISOString()).toBe('2026-04-07T14:00:00.000Z');
    expect(String(a.summary)).toBe('Drain repair — Dana, Jr.; VIP');
    expect(String(a.description)).toBe(long);
    expect(String(a.location)).toBe('12 Elm St, Springfield');
    expect((a.dtstamp as Date).toISOString()).toBe(NOW.toISOString());
  });

  it('writes every instant in UTC form and wraps events in one VCALENDAR', () => {
    const text = renderCalendar({
      name: 'X',
      now: NOW,
      events: [
        { uid: 'u', start: new Date('2026-11-01T06:30:00Z'), end: new Date('2026-11-01T07:30:00Z'), summary: 's' },
      ],
    });
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
    expect(text).toContain('\r\nDTSTART:20261101T063000Z\r\n');
    expect(text).toContain('\r\nDTEND:20261101T073000Z\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260406T120000Z\r\n');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });

  it('renders an empty calendar that still parses', () => {
    const text = renderCalendar({ name: 'Empty', now: NOW, events: [] });
    expect(Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT')).toHaveLength(0);
  });
});

describe('text escaping and folding', () => {
  it('escapes backslash, semicolon, comma and newlines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds at 75 octets and unfolds to the original, with 4-byte characters intact', () => {
    const line = `SUMMARY:${'🔧'.repeat(40)}`;
    const folded = foldLine(line);
    for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });
});
