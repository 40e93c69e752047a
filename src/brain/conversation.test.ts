// Invariant: a caller gets booked, moved, cancelled, answered, escalated or handed on exactly as they
// asked, in few turns, and nothing is booked that the caller did not hear read back and confirm.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../lib/index.js';
import { createConversation } from './conversation.js';
import { createFakePorts, type FakeOptions } from './test-support/fake-ports.js';
import { DENTIST, GARAGE, PLUMBER, SALON } from './test-support/businesses.js';
import type { BrainPorts } from './ports.js';
import type { BrainEvent, BusinessProfile, CallerInput, Reply } from './types.js';

const CALLER = '+13125550142';
// Tuesday 2026-03-10 09:15 in Chicago
const SALON_MORNING = '2026-03-10T14:15:00Z';

function setup(
  business: BusinessProfile,
  at: string,
  opts: FakeOptions & { callerPhone?: string | null; wrap?: (p: BrainPorts) => BrainPorts } = {},
) {
  const fake = createFakePorts(business, opts);
  const ports = opts.wrap ? opts.wrap(fake.ports) : fake.ports;
  const convo = createConversation({
    business,
    ...(opts.callerPhone === null ? {} : { callerPhone: opts.callerPhone ?? CALLER }),
    now: fixedClock(at),
    deps: ports,
  });
  const replies: Reply[] = [convo.greet()];
  const events: BrainEvent[] = [];
  const say = async (...lines: Array<string | CallerInput>) => {
    for (const l of lines) {
      const r = await convo.handle(typeof l === 'string' ? { text: l } : l);
      replies.push(r);
      events.push(...r.events);
    }
    return replies[replies.length - 1];
  };
  const booked = () =>
    fake.world.appointments.filter(
      (a) =>
        a.status === 'booked' &&
        a.customer.phone !== undefined &&
        !opts.existing?.some((e) => e.customerPhone === a.customer.phone && e.service === a.serviceName),
    );
  const tools = () =>
    events.filter((e): e is Extract<BrainEvent, { type: 'tool_call' }> => e.type === 'tool_call').map((e) => e.name);
  return {
    convo,
    say,
    replies,
    events,
    world: fake.world,
    booked,
    tools,
    all: () => replies.map((r) => r.text).join('\n'),
  };
}

const local = (iso: string, tz: string) =>
  new Date(iso).toLocaleString('sv-SE', { timeZone: tz }).slice(0, 16).replace(' ', 'T');

