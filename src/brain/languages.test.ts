// Invariant: the agent's language is a setting that works — a business set to Spanish greets and answers in Spanish; one that speaks both greets in its main language, switches once when the caller speaks or asks for the other (and says so once), and books what the Spanish caller asked for.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../lib/index.js';
import { createConversation } from './conversation.js';
import { createFakePorts } from './test-support/fake-ports.js';
import { PLUMBER, SALON } from './test-support/businesses.js';
import type { BusinessProfile } from './types.js';

const salon: BusinessProfile = {
  ...SALON,
  services: [
    { name: 'Haircut', durationMin: 45, synonyms: ['corte', 'corte de pelo'] },
    { name: 'Color', durationMin: 120, synonyms: ['tinte'] },
  ],
};

function call(business: BusinessProfile) {
  const now = DateTime.fromISO('2026-03-10T09:15', { zone: business.timezone }).toJSDate();
  const { ports, world } = createFakePorts(business, { now });
  const convo = createConversation({ business, callerPhone: '+13125550142', now: fixedClock(now), deps: ports });
  return { convo, world };
}

describe('languages', () => {
  it('an English business set to auto switches to Spanish on the first Spanish turn, says so once, and books', async () => {
    const { convo, world } = call({ ...salon, languages: ['en', 'es'] });
    expect(convo.greet().text).toBe('Thanks for calling Bella Hair Studio. How can I help you today?');
    const first = await convo.handle({ text: 'Hola, quisiera hacer una cita para un corte de pelo' });
    expect(first.text).toMatch(/^Claro, puedo atenderle en español\. ¿Qué día y a qué hora/);
    expect(first.language).toBe('es');
    const offer = await convo.handle({ text: 'el jueves a las diez y media de la mañana' });
    expect(offer.text).toBe(
      'El jueves 12 de marzo a las 10 y media de la mañana está disponible. ¿Me podría dar su nombre, por favor?',
    );
    const name = await convo.handle({ text: 'me llamo María López' });
    expect(name.text).toContain('a nombre de María López');
    expect(name.text).not.toContain('Claro, puedo atenderle');
    const done = await convo.handle({ text: 'sí, claro' });
    expect(done.text).toMatch(
      /^Listo: su cita de haircut quedó reservada para el jueves 12 de marzo a las 10 y media de la mañana\./,
    );
    expect(world.appointments[0]).toMatchObject({ customerName: 'María López', serviceName: 'Haircut' });
  });

  it('a name said alone does not switch a Spanish call to English ("Osvaldo Fonseca")', async () => {
    const { convo, world } = call({ ...salon, languages: ['en', 'es'] });
    convo.greet();
    await convo.handle({ text: 'Hola, quisiera una cita para un corte de pelo el jueves a las diez' });
    const name = await convo.handle({ text: 'Osvaldo Fonseca' });
    expect(name.language).toBe('es');
    expect(name.text).toContain('a nombre de Osvaldo Fonseca');
    expect(name.text).not.toMatch(/English|Just to confirm/);
    await convo.handle({ text: 'perfecto, gracias' });
    expect(world.appointments[0]).toMatchObject({ customerName: 'Osvaldo Fonseca' });
  });

  it('a correction at the read-back moves the day ("no, mejor el viernes")', async () => {
    const { convo, world } = call({ ...salon, languages: ['es'] });
    expect(convo.greet().text).toBe('Gracias por llamar a Bella Hair Studio. ¿En qué le puedo ayudar?');
    await convo.handle({ text: 'quiero un corte el jueves a las 3 de la tarde, me llamo Ana Ruiz' });
    const r = await convo.handle({ text: 'no, mejor el viernes' });
    expect(r.text).toContain('el viernes 13 de marzo a las 3 de la tarde');
    await convo.handle({ text: 'sí' });
    expect(world.appointments[0].start).toBe(DateTime.fromISO('2026-03-13T15:00', { zone: salon.timezone }).toISO());
  });

  it('switches when asked ("¿habla español?") and asks its question again in Spanish', async () => {
    const { convo } = call({ ...salon, languages: ['en', 'es'] });
    convo.greet();
    expect((await convo.handle({ text: '¿Habla español?' })).text).toBe(
      'Claro, puedo atenderle en español. ¿En qué le puedo ayudar?',
    );
    expect((await convo.handle({ text: '¿a qué hora abren el sábado?' })).text).toContain(
      'El sábado abrimos de 10 de la mañana a 4 de la tarde.',
    );
  });

  it('an English-only business stays in English', async () => {
    const { convo } = call(salon);
    convo.greet();
    expect((await convo.handle({ text: 'Hola, quisiera una cita' })).language).toBe('en');
  });

  it('reports a Spanish emergency with the safety line in Spanish', async () => {
    const { convo, world } = call({ ...PLUMBER, languages: ['es'] });
    convo.greet();
    const r = await convo.handle({ text: 'se me reventó una tubería y se está inundando la cocina' });
    expect(r.text).toContain('cierre la llave de paso principal del agua');
    expect(world.escalations.length + world.transfers.length).toBeGreaterThan(0);
  });
});
