// Invariant (round 8, chatty and rambling callers): what someone is doing in a month ("my niece is getting married in
// May", "I'm doing the trail in November"), an event's day said without "my" ("work christmas party's on Saturday")
// and how long something has gone on ("bothering me for a couple weeks") are background, not the day wished for;
// "I'm doing…" is no name; "will I be charged for cancelling?" asks about the policy and cancels nothing; "please
// move it" at a move's read-back agrees to it, and "I have a check on Wednesday… I need to change it" is a move.
import { describe, expect, it } from 'vitest';
import { findIntents } from './nlu/intent.js';
import { findName } from './nlu/names.js';
import { variantFor } from './party-services.js';
import { studioWish, weekdays } from './test-support/businesses.js';
import { talkTo } from './test-support/talk.js';
import type { BusinessProfile } from './types.js';

// Wednesday 2027-03-10, 09:00 in Chicago
describe('background in a chatty opening is no day wished for', () => {
  it.each([
    [
      'my niece is getting married in may and my sister has been on at me. saturday morning would be amazing, like 10ish',
      { date: '2027-03-13', time: '10:00' },
    ],
    [
      "im after a fade tomorrow arvo, like 3ish, work christmas party's on saturday and i look like a yeti",
      { date: '2027-03-11', time: '15:00' },
    ],
    ["my wedding's on saturday so friday please", { date: '2027-03-12' }],
  ])('"%s"', (text, when) => {
    expect(studioWish(text)).toEqual(when);
  });

  it.each([
    "I'm doing the Alps 2 Ocean trail in november with my brother",
    'I have an ingrown toenail, its been bothering me for a couple weeks',
    'my daughter is due in april',
  ])('"%s" wishes for no day', (text) => {
    expect(studioWish(text)).toBeUndefined();
  });

  it('keeps the months and spans that are wished for', () => {
    expect(studioWish("I'd like to come in in may")).toEqual({ range: { from: '2027-05-01', to: '2027-05-31' } });
    expect(studioWish('can I come in a couple weeks')).toEqual({ range: { from: '2027-03-22', to: '2027-03-28' } });
    expect(studioWish('book me in for two weeks from now')).toEqual({ date: '2027-03-24' });
    expect(studioWish('a root touch-up for a fortnight today, 10am?')).toEqual({ date: '2027-03-24', time: '10:00' });
  });

  it('"I\'m doing…" introduces nobody', () => {
    expect(findName("gidday, so i'm doing the alps 2 ocean trail in november")).toBeUndefined();
    expect(findName("i'm irving")?.name).toBe('Irving');
  });
});

describe('a question about cancelling is no cancellation', () => {
  it.each([
    ['Will I be charged for cancelling?', ['question']],
    ["what's your cancellation policy?", ['question']],
    ['is there a fee if I cancel?', ['question']],
  ])('"%s"', (text, intents) => {
    expect(findIntents(text.toLowerCase())).toEqual(intents);
  });

  it('a cancellation asked for beside the question still is one', () => {
    expect(findIntents('cancel it please, will there be a fee?')).toContain('cancel');
    expect(findIntents('i want to cancel, do i get my deposit back?')).toContain('cancel');
  });
});

describe("the caller's own visit, moved", () => {
  it.each([
    'Hello. I have a hearing aid check on Wednesday at 9 but I need to change it. Can we make it Thursday or Friday instead?',
    "I've got my lesson on Friday, can I move it to Monday",
    'So I was hoping to move it. Could I do Friday instead?',
  ])('"%s" is a move', (text) => {
    expect(findIntents(text.toLowerCase())[0]).toBe('reschedule');
  });

  it('a visit told as background, or "make it" of a new booking, is no move', () => {
    expect(findIntents("i'd like to book a cut, can you make it friday?")).not.toContain('reschedule');
    expect(findIntents('i have a hearing aid check on wednesday, what should i bring?')).not.toContain('reschedule');
  });
});