describe('booking', () => {
  it('books a caller who gives service and time up front in at most five agent turns', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('Hi, I need a haircut tomorrow at 10');
    await t.say("It's Maria Lopez");
    const confirm = t.replies[t.replies.length - 1].text;
    expect(confirm).toMatch(/haircut on Wednesday, March 11 at 10 AM for Maria Lopez/);
    await t.say('yes');
    expect(t.replies.length).toBeLessThanOrEqual(5);
    const [a] = t.booked();
    expect(local(a.start, SALON.timezone)).toBe('2026-03-11T10:00');
    expect(a.customer).toMatchObject({ name: 'Maria Lopez', phone: CALLER });
    expect(t.world.leads[0]).toMatchObject({ name: 'Maria Lopez', phone: CALLER, priority: 'NORMAL' });
  });

  it('keeps an email offered together with the yes', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut tomorrow at 10', 'Maria Lopez');
    await t.say('yes, and my email is maria at example dot com');
    expect(t.booked()[0].customer.email).toBe('maria@example.com');
  });

  it('takes several facts at once and in any order', async () => {
    const t = setup(GARAGE, '2026-03-10T13:00:00Z');
    await t.say("I'm Sam, Wednesday at 10, brake inspection please");
    expect(t.convo.state).toBe('booking.confirm');
    await t.say('yes');
    expect(t.booked()[0]).toMatchObject({ serviceName: 'Brake inspection' });
    expect(local(t.booked()[0].start, GARAGE.timezone)).toBe('2026-03-11T10:00');
  });

  it('a correction replaces the earlier time before anything is booked', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut tomorrow at 10, this is Sam Lee');
    const r = await t.say('actually make it 11');
    expect(r.text).toMatch(/11 AM/);
    expect(t.booked()).toHaveLength(0);
    await t.say('yes');
    expect(local(t.booked()[0].start, SALON.timezone)).toBe('2026-03-11T11:00');
  });

  it('"no" at the confirmation asks what to change, and the change is read back again', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut friday at 2, my name is Dana Cruz');
    const r = await t.say("no, that's not right");
    expect(r.text).toMatch(/what would you like to change/i);
    const again = await t.say('make it Saturday at 11');
    expect(again.text).toMatch(/Saturday, March 14 at 11 AM/);
    await t.say('yes');
    expect(local(t.booked()[0].start, SALON.timezone)).toBe('2026-03-14T11:00');
  });

  it('offers the nearest free times when the wished time is taken', async () => {
    const t = setup(SALON, SALON_MORNING, { existing: [{ service: 'Haircut', start: '2026-03-11T15:00' }] });
    const r = await t.say('a haircut tomorrow at 3');
    expect(r.text).toMatch(/3 PM is already taken/);
    expect(r.text).toMatch(/2:15 PM or 3:45 PM/);
    await t.say('the later one', 'Maria Lopez', 'yes');
    expect(local(t.booked()[0].start, SALON.timezone)).toBe('2026-03-11T15:45');
  });

  it('says when a wished time is outside opening hours or already past, instead of "taken"', async () => {
    const late = setup(SALON, SALON_MORNING);
    const r = await late.say('haircut tomorrow at 7 pm');
    expect(r.text).toMatch(/On Wednesday we're open 9 AM to 6 PM/);
    expect(r.text).not.toMatch(/taken/);
    const early = setup(SALON, SALON_MORNING);
    expect((await early.say('haircut today at 9am')).text).toMatch(/9 AM has already passed today/);
  });

  it('reads "at 7" as 7 PM when the business is open then and not at 7 AM', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say('haircut thursday at 7');
    expect(r.text).toMatch(/Thursday, March 12 at 7 PM is open/);
    const morning = setup(SALON, SALON_MORNING);
    expect((await morning.say('haircut thursday at 10')).text).toMatch(/at 10 AM is open/);
  });

  it('says the business is closed on a holiday and offers the next open day', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say('color on the 17th');
    expect(r.text).toMatch(/closed on Tuesday, March 17 for a holiday/);
    expect(r.text).toMatch(/Wednesday, March 18/);
  });

  it('never books while the caller is still choosing, even when they say yes to two options', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut tomorrow afternoon');
    expect(t.convo.state).toBe('booking.offer');
    await t.say('yes');
    expect(t.booked()).toHaveLength(0);
    expect(t.tools()).not.toContain('book_appointment');
  });

  it('apologises and offers other times when the slot is taken between confirmation and booking', async () => {
    let race = true;
    const t = setup(SALON, SALON_MORNING, {
      wrap: (p) => ({
        ...p,
        booking: {
          ...p.booking,
          book: async (input) => {
            if (race) {
              race = false;
              await p.booking.book({
                ...input,
                customer: { name: 'Someone Else', phone: '+13125550199' },
                idempotencyKey: 'other',
              });
            }
            return p.booking.book(input);
          },
        },
      }),
    });
    await t.say('haircut tomorrow at 10', 'Sam Lee');
    const r = await t.say('yes');
    expect(r.text).toMatch(/just taken/);
    expect(t.convo.state).toBe('booking.offer');
    await t.say('the first one', 'yes');
    const mine = t.world.appointments.filter((a) => a.customer.name === 'Sam Lee');
    expect(mine).toHaveLength(1);
    expect(local(mine[0].start, SALON.timezone)).not.toBe('2026-03-11T10:00');
  });

  it('"anything later?" offers times after the last one offered, the same day', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut thursday');
    const r = await t.say('anything later in the day?');
    expect(r.text).toMatch(/On Thursday, March 12 I have 10:45 AM or 12:15 PM/);
    await t.say('the first', 'Jen Park', 'yes');
    expect(local(t.booked()[0].start, SALON.timezone)).toBe('2026-03-12T10:45');
  });

  it('takes "the first one" after the list of services, and "sure" to two times as the first, read back before booking', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('I want to book something');
    expect((await t.say('the second one')).text).toMatch(/for your color/);
    await t.say('friday morning');
    const r = await t.say('sure', 'Ann Lee');
    expect(r.text).toMatch(/a color on Friday, March 13 at 9 AM for Ann Lee/);
    expect(t.booked()).toHaveLength(0);
  });

  it('"no" to the offered times asks for another day, and "whenever" means the earliest', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut tomorrow afternoon');
    const r = await t.say('no, neither works');
    expect(r.text).toMatch(/What day and time would you like/);
    const e = await t.say('whenever you have');
    expect(e.text).toMatch(/Tuesday, March 10/);
  });

  it('remembers a name given before the request and does not ask again', async () => {
    const t = setup(SALON, SALON_MORNING);
    const hi = await t.say('Hi, this is Maria Lopez');
    expect(hi.text).not.toMatch(/didn't catch/);
    const r = await t.say('I need a haircut tomorrow at 10');
    expect(r.text).toMatch(/for Maria Lopez/);
  });

  it('books with the staff member asked for and holds the slot while the caller gives details', async () => {
    const t = setup({ ...SALON, staff: [{ name: 'Ana Ruiz', services: ['Haircut'] }] }, SALON_MORNING);
    const r = await t.say('a haircut with Ana tomorrow at 10');
    expect(t.world.holds).toHaveLength(1);
    expect(r.text).toMatch(/name/);
    const c = await t.say('Maria Lopez');
    expect(c.text).toMatch(/at 10 AM with Ana Ruiz for Maria Lopez/);
    expect(t.world.holds).toHaveLength(1);
  });

  it('asks home-service callers for the address and books it with the job', async () => {
    const t = setup(PLUMBER, '2026-03-10T15:00:00Z');
    await t.say('my drain is clogged, can someone come tomorrow at 9', 'Joe Park');
    const r = t.replies[t.replies.length - 1];
    expect(r.text).toMatch(/address/);
    await t.say('42 Oak Street, Denver', 'yes');
    expect(t.booked()[0].customer.address).toBe('42 Oak Street, Denver');
  });

  it('takes a short address answer without a street suffix', async () => {
    const t = setup(PLUMBER, '2026-03-10T15:00:00Z');
    await t.say('drain cleaning tomorrow at 9', 'Joe Park');
    await t.say("it's 42 Oak", 'yes');
    expect(t.booked()[0].customer.address).toBe('42 Oak');
  });

  it('asks for a phone number when the channel has no caller ID', async () => {
    const t = setup(SALON, SALON_MORNING, { callerPhone: null });
    await t.say('haircut tomorrow at 10', 'Maria Lopez');
    expect(t.replies[t.replies.length - 1].text).toMatch(/phone number/);
    await t.say('three one two, five five five, oh one four two', 'yes');
    expect(t.booked()[0].customer.phone).toBe(CALLER);
  });
});

describe('failures', () => {
  it('apologises and takes a message when the booking system fails, never leaving the caller hanging', async () => {
    const t = setup(SALON, SALON_MORNING, {
      wrap: (p) => ({
        ...p,
        booking: {
          ...p.booking,
          findSlots: async () => {
            throw new Error('database down');
          },
        },
      }),
    });
    const r = await t.say('haircut tomorrow at 10');
    expect(r.text).toMatch(/something went wrong on my end.*What message would you like me to pass along/);
    await t.say('Please book me a haircut tomorrow morning', 'Maria Lopez');
    expect(t.world.messages[0]).toMatchObject({ name: 'Maria Lopez', phone: CALLER });
    expect(r.events).toContainEqual(
      expect.objectContaining({ type: 'tool_call', name: 'check_availability', ok: false, error: 'database down' }),
    );
  });
});

