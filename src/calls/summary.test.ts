/** The composed summary: what an owner reads about a call when no language model writes it — never empty, plain, in the business's time zone. */
import { describe, expect, it } from 'vitest';
import { composeSummary, type CallFacts, type ToolFact } from './summary.js';

const base: CallFacts = {
  outcome: 'hangup',
  channel: 'phone',
  direction: 'inbound',
  timezone: 'America/Chicago',
  status: 'completed',
  callerTurns: 0,
  tools: [],
};
const tool = (name: string, args: Record<string, unknown>, result: unknown = {}, ok = true): ToolFact => ({
  name,
  ok,
  args,
  result,
});

describe('composeSummary', () => {
  it('says who booked what with whom and when, in the business time zone', () => {
    const s = composeSummary({
      ...base,
      outcome: 'booked',
      callerTurns: 4,
      tools: [
        tool(
          'book_appointment',
          { name: 'Maria Lopez', service: 'Haircut', start: '2026-12-04T21:00:00Z' },
          { ok: true, appointment: { serviceName: 'Haircut', staffName: 'Sam', start: '2026-12-04T21:00:00.000Z' } },
        ),
      ],
    });
    expect(s).toBe('Maria Lopez booked a haircut with Sam for Friday, Dec 4 at 3:00 PM.');
  });

  it("keeps the same words whatever zone the server runs in (the time is the business's)", () => {
    const s = composeSummary({
      ...base,
      timezone: 'Pacific/Kiritimati',
      outcome: 'booked',
      tools: [
        tool(
          'book_appointment',
          { name: 'Ann' },
          { ok: true, appointment: { serviceName: 'Oil change', start: '2026-12-04T21:00:00Z' } },
        ),
      ],
    });
    expect(s).toBe('Ann booked an oil change for Saturday, Dec 5 at 11:00 AM.');
  });

  it('quotes the questions of a caller who only asked', () => {
    const s = composeSummary({
      ...base,
      outcome: 'answered',
      callerTurns: 2,
      tools: [tool('answer_question', { question: 'How much is a haircut' }, { answer: '$30', confident: true })],
    });
    expect(s).toBe('The caller asked "How much is a haircut?"');
  });

  it('says when the agent could not answer', () => {
    const s = composeSummary({
      ...base,
      outcome: 'answered',
      callerTurns: 1,
      tools: [tool('answer_question', { question: 'Do you take dogs?' }, { answer: null, confident: false })],
    });
    expect(s).toContain('could not answer');
  });

  it('adds the questions after what a call achieved', () => {
    const s = composeSummary({
      ...base,
      outcome: 'booked',
      callerTurns: 5,
      tools: [
        tool('answer_question', { question: 'Is there parking?' }, { confident: true }),
        tool(
          'book_appointment',
          { name: 'Bo' },
          { ok: true, appointment: { serviceName: 'Massage', start: '2026-12-04T15:00:00Z' } },
        ),
      ],
    });
    expect(s).toBe('Bo booked a massage for Friday, Dec 4 at 9:00 AM. They also asked "Is there parking?"');
  });

  it('names a message, an emergency and a lead by what the caller said', () => {
    expect(
      composeSummary({
        ...base,
        outcome: 'message',
        callerTurns: 2,
        tools: [tool('take_message', { text: 'Call me about the invoice', name: 'Joe' })],
        lead: { name: 'Joe', need: null, kind: 'message', priority: 'NORMAL' },
      }),
    ).toBe('Joe left a message: "Call me about the invoice."');
    expect(
      composeSummary({
        ...base,
        outcome: 'escalated',
        callerTurns: 1,
        tools: [tool('escalate_emergency', { summary: 'gas leak: caller said "smell gas"' })],
      }),
    ).toBe('Emergency: The caller reported gas leak: caller said "smell gas"; the on-call team was alerted.');
    expect(
      composeSummary({
        ...base,
        outcome: 'lead',
        callerTurns: 3,
        tools: [tool('capture_lead', { need: 'a quote for a new roof', name: 'Pat Kim' })],
      }),
    ).toBe('Pat Kim asked about a quote for a new roof; a lead was recorded for follow-up.');
  });

  it('says what happened to a call nobody talked on', () => {
    expect(composeSummary(base)).toBe('The caller hung up without saying anything.');
    expect(composeSummary({ ...base, direction: 'outbound', status: 'no-answer' })).toBe('Nobody answered.');
    // answered, but its media stream never started: the owner is told to call back
    expect(composeSummary({ ...base, status: 'failed' })).toBe(
      "The caller's call never connected to the receptionist; call them back.",
    );
    expect(composeSummary({ ...base, channel: 'chat' })).toBe(
      'A website visitor opened the chat and left without writing.',
    );
  });

  it('names the appointment a cancel acted on from what the call found', () => {
    const s = composeSummary({
      ...base,
      outcome: 'cancelled',
      callerTurns: 3,
      tools: [
        tool(
          'find_appointments',
          { name: 'Lee' },
          { appointments: [{ id: 'a1', serviceName: 'Cleaning', start: '2026-12-07T16:30:00Z' }] },
        ),
        tool('cancel', { appointmentId: 'a1' }, { ok: true }),
      ],
    });
    expect(s).toBe('Lee cancelled the cleaning on Monday, Dec 7 at 10:30 AM.');
  });

  it('names a Title Case service in running text, keeping acronyms', () => {
    const f = (serviceName: string) =>
      composeSummary({
        ...base,
        outcome: 'booked',
        tools: [
          tool(
            'book_appointment',
            { name: 'Al' },
            { ok: true, appointment: { serviceName, start: '2026-12-04T15:00:00Z' } },
          ),
        ],
      });
    expect(f('Drain Cleaning')).toMatch(/^Al booked a drain cleaning for/);
    expect(f('MRI Scan')).toMatch(/^Al booked an MRI scan for/);
  });

  it('ignores tool calls that failed', () => {
    const s = composeSummary({
      ...base,
      outcome: 'answered',
      callerTurns: 2,
      tools: [tool('book_appointment', { name: 'X' }, {}, false)],
    });
    expect(s).toBe('The caller talked with the agent but did not book or leave a message.');
  });
});
