// Invariant: in every engine, `reschedule` and `cancel` act only on appointment ids that
// find_appointments returned in the same conversation, and on caller ID alone (which can be spoofed)
// find_appointments first wants a detail the real customer knows: the name on the booking or its date.
// On the old code the realtime engine cancelled any id it was handed, and the phone flow read a
// booking back and cancelled it on caller ID and a "yes".
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/lib/index.js';
import { createConversation, realtimeBrain } from '../../src/brain/index.js';
import { SALON } from '../../src/brain/test-support/businesses.js';
import { createFakePorts } from '../../src/brain/test-support/fake-ports.js';

const NOW = '2026-03-10T14:15:00Z';
const CALLER = '+13125550142';
const existing = [
  { service: 'Color', start: '2026-03-12T10:00', customerName: 'Maria Lopez', customerPhone: CALLER },
  { service: 'Haircut', start: '2026-03-12T14:00', customerName: 'Ben Stone', customerPhone: '+13125550177' },
];

describe('speech-to-speech (realtime) tools', () => {
  it('refuses to cancel or move an appointment id it did not find in this call', async () => {
    const { ports, world } = createFakePorts(SALON, { existing });
    const brain = realtimeBrain({ business: SALON, callerPhone: CALLER, now: fixedClock(NOW), deps: ports });
    const bens = world.appointments.find((a) => a.customerName === 'Ben Stone')!;
    const r = JSON.parse(
      await brain.callTool('cancel', JSON.stringify({ appointmentId: bens.id }), AbortSignal.timeout(1000)),
    );
    expect(r).toMatchObject({ code: 'UNKNOWN_APPOINTMENT' });
    const m = JSON.parse(
      await brain.callTool(
        'reschedule',
        JSON.stringify({ appointmentId: bens.id, start: '2026-03-13T14:00:00-05:00' }),
        AbortSignal.timeout(1000),
      ),
    );
    expect(m).toMatchObject({ code: 'UNKNOWN_APPOINTMENT' });
    expect(bens.status).toBe('booked');
  });

  it('finds nothing on caller ID alone, nothing on the wrong name, and cancels once the name matched', async () => {
    const { ports, world } = createFakePorts(SALON, { existing });
    const brain = realtimeBrain({ business: SALON, callerPhone: CALLER, now: fixedClock(NOW), deps: ports });
    const call = async (name: string, args: object) =>
      JSON.parse(await brain.callTool(name, JSON.stringify(args), AbortSignal.timeout(1000)));
    expect(await call('find_appointments', {})).toEqual({ appointments: [], blocked: 'detail_needed' });
    expect(await call('find_appointments', { name: 'Ben Stone' })).toEqual({
      appointments: [],
      blocked: 'detail_mismatch',
    });
    const found = await call('find_appointments', { name: 'Maria' });
    expect(found.appointments).toHaveLength(1);
    expect(await call('cancel', { appointmentId: found.appointments[0].id })).toEqual({ ok: true });
    expect(world.appointments.map((a) => a.status)).toEqual(['cancelled', 'booked']);
  });
});

describe('phone conversation (cascade engine) on caller ID', () => {
  it('asks the name on the booking before reading it back, and offers a message when it does not match', async () => {
    const { ports, world } = createFakePorts(SALON, { existing });
    const convo = createConversation({ business: SALON, callerPhone: CALLER, now: fixedClock(NOW), deps: ports });
    convo.greet();
    const ask = await convo.handle({ text: 'I need to cancel my appointment' });
    expect(ask.text).toMatch(/what name is it under/);
    expect(ask.text).not.toMatch(/Thursday|color/i);
    const wrong = await convo.handle({ text: 'Ben Stone' });
    expect(wrong.text).not.toMatch(/Thursday|color/i);
    const again = await convo.handle({ text: 'John Smith' });
    expect(again.text).toMatch(/take a message|pass along/);
    await convo.handle({ text: 'yes' });
    expect(world.appointments[0].status).toBe('booked');
  });

  it('cancels after the caller names the booking (or its date) and confirms', async () => {
    for (const detail of ['Maria Lopez', 'the one on Thursday']) {
      const { ports, world } = createFakePorts(SALON, { existing });
      const convo = createConversation({ business: SALON, callerPhone: CALLER, now: fixedClock(NOW), deps: ports });
      convo.greet();
      await convo.handle({ text: 'I need to cancel my appointment' });
      const readBack = await convo.handle({ text: detail });
      expect(readBack.text, detail).toMatch(/color on Thursday, March 12 at 10 AM/);
      expect((await convo.handle({ text: 'yes' })).text).toMatch(/is cancelled/);
      expect(world.appointments[0].status).toBe('cancelled');
    }
  });
});

describe('chat conversation (text engine) without caller ID', () => {
  it('never looks a typed number up without a code; a matching code unlocks it', async () => {
    const { ports, world } = createFakePorts(SALON, { existing });
    const sent: string[] = [];
    const verification = {
      async sendCode(phone: string) {
        sent.push(phone);
        return { sent: true };
      },
      async checkCode(_phone: string, code: string) {
        return { ok: code === '424242', final: false };
      },
    };
    const convo = createConversation({
      business: SALON,
      contactPhone: CALLER,
      now: fixedClock(NOW),
      deps: { ...ports, verification },
    });
    convo.greet();
    const r = await convo.handle({ text: 'I need to cancel my appointment' });
    expect(r.text).toMatch(/texted it a 6-digit code/);
    expect(sent).toEqual([CALLER]);
    expect((await convo.handle({ text: '111111' })).text).toMatch(/doesn't match/);
    expect((await convo.handle({ text: '424242' })).text).toMatch(/color on Thursday, March 12 at 10 AM/);
    await convo.handle({ text: 'yes' });
    expect(world.appointments[0].status).toBe('cancelled');
  });
});