describe('emergencies', () => {
  it('gives the gas safety instruction first, then transfers to the escalation number during hours', async () => {
    const t = setup(PLUMBER, '2026-03-10T16:00:00Z');
    const r = await t.say('I smell gas in the basement');
    expect(r.text.indexOf('leave the building')).toBe(
      r.text.search(/\S/) + r.text.slice(r.text.search(/\S/)).indexOf('leave the building'),
    );
    expect(r.text.startsWith('Please leave the building')).toBe(true);
    expect(r.transfer).toEqual({ to: PLUMBER.escalationNumber, reason: 'gas smell' });
    expect(r.done).toBe(true);
    expect(t.world.leads[0]).toMatchObject({ priority: 'URGENT', phone: CALLER });
  });

  it('after hours creates an urgent lead, alerts the owner and says so honestly', async () => {
    const t = setup(PLUMBER, '2026-03-11T05:00:00Z');
    const r = await t.say('a pipe burst and water is everywhere');
    expect(r.text).toMatch(/shut-off valve/);
    expect(r.text).toMatch(/urgent alert/);
    expect(r.transfer).toBeUndefined();
    expect(t.world.leads[0].priority).toBe('URGENT');
    expect(t.world.escalations[0]).toMatchObject({ priority: 'URGENT', duringHours: false });
  });

  it('after the alert, asks who and where for the on-call person, once each, and the lead gains them', async () => {
    const t = setup(PLUMBER, '2026-03-11T05:00:00Z');
    const r = await t.say('a pipe burst and water is everywhere');
    // the alert goes out before anything is asked
    expect(t.world.escalations).toHaveLength(1);
    expect(r.text).toMatch(/urgent alert.*may I have your name\?$/s);
    expect((await t.say("it's Dana Whitfield")).text).toMatch(/what's the address/);
    const done = await t.say('42 Oak Lane, Evanston');
    expect(done.text).toMatch(/anything else/i);
    expect(t.world.leads).toHaveLength(1);
    expect(t.world.leads[0]).toMatchObject({
      priority: 'URGENT',
      name: 'Dana Whitfield',
      phone: CALLER,
      address: '42 Oak Lane, Evanston',
    });
    expect(t.world.escalations).toHaveLength(1);
  });

  it('a caller who answers the name question with more trouble is not asked again', async () => {
    const t = setup(PLUMBER, '2026-03-11T05:00:00Z', { callerPhone: null });
    await t.say('water is pouring through my ceiling');
    const next = await t.say('please just hurry, it is getting worse');
    // a chat has no caller ID: the number is the one thing the team cannot do without
    expect(next.text).toMatch(/best number/);
    expect((await t.say('312 555 0177')).text).toMatch(/address/);
    await t.say('1200 West Lake Street');
    expect(t.world.leads[0]).toMatchObject({ phone: '+13125550177', address: '1200 West Lake Street' });
    expect(t.world.leads[0].name ?? undefined).toBeUndefined();
  });

  it('alerts the owner when the live transfer is not possible', async () => {
    const t = setup(PLUMBER, '2026-03-10T16:00:00Z', { transferAccepted: false });
    const r = await t.say('my basement is flooding');
    expect(r.transfer).toBeUndefined();
    expect(r.text).toMatch(/couldn't reach anyone directly/);
    expect(t.world.escalations).toHaveLength(1);
  });

  it('a HIGH-priority problem during hours gets the earliest appointment and a HIGH lead', async () => {
    const t = setup(DENTIST, '2026-03-10T16:00:00Z');
    const r = await t.say('I have severe tooth pain, I need an emergency exam');
    expect(r.text).toMatch(/as soon as possible/);
    expect(t.convo.state).toBe('booking.offer');
    expect(t.world.leads[0].priority).toBe('HIGH');
    expect(t.world.escalations).toHaveLength(0);
  });
});

describe('questions, hand-off and messages', () => {
  it('answers from the knowledge base and configuration', async () => {
    const t = setup(SALON, SALON_MORNING);
    expect((await t.say('Do you take walk-ins?')).text).toMatch(/Walk-ins are welcome on Saturdays/);
    expect((await t.say('what are your hours?')).text).toMatch(
      /Monday to Wednesday 9 AM to 6 PM, Thursday to Friday 9 AM to 8 PM, Saturday 10 AM to 4 PM; closed Sunday/,
    );
    expect((await t.say('where are you located?')).text).toMatch(/12 Main Street/);
  });

  it('confirms who the caller reached', async () => {
    const t = setup(PLUMBER, '2026-03-10T16:00:00Z');
    expect((await t.say('hello, is this the plumber?')).text).toMatch(/Yes, this is Flow Plumbing/);
  });

  it('says it is not sure instead of inventing an answer', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say('do you sell gift cards?');
    expect(r.text).toMatch(/not sure/);
    expect(r.text).not.toMatch(/gift cards? (are|is)/i);
  });

  it('answers a question in the middle of a booking and goes back to it', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut tomorrow afternoon');
    const r = await t.say('is there parking?');
    expect(r.text).toMatch(/free parking/);
    expect(t.convo.state).toBe('booking.offer');
  });

  it('transfers a caller who asks for a person', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say('can I talk to a real person please');
    expect(r.transfer?.to).toBe(SALON.escalationNumber);
    expect(r.done).toBe(true);
  });

  it('takes a message instead of transferring outside opening hours', async () => {
    const t = setup(SALON, '2026-03-11T03:00:00Z');
    const r = await t.say('can I talk to a real person');
    expect(r.transfer).toBeUndefined();
    expect(r.text).toMatch(/take a message/);
    expect(t.world.transfers).toHaveLength(0);
  });

  it('takes a message when nobody can be reached', async () => {
    const t = setup({ ...SALON, escalationNumber: undefined }, SALON_MORNING);
    const r = await t.say('let me speak to the owner');
    expect(r.text).toMatch(/can't connect you/);
    await t.say('Tell her the invoice was paid twice', 'Maria Lopez');
    expect(t.world.messages[0]).toMatchObject({
      text: 'Tell her the invoice was paid twice',
      name: 'Maria Lopez',
      phone: CALLER,
    });
  });

  it('pressing 0 asks for a person', async () => {
    const t = setup(SALON, SALON_MORNING);
    expect((await t.say({ dtmf: '0' })).transfer?.to).toBe(SALON.escalationNumber);
  });
});

