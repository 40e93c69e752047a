// Invariant: a returning caller who only checks a booking ("just checking I'm still on for my cleaning
// Thursday?", "calling to confirm my oil change tomorrow at nine") hears the booking on file, and nothing new
// is booked.
import { describe, expect, it } from 'vitest';
import { talkTo } from './test-support/talk.js';
import type { BusinessProfile } from './types.js';

const CALLER = '+14035550166';
const DENTAL: BusinessProfile = {
  name: 'Bow River Dental',
  timezone: 'America/Edmonton',
  industry: 'dental',
  hours: {
    mon: [['08:00', '17:00']],
    tue: [['08:00', '17:00']],
    wed: [['08:00', '17:00']],
    thu: [['08:00', '17:00']],
    fri: [['08:00', '17:00']],
  },
  escalationNumber: '+14035550100',
  services: [
    { name: 'Cleaning', durationMin: 60 },
    { name: 'Oil Change', durationMin: 30 },
  ],
};
// Monday 2027-01-11, 10:00 in Edmonton
const MON = '2027-01-11T17:00:00Z';

describe('checking a booking is not booking one', () => {
  it.each([
    ["Hi there, just checking I'm still on for my cleaning Thursday morning?", 'Cleaning', '2027-01-14T09:00'],
    ['Hi, just calling to confirm my oil change tomorrow at nine.', 'Oil Change', '2027-01-12T09:00'],
    ['Am I still booked in for Thursday?', 'Cleaning', '2027-01-14T09:00'],
  ])('"%s" hears the booking on file', async (line, service, start) => {
    const c = talkTo(DENTAL, MON, CALLER, {
      existing: [{ service, start, customerName: 'Owen Marsh', customerPhone: CALLER }],
    });
    const reply = await c.say(line);
    expect(reply).toMatch(/9 AM/);
    expect(reply).not.toMatch(/which works better|I have \d/i);
    expect(c.world.appointments).toHaveLength(1);
  });
});
