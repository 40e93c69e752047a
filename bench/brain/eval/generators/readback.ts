/**
 * Answers at the read-back and at "would you like me to cancel it?": a confirmation never changes a
 * slot whatever loose words it carries (class 10), and a leading "no" that declines something else
 * is not a refusal (class 11).
 */
import type { Generator, TurnCase } from '../types.js';
import { callNow, local } from '../common.js';
import { noisy } from '../speech.js';

const YES_HEAD = [
  'yes',
  'yeah',
  'yep',
  'yup',
  'sure',
  'correct',
  'right',
  'perfect',
  'great',
  'okay',
  'sounds good',
  'absolutely',
  "that's right",
  "that's correct",
  'that works',
  'uh huh',
  'mm-hmm',
  'yes please',
];
const YES_TAIL = [
  '',
  '',
  "that's right",
  'by the way thanks',
  'thank you',
  'not a problem',
  'go ahead',
  'please book it',
  'that works for me',
  'all good',
  'sounds right',
  'right on',
  'for sure',
  'that is fine',
  'book it',
  "that's perfect",
  'you got it',
  'exactly right',
  'that one is fine',
  "that's all correct",
];
const NO = ['no', "no, that's wrong", "nope, that's not right", 'no that is not correct', "no, that's not it", 'wrong'];
const CANCEL_YES = [
  'yes, please cancel it',
  'yes cancel it',
  'no need to rebook, please just cancel it',
  "no, I don't want to reschedule, just cancel it",
  'nah, just cancel it',
  'no no, go ahead and cancel it',
  'no rescheduling needed, cancel it please',
  'no, I do not need a new time, cancel it',
  "yeah go ahead, I won't need it",
  'no, not moving it, cancel it',
  'please do',
  "no I won't rebook, cancel the appointment",
];
const CANCEL_NO = [
  'no, keep it',
  "no don't cancel it",
  'actually no, leave it',
  "no, I'll keep the appointment",
  'no, never mind, keep it',
  'no thanks, leave it as it is',
];

const gen: Generator = {
  name: 'readback',
  turns(rng, biz) {
    const out: TurnCase[] = [];
    const svc = biz.profile.services[0].name;
    for (let i = 0; i < 70; i++) {
      const now = local(callNow(rng, biz));
      const base = { business: biz, now } as const;
      const kind = rng.pick(['yes', 'yes', 'yes', 'no', 'cancelYes', 'cancelYes', 'cancelNo'] as const);
      if (kind === 'yes') {
        const tail = rng.pick(YES_TAIL);
        const text = `${rng.pick(YES_HEAD)}${tail ? `, ${tail}` : ''}`;
        out.push({
          ...base,
          cls: 'c10',
          expecting: 'confirm',
          ctx: { task: 'book', service: svc },
          text: noisy(rng, text, { fillers: 0.2 }),
          intent: 'affirm',
          slots: {},
        });
      } else if (kind === 'no') {
        out.push({
          ...base,
          cls: 'c10',
          expecting: 'confirm',
          ctx: { task: 'book', service: svc },
          text: noisy(rng, rng.pick(NO), { fillers: 0.1 }),
          intent: 'deny',
          slots: {},
        });
      } else if (kind === 'cancelYes') {
        out.push({
          ...base,
          cls: 'c11',
          expecting: 'cancel',
          ctx: { task: 'cancel' },
          text: noisy(rng, rng.pick(CANCEL_YES), { fillers: 0.2 }),
          intent: 'affirm',
          slots: {},
        });
      } else {
        out.push({
          ...base,
          cls: 'c11',
          expecting: 'cancel',
          ctx: { task: 'cancel' },
          text: noisy(rng, rng.pick(CANCEL_NO), { fillers: 0.2 }),
          intent: 'deny',
          slots: {},
        });
      }
    }
    return out;
  },
};
export default gen;
