// Invariant: Spanish as it is said in Mexico, the US, Spain, Colombia, Argentina and Puerto Rico reaches the rules its English wording reaches — a gas leak, or no heat with a baby or the cold, escalates even where a word of it names a service; a move of the caller's appointment moves it; a regional yes books and a regional no does not; a rough time keeps its minutes; an article is never a service; a person asked for is a hand-off; a price asked is a price question; word left for someone is a message.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/index.js';
import { createConversation } from '../conversation.js';
import { createFakePorts, type FakeOptions } from '../test-support/fake-ports.js';
import { SALON } from '../test-support/businesses.js';
import type { BusinessProfile } from '../types.js';
import { createNlu, detectLanguage } from './index.js';

const PLUMBING: BusinessProfile = {
  name: 'Plomería García',
  timezone: 'America/Los_Angeles',
  industry: 'plumbing',
  hours: { mon: [['08:00', '17:00']], tue: [['08:00', '17:00']], wed: [['08:00', '17:00']] },
  services: [
    { name: 'Drain cleaning', durationMin: 60, synonyms: ['destapar', 'drenaje tapado'] },
    { name: 'Leak repair', durationMin: 60, synonyms: ['fuga', 'gotera', 'tubería'] },
  ],
  escalationNumber: '+12135550100',
};
const HEATING: BusinessProfile = {
  name: 'Climatización Castilla',
  timezone: 'Europe/Madrid',
  industry: 'hvac',
  hours: { mon: [['08:00', '18:00']], tue: [['08:00', '18:00']], wed: [['08:00', '18:00']] },
  services: [
    { name: 'Revisión de caldera', durationMin: 60, synonyms: ['caldera'] },
    { name: 'Reparación de calefacción', durationMin: 90, synonyms: ['calefacción', 'radiadores'] },
    { name: 'Aire acondicionado', durationMin: 90, synonyms: ['aire acondicionado', 'split'] },
  ],
  escalationNumber: '+34915550100',
};
const ESTETICA: BusinessProfile = {
  ...SALON,
  name: 'Estética Lupita',
  languages: ['es'],
  services: [
    { name: 'Corte de cabello', durationMin: 45, synonyms: ['corte', 'corte de pelo'], priceCents: 25000 },
    { name: 'Tinte', durationMin: 120, synonyms: ['color', 'mechas'] },
    { name: 'Manicure', durationMin: 30, synonyms: ['uñas', 'manicura', 'hacerme las uñas'] },
  ],
  staff: [{ name: 'Dra. Salazar' }],
};

/** Tuesday 2026-03-10 09:15 (winter) and Wednesday 2026-07-15 09:15 (summer), in the business's zone. */
const at = (b: BusinessProfile, iso = '2026-07-15T09:15') => DateTime.fromISO(iso, { zone: b.timezone }).toJSDate();
const read = (b: BusinessProfile, said: string, iso?: string) => createNlu(b).understand(said, at(b, iso), 'es');

