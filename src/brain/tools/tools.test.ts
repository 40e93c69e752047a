// Invariant: tools validate their arguments, act only on slots the booking port offered, and look up
// appointments only by the caller's own number; every call is reported.
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/index.js';
import { createKnowledgeBase } from '../knowledge.js';
import { createServiceMatcher } from '../nlu/index.js';
import { SALON } from '../test-support/businesses.js';
import { createFakePorts } from '../test-support/fake-ports.js';
import type { BrainEvent } from '../types.js';
import { runTool, toolSpecs, type ToolContext } from './index.js';

function ctx(callerPhone?: string) {
  const { ports, world } = createFakePorts(SALON, {
    existing: [
      { service: 'Color', start: '2026-03-12T10:00', customerName: 'Maria', customerPhone: '+13125550142' },
      { service: 'Haircut', start: '2026-03-12T14:00', customerName: 'Ben', customerPhone: '+13125550177' },
    ],
  });
  const m = createServiceMatcher(SALON.services);
  const kb = createKnowledgeBase(SALON);
  const c: ToolContext = {
    business: SALON,
    ports,
    clock: fixedClock('2026-03-10T14:15:00Z'),
    ...(callerPhone ? { callerPhone } : {}),
    identity: callerPhone ? 'caller_id' : 'none',
    foundAppointments: new Map(),
    knownSlots: new Map(),
    findService: (n) => m.match(n)?.service,
    answer: (q) => kb.answer(q),
    conversationId: 'c1',
  };
  const events: BrainEvent[] = [];
  return { c, world, events, emit: (e: BrainEvent) => events.push(e) };
}

describe('tools', () => {
  it('rejects invalid arguments with the field named, and reports the call', async () => {
    const { c, events, emit } = ctx();
    const r = await runTool(c, 'check_availability', { service: 'Haircut', date: 'next tuesday' }, emit);
    expect(r).toMatchObject({ ok: false, code: 'INVALID_ARGS' });
    expect(!r.ok && r.error).toMatch(/date/);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'tool_call', name: 'check_availability', ok: false }),
    );
  });

  it('finds slots only inside the asked window and part of day', async () => {
    const { c, emit } = ctx();
    const r = await runTool(
      c,
      'check_availability',
      { service: 'Haircut', date: '2026-03-11', partOfDay: 'morning' },
      emit,
    );
    expect(r.ok && r.result.slots.length).toBeGreaterThan(0);
    for (const s of r.ok ? r.result.slots : []) {
      expect(s.start.slice(0, 10)).toBe('2026-03-11');
      expect(Number(s.start.slice(11, 13))).toBeLessThan(12);
    }
  });

  it('will not book a time check_availability never returned', async () => {
    const { c, world, emit } = ctx('+13125550142');
    const r = await runTool(
      c,
      'book_appointment',
      { service: 'Haircut', start: '2026-03-11T10:00:00-05:00', name: 'Eve' },
      emit,
    );
    expect(r).toMatchObject({ ok: false, code: 'UNKNOWN_SLOT' });
    expect(world.appointments).toHaveLength(2);
  });

  it('books a returned slot for the caller', async () => {
    const { c, world, emit } = ctx('+13125550142');
    const found = await runTool(c, 'check_availability', { service: 'Haircut', date: '2026-03-11' }, emit);
    const start = found.ok ? found.result.slots[0].start : '';
    const r = await runTool(c, 'book_appointment', { service: 'Haircut', start, name: 'Eve' }, emit);
    expect(r.ok && r.result.ok).toBe(true);
    expect(world.appointments[2].customer).toEqual({ name: 'Eve', phone: '+13125550142' });
  });

  it("lists only the calling number's appointments once the name matches, and none without caller ID", async () => {
    const mine = ctx('+13125550142');
    const blind = await runTool(mine.c, 'find_appointments', {}, mine.emit);
    expect(blind.ok && blind.result).toEqual({ appointments: [], blocked: 'detail_needed' });
    const wrong = await runTool(mine.c, 'find_appointments', { name: 'Ben' }, mine.emit);
    expect(wrong.ok && wrong.result).toEqual({ appointments: [], blocked: 'detail_mismatch' });
    const r = await runTool(mine.c, 'find_appointments', { name: 'maria' }, mine.emit);
    expect(r.ok && r.result.appointments.map((a) => a.serviceName)).toEqual(['Color']);
    const anon = ctx();
    const r2 = await runTool(anon.c, 'find_appointments', {}, anon.emit);
    expect(r2).toMatchObject({ ok: false, code: 'VERIFICATION_REQUIRED' });
  });

  it('answers only confident questions', async () => {
    const { c, emit } = ctx();
    const yes = await runTool(c, 'answer_question', { question: 'is there parking?' }, emit);
    expect(yes.ok && yes.result).toEqual({ answer: 'There is free parking behind the building.', confident: true });
    const no = await runTool(c, 'answer_question', { question: 'how much is a haircut?' }, emit);
    expect(no.ok && no.result).toEqual({ answer: null, confident: false });
  });

  it('declines a transfer when the business has no escalation number', async () => {
    const { c, emit } = ctx();
    const r = await runTool(
      { ...c, business: { ...SALON, escalationNumber: undefined } },
      'transfer_to_human',
      { reason: 'asked' },
      emit,
    );
    expect(r.ok && r.result).toEqual({ accepted: false });
  });

  it('describes every tool with a JSON schema for a language model', () => {
    const specs = toolSpecs();
    expect(specs.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'check_availability',
        'book_appointment',
        'reschedule',
        'cancel',
        'capture_lead',
        'escalate_emergency',
        'transfer_to_human',
        'answer_question',
        'take_message',
        'end_call',
      ]),
    );
    const book = specs.find((s) => s.name === 'book_appointment')!;
    expect(book.parameters).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['service', 'start', 'name']),
    });
  });
});
