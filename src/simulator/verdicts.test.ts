// Invariant: a scenario's verdicts follow the call's records exactly — a wrong time, a missing lead, an unexpected cancellation or a wrong outcome each fail with a reason naming it.
import { describe, expect, it } from 'vitest';
import type { CallRecords } from './records.js';
import { judge, outcomeOf } from './verdicts.js';
import { Expectations } from './scenario.js';

const base = (over: Partial<CallRecords> = {}): CallRecords => ({
  callId: 'c1',
  productOutcome: null,
  toolCalls: [],
  leads: [],
  transferredTo: null,
  notified: [],
  delivered: [],
  transcript: [
    { role: 'agent', text: 'Thanks for calling.' },
    { role: 'caller', text: 'haircut at 3' },
    { role: 'agent', text: 'Booked your Haircut for Wednesday at 3 PM.' },
  ],
  seeded: [{ id: 's1', start: '2026-03-12T10:00', service: 'Color' }],
  appointments: [
    {
      id: 's1',
      service: 'Color',
      start: '2026-03-12T10:00',
      status: 'booked',
      customerName: 'Maria',
      staff: null,
      callId: null,
    },
  ],
  ...over,
});
const booked = (start: string) =>
  base({
    appointments: [
      ...base().appointments,
      { id: 'n1', service: 'Haircut', start, status: 'booked', customerName: 'Dana Cruz', staff: 'Ana', callId: 'c1' },
    ],
    leads: [
      {
        name: 'Dana Cruz',
        phone: '+13125550177',
        email: null,
        address: null,
        priority: 'NORMAL',
        kind: 'lead',
        need: null,
      },
    ],
  });
const failures = (e: unknown, r: CallRecords) =>
  judge(Expectations.parse(e), r)
    .filter((v) => !v.ok)
    .map((v) => `${v.field}: ${v.detail}`);

