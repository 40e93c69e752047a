// Invariant: a Spanish caller is understood offline as an English one is — dates, times, names, phone numbers said in words, yes/no, corrections, intents and emergencies — and the caller's language is detected from the first words or asked for.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PLUMBER, SALON } from '../test-support/businesses.js';
import { createNlu, detectLanguage, languageRequest } from './index.js';

const salon = createNlu({
  ...SALON,
  services: [
    { name: 'Haircut', durationMin: 45, synonyms: ['corte', 'corte de pelo'] },
    { name: 'Color', durationMin: 120, synonyms: ['tinte'] },
  ],
});
// Tuesday 2026-03-10, 09:15 in Chicago
const now = DateTime.fromISO('2026-03-10T09:15', { zone: 'America/Chicago' }).toJSDate();
const es = (t: string) => salon.understand(t, now, 'es');

describe('Spanish understanding', () => {
  it.each([
    ['el jueves', { date: '2026-03-12' }],
    ['mañana', { date: '2026-03-11' }],
    ['pasado mañana', { date: '2026-03-12' }],
    ['el 18 de marzo', { date: '2026-03-18' }],
    ['a las diez y media', { time: '10:30' }],
    ['a las 3 de la tarde', { time: '15:00' }],
    ['el martes a las tres de la tarde', { date: '2026-03-17', time: '15:00' }],
    ['mañana por la mañana', { date: '2026-03-11', partOfDay: 'morning' }],
    ['a las cuatro menos cuarto', { time: '15:45' }],
    ['el viernes de la semana que viene', { date: '2026-03-20' }],
    ['no el jueves, el viernes', { date: '2026-03-13' }],
  ])('reads "%s"', (said, want) => {
    expect(es(said).when).toMatchObject(want);
  });

  it('reads intents, services and names', () => {
    const u = es('Hola, me llamo María López y quisiera hacer una cita para un corte de pelo');
    expect(u.intents).toContain('book');
    expect(u.service?.service.name).toBe('Haircut');
    expect(u.name).toBe('María López');
    expect(es('quiero cancelar mi cita').intents[0]).toBe('cancel');
    expect(es('necesito cambiar mi cita para otro día').intents[0]).toBe('reschedule');
    expect(es('quiero hablar con una persona').intents).toContain('human');
    // asking about a booking the caller has is neither a new booking nor a question for the FAQ
    for (const ask of ['¿a qué hora es mi cita?', 'quería confirmar mi cita del jueves', '¿tengo una cita?'])
      expect(es(ask).intents[0], ask).toBe('check');
    expect(es('tengo una cita el jueves y la quiero cancelar').intents[0]).toBe('cancel');
    // the caller's own appointment, earlier on its day: a move, not a second booking
    expect(es('Tengo un facial el sábado a las once, ¿puedo ir más temprano ese mismo día?').intents[0]).toBe(
      'reschedule',
    );
    expect(es('¿a qué hora abren el sábado?').intents).toContain('question');
  });

  it('hears a poisoned pet and a child shut in a car, and keeps a pet appointment a booking', () => {
    const kennel = createNlu({ ...SALON, name: 'Paws Inn Kennels', industry: 'other' });
    const read = (t: string) => kennel.understand(t, now, 'es');
    expect(read('mi perro se comió una barra de chocolate').emergency?.priority).toBe('URGENT');
    expect(read('mi hija está encerrada en el carro y hace calor').emergency?.priority).toBe('URGENT');
    expect(read('quiero una cita para mi perro el jueves').emergency).toBeUndefined();
  });

  it('reads phone numbers said in words, yes and no, and corrections', () => {
    expect(es('mi número es tres uno dos, cinco cinco cinco, cero uno cuatro dos').phone).toBe('+13125550142');
    expect(es('sí, claro').yesNo).toBe('yes');
    expect(es('no, gracias').yesNo).toBe('no');
    // "don't cancel it" at "shall I cancel it?" is a no, never a cancel
    expect(es('no, no la cancele').text).toContain("don't cancel");
    const c = es('no, mejor el viernes');
    expect(c.yesNo).toBe('no');
    expect(c.correction).toBe(true);
    expect(c.when?.date).toBe('2026-03-13');
  });

  it('hears emergencies in Spanish with the industry lexicon', () => {
    const plumber = createNlu(PLUMBER);
    const u = plumber.understand('se me reventó una tubería y se está inundando la cocina', now, 'es');
    expect(u.emergency?.priority).toBe('URGENT');
    expect(plumber.understand('huele a gas en la casa', now, 'es').emergency?.priority).toBe('URGENT');
  });
});

describe("the caller's language", () => {
  it.each([
    ['Hola, quisiera una cita', 'es'],
    ['sí', 'es'],
    ['necesito un plomero para mañana', 'es'],
    ['el jueves a las diez y media', 'es'],
    ['Hi, I need a haircut tomorrow', 'en'],
    ['yes please', 'en'],
    ['do you have anything on Friday afternoon', 'en'],
  ])('detects "%s"', (said, lang) => {
    expect(detectLanguage(said)).toBe(lang);
  });

  it('does not guess on a number or a bare name', () => {
    expect(detectLanguage('312 555 0142')).toBeUndefined();
  });

  it('hears a request for a language', () => {
    expect(languageRequest('¿Habla español?')).toBe('es');
    expect(languageRequest('en español, por favor')).toBe('es');
    expect(languageRequest('can we speak in English?')).toBe('en');
    expect(languageRequest('I need a haircut')).toBeUndefined();
  });
});

describe('Spanish addresses', () => {
  it.each([
    ['Calle Mayor 12, apartamento 3', 'Calle Mayor 12, Apartamento 3'],
    ['en la avenida Juárez número 45', 'Avenida Juarez 45'],
    ['vivo en 123 Main Street', '123 Main Street'],
    ['mi dirección es Calle del Sol 8, piso 2, Madrid', 'Calle del Sol 8, Piso 2, Madrid'],
    [
      'Avenida Insurgentes Sur 1602, departamento 4B, Ciudad de México',
      'Avenida Insurgentes Sur 1602, Departamento 4b, Ciudad de Mexico',
    ],
  ])('"%s" is the address %s', (said, address) => {
    expect(es(said).address).toBe(address);
  });

  it('a time or a date is not read as an address', () => {
    expect(es('el martes a las 3 de la tarde').address).toBeUndefined();
    expect(es('quiero un corte para el 14 de marzo').address).toBeUndefined();
  });
});
