// Invariant: rounding, the smallest unlocking plan, Stripe's form encoding and its signature check behave as documented.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { billableSeconds, estimateBill, planOf, planUnlocking } from './plans.js';
import { formEncode } from './stripe/client.js';
import { verifyStripeSignature } from './stripe/signature.js';
import { statusOf } from './stripe/events.js';

describe('plans', () => {
  it('rounds each call up to the plan increment and never bills a zero-second call', () => {
    expect([0, 1, 60, 61].map((s) => billableSeconds(planOf('starter'), s))).toEqual([0, 60, 60, 120]);
    expect([1, 30, 31].map((s) => billableSeconds(planOf('growth'), s))).toEqual([30, 30, 60]);
    expect([1, 7].map((s) => billableSeconds(planOf('scale'), s))).toEqual([6, 12]);
  });
  it('names the smallest plan with a feature and bills whole overage minutes', () => {
    expect(planUnlocking('languages').id).toBe('growth');
    expect(planUnlocking('realtime_voice').id).toBe('scale');
    expect(estimateBill(planOf('starter'), 150.5)).toEqual({
      baseCents: 4900,
      overageMinutes: 1,
      overageCents: 45,
      totalCents: 4945,
    });
    expect(estimateBill(planOf('starter'), 10).overageMinutes).toBe(0);
  });
});

describe('Stripe wire details', () => {
  it('form-encodes nested objects and arrays with brackets', () => {
    const body = formEncode({
      mode: 'subscription',
      line_items: [{ price: 'p1', quantity: 1 }, { price: 'p2' }],
      metadata: { a: 'b' },
      skip: undefined,
    }).toString();
    expect(decodeURIComponent(body)).toBe(
      'mode=subscription&line_items[0][price]=p1&line_items[0][quantity]=1&line_items[1][price]=p2&metadata[a]=b',
    );
  });
  it('accepts any matching v1 within 300 s and refuses the rest', () => {
    const secret = 'whsec_x';
    const payload = '{"id":"evt_1"}';
    const now = new Date(1_800_000_000_000);
    const sign = (t: number, s = secret) => createHmac('sha256', s).update(`${t}.${payload}`).digest('hex');
    const t = 1_800_000_000;
    expect(verifyStripeSignature(payload, `t=${t},v1=${sign(t, 'old')},v1=${sign(t)}`, secret, now)).toEqual({
      ok: true,
    });
    expect(verifyStripeSignature(payload, `t=${t - 300},v1=${sign(t - 300)}`, secret, now)).toEqual({ ok: true });
    expect(verifyStripeSignature(payload, `t=${t - 301},v1=${sign(t - 301)}`, secret, now)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifyStripeSignature(payload, `t=${t + 301},v1=${sign(t + 301)}`, secret, now)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(verifyStripeSignature(`${payload} `, `t=${t},v1=${sign(t)}`, secret, now)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
    expect(verifyStripeSignature(payload, `v1=${sign(t)}`, secret, now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyStripeSignature(payload, undefined, secret, now)).toEqual({ ok: false, reason: 'missing' });
  });
  it('maps Stripe subscription statuses to billing statuses', () => {
    expect(['active', 'trialing', 'past_due', 'unpaid', 'canceled', 'incomplete'].map(statusOf)).toEqual([
      'active',
      'active',
      'past_due',
      'past_due',
      'canceled',
      null,
    ]);
  });
});