describe('judge', () => {
  it('passes a booking that matches and names each mismatch otherwise', () => {
    const want = {
      appointment: { service: 'Haircut', start: '2026-03-11T15:00', customerName: 'Dana Cruz', staff: 'Ana' },
      outcome: 'booked',
    };
    expect(failures(want, booked('2026-03-11T15:00'))).toEqual([]);
    expect(failures(want, booked('2026-03-11T15:45'))).toEqual([
      'appointment: start 2026-03-11T15:45 ≠ 2026-03-11T15:00',
    ]);
    expect(failures(want, base())).toEqual([
      'appointment: expected an appointment, none was booked',
      'outcome: outcome hangup not booked',
    ]);
  });

  it('checks the named service among several booked in one call, and fails the same service booked twice', () => {
    const two = (second: string) =>
      base({
        appointments: [
          ...booked('2026-03-11T15:00').appointments,
          {
            id: 'n2',
            service: second,
            start: '2026-03-11T15:45',
            status: 'booked',
            customerName: 'Dana Cruz',
            staff: 'Ana',
            callId: 'c1',
          },
        ],
      });
    expect(failures({ appointment: { service: 'Color', start: '2026-03-11T15:45' } }, two('Color'))).toEqual([]);
    expect(failures({ appointment: { service: 'Haircut', start: '2026-03-11T15:00' } }, two('Color'))).toEqual([]);
    expect(failures({ appointment: { service: 'Haircut' } }, two('Haircut'))).toEqual([
      'appointment: 2 appointments booked, expected one',
    ]);
  });

  it('checks several bookings of one call each against its own appointment, and nothing else booked', () => {
    const visits = (...extra: Array<[string, string, string]>) =>
      base({
        appointments: [
          ...base().appointments,
          ...extra.map(([service, start, customerName], i) => ({
            id: `n${i}`,
            service,
            start,
            status: 'booked',
            customerName,
            staff: null,
            callId: 'c1',
          })),
        ],
      });
    const want = {
      appointments: [
        { service: 'Haircut', start: '2026-03-11T15:00', customerName: 'Dana Cruz' },
        { service: 'Haircut', start: '2026-03-11T15:45', customerName: 'Leo Cruz' },
      ],
    };
    const mum = ['Haircut', '2026-03-11T15:00', 'Dana Cruz'] as [string, string, string];
    const son = ['Haircut', '2026-03-11T15:45', 'Leo Cruz'] as [string, string, string];
    expect(failures(want, visits(son, mum))).toEqual([]);
    expect(failures(want, visits(mum, ['Haircut', '2026-03-11T15:45', 'Dana Cruz']))).toEqual([
      'appointments[1]: Haircut 2026-03-11T15:45 Leo Cruz: nearest booked: customer Dana Cruz ≠ Leo Cruz',
    ]);
    expect(failures(want, visits(mum))).toEqual(['appointments[1]: Haircut 2026-03-11T15:45 Leo Cruz: not booked']);
    expect(failures(want, visits(mum, son, ['Color', '2026-03-12T09:00', 'Dana Cruz']))).toEqual([
      'appointments: also booked Color 2026-03-12T09:00 for Dana Cruz',
    ]);
  });

  it('checks startWithin bounds and appointment: none', () => {
    expect(
      failures(
        { appointment: { startWithin: ['2026-03-11T09:00', '2026-03-11T12:00'] } },
        booked('2026-03-11T15:00'),
      )[0],
    ).toMatch(/outside/);
    expect(failures({ appointment: 'none' }, booked('2026-03-11T15:00'))[0]).toMatch(/expected no appointment/);
    expect(failures({ appointment: 'none' }, base())).toEqual([]);
  });

  it('matches leads on every given field', () => {
    expect(failures({ lead: { name: 'Dana Cruz', priority: 'NORMAL' } }, booked('2026-03-11T15:00'))).toEqual([]);
    expect(failures({ lead: { name: 'Dana Cruz', priority: 'URGENT' } }, booked('2026-03-11T15:00'))[0]).toMatch(
      /no lead matching/,
    );
    expect(failures({ lead: 'none' }, booked('2026-03-11T15:00'))[0]).toMatch(/expected no lead/);
  });

  it('sees a seeded appointment cancelled or moved, and nothing else', () => {
    const cancelled = base({ appointments: [{ ...base().appointments[0], status: 'cancelled' }] });
    expect(failures({ cancelled: { start: '2026-03-12T10:00' }, outcome: 'cancelled' }, cancelled)).toEqual([]);
    expect(failures({ cancelled: 'none' }, cancelled)[0]).toMatch(/cancelled 2026-03-12T10:00/);
    const moved = base({ appointments: [{ ...base().appointments[0], start: '2026-03-13T14:00' }] });
    expect(
      failures({ rescheduled: { from: '2026-03-12T10:00', to: '2026-03-13T14:00' }, outcome: 'rescheduled' }, moved),
    ).toEqual([]);
    expect(failures({ rescheduled: { from: '2026-03-12T10:00', to: '2026-03-13T15:00' } }, moved)[0]).toMatch(
      /expected 2026-03-12T10:00 moved to 2026-03-13T15:00/,
    );
  });

  it('checks escalation priority and notified channels from the records', () => {
    const r = base({
      leads: [
        { name: null, phone: '+1', email: null, address: null, priority: 'URGENT', kind: 'emergency', need: 'gas' },
      ],
      toolCalls: [{ name: 'escalate_emergency', ok: true, args: {}, result: { notified: ['sms', 'email'] }, ms: 1 }],
    });
    expect(
      failures({ escalation: { priority: 'URGENT', notified: ['sms', 'email'] }, outcome: 'escalated' }, r),
    ).toEqual([]);
    expect(failures({ escalation: { notified: ['call'] } }, r)[0]).toMatch(/not notified by call/);
    expect(failures({ escalation: 'none' }, r)).toHaveLength(1);
    // alerts delivered outside the tool's answer (dev inbox, SMS gateway) count too
    expect(failures({ escalation: { notified: ['call', 'email'] } }, { ...r, notified: ['call'] })).toEqual([]);
  });

  it('checks phrases case-insensitively in what the agent said, and the turn limit', () => {
    expect(
      failures({ agentSaid: ['haircut', 'WEDNESDAY'], agentNeverSaid: ['undefined'], maxAgentTurns: 2 }, base()),
    ).toEqual([]);
    expect(failures({ agentSaid: ['Thursday'], agentNeverSaid: ['3 pm'], maxAgentTurns: 1 }, base())).toEqual([
      'agentSaid: agent never said "Thursday"',
      'agentNeverSaid: agent said "3 pm"',
      'maxAgentTurns: 2 agent turns > 1',
    ]);
  });
});

describe('outcomeOf', () => {
  it('takes the most valuable outcome the records show', () => {
    expect(outcomeOf(booked('2026-03-11T15:00'))).toBe('booked');
    expect(
      outcomeOf(
        base({
          transferredTo: '+13125550100',
          leads: [
            { name: null, phone: null, email: null, address: null, priority: 'URGENT', kind: 'lead', need: null },
          ],
        }),
      ),
    ).toBe('transferred');
    expect(outcomeOf(base({ toolCalls: [{ name: 'take_message', ok: true, args: {}, result: {}, ms: 1 }] }))).toBe(
      'message',
    );
    expect(
      outcomeOf(
        base({ toolCalls: [{ name: 'answer_question', ok: true, args: {}, result: { answer: null }, ms: 1 }] }),
      ),
    ).toBe('hangup');
    expect(
      outcomeOf(
        base({
          toolCalls: [{ name: 'answer_question', ok: true, args: {}, result: { answer: 'We open at 9.' }, ms: 1 }],
        }),
      ),
    ).toBe('answered');
    // the caller's own appointment read back is an answer; a lookup that found nothing is not
    const lookup = (appointments: unknown[]) =>
      outcomeOf(
        base({ toolCalls: [{ name: 'find_appointments', ok: true, args: {}, result: { appointments }, ms: 1 }] }),
      );
    expect(lookup([{ id: 'a1', serviceName: 'Massage', start: '2026-12-24T11:00:00Z' }])).toBe('answered');
    expect(lookup([])).toBe('hangup');
  });
});