describe('existing appointments by caller ID', () => {
  const existing = [
    { service: 'Color', start: '2026-03-12T10:00', customerName: 'Maria Lopez', customerPhone: CALLER },
  ];

  it('reschedules the caller’s appointment after reading both times back', async () => {
    const t = setup(SALON, SALON_MORNING, { existing });
    const ask = await t.say('I need to reschedule my appointment');
    // caller ID alone is not proof: nothing about the booking is read out before the name matches
    expect(ask.text).toMatch(/what name is it under/);
    expect(ask.text).not.toMatch(/Thursday/);
    const r = await t.say('Maria Lopez');
    expect(r.text).toMatch(/color on Thursday, March 12 at 10 AM/);
    const c = await t.say('Friday at 2');
    expect(c.text).toMatch(/from Thursday, March 12 at 10 AM to Friday, March 13 at 2 PM/);
    await t.say('yes');
    const a = t.world.appointments.find((x) => x.customer.phone === CALLER)!;
    expect(local(a.start, SALON.timezone)).toBe('2026-03-13T14:00');
  });

  it('moves the appointment when the caller cannot make it and proposes another day, an hour, or the same day', async () => {
    const cases: Array<[string[], RegExp, string]> = [
      [
        ["hi, I can't make it Thursday after all, could we do Friday instead, same time", 'Maria Lopez'],
        /from Thursday, March 12 at 10 AM to Friday, March 13 at 10 AM/,
        '2026-03-13T10:00',
      ],
      [['can you push me back an hour', 'Maria Lopez'], /to Thursday, March 12 at 11 AM/, '2026-03-12T11:00'],
      [
        ['I have my color on Thursday, could I come in later the same day, like 2 pm?', 'Maria Lopez'],
        /to Thursday, March 12 at 2 PM/,
        '2026-03-12T14:00',
      ],
      [
        ['cancel my appointment', 'Maria Lopez', "no, don't cancel it, just move it to Friday, same time"],
        /to Friday, March 13 at 10 AM/,
        '2026-03-13T10:00',
      ],
    ];
    for (const [lines, readBack, movedTo] of cases) {
      const t = setup(SALON, SALON_MORNING, { existing });
      const r = await t.say(...lines);
      expect(r.text, lines[0]).toMatch(readBack);
      await t.say('yes');
      const mine = t.world.appointments.filter((x) => x.customer.phone === CALLER && x.status === 'booked');
      expect(
        mine.map((a) => local(a.start, SALON.timezone)),
        lines[0],
      ).toEqual([movedTo]);
    }
  });

  // a caller on another phone than the booking's; the codes texted go to `texted`, none typed is right
  const fromWorkPhone = (texted: string[]) =>
    setup(SALON, SALON_MORNING, {
      existing,
      callerPhone: '+13125550177',
      wrap: (p) => ({
        ...p,
        verification: {
          sendCode: async (phone) => (texted.push(phone), { sent: true }),
          checkCode: async () => ({ ok: false, final: false }),
        },
      }),
    });

  it('asks for the number a booking is under when the caller ID has none, and proves it with a texted code', async () => {
    const texted: string[] = [];
    const t = fromWorkPhone(texted);
    const none = await t.say("I'm calling from my work phone, I need to move my appointment to Friday");
    expect(none.text).toMatch(/couldn't find an upcoming appointment .* tell me that number/);
    const r = await t.say('the number on the booking is 312 555 0142');
    expect(r.text).toMatch(/texted .*code/);
    expect(texted).toEqual([CALLER]);
    expect(t.world.appointments[0].status).toBe('booked');
  });

  it('a caller who cannot read the texted code is offered the message, not asked for the code again', async () => {
    const t = fromWorkPhone([]);
    await t.say(
      "I'm calling from my work phone, I need to cancel my appointment",
      'the number on the booking is 312 555 0142',
    );
    const r = await t.say("I don't have my phone with me, could you pass a message on instead?");
    expect(r.text).not.toMatch(/code/i);
    await t.say('Maria Lopez');
    expect(t.world.messages).toHaveLength(1);
    expect(t.world.appointments[0].status).toBe('booked');
  });

  it('"my color on Thursday at 10, could you make it an hour later?" moves it to 11, not to the 10 it is at', async () => {
    const t = setup(SALON, SALON_MORNING, { existing });
    await t.say('I have a color on Thursday at 10, could you make it an hour later?');
    await t.say('it is under Maria');
    expect(t.all()).toMatch(/to Thursday, March 12 at 11 AM/);
  });

  it('while moving, "anything after 4?" offers times after 4 and "Saturday then, same time?" keeps the appointment\'s time', async () => {
    const t = setup(SALON, SALON_MORNING, { existing });
    await t.say('I need to move my appointment to Friday', 'it is under Maria');
    const later = await t.say("that's a bit early for me, anything after 4?");
    const times = [...later.text.matchAll(/(\d{1,2})(?::(\d\d))? PM/g)].map(
      (m) => ((Number(m[1]) % 12) + 12) * 60 + Number(m[2] ?? 0),
    );
    expect(times.length).toBeGreaterThan(0);
    for (const m of times) expect(m).toBeGreaterThanOrEqual(16 * 60);
    const u = setup(SALON, SALON_MORNING, { existing });
    await u.say('I need to move my appointment to Friday', 'it is under Maria');
    const same = await u.say('Saturday then, same time?');
    expect(same.text).toMatch(/Saturday, March 14 at 10 AM/);
  });

  it('"the Thursday one. I\'m still coming Tuesday" cancels Thursday\'s, not the day said last', async () => {
    const two = [
      { service: 'Color', start: '2026-03-12T10:00', customerName: 'Maria Lopez', customerPhone: CALLER },
      { service: 'Color', start: '2026-03-17T10:00', customerName: 'Maria Lopez', customerPhone: CALLER },
    ];
    const t = setup(SALON, SALON_MORNING, { existing: two });
    await t.say('I need to cancel my color', 'it is under Maria');
    const r = await t.say("the Thursday one. I'm still coming Tuesday");
    expect(r.text).toMatch(/Thursday, March 12 at 10 AM\. Would you like me to cancel/);
  });

  it('"Friday, end of the day" offers Friday\'s last openings, and "quarter past\'s fine" moves the time held to its quarter', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say('a haircut on Friday, end of the day, like whatever your last one is');
    // Friday closes at 8 PM: a 45-minute haircut starts at 7:15 PM at the latest
    expect(r.text).toMatch(/Friday, March 13/);
    expect(r.text).toMatch(/7:15 PM/);
    expect(r.text).not.toMatch(/\b9 AM/);
    const u = setup(SALON, SALON_MORNING);
    await u.say('a haircut tomorrow at 2');
    const q = await u.say("actually quarter past's better");
    expect(q.text).toMatch(/2:15 PM/);
  });

  it('"a haircut and a color on Friday at 2" books both, the color right after the haircut', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('a haircut and a color on Friday at 2', 'Sam Lee');
    const next = await t.say('yes');
    expect(next.text).toMatch(/haircut is booked for Friday, March 13 at 2 PM/);
    expect(next.text).toMatch(/color on Friday, March 13 at 2:45 PM/);
    await t.say('yes please');
    const mine = t.world.appointments.filter((a) => a.customerName === 'Sam Lee');
    expect(mine.map((a) => [a.serviceName, local(a.start, SALON.timezone)])).toEqual([
      ['Haircut', '2026-03-13T14:00'],
      ['Color', '2026-03-13T14:45'],
    ]);
  });

  it('"make it a color instead, my roots are a mess too" replaces the haircut, and a service booked on the call is not booked again', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('a haircut on Friday at 2', 'actually make it a color instead, my roots are a mess too', 'Sam Lee');
    const r = t.replies.at(-1)!.text;
    expect(r).toMatch(/a color on Friday, March 13 at 2 PM/);
    expect(r).not.toMatch(/right after/);
    const u = setup(SALON, SALON_MORNING);
    await u.say('a haircut and a color on Friday at 2', 'Sam Lee', 'yes');
    await u.say('hang on, I need a haircut too, and then the color after it', 'yes', 'yes');
    expect(u.world.appointments.filter((a) => a.customerName === 'Sam Lee').map((a) => a.serviceName)).toEqual([
      'Haircut',
      'Color',
    ]);
  });

  it('"I need the color too, straight after" while booking a haircut adds it, not instead of the haircut', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('a haircut on Friday at 2', 'Sam Lee');
    const r = await t.say('oh and I need a color too, straight after the haircut');
    expect(r.text).toMatch(/haircut on Friday, March 13 at 2 PM/);
    await t.say('yes', 'yes');
    expect(t.world.appointments.filter((a) => a.customerName === 'Sam Lee').map((a) => a.serviceName)).toEqual([
      'Haircut',
      'Color',
    ]);
  });

  it('"okay." or "I\'ll call back after I talk to my wife" to "anything else?" ends the call; "both, please" books both services offered', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut tomorrow at 10', 'Sam Lee', 'yes');
    expect((await t.say('okay.')).done).toBe(true);
    const u = setup(SALON, SALON_MORNING);
    await u.say('what are your hours on saturday?');
    expect((await u.say("ok thanks, I'll call back after I talk to my wife")).done).toBe(true);
    const washer: BusinessProfile = {
      ...PLUMBER,
      name: 'Shine Pressure Washing',
      industry: 'other',
      services: [
        { name: 'Driveway wash', durationMin: 60, synonyms: ['pressure wash', 'power wash'] },
        { name: 'Patio wash', durationMin: 60, synonyms: ['pressure wash', 'power wash'] },
      ],
    };
    const both = setup(washer, '2026-03-10T16:00:00Z');
    expect((await both.say('I need a pressure wash on Friday at 9')).text).toMatch(/Would that be/);
    await both.say('both, please', 'Sam Lee', '12 Elm Street, Denver');
    expect(both.replies.at(-1)!.text).toMatch(/driveway wash .* then a patio wash right after/i);
  });

  it('cancels only after the caller confirms', async () => {
    const t = setup(SALON, SALON_MORNING, { existing });
    await t.say('I want to cancel my appointment');
    await t.say('it is under Maria');
    expect(t.world.appointments[0].status).toBe('booked');
    const r = await t.say('yes please');
    expect(r.text).toMatch(/is cancelled/);
    expect(t.world.appointments[0].status).toBe('cancelled');
  });

  it('keeps the appointment when the caller says no', async () => {
    const t = setup(SALON, SALON_MORNING, { existing });
    await t.say('cancel my appointment', 'no');
    expect(t.world.appointments[0].status).toBe('booked');
  });

  it('reads the caller’s appointment back when asked when it is, and books nothing', async () => {
    for (const ask of [
      'hi, when is my appointment?',
      "what time's my appointment again",
      'um yeah I forgot what time my color is',
      'can you check when my next appointment is',
      'am I still booked for Thursday?',
    ]) {
      const t = setup(SALON, SALON_MORNING, { existing });
      const r = await t.say(ask);
      // caller ID alone is not proof: the name first, unless the caller named the day
      const told = /Thursday/.test(ask) ? r : await t.say('Maria Lopez');
      expect(told.text, ask).toMatch(/You have a color on Thursday, March 12 at 10 AM\. .*anything else/i);
      expect(t.booked(), ask).toHaveLength(0);
      expect(t.world.appointments, ask).toHaveLength(1);
      expect(t.world.appointments[0].status).toBe('booked');
    }
  });

  it('a check can turn into a move of the appointment it read back', async () => {
    const t = setup(SALON, SALON_MORNING, { existing });
    await t.say('when is my appointment', 'Maria Lopez');
    const r = await t.say('can I move it to Friday at 2?');
    expect(r.text).toMatch(/from Thursday, March 12 at 10 AM to Friday, March 13 at 2 PM/);
  });

  it('says so when the number has no upcoming appointment', async () => {
    const t = setup(SALON, SALON_MORNING, { existing, callerPhone: '+13125550199' });
    const r = await t.say('I need to cancel my appointment');
    expect(r.text).toMatch(/couldn't find an upcoming appointment/);
  });
});

