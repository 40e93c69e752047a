/**
 * Spanish callers (issue 15): requests with services named in Spanish around the business's own
 * names, dates ("el jueves", "pasado mañana", "el 18 de marzo"), times ("a las diez y media", "a las 3
 * de la tarde", "a las cuatro menos cuarto"), names, phone numbers said as words, answers at the
 * read-back ("sí, claro", "no, mejor el viernes"), picks among offers and the other reasons to call.
 * Each case is read in Spanish (`lang: 'es'`) against the Spanish-speaking version of the business.
 */
import type { Generator, Label, TurnCase } from '../types.js';
import { callNow, local } from '../common.js';
import { openSlot } from '../speech.js';
import {
  dayHoursEs,
  GAS_ES,
  MESSAGE_ES,
  MOVE_ES,
  NO_REGIONAL,
  PERSON_ES,
  PRICE_ES,
  roughTimeEs,
  YES_REGIONAL,
  noisyEs,
  personNameEs,
  phoneNumberEs,
  sayDateEs,
  sayServiceEs,
  sayTimeEs,
  spanishBusiness,
} from '../spanish.js';

const ASK = [
  'quisiera hacer una cita para',
  'necesito',
  'quiero',
  'me gustaría reservar',
  '¿tienen algo para',
  'hola, buenas tardes, quiero',
  '¿me pueden dar una cita para',
  'buenos días, necesito agendar',
  'hola, quisiera',
  'quiero sacar una cita para',
];
const NAME = ['me llamo {n}', 'mi nombre es {n}', 'soy {n}', '{n}', 'a nombre de {n}', 'sí, {n}', 'habla {n}'];
const YES = [
  'sí',
  'sí, claro',
  'sí, perfecto',
  'correcto',
  'así es',
  'está bien',
  'sí, por favor',
  'claro que sí',
  'perfecto, gracias',
  'de acuerdo',
  'sí, está bien',
  'exacto',
];
const NO = ['no', 'no, eso no es correcto', 'no, está mal', 'no, no es así'];
const CANCEL_YES = ['sí, cancélela', 'sí, por favor cancélela', 'sí, quiero cancelarla', 'claro, cancélela por favor'];
/** Streets said the Spanish way (type, name, number, a unit, a city) and the address the agent should keep. */
const STREETS: Array<[string, string]> = [
  ['calle', 'Mayor'],
  ['avenida', 'Juarez'],
  ['calle', 'del Sol'],
  ['avenida', 'Insurgentes Sur'],
  ['paseo', 'de la Reforma'],
  ['calle', 'Alcala'],
  ['avenida', 'Hidalgo'],
  ['camino', 'Real'],
];
const UNITS: Array<[string, string]> = [
  ['apartamento', 'Apartamento'],
  ['departamento', 'Departamento'],
  ['piso', 'Piso'],
  ['interior', 'Interior'],
];
const CITIES = ['Madrid', 'Guadalajara', 'San Antonio', 'Los Angeles', 'Ciudad de Mexico'];
const ADDRESS = [
  '{a}',
  'es en {a}',
  'vivo en {a}',
  'mi dirección es {a}',
  'en la {a}',
  'la dirección es {a}, por favor',
];
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const CANCEL_NO = ['no, déjela así', 'no, no la cancele', 'mejor no, déjela como está'];

