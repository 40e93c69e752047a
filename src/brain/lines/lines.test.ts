// Invariant: every line the agent can say exists in every language it speaks — a key in one catalogue and not in another fails here.
import { describe, expect, it } from 'vitest';
import { LINES } from './index.js';

describe('the line catalogues', () => {
  it('have the same keys in every language', () => {
    const en = Object.keys(LINES.en).sort();
    for (const [lang, lines] of Object.entries(LINES)) expect(Object.keys(lines).sort(), lang).toEqual(en);
  });

  it('read dates and times back the Spanish way', () => {
    const tz = 'America/Chicago';
    expect(LINES.es.instant('2026-03-17T20:00:00.000Z', tz)).toBe('el martes 17 de marzo a las 3 de la tarde');
    expect(LINES.es.instant('2026-03-17T15:30:00.000Z', tz)).toBe('el martes 17 de marzo a las 10 y media de la mañana');
    expect(LINES.es.time('13:00')).toBe('la 1 de la tarde');
    expect(LINES.es.time('12:00')).toBe('las 12 del mediodía');
    expect(LINES.en.instant('2026-03-17T20:00:00.000Z', tz)).toBe('Tuesday, March 17 at 3 PM');
  });

  it('says every safety instruction of the emergency lexicon in Spanish', async () => {
    const { SAFETY } = await import('../nlu/emergency-lexicon.js');
    for (const text of Object.values(SAFETY)) expect(LINES.es.safety(text), text).not.toBe(text);
  });
});