describe('"please move it" at the read-back of a move', () => {
  const CLINIC: BusinessProfile = {
    name: 'Taff Foot Clinic',
    timezone: 'Europe/London',
    hours: weekdays('09:00', '17:00'),
    services: [{ name: 'Routine Chiropody', durationMin: 30 }],
    staff: [{ name: 'Sian', services: ['Routine Chiropody'] }],
  };
  const CALLER = '+442920555012';

  it('moves the visit', async () => {
    // Monday 2026-06-08, 09:00 in Cardiff
    const c = talkTo(CLINIC, '2026-06-08T08:00:00Z', CALLER, {
      existing: [
        {
          service: 'Routine Chiropody',
          start: '2026-06-10T10:00',
          customerName: 'Glenys Pritchard',
          customerPhone: CALLER,
        },
      ],
    });
    const readBack = await c.say('Could I move my Wednesday appointment to Friday at 2 please?', 'Glenys Pritchard');
    expect(readBack).toMatch(/move your routine chiropody.*Friday, June 12 at 2 PM\?/i);
    expect(await c.say("Yes, Friday at 2 o'clock is lovely, please move it")).toMatch(
      /now on Friday, June 12 at 2 PM/i,
    );
  });
});

describe('several people booked in one call (round 8)', () => {
  const SHOP: BusinessProfile = {
    name: 'Fade Factory',
    timezone: 'America/Chicago',
    hours: { sat: [['09:00', '16:00']] },
    services: [{ name: 'Haircut', durationMin: 30 }],
  };
  // Tuesday 2026-04-14, 10:00 in Chicago
  const TUE = '2026-04-14T15:00:00Z';

  it('books the caller, then the son right after under his own name', async () => {
    const c = talkTo(SHOP, TUE, '+13125550147');
    expect(await c.say('can i get a haircut for me and one for my son this saturday at 10?')).toMatch(/name/i);
    expect(await c.say('Ray Delgado')).toMatch(/haircut on Saturday, April 18 at 10 AM.*Ray Delgado.*Shall I book/i);
    const next = await c.say('yes please');
    expect(next).toMatch(/booked for Saturday, April 18 at 10 AM/);
    expect(next).toMatch(/10:30 AM.*your son's booking/i);
    expect(await c.say('Ray Delgado, and my son is Mateo Delgado')).toMatch(/10:30 AM.*for Mateo Delgado/i);
    await c.say('yes');
    expect(c.world.appointments.map((a) => [a.start.slice(11, 16), a.customer.name])).toEqual([
      ['10:00', 'Ray Delgado'],
      ['10:30', 'Mateo Delgado'],
    ]);
  });

  it('"a haircut for my son" alone books the son once', async () => {
    const c = talkTo(SHOP, TUE, '+13125550147');
    await c.say('can i get a haircut for my son this saturday at 10?', 'Mateo Delgado', 'yes');
    expect(c.world.appointments).toHaveLength(1);
  });
});

describe('the service each person of a party gets', () => {
  const BARBER: BusinessProfile = {
    name: 'Fade Factory',
    timezone: 'America/Chicago',
    hours: { sat: [['09:00', '16:00']] },
    services: [
      { name: "Men's Cut", durationMin: 30, synonyms: ['haircut'] },
      { name: 'Kids Cut', durationMin: 30, synonyms: ['kids haircut', "boy's haircut"] },
    ],
  };

  it("is the adult one for the caller and the children's one for the son", async () => {
    const c = talkTo(BARBER, '2026-04-14T15:00:00Z', '+13125550147');
    await c.say('can i get a haircut for me and one for my son this saturday at 10?', 'Ray Delgado', 'yes');
    await c.say('Mateo Delgado', 'yes');
    expect(c.world.appointments.map((a) => [a.serviceName, a.customer.name])).toEqual([
      ["Men's Cut", 'Ray Delgado'],
      ['Kids Cut', 'Mateo Delgado'],
    ]);
  });

  it('is the same for two adults', () => {
    expect(variantFor(BARBER.services, BARBER.services[0], false)).toBe(BARBER.services[0]);
    expect(variantFor(BARBER.services, BARBER.services[1], false)).toBe(BARBER.services[0]);
    expect(variantFor(BARBER.services, BARBER.services[0], true)).toBe(BARBER.services[1]);
  });
});
