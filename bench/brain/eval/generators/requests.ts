/**
 * Booking requests and answers to the agent's questions: services, dates and times said every way
 * (spoken numbers, "half past two", "a week from Tuesday"), in any order, bundled with a name, phone or
 * email, or answering a different question than the one asked (classes 8 and 12, spoken times).
 */
import type { Generator, TurnCase } from '../types.js';
import { atTime, callNow, dayHours, local, withArticle } from '../common.js';
import { emailAddress, noisy, openSlot, personName, phoneNumber, sayDate, sayService } from '../speech.js';

const ASK = [
  "I'd like to book",
  'can I get',
  'I need',
  'I want to schedule',
  'could you fit me in for',
  'do you have anything for',
  "hi, I'm looking to book",
  "I'd like to make an appointment for",
  'I wanna come in for',
  'yeah hi, I need to set up',
  'hello, can I book',
];

const gen: Generator = {
  name: 'requests',
  turns(rng, biz) {
    const out: TurnCase[] = [];
    const b = biz.profile;
    for (let i = 0; i < 210; i++) {
      const now = callNow(rng, biz);
      const today = now.startOf('day');
      const svc = rng.pick(b.services);
      const slot = openSlot(rng, b, today, svc.durationMin, 24);
      const date = sayDate(rng, slot.date, today);
      const time = atTime(rng, slot.time, dayHours(biz, slot.date));
      const svcSaid = withArticle(rng, sayService(rng, svc));
      const name = personName(rng);
      const phone = phoneNumber(rng, biz.area);
      const base = { cls: 'spoken', business: biz, now: local(now) } as const;
      const exp = { date: slot.date.toISODate()!, time: slot.time };
      const kind = rng.pick([
        'full',
        'full',
        'full',
        'partial',
        'time',
        'time',
        'time',
        'order',
        'name',
        'phone',
        'service',
        'staff',
      ] as const);
      if (kind === 'full') {
        const ask = rng.pick(ASK);
        const order = rng.int(0, 3);
        let text =
          order === 0
            ? `${ask} ${svcSaid} ${date} ${time}`
            : order === 1
              ? `${ask} ${svcSaid} ${time} ${date}`
              : order === 2
                ? `${date} ${time}, ${ask.toLowerCase()} ${svcSaid}`
                : `${ask} ${svcSaid}, ${date}, ${time} if you have it`;
        const slots: TurnCase['slots'] = { service: svc.name, ...exp };
        if (rng.chance(0.3)) {
          text = rng.chance(0.5) ? `hi, this is ${name}, ${text}` : `${text}, my name is ${name}`;
          slots.name = name;
        }
        if (rng.chance(0.2)) {
          text = `${text}, my number is ${phone.said}`;
          slots.phone = phone.e164;
        }
        out.push({
          ...base,
          cls: slots.name || slots.phone ? 'c8' : 'spoken',
          expecting: 'intent',
          text: noisy(rng, text),
          intent: 'book',
          slots,
        });
      } else if (kind === 'partial') {
        const withDate = rng.chance(0.5);
        const text = `${rng.pick(ASK)} ${svcSaid}${withDate ? ` ${date}` : ''}`;
        out.push({
          ...base,
          cls: withDate ? 'c12' : 'spoken',
          expecting: 'intent',
          text: noisy(rng, text),
          intent: 'book',
          slots: { service: svc.name, ...(withDate ? { date: exp.date } : {}) },
        });
      } else if (kind === 'time') {
        const frame = rng.int(0, 5);
        let text = [
          `${date} ${time}`,
          `how about ${date} ${time}`,
          `${time} ${date} if that works`,
          `${date}, maybe ${time}?`,
          `do you have ${date} ${time}?`,
          `I was thinking ${date} ${time}`,
        ][frame];
        const slots: TurnCase['slots'] = { ...exp };
        if (rng.chance(0.25)) {
          text = rng.chance(0.5) ? `${text}, and my name is ${name}` : `${text}. this is ${name} by the way`;
          slots.name = name;
        }
        const relative = /week from|next |this |coming|tomorrow|today|in (a|two) week/.test(date);
        out.push({
          ...base,
          cls: slots.name ? 'c8' : relative ? 'c12' : 'spoken',
          expecting: 'time',
          ctx: { task: 'book', service: svc.name },
          text: noisy(rng, text),
          intent: 'inform',
          slots,
        });
      } else if (kind === 'order') {
        // asked for a time, the caller gives who they are first
        const text = rng.pick([
          `it's ${name}`,
          `my name is ${name}`,
          `oh sorry, this is ${name}`,
          `${name} here, and my number is ${phone.said}`,
        ]);
        const slots: TurnCase['slots'] = { name, ...(text.includes('number') ? { phone: phone.e164 } : {}) };
        out.push({
          ...base,
          cls: 'c8',
          expecting: 'time',
          ctx: { task: 'book', service: svc.name },
          text: noisy(rng, text),
          intent: 'inform',
          slots,
        });
      } else if (kind === 'name') {
        const mail = emailAddress(rng, name);
        const f = rng.int(0, 4);
        const text = [
          name,
          `it's ${name}`,
          `${name}, and you can reach me at ${phone.said}`,
          `yeah it's ${name}`,
          `${name}, my email is ${mail.said}`,
        ][f];
        const slots: TurnCase['slots'] = {
          name,
          ...(f === 2 ? { phone: phone.e164 } : {}),
          ...(f === 4 ? { email: mail.email } : {}),
        };
        out.push({
          ...base,
          cls: f >= 2 ? 'c8' : 'spoken',
          expecting: 'name',
          ctx: { task: 'book', service: svc.name },
          text: noisy(rng, text),
          intent: 'inform',
          slots,
        });
      } else if (kind === 'phone') {
        const text = rng.pick([
          phone.said,
          `it's ${phone.said}`,
          `you can reach me at ${phone.said}`,
          `sure, ${phone.said}`,
        ]);
        out.push({
          ...base,
          expecting: 'phone',
          ctx: { task: 'book', service: svc.name },
          text: noisy(rng, text),
          intent: 'inform',
          slots: { phone: phone.e164 },
        });
      } else if (kind === 'service') {
        const text = rng.pick([
          svcSaid,
          `I need ${svcSaid}`,
          `just ${svcSaid} please`,
          `${svcSaid} I think`,
          `I'd like ${svcSaid}`,
        ]);
        out.push({
          ...base,
          expecting: 'service',
          ctx: { task: 'book' },
          text: noisy(rng, text),
          intent: 'inform',
          slots: { service: svc.name },
        });
      } else if (b.staff?.length) {
        const st = rng.pick(b.staff);
        const text = `${rng.pick(ASK)} ${svcSaid} with ${st.name.split(' ')[0]} ${date} ${time}`;
        out.push({
          ...base,
          cls: 'c8',
          expecting: 'intent',
          text: noisy(rng, text),
          intent: 'book',
          slots: { service: svc.name, staff: st.name, ...exp },
        });
      }
    }
    return out;
  },
};
export default gen;
