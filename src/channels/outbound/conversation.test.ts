// Invariant: a call the agent places opens with who is calling and why; on a reminder the customer confirms, moves or cancels by key or by voice, and "remove me" always ends the call with the number on the do-not-call list.
import { describe, expect, it } from 'vitest';
import { createConversation, type BrainEvent } from '../../brain/index.js';
import { fixedClock } from '../../lib/index.js';
import { SALON } from '../../brain/test-support/businesses.js';
import { createFakePorts } from '../../brain/test-support/fake-ports.js';
import { outboundConversation, reminderChoice, voicemailMessage, type OutboundPlan } from './conversation.js';

const NOW = fixedClock('2026-03-10T14:15:00Z');
const PHONE = '+13125550142';

function reminderCall() {
  const { ports, world } = createFakePorts(SALON, {
    existing: [{ service: 'Haircut', start: '2026-03-11T15:00', customerName: 'Maria Lopez', customerPhone: PHONE }],
  });
  const appt = world.appointments[0];
  const plan: OutboundPlan = {
    purpose: 'reminder',
    businessName: SALON.name,
    callbackNumber: '+13125550100',
    appointment: { ...appt, when: 'Wednesday, March 11 at 3 PM' },
  };
  const optedOut: string[] = [];
  const inner = createConversation({ business: SALON, callerPhone: PHONE, dialled: true, now: NOW, deps: ports });
  const c = outboundConversation(inner, plan, {
    optOut: async () => {
      optedOut.push(PHONE);
    },
    cancelAppointment: (id) => ports.booking.cancel({ appointmentId: id }),
  });
  const events: BrainEvent[] = [];
  return { c, world, plan, optedOut, events, onEvent: (e: BrainEvent) => events.push(e) };
}

describe('reminder call', () => {
  it('opens with the business, the appointment and the keys', () => {
    const { c } = reminderCall();
    expect(c.greet().text).toBe(
      "Hi, this is Bella Hair Studio's assistant calling to remind you of your haircut on Wednesday, March 11 at 3 PM. Press 1 or say yes to confirm, press 2 to move it, or press 3 to cancel.",
    );
  });

  it('1 confirms and ends the call, recorded as a tool call', async () => {
    const { c, events, onEvent, world } = reminderCall();
    c.greet();
    const r = await c.handle({ dtmf: '1' }, { onEvent });
    expect(r.done).toBe(true);
    expect(r.text).toMatch(/confirmed for Wednesday, March 11 at 3 PM/);
    expect(events).toMatchObject([{ type: 'tool_call', name: 'confirm_appointment', ok: true }]);
    expect(world.appointments[0].status).toBe('booked');
  });

  it('"I can\'t make it" (or 3) cancels the appointment', async () => {
    const { c, world } = reminderCall();
    c.greet();
    const r = await c.handle({ text: "Sorry, I can't make it" });
    expect(r.done).toBe(true);
    expect(world.appointments[0].status).toBe('cancelled');
  });

  it("2 moves the appointment through the brain's reschedule flow", async () => {
    const { c, world } = reminderCall();
    c.greet();
    const lines: string[] = [(await c.handle({ dtmf: '2' })).text];
    for (const text of ['Thursday at 2pm', 'yes', 'yes']) {
      if (c.done || world.appointments[0].start.startsWith('2026-03-12T14:00')) break;
      lines.push((await c.handle({ text })).text);
    }
    expect(world.appointments.find((a) => a.status === 'booked')?.start, lines.join('\n')).toMatch(/^2026-03-12T14:00/);
  });

  it('"remove me from your list" opts out, whatever the purpose; unclear answers ask again', async () => {
    const { c, optedOut, onEvent, events } = reminderCall();
    c.greet();
    const again = await c.handle({ text: 'what?' });
    expect(again.done).toBe(false);
    expect(again.text).toMatch(/Press 1 to confirm/);
    const r = await c.handle({ text: 'Please remove me from your list' }, { onEvent });
    expect(r.done).toBe(true);
    expect(optedOut).toEqual([PHONE]);
    expect(events.map((e) => (e as { name?: string }).name)).toEqual(['opt_out']);
  });
});

describe('reading answers and leaving voicemail', () => {
  it('maps keys and words, with cancel and opt-out winning over a polite yes', () => {
    expect(reminderChoice({ dtmf: '2' })).toBe('move');
    expect(reminderChoice({ text: 'yes please cancel it' })).toBe('cancel');
    expect(reminderChoice({ text: "yes, I'll be there" })).toBe('confirm');
    expect(reminderChoice({ text: 'can we move it to Friday' })).toBe('move');
    expect(reminderChoice({ text: 'yes but stop calling me' })).toBe('opt_out');
    expect(reminderChoice({ dtmf: '9' })).toBeNull();
  });
  it('a voicemail names the business, the purpose and the callback number', () => {
    expect(
      voicemailMessage({
        purpose: 'reminder',
        businessName: 'Bella Hair Studio',
        callbackNumber: '+13125550100',
        appointment: { id: 'a', serviceName: 'Haircut', start: '', when: 'Wednesday, March 11 at 3 PM' },
      }),
    ).toBe(
      "Hi, this is Bella Hair Studio's assistant calling to remind you of your haircut on Wednesday, March 11 at 3 PM. Please call us back at 312 555 0100. Thank you, goodbye.",
    );
  });
});
