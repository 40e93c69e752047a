/** Helpers shared by generators: a call's clock, and phrasing pieces. */
import { DateTime } from 'luxon';
import type { ServiceInfo } from '../../../src/brain/types.js';
import { hoursOf, sayTime } from './speech.js';
import type { EvalBusiness, Rng } from './types.js';

/** A random moment of a call between December 2026 and February 2027, usually inside opening hours. */
export function callNow(rng: Rng, biz: EvalBusiness): DateTime {
  const base = DateTime.fromISO('2026-12-01T00:00', { zone: biz.profile.timezone });
  for (;;) {
    const day = base.plus({ days: rng.int(0, 80) });
    const hours = hoursOf(biz.profile, day);
    if (!hours.length && rng.chance(0.8)) continue;
    const h = hours.length
      ? rng.int(Number(hours[0][0].slice(0, 2)), Number(hours[hours.length - 1][1].slice(0, 2)) - 1)
      : rng.int(8, 20);
    return day.set({ hour: h, minute: rng.pick([0, 5, 12, 20, 30, 41, 50]) });
  }
}

/** "YYYY-MM-DDTHH:mm" of a local DateTime. */
export const local = (d: DateTime) => d.toFormat("yyyy-LL-dd'T'HH:mm");

/** A time phrase with the preposition people put before it ("at 3 pm", "around noon"). */
export function atTime(rng: Rng, hm: string, hours: Array<[string, string]>): string {
  const t = sayTime(rng, hm, hours);
  const prep = rng.pick(['at ', 'at ', 'at ', 'around ', 'say ', 'for ']);
  if (/^(noon|midday|lunchtime|12 noon|twelve noon)$/.test(t)) return rng.pick(['at ', 'around ', '']) + t;
  return prep + t;
}

/** The service with an article as people say it ("a haircut", "an oil change", "my brakes"). */
export function withArticle(rng: Rng, phrase: string): string {
  if (rng.chance(0.25)) return phrase;
  if (/s$/.test(phrase) && !/ss$/.test(phrase)) return rng.pick(['', 'my ', 'the ']) + phrase;
  return (/^[aeiou]/.test(phrase) ? 'an ' : 'a ') + phrase;
}

/** Hours of a date, for rendering times there. */
export const dayHours = (biz: EvalBusiness, d: DateTime) => hoursOf(biz.profile, d);

/** A service other than `s`. */
export function otherService(rng: Rng, biz: EvalBusiness, s: ServiceInfo): ServiceInfo {
  const others = biz.profile.services.filter((x) => x.name !== s.name);
  return rng.pick(others);
}

/** A time `delta` minutes after `hm`. */
export function plusMin(hm: string, delta: number): string {
  const t = Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5)) + delta;
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/** True when a service of `dur` minutes fits at `hm` inside `hours`. */
export function fits(hm: string, dur: number, hours: Array<[string, string]>): boolean {
  return hours.some(([a, b]) => hm >= a && plusMin(hm, dur) <= b);
}