describe('after hours, silence and the reply stream', () => {
  it('takes a message after hours when the policy is voicemail', async () => {
    const t = setup({ ...SALON, afterHours: 'voicemail' }, '2026-03-11T03:00:00Z');
    expect(t.replies[0].text).toMatch(/closed right now/);
    const r = await t.say('I want to book a haircut');
    expect(r.text).toMatch(/open again tomorrow at 9 AM/);
    await t.say('Please call me about a haircut on Friday', 'Maria');
    expect(t.world.messages).toHaveLength(1);
    expect(t.booked()).toHaveLength(0);
  });

  it('still books after hours when the policy is to answer', async () => {
    const t = setup({ ...SALON, afterHours: 'answer' }, '2026-03-11T03:00:00Z');
    await t.say('haircut tomorrow at 10', 'Maria Lopez', 'yes');
    expect(t.booked()).toHaveLength(1);
  });

  it('forwards at once after hours when the policy is forward', () => {
    const t = setup({ ...SALON, afterHours: 'forward' }, '2026-03-11T03:00:00Z');
    expect(t.replies[0].transfer?.to).toBe(SALON.escalationNumber);
  });

  it('asks if the caller is still there, then ends the call after repeated silence', async () => {
    const t = setup(SALON, SALON_MORNING);
    expect((await t.say({ silence: true })).text).toMatch(/still there/);
    await t.say({ silence: true });
    const r = await t.say({ silence: true });
    expect(r.done).toBe(true);
  });

  it('streams the reply sentence by sentence', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say('Do you take walk-ins?');
    const chunks: string[] = [];
    for await (const c of r.chunks()) chunks.push(c);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join(' ')).toBe(r.text);
  });

  it('reports every tool call and state change as events', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say('haircut tomorrow at 10');
    expect(r.events.some((e) => e.type === 'tool_call' && e.name === 'check_availability' && e.ok)).toBe(true);
    expect(r.events.some((e) => e.type === 'state' && e.from === 'intake')).toBe(true);
  });

  it('"thanks!" after "anything else?" ends the call', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut tomorrow at 10', 'Sam Lee', 'yes');
    const r = await t.say('ok great, thank you so much');
    expect(r.done).toBe(true);
  });

  it('says goodbye and ends', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say("that's all, bye");
    expect(r.done).toBe(true);
    expect(r.text).toMatch(/Thanks for calling Bella Hair Studio/);
  });
});