describe('an emergency said in Spanish escalates, even where a word of it names a service', () => {
  it.each([
    'Huele muchísimo a gas en la cocina, creo que hay una fuga de gas',
    'hay un escape de gas en la estufa',
    'se siente un olor muy fuerte a gas',
    'la bombona pierde gas',
    'se está saliendo el gas del tanque',
    'se reventó la tubería del baño',
  ])('"%s" is URGENT at a plumber whose "fuga" and "tubería" are Leak repair', (said) => {
    expect(read(PLUMBING, said).emergency?.priority).toBe('URGENT');
  });

  it('keeps the service word said inside the emergency', () => {
    expect(read(PLUMBING, 'creo que hay una fuga de gas').service?.service.name).toBe('Leak repair');
  });

  it.each([
    'Se nos ha estropeado la caldera, no tenemos calefacción y tengo un bebé de tres meses',
    'la calefacción no funciona y estamos a dos grados',
    'se descompuso el calentador y mi abuela de 88 años vive conmigo',
    'no tenemos calefacción, mi mamá que es mayor está en casa',
    'el aire acondicionado no enfría, estamos a 40 grados y tengo un recién nacido',
  ])('"%s" is URGENT in July (who is at risk, or how cold or hot it is)', (said) => {
    expect(read(HEATING, said).emergency?.priority).toBe('URGENT');
  });

  it('no heat alone in July is not URGENT, and the service is still heard', () => {
    const u = read(HEATING, 'la calefacción no funciona');
    expect(u.emergency?.priority).toBe('HIGH');
    expect(u.service?.service.name).toBe('Reparación de calefacción');
  });

  it.each([
    ['no huele a gas, es una fuga de agua debajo del fregadero', PLUMBING],
    ['tengo una fuga en el baño, nada urgente', PLUMBING],
    ['quiero una revisión de caldera el jueves', HEATING],
    ['quiero instalar aire acondicionado, aquí en verano estamos a 35 grados', HEATING],
  ] as const)('"%s" is no URGENT emergency', (said, b) => {
    expect(read(b, said).emergency?.priority).not.toBe('URGENT');
  });

  it('a caller smelling gas is escalated, not asked for a day for "Leak repair"', async () => {
    const { convo, world } = call({ ...PLUMBING, languages: ['es'] });
    convo.greet();
    const reply = await convo.handle({
      text: '¡Bueno! Huele muchísimo a gas en la cocina, creo que hay una fuga de gas',
    });
    expect(reply.text).not.toMatch(/qué día/i);
    expect(world.escalations[0]?.priority).toBe('URGENT');
  });
});

describe("a move of the caller's appointment, said the ways Spanish says it", () => {
  const salon = (said: string) => read(ESTETICA, said, '2026-03-10T09:15');
  it.each([
    ['lo necesito pasar para el miércoles a la misma hora', { date: '2026-03-11' }],
    ['¿me la podrías cambiar a las siete y media de la tarde?', { time: '19:30' }],
    ['¿me la puede pasar para pasado mañana?', { date: '2026-03-12' }],
    ['quiero mover la cita al viernes', { date: '2026-03-13' }],
    ['necesito cambiar mi turno para el jueves', { date: '2026-03-12' }],
    ['¿me puede correr el turno al lunes?', { date: '2026-03-16' }],
    ['pásemela para el lunes', { date: '2026-03-16' }],
    ['necesito posponerla para el viernes', { date: '2026-03-13' }],
    ['¿me la cambia para el viernes?', { date: '2026-03-13' }],
    ['quisiera reagendar mi cita para el jueves', { date: '2026-03-12' }],
  ])('"%s" is a move (%o)', (said, when) => {
    const u = salon(said);
    expect(u.intents[0]).toBe('reschedule');
    expect(u.when).toMatchObject(when);
  });

  it.each([
    ['quisiera atrasar mi cita una hora', 60],
    ['¿me la puede adelantar media hora?', -30],
  ])('"%s" moves it by %i minutes', (said, minutes) => {
    const u = salon(said);
    expect(u.intents[0]).toBe('reschedule');
    expect(u.moveBy).toBe(minutes);
  });

  it.each([
    ['quiero cambiar mi cita', 'reschedule'],
    ['¿la puedo adelantar?', 'reschedule'],
    ['necesito una cita para el miércoles', 'book'],
    ['¿puedo pasar mañana a las diez sin cita?', 'question'],
    ['quiero cambiar el color de mi pelo', 'book'],
  ])('"%s" reads as %s', (said, intent) => {
    expect(salon(said).intents[0] ?? 'book').toBe(intent);
  });

  it('"lo necesito pasar para el miércoles a la misma hora" moves the Tuesday appointment, books nothing new', async () => {
    const { convo, world } = call(ESTETICA, {
      existing: [{ service: 'Tinte', start: '2026-03-10T11:00', customerName: 'Martina Sosa', customerPhone: CALLER }],
    });
    convo.greet();
    let reply = await convo.handle({
      text: 'Hola, ¿cómo andás? Tengo un turno hoy a las once para color y lo necesito pasar para el miércoles a la misma hora',
    });
    if (/a nombre de quién/.test(reply.text)) reply = await convo.handle({ text: 'Martina Sosa' });
    expect(reply.text).toMatch(/cambio su cita/);
    await convo.handle({ text: 'Dale, genial' });
    expect(world.appointments).toHaveLength(1);
    expect(world.appointments[0].start).toMatch(/^2026-03-11T11:00/);
  });
});

