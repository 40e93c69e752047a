// Invariant: a caller who changes the service at the read-back to a combination the business lists ("can you make
// that a cut and beard?" at a shop with a "Haircut + Beard") gets that one service in place of the first, not the
// first plus another; a service only added ("and a beard trim too") still comes after it. "Appreciate it" after
// "anything else?" ends the call politely instead of "Sorry, I didn't catch that". A caller whose booking is not
// found under the number they call from a second time, or who asks for someone else's ("my wife's appointment"),
// is offered a message for the team plainly, and a yes takes what they asked as the message.
import { describe, expect, it } from 'vitest';
import { talkTo } from './test-support/talk.js';
import type { BusinessProfile } from './types.js';

const CALLER = '+17045550166';
const BARBER: BusinessProfile = {
  name: 'Queen City Fades',
  timezone: 'America/New_York',
  hours: {
    tue: [['09:00', '19:00']],
    wed: [['09:00', '19:00']],
    thu: [['09:00', '19:00']],
    fri: [['09:00', '19:00']],
  },
  escalationNumber: '+17045550100',
  services: [
    { name: 'Haircut', durationMin: 30, synonyms: ['fade'] },
    { name: 'Haircut + Beard', durationMin: 45 },
    { name: 'Beard Trim', durationMin: 20 },
  ],
};
// Tuesday 2027-10-26, 10:30 in Charlotte
const TUE = '2027-10-26T14:30:00Z';

describe('a combination named at the read-back replaces the service held', () => {
  it.each([
    'Oh wait, can you make that a cut and beard?',
    'Actually make it a cut and beard instead',
    'Could I do the haircut and beard one instead?',
  ])('"%s" books the Haircut + Beard alone', async (line) => {
    const c = talkTo(BARBER, TUE, CALLER);
    const readBack = await c.say('Can I get a haircut Friday at 4?', 'Jamal Wright', CALLER);
    expect(readBack).toMatch(/a haircut on Friday.*4 PM.*Shall I book/i);
    const changed = await c.say(line);
    expect(changed).toMatch(/a haircut \+ beard on Friday/i);
    expect(changed).not.toMatch(/right after/i);
    await c.say('Yes');
    expect(c.world.appointments.map((a) => a.serviceName)).toEqual(['Haircut + Beard']);
  });

  it('a beard trim added at the read-back comes after the haircut', async () => {
    const c = talkTo(BARBER, TUE, CALLER);
    await c.say('Can I get a haircut Friday at 4?', 'Jamal Wright', CALLER);
    expect(await c.say('and a beard trim too please')).toMatch(/haircut.*then a beard trim right after/i);
  });

  it('"Appreciate it." after "anything else?" says goodbye', async () => {
    const c = talkTo(BARBER, TUE, CALLER);
    await c.say('Can I get a haircut Friday at 4?', 'Jamal Wright', CALLER, 'Yes');
    const bye = await c.say('Appreciate it.');
    expect(bye).not.toMatch(/didn't catch/i);
    expect(c.convo.done).toBe(true);
  });
});

const DENTAL: BusinessProfile = {
  name: 'Maple Dental',
  timezone: 'America/Chicago',
  industry: 'dental',
  hours: BARBER.hours,
  escalationNumber: '+13125550100',
  services: [{ name: 'Cleaning', durationMin: 60 }],
};
const HUSBAND = '+13125550188';
const WIFE = {
  service: 'Cleaning',
  start: '2027-10-29T10:00',
  customerName: 'Sarah Jones',
  customerPhone: '+13125550142',
};

describe("a booking not found under the caller's number is offered as a message", () => {
  it("a husband cancelling his wife's booking from his own number is offered a message, and a yes takes it", async () => {
    const c = talkTo(DENTAL, TUE, HUSBAND, { existing: [WIFE] });
    const first = await c.say("Hi, I need to cancel my wife's appointment on Friday, her name is Sarah Jones");
    expect(first).toMatch(/can't find that appointment.*take a message/i);
    expect(first).toMatch(/would you like me to do that\?$/i);
    await c.say('Yes please', 'Michael Jones');
    expect(c.world.messages).toHaveLength(1);
    expect(c.world.messages[0].text).toMatch(/Sarah Jones/);
    expect(c.world.appointments.every((a) => a.status === 'booked')).toBe(true);
  });

  it('asked twice for their own booking, the caller hears the message offered the second time', async () => {
    const c = talkTo(DENTAL, TUE, HUSBAND, { existing: [WIFE] });
    expect(await c.say('I need to cancel my appointment on Friday')).toMatch(/tell me that number/i);
    const again = await c.say("Can't you just cancel my Friday appointment?");
    expect(again).toMatch(/take a message.*would you like me to do that\?$/i);
    await c.say('Yes', 'Michael Jones');
    expect(c.world.messages[0].text).toMatch(/cancel my appointment on Friday.*just cancel/i);
  });
});
