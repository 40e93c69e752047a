// Invariant: an emergency is escalated (URGENT lead, alert ladder) whether or not a transfer follows;
// on-site work asks where, reads it back and stores it; a call-back number said in words wins over
// caller ID; two services that fit equally are asked about, never guessed.
import { describe, expect, it } from 'vitest';
import { talkTo } from './test-support/talk.js';
import type { BusinessProfile } from './types.js';

const CALLER = '+13125550142';
const weekdays = {
  mon: [['08:00', '17:00']],
  tue: [['08:00', '17:00']],
  wed: [['08:00', '17:00']],
  thu: [['08:00', '17:00']],
  fri: [['08:00', '17:00']],
} as BusinessProfile['hours'];
// Tuesday 2026-03-10 10:00 in Chicago
const TUE = '2026-03-10T15:00:00Z';

const PIANO: BusinessProfile = {
  name: 'Harmony Piano',
  timezone: 'America/Chicago',
  industry: 'other',
  hours: weekdays,
  escalationNumber: '+13125550100',
  services: [
    { name: 'Grand Piano Tuning', durationMin: 120, onSite: true },
    { name: 'Upright Piano Tuning', durationMin: 90, onSite: true },
    { name: 'Appraisal', durationMin: 60, onSite: false },
  ],
};
const PLUMBER: BusinessProfile = {
  name: 'Flow Plumbing',
  timezone: 'America/Chicago',
  industry: 'plumbing',
  hours: weekdays,
  escalationNumber: '+13125550100',
  services: [
    { name: 'Drain Cleaning', durationMin: 60, synonyms: ['clogged drain'] },
    { name: 'Phone Consultation', durationMin: 30, onSite: false },
  ],
};

function call(business: BusinessProfile, transferAccepted = false) {
  return talkTo(business, TUE, CALLER, { transferAccepted });
}

describe('an emergency is an emergency, transferred or not', () => {
  it('records the URGENT lead and starts the alert ladder before connecting the caller', async () => {
    const c = call(PLUMBER, true);
    const last = await c.say('a pipe burst in the basement and water is pouring everywhere');
    expect(c.world.escalations).toHaveLength(1);
    expect(c.world.escalations[0].priority).toBe('URGENT');
    expect(c.world.transfers).toHaveLength(1);
    expect(last).toMatch(/urgent alert.*connecting you/);
  });

  it('alerts the same way when the transfer fails', async () => {
    const c = call(PLUMBER, false);
    await c.say('a pipe burst in the basement and water is pouring everywhere');
    expect(c.world.escalations.map((e) => e.priority)).toEqual(['URGENT']);
    expect(c.convo.done).toBe(false);
  });
});

describe('on-site work asks where', () => {
  it('asks, reads back and stores the address for a service flagged on-site outside the home-service industries', async () => {
    const c = call(PIANO);
    expect(await c.say('I need my upright piano tuned Thursday at 10am', 'Mira Patel')).toMatch(/address/);
    expect(await c.say('42 Oak Street, Chicago')).toMatch(/42 Oak Street/);
    await c.say('yes');
    expect(c.world.appointments.map((a) => [a.serviceName, a.customer.address])).toEqual([
      ['Upright Piano Tuning', '42 Oak Street, Chicago'],
    ]);
  });

  it('does not ask for an address for a service flagged off-site, even at a plumber', async () => {
    const c = call(PLUMBER);
    const readBack = await c.say('a phone consultation Thursday at 10am', 'Sam Ortiz');
    expect(readBack).toMatch(/Just to confirm/);
    expect(c.said.join('\n')).not.toMatch(/address/);
  });

  it('asks which service when two fit equally, and books the one chosen', async () => {
    const c = call(PIANO);
    expect(await c.say('can you tune my piano on Thursday at 10am')).toMatch(
      /grand piano tuning or an upright piano tuning/,
    );
    await c.say('the grand one', 'Mira Patel', '42 Oak Street, Chicago', 'yes');
    expect(c.world.appointments.map((a) => a.serviceName)).toEqual(['Grand Piano Tuning']);
  });
});

describe('messages', () => {
  it('keeps the number said in words over caller ID, the name, and the company', async () => {
    const c = call(PLUMBER);
    await c.say('This is Dana from Acme Supply, please call me back at 212 555 0177 about our invoice');
    expect(c.world.messages).toHaveLength(1);
    expect(c.world.messages[0]).toMatchObject({ name: 'Dana', phone: '+12125550177' });
    expect(c.world.messages[0].text).toMatch(/Acme Supply/i);
  });
});
