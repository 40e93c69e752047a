/** The other reasons people call: cancel, reschedule, ask, leave a message, ask for a person, hang up. */
import type { EvalBusiness, Generator, Label, Rng, TurnCase } from '../types.js';
import { callNow, local } from '../common.js';
import { noisy, openSlot, personName, sayDate } from '../speech.js';

/** One call's clock, an open slot said as the caller would, and a service of the business (drawn in that order). */
function callScene(rng: Rng, biz: EvalBusiness) {
  const now = callNow(rng, biz);
  const today = now.startOf('day');
  const s = openSlot(rng, biz.profile, today, 30, 14);
  const date = sayDate(rng, s.date, today);
  const service = rng.pick(biz.profile.services).name;
  return { now, s, date, svc: service.toLowerCase(), service };
}

const gen: Generator = {
  name: 'intents',
  turns(rng, biz) {
    const out: TurnCase[] = [];
    for (let i = 0; i < 45; i++) {
      const { now, s, date, svc } = callScene(rng, biz);
      const name = personName(rng);
      const pool: Array<[Label, string, TurnCase['slots']]> = [
        [
          'cancel',
          rng.pick([
            'I need to cancel my appointment',
            "I can't make it, can you cancel my appointment",
            'hi, I have to cancel',
            "I won't be able to make it to my appointment",
          ]),
          {},
        ],
        [
          'reschedule',
          rng.pick([
            `can I move my appointment to ${date}`,
            `I need to reschedule to ${date}`,
            `I'd like to change my appointment to ${date}`,
          ]),
          { date: s.date.toISODate()! },
        ],
        [
          'question',
          rng.pick([
            '',
            'hi, ',
            'hey so ',
            'hi there, ',
            'good morning, ',
            'yeah hi, quick question, ',
            'hello! ',
            'um ',
          ]) +
            rng.pick([
              'what are your hours',
              'how much is a ' + svc,
              'where are you located',
              'do you take walk-ins',
              'are you open on saturday',
              'I was wondering if you take credit cards',
              'do you guys sell gift cards',
              'what time do you close on thursday',
              'can I pay by card',
              'is there parking',
            ]),
          {},
        ],
        [
          'message',
          rng.pick([
            `can you have someone call me back, this is ${name}`,
            `I'd like to leave a message`,
            `please pass along that ${name} called`,
          ]),
          {},
        ],
        [
          'human',
          rng.pick([
            'can I talk to a real person',
            'let me speak to someone',
            'I want to speak with a manager',
            'operator please',
          ]),
          {},
        ],
      ];
      const [intent, text, slots] = rng.pick(pool);
      const finalSlots = { ...slots, ...(intent === 'message' && text.includes(name) ? { name } : {}) };
      out.push({
        cls: 'intents',
        business: biz,
        now: local(now),
        expecting: 'intent',
        text: noisy(rng, text),
        intent,
        slots: finalSlots,
      });
    }
    // asking about a booking the caller already has: read it back, never start a new one
    for (let i = 0; i < 8; i++) {
      const { now, s, date, svc, service } = callScene(rng, biz);
      const [text, slots]: [string, TurnCase['slots']] = rng.pick([
        ['when is my appointment?', {}],
        ["what time's my appointment again", {}],
        [`can you confirm my appointment for ${date}`, { date: s.date.toISODate()! }],
        [`hi, I forgot what time my ${svc} is`, { service }],
        [`am I still booked for ${date}?`, { date: s.date.toISODate()! }],
        ['do I have an appointment coming up', {}],
        [`when is my next ${svc}`, { service }],
        ['what time am I coming in', {}],
      ]);
      out.push({
        cls: 'intents',
        business: biz,
        now: local(now),
        expecting: 'intent',
        text: noisy(rng, text),
        intent: 'check',
        slots,
      });
    }
    return out;
  },
};
export default gen;