describe('checking the line and signing off', () => {
  it('"hello? can you hear me?" is answered as a line check, and the opening question is asked again, not "anything else"', async () => {
    const t = setup(PLUMBER, SALON_MORNING);
    const r = await t.say('hello?');
    expect(r.text).toBe("Yes, I'm here, I can hear you. How can I help you today?");
    expect((await t.say('hello? can you hear me?')).text).not.toMatch(/not sure|don't want to guess|anything else/i);
    expect(r.done).toBe(false);
  });

  it('says goodbye to "okay, thanks, bye", "perfect, that\'s all" and "oh, sorry, wrong number" whatever word comes first', async () => {
    for (const last of ['okay, thanks, bye', "perfect, thanks, that's all", 'oh, sorry, wrong number']) {
      const t = setup(PLUMBER, SALON_MORNING);
      await t.say('what are your hours on saturday?');
      const r = await t.say(last);
      expect(r.done, last).toBe(true);
      expect(r.text, last).toMatch(/Thanks for calling/);
    }
  });
});

describe('call-back requests', () => {
  // Tuesday 2026-03-10 10:00 in Denver, open
  const PLUMBER_MORNING = '2026-03-10T16:00:00Z';

  it('takes a message, not a booking, when the caller declines to book mid-booking (chat, no caller ID)', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING, { callerPhone: null });
    expect((await t.say('I need a drain cleaning')).text).toMatch(/what day and time/i);
    const r = await t.say("I don't want to book anything right now, I just want someone to call me back");
    expect(r.text).not.toMatch(/didn't catch/);
    expect(r.text).toMatch(/your name/);
    expect((await t.say("it's Priya Raman")).text).toMatch(/phone number/);
    await t.say('four oh four, five five five, zero one four two');
    expect(t.world.messages).toHaveLength(1);
    expect(t.world.messages[0]).toMatchObject({ name: 'Priya Raman', phone: '+14045550142' });
    // the owner reads what the call-back is about, not only the caller's last words
    expect(t.world.messages[0].text).toMatch(/call me back \(about drain cleaning\)$/i);
    expect(t.booked()).toHaveLength(0);
  });

  it('takes a quote to be emailed as a lead, keeping the email from the first line', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING, { callerPhone: null });
    const r = await t.say('could you email me a quote for a water heater repair? my email is d.okafor@outlook.com');
    expect(r.text).not.toMatch(/what day and time/i);
    // a quote for work at the caller's place: the place is asked once, with the rest
    expect(await t.say('Daniel Okafor', '602-555-0175').then((x) => x.text)).toMatch(/address/);
    await t.say('18 West Elm Street, Phoenix');
    expect(t.world.leads[0]).toMatchObject({
      name: 'Daniel Okafor',
      phone: '+16025550175',
      email: 'd.okafor@outlook.com',
      address: '18 West Elm Street, Phoenix',
    });
    expect(t.booked()).toHaveLength(0);
  });

  it('asks only the name when the caller ID gives the number back (an estimate asked for is a lead)', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    await t.say("hi, I'd like a price on a drain cleaning. can someone get back to me with an estimate?");
    expect((await t.say('Sam Lee')).text).toMatch(/address/);
    const r = await t.say('no, just call me');
    expect(t.all()).not.toMatch(/phone number|what day and time/i);
    expect(r.text).toMatch(/passed your message along/);
    expect(t.world.leads[0]).toMatchObject({ name: 'Sam Lee', phone: CALLER });
    // the service is in the caller's own words: not added twice
    expect(t.world.leads[0].need).not.toMatch(/\(about/);
  });

  it('keeps a spoken number and a spoken email said together with the name', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING, { callerPhone: null });
    await t.say(
      'please have someone call me back about a drain cleaning. my name is Priya Raman, my number is four oh four, five five five, zero one four two, and my email is priya dot raman at gmail dot com',
    );
    expect(t.world.messages[0]).toMatchObject({
      name: 'Priya Raman',
      phone: '+14045550142',
      email: 'priya.raman@gmail.com',
    });
  });

  it('asks for the number once and takes the message without it when the caller will not give one', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING, { callerPhone: null });
    await t.say('can someone call me back about my water heater', 'Sam Lee', "I'd rather not say");
    expect(t.all().match(/phone number/g)).toHaveLength(1);
    expect(t.world.messages).toHaveLength(1);
    expect(t.world.messages[0].phone).toBeUndefined();
  });

  it('still books when the caller names a time and also asks for a call back', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    const r = await t.say('book a drain cleaning tomorrow at 10 and have them call me back if anything changes');
    expect(t.world.messages).toHaveLength(0);
    expect(t.convo.state).toMatch(/^booking/);
    expect(r.text).toMatch(/10 AM/);
  });
});

describe('a time the service cannot fit', () => {
  it('says a two-hour colour at 3 PM on Saturday would run past the 4 PM closing, not that 3 PM is taken', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say('can I get a color this saturday at 3');
    expect(r.text).toMatch(/A color takes about 2 hours, so at 3 PM it would run past our 4 PM closing\./);
    expect(r.text).not.toMatch(/already taken/);
  });
});