const gen: Generator = {
  name: 'spanish',
  turns(rng, english) {
    const biz = spanishBusiness(english);
    const b = biz.profile;
    const out: TurnCase[] = [];
    for (let i = 0; i < 160; i++) {
      const now = callNow(rng, biz);
      const today = now.startOf('day');
      const svc = rng.pick(b.services);
      const slot = openSlot(rng, b, today, svc.durationMin, 20);
      const date = sayDateEs(rng, slot.date, today);
      const time = sayTimeEs(rng, slot.time, dayHoursEs(biz, slot.date));
      const name = personNameEs(rng);
      const phone = phoneNumberEs(rng, biz.area);
      const said = sayServiceEs(rng, svc.name);
      const base = { cls: 'es', business: biz, now: local(now), lang: 'es' } as const;
      const exp = { date: slot.date.toISODate()!, time: slot.time };
      const book = { task: 'book' as const, service: svc.name };
      const kind = rng.pick([
        'full',
        'full',
        'full',
        'partial',
        'time',
        'time',
        'name',
        'phone',
        'service',
        'yes',
        'no',
        'fix',
        'cancel',
        'pick',
        'other',
        'other',
        'address',
      ] as const);
      if (kind === 'full') {
        const order = rng.int(0, 2);
        let text =
          order === 0
            ? `${rng.pick(ASK)} ${said} ${date} ${time}`
            : order === 1
              ? `${rng.pick(ASK)} ${said} ${time} ${date}`
              : `${date} ${time}, ${rng.pick(ASK)} ${said}`;
        if (text.includes('¿')) text += '?';
        const slots: TurnCase['slots'] = { service: svc.name, ...exp };
        if (rng.chance(0.3)) {
          text = rng.chance(0.5) ? `hola, me llamo ${name}, ${text}` : `${text}, mi nombre es ${name}`;
          slots.name = name;
        }
        out.push({ ...base, expecting: 'intent', text: noisyEs(rng, text), intent: 'book', slots });
      } else if (kind === 'partial') {
        const withDate = rng.chance(0.5);
        out.push({
          ...base,
          expecting: 'intent',
          text: noisyEs(
            rng,
            `${rng.pick(ASK)} ${said}${withDate ? ` ${date}` : ''}${rng.chance(0.3) ? ', por favor' : ''}`,
          ),
          intent: 'book',
          slots: { service: svc.name, ...(withDate ? { date: exp.date } : {}) },
        });
      } else if (kind === 'time') {
        const text = rng.pick([
          `${date} ${time}`,
          `${date} ${time}, si se puede`,
          `¿tiene ${date} ${time}?`,
          `${time} ${date}`,
          `mejor ${date} ${time}`,
          `puede ser ${date} ${time}`,
        ]);
        out.push({ ...base, expecting: 'time', ctx: book, text: noisyEs(rng, text), intent: 'inform', slots: exp });
      } else if (kind === 'name') {
        out.push({
          ...base,
          expecting: 'name',
          ctx: book,
          text: noisyEs(rng, rng.pick(NAME).replace('{n}', name), { fillers: 0.15 }),
          intent: 'inform',
          slots: { name },
        });
      } else if (kind === 'phone') {
        const text = rng.pick([
          phone.said,
          `es el ${phone.said}`,
          `mi número es ${phone.said}`,
          `me pueden llamar al ${phone.said}`,
          `claro, ${phone.said}`,
        ]);
        out.push({
          ...base,
          expecting: 'phone',
          ctx: book,
          text: noisyEs(rng, text, { fillers: 0.1 }),
          intent: 'inform',
          slots: { phone: phone.e164 },
        });
      } else if (kind === 'address') {
        const [type, street] = rng.pick(STREETS);
        const n = String(rng.int(1, 999));
        const unit = rng.chance(0.5) ? rng.pick(UNITS) : null;
        const u = unit ? String(rng.int(1, 12)) : '';
        const city = rng.chance(0.4) ? rng.pick(CITIES) : null;
        const number = rng.chance(0.3) ? `número ${n}` : n;
        const said = `${type} ${street.toLowerCase()} ${number}${unit ? `, ${unit[0]} ${u}` : ''}${city ? `, ${city.toLowerCase()}` : ''}`;
        const address = `${cap(type)} ${street} ${n}${unit ? `, ${unit[1]} ${u}` : ''}${city ? `, ${city}` : ''}`;
        const template = rng.pick(ADDRESS);
        out.push({
          ...base,
          expecting: 'address',
          ctx: book,
          text: template.replace('{a}', template.startsWith('en la') ? said.replace(/^calle /, 'avenida ') : said),
          intent: 'inform',
          slots: { address: template.startsWith('en la') ? address.replace(/^Calle /, 'Avenida ') : address },
        });
      } else if (kind === 'service') {
        const text = rng.pick([said, `necesito ${said}`, `${said}, por favor`, `quiero ${said}`, `sería ${said}`]);
        out.push({
          ...base,
          expecting: 'service',
          ctx: { task: 'book' },
          text: noisyEs(rng, text),
          intent: 'inform',
          slots: { service: svc.name },
        });
      } else if (kind === 'yes') {
        out.push({
          ...base,
          expecting: 'confirm',
          ctx: book,
          text: noisyEs(rng, rng.pick(YES), { fillers: 0.1 }),
          intent: 'affirm',
          slots: {},
        });
      } else if (kind === 'no') {
        out.push({
          ...base,
          expecting: 'confirm',
          ctx: book,
          text: noisyEs(rng, rng.pick(NO), { fillers: 0.1 }),
          intent: 'deny',
          slots: {},
        });
      } else if (kind === 'fix') {
        const text = rng.pick([
          `no, mejor ${date} ${time}`,
          `no, quise decir ${date} ${time}`,
          `no, ${date} ${time}`,
          `mejor ${time} ${date}`,
          `no, que sea ${date} ${time}`,
        ]);
        out.push({
          ...base,
          expecting: 'confirm',
          ctx: book,
          text: noisyEs(rng, text, { fillers: 0.1 }),
          intent: 'inform',
          slots: exp,
        });
      } else if (kind === 'cancel') {
        const yes = rng.chance(0.6);
        out.push({
          ...base,
          expecting: 'cancel',
          ctx: { task: 'cancel' },
          text: noisyEs(rng, rng.pick(yes ? CANCEL_YES : CANCEL_NO), { fillers: 0.1 }),
          intent: yes ? 'affirm' : 'deny',
          slots: {},
        });
      } else if (kind === 'pick') {
        const offered = ['09:00', '11:30', '14:00'].filter((t) =>
          dayHoursEs(biz, slot.date).some(([a, z]) => t >= a && t < z),
        );
        if (offered.length < 2) continue;
        const k = rng.int(0, offered.length - 1);
        const ord = ['la primera', 'la segunda', 'la tercera'][k];
        const text = rng.pick([
          ord,
          `${ord}, por favor`,
          `me quedo con ${ord}`,
          k === offered.length - 1 ? 'la última' : ord,
        ]);
        out.push({
          ...base,
          expecting: 'pick',
          ctx: { task: 'book', service: svc.name, offered, offeredDate: exp.date },
          text: noisyEs(rng, text, { fillers: 0.1 }),
          intent: 'inform',
          slots: { choice: offered[k] },
        });
      } else {
        const pool: Array<[Label, string, TurnCase['slots']]> = [
          [
            'cancel',
            rng.pick([
              'necesito cancelar mi cita',
              'quiero cancelar mi cita',
              'hola, tengo que cancelar',
              'ya no voy a poder ir, ¿puede cancelar mi cita?',
            ]),
            {},
          ],
          [
            'reschedule',
            rng.pick([
              `quiero cambiar mi cita para ${date}`,
              `necesito mover mi cita a ${date}`,
              `¿puedo cambiar mi cita para ${date}?`,
            ]),
            { date: exp.date },
          ],
          [
            'question',
            rng.pick([
              '¿a qué hora abren?',
              '¿cuál es su horario?',
              '¿dónde están ubicados?',
              '¿están abiertos el sábado?',
              `¿cuánto cuesta ${said}?`,
              '¿a qué hora cierran el viernes?',
              '¿aceptan tarjeta?',
            ]),
            {},
          ],
          [
            'human',
            rng.pick([
              'quiero hablar con una persona',
              'comuníqueme con alguien, por favor',
              'quisiera hablar con el encargado',
            ]),
            {},
          ],
          [
            'message',
            rng.pick([
              'quiero dejar un mensaje',
              'quisiera dejarle un recado al dueño',
              'que me devuelvan la llamada, por favor',
            ]),
            {},
          ],
        ];
        const [intent, text, slots] = rng.pick(pool);
        out.push({ ...base, expecting: 'intent', text: noisyEs(rng, text), intent, slots });
      }
    }
    out.push(...regional(rng, biz));
    return out;
  },
};
/**
 * Round 4: Spanish as each region says it — a yes or a no at the read-back ("ándale pues", "listo", "nel"),
 * a move of the caller's appointment, a price, a person asked for, word left once the message is taken,
 * gas, and a rough time with its minutes ("tipo tres y cuarto"). Drawn after the cases above, so they
 * stay as they were.
 */
