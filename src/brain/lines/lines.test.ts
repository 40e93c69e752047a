// Invariant: every line the agent can say — the dialog's and the call session's own (fillers, goodbyes, apologies) — exists in every language it speaks; a key in one catalogue and not in another fails here.
import { describe, expect, it } from 'vitest';
import { LINES } from './index.js';

/** Every key path of a catalogue, nested groups (the session's lines, tool hold lines) included. */
function keyPaths(o: object, prefix = ''): string[] {
  return Object.entries(o)
    .flatMap(([k, v]) =>
      v && typeof v === 'object' && !Array.isArray(v) ? keyPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    )
    .sort();
}

describe('the line catalogues', () => {
  it('have the same keys in every language, the session lines included', () => {
    const en = keyPaths(LINES.en);
    expect(en).toEqual(
      expect.arrayContaining(['session.apologyCantHear', 'session.fillers', 'session.toolHolds.transfer_to_human']),
    );
    for (const [lang, lines] of Object.entries(LINES)) expect(keyPaths(lines), lang).toEqual(en);
  });

  it('give every language its own session lines (a filler for each, none left in English)', () => {
    expect(LINES.es.session.fillers.length).toBeGreaterThan(0);
    for (const [k, v] of Object.entries(LINES.es.session))
      expect(JSON.stringify(v), k).not.toBe(
        JSON.stringify((LINES.en.session as unknown as Record<string, unknown>)[k]),
      );
  });

  it('read dates and times back the Spanish way', () => {
    const tz = 'America/Chicago';
    expect(LINES.es.instant('2026-03-17T20:00:00.000Z', tz)).toBe('el martes 17 de marzo a las 3 de la tarde');
    expect(LINES.es.instant('2026-03-17T15:30:00.000Z', tz)).toBe(
      'el martes 17 de marzo a las 10 y media de la mañana',
    );
    expect(LINES.es.time('13:00')).toBe('la 1 de la tarde');
    expect(LINES.es.time('12:00')).toBe('las 12 del mediodía');
    expect(LINES.en.instant('2026-03-17T20:00:00.000Z', tz)).toBe('Tuesday, March 17 at 3 PM');
  });

  it('says every safety instruction of the emergency lexicon in Spanish', async () => {
    const { SAFETY, HEALTH_SAFETY } = await import('../nlu/emergency-safety.js');
    for (const text of [...Object.values(SAFETY), ...Object.values(HEALTH_SAFETY)])
      expect(LINES.es.safety(text), text).not.toBe(text);
  });
});

describe('the English read-back', () => {
  it('says "an" before a vowel sound and "a" before a consonant sound, whatever the service is called', () => {
    const said = (svc: string) => LINES.en.confirmBooking({ svc, when: 'Friday at 9 AM' }).split(' on ')[0];
    expect(said('initial assessment')).toBe('Just to confirm: an initial assessment');
    expect(said('ac tune-up')).toBe('Just to confirm: an ac tune-up');
    expect(said('extended lesson')).toBe('Just to confirm: an extended lesson');
    expect(said('hour-long massage')).toBe('Just to confirm: an hour-long massage');
    expect(said('haircut')).toBe('Just to confirm: a haircut');
    expect(said('uniform fitting')).toBe('Just to confirm: a uniform fitting');
    expect(said('one-hour massage')).toBe('Just to confirm: a one-hour massage');
  });
});