describe('outside callers, second round', () => {
  // Tuesday 2026-03-10 10:00 in Denver, open
  const PLUMBER_MORNING = '2026-03-10T16:00:00Z';

  it('a call-back at a time is a message for then, never a slot offered', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    const r = await t.say(
      'somebody rang me from this number about my water heater. can they ring me back after half five today?',
    );
    expect(r.text).not.toMatch(/Which works better|opening|I can do/);
    await t.say('Dana Whitfield');
    expect(t.world.messages).toHaveLength(1);
    expect(t.booked()).toHaveLength(0);
  });

  it('a quote to be emailed asks the email once and keeps the name said before it', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    await t.say("I'd like a quote on a water heater repair, could someone email me the price?", 'Mike Chen');
    expect(t.replies.at(-1)!.text).toMatch(/What email/);
    await t.say("it's mike underscore chen at shaw dot ca", '245 cranston way southeast, unit 12, calgary');
    expect(t.world.leads[0]).toMatchObject({
      name: 'Mike Chen',
      email: 'mike_chen@shaw.ca',
      address: '245 Cranston Way Southeast, Unit 12, Calgary',
    });
  });

  it('a job seeker leaves a message about no service', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    const r = await t.say("hey, are you guys still hiring? I've done two summers of drain cleaning work");
    expect(r.text).not.toMatch(/what day and time/i);
    await t.say('Tyler Boone');
    expect(t.world.messages[0].text).not.toMatch(/\(about/);
  });

  it('"yes please" to the message offered after an unknown answer takes the message', async () => {
    const t = setup(SALON, SALON_MORNING);
    expect((await t.say('do you sell gift cards?')).text).toMatch(/not sure/);
    // the question the agent could not answer is the message: only who is calling is asked
    expect((await t.say('yes please')).text).toMatch(/your name/);
    await t.say('Maria Lopez');
    expect(t.world.messages).toHaveLength(1);
    expect(JSON.stringify(t.world.messages[0])).toMatch(/gift cards/);
  });

  it('"yes please, I\'m …, <address>" to the offer of a message takes it with who and where, and a quote for work at the caller\'s place asks where', async () => {
    const roofer: BusinessProfile = {
      ...PLUMBER,
      name: 'Gulf Coast Roofing',
      industry: 'other',
      services: [
        { name: 'Roof inspection', durationMin: 60 },
        { name: 'Roof repair', durationMin: 240 },
      ],
      knowledge: [],
    };
    const t = setup(roofer, PLUMBER_MORNING);
    const r = await t.say(
      "a storm blew a few shingles off, it's not urgent, I'd like someone to look at it and give me a price",
    );
    expect(r.text).not.toMatch(/anything else/i);
    await t.say("Yes please. I'm Andre Baptiste, 615 Esplanade Avenue, New Orleans, and this number works.");
    expect(t.world.messages).toHaveLength(1);
    expect(t.world.messages[0]).toMatchObject({
      name: 'Andre Baptiste',
      address: expect.stringMatching(/615 Esplanade/),
    });
    const u = setup(roofer, PLUMBER_MORNING);
    await u.say('can somebody come out and give me a number on a new roof', 'Bill Hanson');
    expect(u.replies.at(-1)!.text).toMatch(/address/i);
    await u.say('1350 Vine Street, Denver');
    expect(u.world.messages.at(-1)).toMatchObject({
      name: 'Bill Hanson',
      address: expect.stringMatching(/1350 Vine Street/),
    });
  });

  it('answers a price question said with a name and keeps the name, and the service carries into the booking', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    const r = await t.say("hi, this is Dana Whitfield, what's the price on a drain cleaning?");
    expect(r.text).not.toMatch(/what day and time/i);
    const b = await t.say('ok, can you get someone out tomorrow at 10?');
    expect(b.text).not.toMatch(/What would you like to book/);
    expect(t.all()).not.toMatch(/may I have your name/i);
    await t.say('42 Oak Lane, Denver');
    expect(t.replies.at(-1)!.text).toMatch(/drain cleaning on Wednesday, March 11 at 10 AM .*for Dana Whitfield/i);
  });

  it('"my Thursday appointment … same time next week" moves that one to the Thursday after', async () => {
    const existing = [
      { service: 'Color', start: '2026-03-12T10:00', customerName: 'Maria Lopez', customerPhone: CALLER },
      { service: 'Haircut', start: '2026-03-13T15:00', customerName: 'Maria Lopez', customerPhone: CALLER },
    ];
    const t = setup(SALON, SALON_MORNING, { existing });
    await t.say('can I push my thursday appointment to the same time next week');
    const r = await t.say('Maria Lopez');
    expect(r.text).toMatch(/move your color from Thursday, March 12 at 10 AM to Thursday, March 19 at 10 AM/);
  });

  it('"first thing" after afternoon offers asks for the morning, and a time at the read-back keeps its day', async () => {
    const t = setup(SALON, SALON_MORNING);
    expect((await t.say('can I get a haircut friday afternoon')).text).toMatch(/PM/);
    const r = await t.say('actually monday then, first thing');
    expect(r.text).toMatch(/Monday, March 16 I have 9 AM/);
    await t.say('the first one', 'Maria Lopez');
    const c = await t.say('11 is good');
    expect(c.text).toMatch(/Monday, March 16 at 11 AM/);
  });
});