describe('yes and no the way each region says it', () => {
  const yn = (said: string) => read(ESTETICA, said).yesNo;
  it.each([
    'Ándale pues',
    'Listo',
    'Listo, perfecto',
    'Sale',
    'Va',
    'Ajá',
    'Cómo no',
    'Bueno',
    'Buenísimo, dale',
    'sí, cómo no',
    'simón',
    'de una',
    'obvio',
    'está bien',
    'me parece bien',
    'ok dale',
    'Órale pues',
    'Venga, vale',
    'Hágale',
    'Dele',
    'Chévere',
    'Joya, gracias',
    'Va que va',
    'mmm, sí, claro',
    'o sea sí perfecto',
  ])('"%s" is yes', (said) => {
    expect(yn(said)).toBe('yes');
  });

  it.each(['no, gracias', 'mejor no', 'para nada', 'nel', 'Qué va', 'Todavía no', 'este no no es así'])(
    '"%s" is no',
    (said) => {
      expect(yn(said)).toBe('no');
    },
  );

  it.each(['¿ya está listo mi carro?', '¿sale en 300 pesos?', '¿va a venir el técnico?', 'eso es todo'])(
    '"%s" is no yes (the word means something else inside a sentence)',
    (said) => {
      expect(yn(said)).not.toBe('yes');
    },
  );

  it('"Ándale pues" at the read-back books', async () => {
    const { convo, world } = call(ESTETICA);
    convo.greet();
    await convo.handle({ text: 'Oye, ¿tienes lugar para un corte el jueves a las once?' });
    const readBack = await convo.handle({ text: 'Soy Brenda Cázares' });
    expect(readBack.text).toMatch(/Se la reservo/);
    await convo.handle({ text: 'Ándale pues' });
    expect(world.appointments[0]).toMatchObject({ customerName: 'Brenda Cázares', serviceName: 'Corte de cabello' });
  });
});

describe('a rough time keeps its minutes', () => {
  it.each([
    ['mañana tipo tres y cuarto', '15:15'],
    ['como a las cuatro menos cuarto', '15:45'],
    ['a eso de las diez y media', '10:30'],
    ['más o menos a las cinco y media', '17:30'],
    ['tipo 3 y media', '15:30'],
    ['un cuarto para las cuatro', '15:45'],
    ['diez para las cinco', '16:50'],
    ['a las cuatro menos diez', '15:50'],
    ['a las tres y cuarto', '15:15'],
    ['tipo tres', '15:00'],
  ])('"%s" is %s', (said, time) => {
    expect(read(ESTETICA, said).when?.time).toBe(time);
  });
});

describe('an article is never a service', () => {
  it.each([
    ['Me urge una cita para mañana temprano, tengo una boda', undefined],
    ['quiero unas mechas para el sábado', 'Tinte'],
    ['quiero hacerme las uñas', 'Manicure'],
    ['me quiero hacer las unas', 'Manicure'],
    ['quiero unas uñas acrílicas', 'Manicure'],
  ])('"%s" names %s', (said, service) => {
    expect(read(ESTETICA, said).service?.service.name).toBe(service);
  });
});