function regional(rng: Parameters<NonNullable<Generator['turns']>>[0], biz: ReturnType<typeof spanishBusiness>) {
  const b = biz.profile;
  const out: TurnCase[] = [];
  for (let i = 0; i < 16; i++) {
    const now = callNow(rng, biz);
    const today = now.startOf('day');
    const svc = rng.pick(b.services);
    const slot = openSlot(rng, b, today, svc.durationMin, 20);
    const base = { cls: 'es', business: biz, now: local(now), lang: 'es' } as const;
    const book = { task: 'book' as const, service: svc.name };
    const date = sayDateEs(rng, slot.date, today);
    const kind = rng.pick(['yes', 'no', 'move', 'price', 'person', 'message', 'gas', 'time'] as const);
    const noisy = (t: string) => noisyEs(rng, t, { fillers: 0.1 });
    if (kind === 'yes')
      out.push({
        ...base,
        expecting: 'confirm',
        ctx: book,
        text: noisy(rng.pick(YES_REGIONAL)),
        intent: 'affirm',
        slots: {},
      });
    else if (kind === 'no')
      out.push({
        ...base,
        expecting: 'confirm',
        ctx: book,
        text: noisy(rng.pick(NO_REGIONAL)),
        intent: 'deny',
        slots: {},
      });
    else if (kind === 'move')
      out.push({
        ...base,
        expecting: 'intent',
        text: noisy(rng.pick(MOVE_ES).replace('{d}', date)),
        intent: 'reschedule',
        slots: { date: slot.date.toISODate()! },
      });
    else if (kind === 'price')
      out.push({
        ...base,
        expecting: 'intent',
        text: noisy(rng.pick(PRICE_ES).replace('{s}', sayServiceEs(rng, svc.name))),
        intent: 'question',
        slots: {},
      });
    else if (kind === 'person')
      out.push({ ...base, expecting: 'intent', text: noisy(rng.pick(PERSON_ES)), intent: 'human', slots: {} });
    else if (kind === 'message')
      out.push({ ...base, expecting: 'anything', text: noisy(rng.pick(MESSAGE_ES)), intent: 'message', slots: {} });
    else if (kind === 'gas')
      out.push({ ...base, expecting: 'intent', text: noisy(rng.pick(GAS_ES)), intent: 'emergency', slots: {} });
    else {
      const said = roughTimeEs(rng, slot.time);
      if (!said) continue;
      out.push({
        ...base,
        expecting: 'time',
        ctx: book,
        text: noisy(`${date} ${said}`),
        intent: 'inform',
        slots: { date: slot.date.toISODate()!, time: slot.time },
      });
    }
  }
  return out;
}

export default gen;
