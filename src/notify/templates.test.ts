// Invariant: what a caller said can never become markup — HTML emails and alert-call TwiML escape every value — and times read in the business's own timezone.
import { describe, expect, it } from 'vitest';
import { alertCallTwiml, localTime, renderMessage, type MessagePayload } from './templates.js';

const lead = (data: MessagePayload['data'], extra: Partial<MessagePayload> = {}): MessagePayload => ({
  template: 'urgent_alert',
  event: 'lead.urgent',
  urgent: true,
  orgName: 'A&B <Plumbing>',
  timezone: 'America/Chicago',
  data,
  ...extra,
});

describe('templates', () => {
  it('escapes caller words and the business name in HTML, keeps them readable in text', () => {
    const r = renderMessage(
      lead({ name: '<img src=x onerror=alert(1)>', need: 'pipe "burst" & flood' }),
      'https://io.test/api/ack/tok"en',
    );
    expect(r.html).not.toMatch(/<img|<Plumbing>/);
    expect(r.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(r.html).toContain('pipe &quot;burst&quot; &amp; flood');
    expect(r.html).toContain('href="https://io.test/api/ack/tok&quot;en"');
    expect(r.text).toContain('Problem: pipe "burst" & flood');
    expect(r.sms).toContain('Acknowledge: https://io.test/api/ack/tok"en');
  });

  it('alert-call TwiML escapes the spoken summary and gathers one digit at the acknowledge URL', () => {
    const { speech } = renderMessage(
      lead({ name: 'Al', phone: '+13125550100', need: '</Say><Dial>+19995550000</Dial>' }),
    );
    const twiml = alertCallTwiml(speech, 'https://io.test/api/ack/t/call?a=1&b=2');
    expect(twiml).not.toContain('<Dial>');
    expect(twiml).toContain('&lt;/Say&gt;&lt;Dial&gt;');
    expect(twiml).toContain('<Gather numDigits="1" action="https://io.test/api/ack/t/call?a=1&amp;b=2" method="POST"');
    expect(twiml.match(/<Say>/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('formats appointment times in the business timezone, across a DST change', () => {
    expect(localTime('2026-03-07T15:00:00Z', 'America/Chicago')).toBe('Sat, Mar 7 at 9:00 AM');
    expect(localTime('2026-03-09T15:00:00Z', 'America/Chicago')).toBe('Mon, Mar 9 at 10:00 AM');
    const r = renderMessage({
      template: 'booking_confirmation',
      event: 'appointment.booked',
      urgent: false,
      orgName: 'Shop',
      timezone: 'Europe/London',
      data: { serviceName: 'MOT', start: '2026-07-01T08:30:00Z', customerName: 'Jo' },
    });
    expect(r.subject).toBe('Your MOT with Shop is booked');
    expect(r.sms).toBe('Shop: your MOT is booked for Wed, Jul 1 at 9:30 AM.');
  });
});
