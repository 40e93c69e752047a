// Invariant: the booking is the caller's last stated choice: corrections win wherever they come,
// a stated time decides among offers, a confirmation never changes a slot, and a leading "no" that
// declines something else is not a refusal.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../lib/index.js';
import { createConversation } from './conversation.js';
import { createFakePorts, type FakeOptions } from './test-support/fake-ports.js';
import { SALON } from './test-support/businesses.js';
import type { BusinessProfile } from './types.js';

const CALLER = '+13125550142';
// Tuesday 2026-03-10 09:15 in Chicago
const TUESDAY = '2026-03-10T14:15:00Z';
const local = (iso: string, tz: string) =>
  new Date(iso).toLocaleString('sv-SE', { timeZone: tz }).slice(0, 16).replace(' ', 'T');

function call(business: BusinessProfile, opts: FakeOptions = {}, at = TUESDAY) {
  const fake = createFakePorts(business, opts);
  const convo = createConversation({ business, callerPhone: CALLER, now: fixedClock(at), deps: fake.ports });
  convo.greet();
  let last = '';
  const say = async (...lines: string[]) => {
    for (const l of lines) last = (await convo.handle({ text: l })).text;
    return last;
  };
  const booked = () =>
    fake.world.appointments.filter(
      (a) =>
        a.status === 'booked' && a.customer.phone === CALLER && !opts.existing?.some((e) => e.customerPhone === CALLER),
    );
  return { convo, say, booked, world: fake.world, start: () => local(booked()[0].start, business.timezone) };
}

describe('corrections win', () => {
  it('in the next turn, together with the name', async () => {
    const t = call(SALON);
    await t.say('I need a haircut Wednesday at 10am');
    const r = await t.say('Actually make that 11 instead, and my name is Sam Ortiz');
    expect(r).toMatch(/Wednesday, March 11 at 11 AM for Sam Ortiz/);
    await t.say('yes');
    expect(t.start()).toBe('2026-03-11T11:00');
    expect(t.booked()[0].customer.name).toBe('Sam Ortiz');
  });

  it('at the read-back: "no, 11, not 10"', async () => {
    const t = call(SALON);
    await t.say('haircut tomorrow at 10, this is Sam Lee');
    const r = await t.say('no, 11, not 10');
    expect(r).toMatch(/March 11 at 11 AM/);
    await t.say('yes');
    expect(t.start()).toBe('2026-03-11T11:00');
  });

  it('mid-sentence: "Thursday, no, Friday at 2"', async () => {
    const t = call(SALON);
    await t.say('a haircut Thursday, no, Friday at 2, this is Sam Lee', 'yes');
    expect(t.start()).toBe('2026-03-13T14:00');
  });
});

describe('choosing among offered times', () => {
  // 10:00–10:45 is taken on Wednesday, so a 10 AM request gets the nearest two
  const existing = [
    { service: 'Haircut', start: '2026-03-11T10:00', customerName: 'Other', customerPhone: '+13125550111' },
  ];

  it('the stated time decides, even with the day said again', async () => {
    const t = call(SALON, { existing });
    const offer = await t.say('haircut Wednesday the 11th at 10');
    expect(offer).toMatch(/9:15 AM or 10:45 AM/);
    await t.say('Wednesday the 11th at 10:45 then', 'Sam Lee', 'yes');
    expect(t.start()).toBe('2026-03-11T10:45');
  });

  it('"the later one" and "the first one" pick by position', async () => {
    const later = call(SALON, { existing });
    await later.say('haircut Wednesday at 10', 'the later one', 'Sam Lee', 'yes');
    expect(later.start()).toBe('2026-03-11T10:45');
    const first = call(SALON, { existing });
    await first.say('haircut Wednesday at 10', "I'll take the first", 'Sam Lee', 'yes');
    expect(first.start()).toBe('2026-03-11T09:15');
  });

  it('a time that was not offered is checked, not replaced by an offer', async () => {
    const t = call(SALON, { existing });
    await t.say('haircut Wednesday at 10');
    const r = await t.say("let's do 11:30");
    expect(r).toMatch(/11:30 AM is open/);
    await t.say('Sam Lee', 'yes');
    expect(t.start()).toBe('2026-03-11T11:30');
  });

  it('"Tuesday at 3 then" names the offered Tuesday, not the nearest one', async () => {
    // every day up to Monday the 23rd is full: the first offer falls on Tuesday the 24th, not the 17th
    const busy = Array.from({ length: 14 }, (_, i) => ({
      service: 'Color',
      start: `2026-03-${String(10 + i).padStart(2, '0')}T09:00`,
      customerName: `B${i}`,
      customerPhone: `+13125550${100 + i}`,
    }));
    const full: BusinessProfile = {
      ...SALON,
      holidays: [],
      services: [{ name: 'Color', durationMin: 660 }],
      hours: {
        ...SALON.hours,
        thu: [['09:00', '20:00']],
        fri: [['09:00', '20:00']],
        sat: [['09:00', '20:00']],
        mon: [['09:00', '20:00']],
        tue: [['09:00', '20:00']],
        wed: [['09:00', '20:00']],
      },
    };
    const t = call(full, { existing: busy });
    const offer = await t.say('I need a color, whenever you have');
    expect(offer).toMatch(/Tuesday, March 24 at 9 AM/);
    await t.say('tuesday at 9 then', 'Sam Lee', 'yes');
    expect(t.start()).toBe('2026-03-24T09:00');
  });
});

