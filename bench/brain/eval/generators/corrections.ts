/**
 * Corrections (class 2) and negated values (class 10 "4, not 3", class 12 "not tomorrow, the one
 * after"): the corrected value wins whether it comes mid-sentence, in the next turn or at the read-back.
 */
import type { Generator, TurnCase } from '../types.js';
import { callNow, dayHours, fits, local, otherService, plusMin, withArticle } from '../common.js';
import { noisy, openSlot, personName, sayDate, sayService, sayTime } from '../speech.js';

const gen: Generator = {
  name: 'corrections',
  turns(rng, biz) {
    const out: TurnCase[] = [];
    const b = biz.profile;
    for (let i = 0; i < 110; i++) {
      const now = callNow(rng, biz);
      const today = now.startOf('day');
      const svc = rng.pick(b.services);
      const a = openSlot(rng, b, today, svc.durationMin, 24);
      let other = openSlot(rng, b, today, svc.durationMin, 24);
      for (let k = 0; k < 20 && other.date.hasSame(a.date, 'day'); k++)
        other = openSlot(rng, b, today, svc.durationMin, 24);
      const hours = dayHours(biz, a.date);
      const shifts = [60, -60, 30, -30, 120, -120].filter((d) => fits(plusMin(a.time, d), svc.durationMin, hours));
      const timeB = shifts.length ? plusMin(a.time, rng.pick(shifts)) : a.time;
      const dateA = sayDate(rng, a.date, today);
      const dateB = sayDate(rng, other.date, today);
      const tA = sayTime(rng, a.time, hours);
      const tB = sayTime(rng, timeB, hours);
      const at = (t: string) => (/^(noon|midday|lunchtime)/.test(t) ? t : `at ${t}`);
      const base = { business: biz, now: local(now) } as const;
      const ctxTime = { task: 'book' as const, service: svc.name };
      const kind = rng.pick([
        'dateMid',
        'timeMid',
        'timeMid',
        'next',
        'readback',
        'readback',
        'negDate',
        'service',
      ] as const);
      if (kind === 'dateMid') {
        const text = rng.pick([
          `${dateA}, no, ${dateB} ${at(tB)}`,
          `${dateA}, sorry I mean ${dateB}, ${at(tB)}`,
          `${dateA}, actually make that ${dateB}, ${at(tB)}`,
          `${at(tB)} on ${dateA}, no wait, ${dateB}`,
          `not ${dateA}, ${dateB} ${at(tB)}`,
        ]);
        out.push({
          ...base,
          cls: 'c2',
          expecting: 'time',
          ctx: ctxTime,
          text: noisy(rng, text),
          intent: 'inform',
          slots: { date: other.date.toISODate()!, time: timeB },
        });
      } else if (kind === 'timeMid') {
        if (timeB === a.time) continue;
        const text = rng.pick([
          `${dateA} ${at(tA)}, actually make that ${tB}`,
          `${dateA} ${at(tA)}, no, ${tB}`,
          `${dateA} ${at(tB)}, not ${tA}`,
          `${dateA}, not ${tA}, ${tB}`,
          `${dateA} ${at(tA)}, sorry, I mean ${tB}`,
          `${dateA} ${at(tA)}, hmm no, let's say ${tB} instead`,
        ]);
        out.push({
          ...base,
          cls: / not /.test(text) ? 'c10' : 'c2',
          expecting: 'time',
          ctx: ctxTime,
          text: noisy(rng, text),
          intent: 'inform',
          slots: { date: a.date.toISODate()!, time: timeB },
        });
      } else if (kind === 'next') {
        if (timeB === a.time) continue;
        const name = personName(rng);
        const f = rng.int(0, 3);
        const text = [
          `actually make that ${tB} instead, and my name is ${name}`,
          `oh wait, can we do ${tB} instead? it's ${name}`,
          `${name}. and actually, ${tB} would be better`,
          `sorry, I meant ${dateB}, and my name's ${name}`,
        ][f];
        const slots: TurnCase['slots'] = f === 3 ? { date: other.date.toISODate()!, name } : { time: timeB, name };
        out.push({
          ...base,
          cls: 'c2',
          expecting: 'name',
          ctx: ctxTime,
          text: noisy(rng, text),
          intent: 'inform',
          slots,
        });
      } else if (kind === 'readback') {
        if (timeB === a.time) continue;
        const f = rng.int(0, 5);
        const text = [
          `no, ${tB}, not ${tA}`,
          `${tB} not ${tA}`,
          `actually can we make it ${tB}?`,
          `no, ${dateB} please`,
          `wait, I said ${tB}`,
          `no no, ${dateB} ${at(tB)}`,
        ][f];
        const slots: TurnCase['slots'] =
          f === 3
            ? { date: other.date.toISODate()! }
            : f === 5
              ? { date: other.date.toISODate()!, time: timeB }
              : { time: timeB };
        out.push({
          ...base,
          cls: / not /.test(text) ? 'c10' : 'c2',
          expecting: 'confirm',
          ctx: ctxTime,
          text: noisy(rng, text),
          intent: 'inform',
          slots,
        });
      } else if (kind === 'negDate') {
        // tomorrow is the weekday named: the caller means the one a week later
        const tomorrow = today.plus({ days: 1 });
        const wd = tomorrow.toFormat('cccc');
        const hoursNext = dayHours(biz, tomorrow.plus({ days: 7 }));
        if (!hoursNext.length) continue;
        const t = hoursNext[0][0];
        const tt = sayTime(rng, plusMin(t, 60), hoursNext);
        const text = rng.pick([
          `next ${wd}, not tomorrow, the one after, ${at(tt)}`,
          `${wd}, but not tomorrow, the following ${wd}, ${at(tt)}`,
          `not tomorrow but the ${wd} after that, ${at(tt)}`,
        ]);
        out.push({
          ...base,
          cls: 'c12',
          expecting: 'time',
          ctx: ctxTime,
          text: noisy(rng, text),
          intent: 'inform',
          slots: { date: tomorrow.plus({ days: 7 }).toISODate()!, time: plusMin(t, 60) },
        });
      } else {
        const svcB = otherService(rng, biz, svc);
        const sA = withArticle(rng, sayService(rng, svc));
        const sB = withArticle(rng, sayService(rng, svcB));
        const text = rng.pick([
          `I need ${sA}, sorry, I mean ${sB}, ${dateA}`,
          `can I book ${sA}, no actually ${sB}, ${dateA}`,
          `${sA}, wait, no, make that ${sB}, ${dateA}`,
        ]);
        out.push({
          ...base,
          cls: 'c2',
          expecting: 'intent',
          text: noisy(rng, text),
          intent: 'book',
          slots: { service: svcB.name, date: a.date.toISODate()! },
        });
      }
    }
    return out;
  },
};
export default gen;