describe('a person asked for by name or role is a hand-off', () => {
  it.each([
    ['¿Me comunica con la doctora Salazar, por favor?', 'dr. salazar'],
    ['¿me pasa con el encargado?', 'the manager'],
    ['quiero hablar con el señor Ramírez', 'mr. ramirez'],
    ['¿se encuentra el señor Ramírez?', 'mr. ramirez'],
    ['¿me puede pasar con la dueña?', 'the owner'],
    ['¿está la doctora?', 'the doctor'],
    ['¿puedo hablar con Mike?', 'mike'],
  ])('"%s" asks for %s', (said, who) => {
    const u = read(ESTETICA, said);
    expect(u.intents).toContain('human');
    expect(u.text).toContain(`speak to ${who}`);
  });

  it.each(['quiero una cita con la doctora Salazar el jueves', '¿está abierto el sábado?', 'está bien'])(
    '"%s" asks for nobody',
    (said) => {
      expect(read(ESTETICA, said).intents).not.toContain('human');
    },
  );
});

describe('a price asked in Spanish is answered, not booked', () => {
  it.each([
    '¿cuánto me cobran por un corte de cabello?',
    '¿cuánto vale un corte?',
    '¿qué precio tiene el corte?',
    '¿en cuánto sale un corte?',
    '¿a cuánto está el corte?',
    '¿cuál es el costo de un corte?',
    'precio del corte de pelo',
    '¿qué tanto cobran por un corte?',
  ])('"%s" asks how much', async (said) => {
    expect(read(ESTETICA, said).text).toMatch(/^how much is/);
    const { convo, world } = call(ESTETICA);
    convo.greet();
    const reply = await convo.handle({ text: said });
    expect(reply.text).toMatch(/250/);
    expect(reply.text).not.toMatch(/qué día/i);
    expect(world.appointments).toHaveLength(0);
  });
});

describe('word left for someone is a message', () => {
  it.each([
    'Dígale que ya tengo las medidas del clóset y que me marque al celular, por favor',
    'Dígale que llamó su paciente Natalia Cárdenas',
    'avísele a Mike que el inspector viene el martes',
    '¿le puede decir que me llame?',
    'dile que ya llegó el material',
    'que me regrese la llamada, por favor',
    '¿le puede dar un recado a la doctora?',
  ])('"%s" is a message', (said) => {
    expect(read(ESTETICA, said).intents).toContain('message');
  });

  it('word dictated after the message was taken joins it, and starts no booking', async () => {
    const { convo, world } = call(ESTETICA);
    convo.greet();
    await convo.handle({ text: 'Buenos días, ¿le puedo dejar un recado al dueño?' });
    await convo.handle({ text: 'Habla Ernesto Villalobos' });
    const after = await convo.handle({ text: 'Dígale que ya tengo las medidas del corte y que me marque al celular' });
    expect(after.text).not.toMatch(/qué día|qué le gustaría reservar/i);
    expect(world.appointments).toHaveLength(0);
    expect(world.messages.at(-1)?.text).toMatch(/medidas/);
  });
});

describe("a caller's language is not read from a name", () => {
  it.each(['Osvaldo Fonseca', 'Martina Sosa', 'Jorge Luis Maldonado Santiago'])('"%s" is in no language', (said) => {
    expect(detectLanguage(said)).toBeUndefined();
  });
  it.each([
    ['Listo, perfecto', 'es'],
    ['Ándale pues', 'es'],
    ['yes please', 'en'],
  ])('"%s" is %s', (said, lang) => {
    expect(detectLanguage(said)).toBe(lang);
  });
});

const CALLER = '+13125550142';
function call(business: BusinessProfile, opts: FakeOptions = {}) {
  const now = at(business, '2026-03-10T09:15');
  const { ports, world } = createFakePorts(business, { now, ...opts });
  const convo = createConversation({ business, callerPhone: CALLER, now: fixedClock(now), deps: ports });
  return { convo, world };
}