describe('a confirmation never changes what was agreed', () => {
  const shop: BusinessProfile = {
    ...SALON,
    services: [
      ...SALON.services,
      { name: 'Rush styling', durationMin: 30, synonyms: ['right away', 'by the way styling'] },
    ],
  };

  it.each(["yes, that's right", 'yeah, by the way thanks', 'right, not a problem'])(
    '"%s" books what was read back',
    async (yes) => {
      const t = call(shop);
      await t.say('haircut tomorrow at 10, this is Sam Lee');
      await t.say(yes);
      expect(t.booked()).toHaveLength(1);
      expect(t.booked()[0].serviceName).toBe('Haircut');
      expect(t.start()).toBe('2026-03-11T10:00');
    },
  );

  it('"yes, but make it 11" is still a change', async () => {
    const t = call(shop);
    await t.say('haircut tomorrow at 10, this is Sam Lee');
    const r = await t.say('yes, but make it 11');
    expect(r).toMatch(/11 AM/);
    expect(t.booked()).toHaveLength(0);
  });
});

describe('a leading "no" that is not a refusal', () => {
  const existing = [
    { service: 'Color', start: '2026-03-12T10:00', customerName: 'Maria Lopez', customerPhone: CALLER },
  ];

  it('"No need to rebook, please just cancel it" cancels', async () => {
    const t = call(SALON, { existing });
    await t.say('I need to cancel my appointment');
    await t.say('Maria Lopez'); // caller ID alone is not proof: the name on the booking first
    const r = await t.say('No need to rebook, please just cancel it');
    expect(r).toMatch(/is cancelled/);
    expect(t.world.appointments[0].status).toBe('cancelled');
  });

  it('"no, don\'t cancel it" keeps it', async () => {
    const t = call(SALON, { existing });
    await t.say('I need to cancel my appointment', 'Maria Lopez', "no, don't cancel it");
    expect(t.world.appointments[0].status).toBe('booked');
  });
});

describe('moving and choosing by words', () => {
  it('"yes, but 30 minutes later" at the read-back moves the time and reads it back again', async () => {
    const t = call(SALON);
    await t.say('haircut tomorrow at 10, this is Sam Lee');
    const r = await t.say('yes, but 30 minutes later');
    expect(t.booked()).toHaveLength(0);
    expect(r).toMatch(/March 11 at 10:30 AM/);
    await t.say('yes');
    expect(t.start()).toBe('2026-03-11T10:30');
  });

  it('"the afternoon one" picks the only offer in the afternoon', async () => {
    const existing = [
      { service: 'Haircut', start: '2026-03-11T12:00', customerName: 'Other', customerPhone: '+13125550111' },
    ];
    const t = call(SALON, { existing });
    const offer = await t.say('haircut Wednesday at noon');
    expect(offer).toMatch(/11:15 AM or 12:45 PM/);
    await t.say('the afternoon one', 'Sam Lee', 'yes');
    expect(t.start()).toBe('2026-03-11T12:45');
  });
});
