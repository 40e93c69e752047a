// Invariant: the agent says opening times the way a person would, including a 24:00 close.
import { describe, expect, it } from 'vitest';
import { describeHours, sayTime } from './calendar.js';

describe('saying opening times', () => {
  it('says noon, midnight and ordinary times', () => {
    expect(sayTime('12:00')).toBe('noon');
    expect(sayTime('24:00')).toBe('midnight');
    expect(sayTime('09:00')).toBe('9 AM');
    expect(sayTime('15:45')).toBe('3:45 PM');
  });

  it('describes a day open until midnight as closing at midnight, not at noon', () => {
    const text = describeHours({ name: 'Diner', timezone: 'UTC', hours: { fri: [['18:00', '24:00']] } } as never);
    expect(text).toContain('Friday 6 PM to midnight');
  });
});
