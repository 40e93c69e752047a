/**
 * Whole calls played through the real Conversation: plain bookings, bundled and out-of-order answers
 * (class 8), corrections in the next turn and at the read-back (class 2), choosing among offered
 * times (class 3), same-day boundaries (class 9) and loose confirmations (class 10). Scored by what
 * was booked against the caller's last stated choice.
 */
import { HOME_SERVICE } from '../../../../src/brain/dialog.js';
import type { DialogCase, Generator } from '../types.js';
import { atTime, callNow, dayHours, fits, local, plusMin, withArticle } from '../common.js';
import { noisy, openSlot, ordinal, personName, sayDate, sayService, sayTime } from '../speech.js';

const STREETS = ['Oak Street', 'Maple Avenue', 'Elm Road', 'Cedar Lane', 'Pine Street'];
const LOOSE_YES = [
  "yes, that's right",
  'yeah, by the way that sounds perfect',
  'right, not a problem',
  'correct, go ahead',
  "yep that's it",
  'sure, all good',
  'that works, thanks',
];

const gen: Generator = {
  name: 'dialogs',
  dialogs(rng, biz) {
    const out: DialogCase[] = [];
    const b = biz.profile;
    const home = HOME_SERVICE.has(b.industry ?? '');
    for (let i = 0; i < 40; i++) {
      const now = callNow(rng, biz);
      const today = now.startOf('day');
      const svc = rng.pick(b.services);
      const s = openSlot(rng, b, today, svc.durationMin, 20);
      const hours = dayHours(biz, s.date);
      const date = sayDate(rng, s.date, today);
      const name = personName(rng);
      const address = `${rng.int(10, 999)} ${rng.pick(STREETS)}`;
      // a service named by an emergency phrase ("no heat") is an emergency call, not a booking
      // (a fault said as the service — "heat not working", "no hot water" — is also how emergencies are said)
      const emergencyWords = [
        ...(b.emergencyKeywords ?? []).map((k) => (typeof k === 'string' ? k : k.term)),
        'not working',
        'no ',
      ];
      const svcSaid = withArticle(rng, sayService(rng, svc, emergencyWords));
      const base: Omit<DialogCase, 'cls' | 'opening' | 'answers' | 'expect'> = {
        business: biz,
        now: local(now),
        callerPhone: `+1${biz.area}55501${rng.int(10, 99)}`,
      };
      const answers: DialogCase['answers'] = {
        service: [svcSaid],
        name: [name],
        address: [address],
        phone: [`${biz.area} 555 0142`],
      };
      const expect = { service: svc.name, date: s.date.toISODate()!, time: s.time };
      const shifts = [60, -60, 30, 90, -90].filter((d) => fits(plusMin(s.time, d), svc.durationMin, hours));
      const tB = shifts.length ? plusMin(s.time, rng.pick(shifts)) : undefined;
      const kind = rng.pick([
        'plain',
        'bundled',
        'order',
        'next',
        'readback',
        'offer',
        'offer',
        'sameDay',
        'loose',
        'move',
        'unclear',
      ] as const);
      const n = (t: string) => noisy(rng, t, { fillers: 0.25, asr: 0.4 });
      if (kind === 'plain') {
        out.push({
          ...base,
          cls: 'spoken',
          opening: n(`I'd like to book ${svcSaid}`),
          answers: { ...answers, time: [n(`${date} ${atTime(rng, s.time, hours)}`)] },
          expect,
        });
      } else if (kind === 'bundled') {
        const opening = `hi, this is ${name}, I need ${svcSaid} ${date} ${atTime(rng, s.time, hours)}${home ? `, at ${address}` : ''}`;
        out.push({
          ...base,
          cls: 'c8',
          opening: n(opening),
          answers: { ...answers, time: [n(`${date} ${atTime(rng, s.time, hours)}`)] },
          expect,
        });
      } else if (kind === 'order') {
        out.push({
          ...base,
          cls: 'c8',
          opening: n(`I need ${svcSaid}`),
          answers: { ...answers, time: [n(`oh, my name is ${name}`), n(`${date} ${atTime(rng, s.time, hours)}`)] },
          expect,
        });
      } else if (kind === 'next' && tB) {
        out.push({
          ...base,
          cls: 'c2',
          opening: n(`I'd like ${svcSaid}`),
          answers: {
            ...answers,
            time: [n(`${date} ${atTime(rng, s.time, hours)}`)],
            name: [n(`actually make that ${sayTime(rng, tB, hours)} instead, and my name is ${name}`), name],
          },
          expect: { ...expect, time: tB },
        });
      } else if (kind === 'readback' && tB) {
        const corr = rng.chance(0.5)
          ? [n(`no, ${sayTime(rng, tB, hours)}, not ${sayTime(rng, s.time, hours)}`)]
          : ['no', n(`${sayTime(rng, tB, hours)} please`)];
        out.push({
          ...base,
          cls: corr.length === 1 ? 'c10' : 'c2',
          opening: n(`I'd like to book ${svcSaid}`),
          answers: { ...answers, time: [n(`${date} ${atTime(rng, s.time, hours)}`)] },
          atReadback: corr,
          expect: { ...expect, time: tB },
        });
      } else if (kind === 'offer') {
        // the wanted time is taken, so the agent offers the nearest two
        const blocker = { service: svc.name, start: `${expect.date}T${s.time}` };
        const how = rng.pick(['time', 'time', 'dayTime', 'later', 'first', 'notOffered'] as const);
        const dayName = s.date.toFormat('cccc');
        const freeOther = [plusMin(s.time, 180), plusMin(s.time, -180), plusMin(s.time, 240)].find(
          (t) => t > '00:00' && fits(t, svc.durationMin, hours),
        );
        out.push({
          ...base,
          cls: 'c3',
          existing: [blocker],
          opening: n(`can I get ${svcSaid} ${date} ${atTime(rng, s.time, hours)}`),
          answers,
          onOffer: (offers) => {
            const sameDay = offers.filter((o) => o.date === offers[0].date);
            const last = sameDay[sameDay.length - 1];
            const first = sameDay[0];
            const hoursOffer = hours;
            if (how === 'later') return { text: n('the later one'), means: last };
            if (how === 'first') return { text: n('the first one'), means: first };
            if (how === 'notOffered' && freeOther && !offers.some((o) => o.time === freeOther)) {
              return {
                text: n(`hmm, what about ${sayTime(rng, freeOther, hoursOffer)}?`),
                means: { date: offers[0].date, time: freeOther },
              };
            }
            const pick = rng.pick(sameDay);
            if (how === 'dayTime')
              return {
                text: n(
                  `${dayName} the ${ordinal(Number(pick.date.slice(8)))} at ${sayTime(rng, pick.time, hoursOffer)} then`,
                ),
                means: pick,
              };
            return { text: n(`${sayTime(rng, pick.time, hoursOffer)} then`), means: pick };
          },
          expect,
        });
      } else if (kind === 'sameDay') {
        // asked for the first start the notice allows, ending exactly at closing time
        const todayHours = dayHours(biz, today);
        if (!todayHours.length) continue;
        const close = todayHours[todayHours.length - 1][1];
        const start = plusMin(close, -svc.durationMin);
        if (start < todayHours[todayHours.length - 1][0]) continue;
        const callAt = today
          .set({ hour: Number(start.slice(0, 2)), minute: Number(start.slice(3)) })
          .minus({ minutes: 60 });
        out.push({
          ...base,
          cls: 'c9',
          now: local(callAt),
          minNoticeMin: 60,
          opening: n(`do you have anything today ${atTime(rng, start, todayHours)} for ${svcSaid}`),
          answers,
          expect: { service: svc.name, date: today.toISODate()!, time: start },
        });
      } else if (kind === 'move' && tB) {
        // "yes, but half an hour later": the time read back, moved
        const delta =
          Number(tB.slice(0, 2)) * 60 +
          Number(tB.slice(3)) -
          (Number(s.time.slice(0, 2)) * 60 + Number(s.time.slice(3)));
        const amount =
          Math.abs(delta) === 30
            ? 'half an hour'
            : Math.abs(delta) === 60
              ? rng.pick(['an hour', '60 minutes'])
              : Math.abs(delta) === 90
                ? 'an hour and a half'
                : `${Math.abs(delta)} minutes`;
        const text =
          delta > 0
            ? rng.pick([
                `yes, but ${amount} later`,
                `can you push it back ${amount}`,
                `actually ${amount} later please`,
              ])
            : rng.pick([
                `yes, but ${amount} earlier`,
                `could we make it ${amount} earlier`,
                `can you bring it forward ${amount}`,
              ]);
        out.push({
          ...base,
          cls: 'c2',
          opening: n(`I'd like to book ${svcSaid}`),
          answers: { ...answers, time: [n(`${date} ${atTime(rng, s.time, hours)}`)] },
          atReadback: [n(text)],
          expect: { ...expect, time: tB },
        });
      } else if (kind === 'unclear') {
        // two answers the agent cannot use, then the time: no question may be asked a third time
        const unclear = [
          rng.pick(['hmm', 'uh', 'what was that', 'sorry?']),
          rng.pick(["I'm not sure", 'um', 'hold on', 'let me think']),
        ];
        out.push({
          ...base,
          cls: 'c8',
          opening: n(`I'd like to book ${svcSaid}`),
          answers: { ...answers, time: [...unclear, n(`${date} ${atTime(rng, s.time, hours)}`)] },
          expect,
        });
      } else if (kind === 'loose') {
        out.push({
          ...base,
          cls: 'c10',
          opening: n(`I need to book ${svcSaid}`),
          answers: { ...answers, time: [n(`${date} ${atTime(rng, s.time, hours)}`)] },
          atReadback: [rng.pick(LOOSE_YES)],
          expect,
        });
      }
    }
    return out;
  },
};
export default gen;
