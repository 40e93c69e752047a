/**
 * Choosing among offered times (class 3): the time the caller states decides, "the later one" and
 * "the first one" pick by position, and a time that was not offered is a new request, never replaced.
 */
import type { Generator, TurnCase } from '../types.js';
import { callNow, dayHours, fits, local, plusMin } from '../common.js';
import { noisy, openSlot, ordinal, ordinalWords, sayTime } from '../speech.js';

const gen: Generator = {
  name: 'picks',
  turns(rng, biz) {
    const out: TurnCase[] = [];
    const b = biz.profile;
    for (let i = 0; i < 70; i++) {
      const now = callNow(rng, biz);
      const svc = rng.pick(b.services);
      const s = openSlot(rng, b, now.startOf('day'), svc.durationMin, 20);
      const hours = dayHours(biz, s.date);
      const gap = rng.pick([15, 30, 45, 60, 90, 120]);
      const t1 = s.time;
      const t2 = plusMin(t1, gap);
      if (!fits(t2, svc.durationMin, hours)) continue;
      const extra = [plusMin(t2, 60), plusMin(t1, -60), plusMin(t2, 120)].filter(
        (t) => t >= '00:00' && fits(t, svc.durationMin, hours),
      );
      const ctx = { task: 'book' as const, service: svc.name, offered: [t1, t2], offeredDate: s.date.toISODate()! };
      const base = { cls: 'c3', business: biz, now: local(now), expecting: 'pick' as const, ctx };
      const day = rng.pick([
        `${s.date.toFormat('cccc')} the ${ordinal(s.date.day)}`,
        `${s.date.toFormat('cccc')} the ${ordinalWords(s.date.day)}`,
        s.date.toFormat('cccc'),
      ]);
      const kind = rng.pick(['time', 'time', 'time', 'position', 'position', 'notOffered', 'part'] as const);
      if (kind === 'time') {
        const which = rng.pick([t1, t2]);
        const said = sayTime(rng, which, hours);
        const withDay = rng.chance(0.3);
        const text = withDay
          ? `${day} at ${said} then`
          : rng.pick([
              `${said} then`,
              `let's do ${said}`,
              `${said} works`,
              `I'll take ${said}`,
              ...(said.startsWith('a ') ? [] : [`the ${said} one`]),
              `yeah ${said} is fine`,
              `${said} please`,
              `ok ${said}`,
            ]);
        out.push({
          ...base,
          text: noisy(rng, text),
          intent: 'inform',
          slots: { choice: which, time: which, ...(withDay ? { date: ctx.offeredDate } : {}) },
        });
      } else if (kind === 'part') {
        // "the afternoon one": only when exactly one offer is in that part of the day
        const part = (t: string) => (t < '12:00' ? 'morning' : t < '17:00' ? 'afternoon' : 'evening');
        if (part(t1) === part(t2)) continue;
        const which = rng.pick([t1, t2]);
        const text = rng.pick([
          `the ${part(which)} one`,
          `I'd prefer the ${part(which)} one`,
          `${part(which)} works better`,
          `the one in the ${part(which)}`,
        ]);
        out.push({ ...base, text: noisy(rng, text), intent: 'inform', slots: { choice: which } });
      } else if (kind === 'position') {
        const [text, which] = rng.pick([
          ['the later one', t2],
          ['the first one', t1],
          ['the earlier one please', t1],
          ['the second one', t2],
          ['the last one', t2],
          ['first one is good', t1],
          ["I'll take the second", t2],
          ['the later time', t2],
          ['the earlier one works better for me', t1],
          ['second option please', t2],
          ['whichever is earlier', t1],
          ['the sooner one', t1],
        ] as const);
        out.push({ ...base, text: noisy(rng, text), intent: 'inform', slots: { choice: which } });
      } else if (extra.length) {
        const t3 = rng.pick(extra);
        const said = sayTime(rng, t3, hours);
        const text = rng.pick([
          `what about ${said}?`,
          `can you do ${said} instead`,
          `neither, how about ${said}`,
          `hmm do you have ${said}?`,
        ]);
        out.push({ ...base, text: noisy(rng, text), intent: 'inform', slots: { time: t3 } });
      }
    }
    return out;
  },
};
export default gen;