describe('outside callers, third round', () => {
  const PLUMBER_MORNING = '2026-03-10T16:00:00Z';
  it('takes a message when an upset caller wants the manager to call back, even with a service and "today" named', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    const r = await t.say(
      "your guys unclogged my drain last week and now the kitchen floor is wet. I'm furious. I want the manager to call me back today.",
    );
    expect(r.text).not.toMatch(/I have \d|what day and time/i);
    await t.say('Sam Lee');
    expect(t.world.messages[0]).toMatchObject({ name: 'Sam Lee', phone: CALLER });
    expect(t.booked()).toHaveLength(0);
  });

  it('turns to a message when the caller declines the offered times and asks for a call instead', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    await t.say('I need a drain cleaning tomorrow');
    const r = await t.say("no, I don't want to book anything, I want the owner to ring me");
    expect(r.text).not.toMatch(/what day and time|which works better/i);
    await t.say('Sam Lee');
    expect(t.world.messages).toHaveLength(1);
  });

  it('keeps what the caller said when asking for a person as the message if nobody can take the call', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING, { transferAccepted: false });
    await t.say('hi, I was charged twice for the drain cleaning last week, can I speak to someone in billing?');
    const r = await t.say('Sam Lee');
    expect(r.text).toMatch(/passed your message along/);
    expect(t.world.messages[0].text).toMatch(/charged twice/);
  });

  it('asks again when "okay" is all the caller says to "what message would you like me to pass along?"', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    const ask = await t.say('can I leave a message');
    expect(ask.text).toMatch(/What message/);
    const again = await t.say('okay');
    expect(again.text).toMatch(/What message/);
    await t.say('please tell Dave the part came in', 'Sam Lee');
    expect(t.world.messages[0].text).toMatch(/the part came in/);
  });

  it('"what time are you coming tomorrow?" asks about a booked visit, and offers no new times', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING, { callerPhone: '+13125550177' });
    const r = await t.say("what time are y'all coming to look at his drain tomorrow?");
    expect(r.text).toMatch(/couldn't find an upcoming appointment/);
    expect(r.text).not.toMatch(/I have/);
  });

  it('"whatever\'s first" takes the first offered time, not the first of the month', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('a haircut thursday morning');
    const offered = t.replies[t.replies.length - 1].text;
    const first = /I have (\d{1,2}(?::\d\d)? [AP]M)/.exec(offered)![1];
    const r = await t.say("whatever's first", 'Maria Lopez');
    expect(r.text).toContain(`Thursday, March 12 at ${first}`);
  });

  it('searches every staff member once the caller says whoever is free is fine', async () => {
    const staffed = { ...SALON, staff: [{ name: 'Jamie Fox' }, { name: 'Linh Tran' }] };
    const t = setup(staffed, SALON_MORNING);
    await t.say('a haircut with Jamie tomorrow at 10');
    await t.say("whoever's available at 11 is fine then");
    const searches = t.events.filter((e) => e.type === 'tool_call' && e.name === 'check_availability');
    expect((searches[0] as { args: { staff?: string } }).args.staff).toBe('Jamie Fox');
    expect((searches.at(-1) as { args: { staff?: string; time?: string } }).args.staff).toBeUndefined();
  });

  it('"anything earlier?" while the name is asked looks before the time held, on its day', async () => {
    const t = setup(SALON, SALON_MORNING);
    const held = await t.say('a haircut thursday at 4 pm');
    expect(held.text).toMatch(/4 PM is open/);
    const r = await t.say('actually is there anything earlier, like straight after lunch?');
    expect(r.text).toMatch(/On Thursday, March 12 I have/);
    expect(r.text).not.toMatch(/not sure|4 PM is already taken/);
  });

  it('books nothing and says so when the caller puts it off', async () => {
    for (const lines of [
      ['a haircut thursday at 4 pm', 'Maria Lopez', 'never mind, I need to think about it'],
      ['do you have anything thursday for a haircut?', "ok thanks, I'll check with work and call you back"],
    ]) {
      const t = setup(SALON, SALON_MORNING);
      const r = await t.say(...lines);
      expect(r.text, lines.at(-1)).toMatch(/haven't booked anything.*anything else/);
      expect(t.booked()).toHaveLength(0);
    }
  });

  it('a booking left unfinished after the agent missed the answers reaches the team as a lead with who to call', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut tomorrow at 10', 'Sam Lee');
    expect(t.replies.at(-1)!.text).toMatch(/shall I book it|is that right|correct/i);
    await t.say('purple elephants', 'the flux capacitor');
    const r = await t.say("no that's everything, bye");
    expect(r.done).toBe(true);
    expect(t.world.appointments.filter((a) => a.customerName === 'Sam Lee')).toHaveLength(0);
    expect(t.world.leads.at(-1)).toMatchObject({
      name: 'Sam Lee',
      need: expect.stringMatching(/haircut.*not finished/i),
    });
  });

  it('a time no booking starts at ("ten past two") is not called taken: the nearest times are offered', async () => {
    const t = setup(SALON, SALON_MORNING);
    const r = await t.say('a haircut tomorrow at ten past two please');
    expect(r.text).toMatch(/I don't have 2:10 PM exactly/);
    expect(r.text).not.toMatch(/taken/);
    expect(r.text).toMatch(/2 PM|2:15 PM|2:30 PM/);
  });

  it('a caller who puts the booking off leaves no lead', async () => {
    const t = setup(SALON, SALON_MORNING);
    await t.say('haircut tomorrow at 10', 'Sam Lee');
    await t.say("actually I need to check with work, I'll call back", "no that's all, bye");
    expect(t.world.leads).toHaveLength(0);
  });

  it('a name corrected right after the message was passed on ("Katherine with a K") corrects it on the lead', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    await t.say('can someone call me back about repiping the whole house', 'Catherine Boyle');
    expect(t.world.messages).toHaveLength(1);
    const r = await t.say("oh sorry, it's Katherine with a K. K-A-T-H-E-R-I-N-E.");
    expect(r.text).toMatch(/added that for the team/);
    expect(t.world.leads.at(-1)).toMatchObject({ name: 'Katherine Boyle' });
  });

  it('adds an address said right after the message was passed on to that message', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    await t.say('can someone call me back about repiping the whole house', 'Sam Lee');
    expect(t.world.messages).toHaveLength(1);
    const r = await t.say("oh and it's 14 Elm Street, Denver");
    expect(r.text).toMatch(/added that for the team/);
    expect(t.world.leads.at(-1)).toMatchObject({ name: 'Sam Lee', address: expect.stringMatching(/14 Elm Street/) });
  });

  it('hears the same emergency said again as that emergency, not as a booking or a miss', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING, { transferAccepted: false });
    await t.say('a pipe burst in my basement and water is spraying everywhere');
    const escalations = t.world.escalations.length;
    expect(escalations).toBeGreaterThan(0);
    const r = await t.say("it's getting worse, the water is spraying everywhere now");
    expect(r.text).toMatch(/has your alert/);
    expect(r.text).not.toMatch(/didn't catch|what day and time/i);
    expect(t.world.escalations).toHaveLength(escalations);
  });

  it('answers question after question without offering a message as if none was answered', async () => {
    const t = setup(SALON, SALON_MORNING);
    for (const q of [
      'what are your hours on saturday?',
      'where are you located?',
      'how long does a color take?',
      'how much is a haircut?',
    ]) {
      const r = await t.say(q);
      expect(r.text, q).not.toMatch(/tell me once more/);
    }
  });

  it('answers "is this a real person or a robot?" as a question, without a transfer', async () => {
    const t = setup(PLUMBER, PLUMBER_MORNING);
    await t.say('hello? is this a real person or a robot?');
    expect(t.world.transfers).toHaveLength(0);
  });
});
