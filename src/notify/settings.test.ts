// Invariant: quiet hours hold non-urgent messages exactly until the quiet period ends in the business's timezone (wrapping midnight, across DST), and never outside it.
import { describe, expect, it } from 'vitest';
import { NotificationSettingsPatch, quietUntil } from './settings.js';
import { backoffMs } from './dispatcher.js';

const Q = { start: '21:00', end: '07:00' };
const TZ = 'America/Chicago';

describe('quiet hours', () => {
  it('passes messages through outside quiet hours', () => {
    const noon = new Date('2026-04-06T17:00:00Z');
    expect(quietUntil(noon, Q, TZ)).toBe(noon);
    expect(quietUntil(noon, null, TZ)).toBe(noon);
  });
  it('holds a message sent before or after midnight until 07:00 local', () => {
    expect(quietUntil(new Date('2026-04-07T03:30:00Z'), Q, TZ).toISOString()).toBe('2026-04-07T12:00:00.000Z'); // 22:30 → 07:00 next day
    expect(quietUntil(new Date('2026-04-07T08:30:00Z'), Q, TZ).toISOString()).toBe('2026-04-07T12:00:00.000Z'); // 03:30 → 07:00
    expect(quietUntil(new Date('2026-04-07T11:59:00Z'), Q, TZ).toISOString()).toBe('2026-04-07T12:00:00.000Z');
    expect(quietUntil(new Date('2026-04-07T12:00:00Z'), Q, TZ).toISOString()).toBe('2026-04-07T12:00:00.000Z');
  });
  it('ends at 07:00 local on the night the clocks spring forward', () => {
    // 2026-03-08 02:00 CST → 03:00 CDT; 07:00 that morning is 12:00Z, not 13:00Z.
    expect(quietUntil(new Date('2026-03-08T04:00:00Z'), Q, TZ).toISOString()).toBe('2026-03-08T12:00:00.000Z');
  });
  it('supports a daytime quiet period that does not wrap', () => {
    const q = { start: '12:00', end: '13:00' };
    expect(quietUntil(new Date('2026-04-06T17:30:00Z'), q, TZ).toISOString()).toBe('2026-04-06T18:00:00.000Z');
  });
});

describe('settings validation', () => {
  it('normalises human phone formats and refuses impossible numbers and addresses', () => {
    expect(NotificationSettingsPatch.parse({ onCall: ['(312) 555-0123'] }).onCall).toEqual(['+13125550123']);
    expect(NotificationSettingsPatch.safeParse({ onCall: ['+1 555'] }).success).toBe(false);
    expect(NotificationSettingsPatch.safeParse({ emails: ['not-an-email'] }).success).toBe(false);
    expect(NotificationSettingsPatch.safeParse({ escalation: { waitSec: 1 } }).success).toBe(false);
  });
});

describe('backoff', () => {
  it('doubles per attempt with jitter between half and all of the delay, capped', () => {
    expect(backoffMs(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffMs(1, 1000, 60_000, () => 0.999999)).toBe(1000);
    expect(backoffMs(4, 1000, 60_000, () => 0)).toBe(4000);
    expect(backoffMs(30, 1000, 60_000, () => 1)).toBe(60_000);
  });
});
