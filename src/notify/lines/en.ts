/**
 * What the customer's own messages say in English: confirmations, reminders, reschedule and cancel
 * notices, call-backs, chat summaries and codes. One catalogue per language (es.ts has the same keys:
 * the type makes a missing one a compile error, lines.test.ts a test failure).
 */
import { DateTime } from 'luxon';

/** A message's parts before rendering (HTML is built from `lines` with every value escaped). */
export interface Parts {
  subject: string;
  lines: string[];
  sms: string;
  speech?: string;
  link?: { href: string; label: string };
}

type Data = Record<string, string | number | null | undefined>;
/** What a customer template is given: the organization, its timezone and number, and the message's data. */
export interface CustomerContext {
  orgName: string;
  timezone: string;
  from?: string | null;
  data: Data;
}

export interface CustomerLines {
  /** An instant read in the business's timezone. */
  when(iso: string | number | null | undefined, tz: string): string;
  /** The signature under an email. */
  via(orgName: string): string;
  booking_confirmation(c: CustomerContext): Parts;
  reschedule_notice(c: CustomerContext): Parts;
  cancel_notice(c: CustomerContext): Parts;
  appointment_reminder(c: CustomerContext): Parts;
  agent_call(c: CustomerContext): Parts;
  chat_summary(c: CustomerContext): Parts;
  verification_code(c: CustomerContext): Parts;
}

/** A value, or the fallback when it is missing or empty. */
export const str = (v: unknown, fallback = '—'): string =>
  v === null || v === undefined || v === '' ? fallback : String(v);

/** "Tue, Apr 7 at 9:00 AM" in the business's timezone. */
export function localTime(iso: string | number | null | undefined, tz: string): string {
  if (iso === null || iso === undefined) return 'an unknown time';
  return DateTime.fromISO(String(iso)).setZone(tz).toFormat("ccc, LLL d 'at' h:mm a");
}

export const EN: CustomerLines = {
  when: localTime,
  via: (org) => `— ${org}, via InfiniOffice`,
  booking_confirmation: ({ orgName, timezone: tz, data: d }) => ({
    subject: `Your ${str(d.serviceName, 'appointment')} with ${orgName} is booked`,
    lines: [
      `Hi ${str(d.customerName, 'there')},`,
      `your ${str(d.serviceName, 'appointment')} with ${orgName} is booked for ${localTime(d.start, tz)}.`,
      ...(d.address ? [`Address: ${str(d.address)}`] : []),
      'Reply or call us if you need to change it.',
    ],
    sms: `${orgName}: your ${str(d.serviceName, 'appointment')} is booked for ${localTime(d.start, tz)}.`,
  }),
  reschedule_notice: ({ orgName, timezone: tz, data: d }) => ({
    subject: `Moved: ${str(d.serviceName, 'appointment')} now ${localTime(d.start, tz)}`,
    lines: [
      `The ${str(d.serviceName, 'appointment')} with ${orgName} for ${str(d.customerName)} has moved.`,
      `Was: ${localTime(d.previousStart, tz)}`,
      `Now: ${localTime(d.start, tz)}`,
    ],
    sms: `${orgName}: ${str(d.serviceName, 'appointment')} moved from ${localTime(d.previousStart, tz)} to ${localTime(d.start, tz)}.`,
  }),
  cancel_notice: ({ orgName, timezone: tz, data: d }) => ({
    subject: `Cancelled: ${str(d.serviceName, 'appointment')} ${localTime(d.start, tz)}`,
    lines: [
      `The ${str(d.serviceName, 'appointment')} with ${orgName} for ${str(d.customerName)} on ${localTime(d.start, tz)} is cancelled.`,
    ],
    sms: `${orgName}: ${str(d.serviceName, 'appointment')} on ${localTime(d.start, tz)} is cancelled.`,
  }),
  appointment_reminder: ({ orgName, timezone: tz, from, data: d }) => ({
    subject: `Reminder: your ${str(d.serviceName, 'appointment')} with ${orgName} ${localTime(d.start, tz)}`,
    lines: [
      `Hi ${str(d.customerName, 'there')},`,
      `a reminder of your ${str(d.serviceName, 'appointment')} with ${orgName} on ${localTime(d.start, tz)}.`,
      'Reply or call us if you need to change it.',
    ],
    sms: `${orgName}: reminder of your ${str(d.serviceName, 'appointment')} on ${localTime(d.start, tz)}.${from ? ` To move or cancel, call ${from}.` : ''}`,
  }),
  // A call the agent places (a lead's follow-up, a call waiting for a free line); without telephony it lands in the dev inbox.
  agent_call: ({ orgName, data: d }) => ({
    subject: `${orgName}'s assistant calls ${str(d.to, 'a customer')}`,
    lines: [`${orgName}'s assistant calls ${str(d.to, 'a customer')} to follow up on ${str(d.need, 'their enquiry')}.`],
    sms: `${orgName}: we will call you back about ${str(d.need, 'your enquiry')}.`,
  }),
  chat_summary: ({ orgName, data: d }) => ({
    subject: `Your chat with ${orgName}`,
    lines: [`From your chat with ${orgName}:`, str(d.text)],
    sms: `${orgName}: ${str(d.text)}`,
  }),
  verification_code: ({ orgName, data: d }) => ({
    subject: `${orgName} verification code`,
    lines: [
      `Your ${orgName} code is ${str(d.code)}.`,
      'It expires in 10 minutes. If you did not ask for it, ignore this message.',
    ],
    sms: `${orgName}: your code is ${str(d.code)}. It expires in 10 minutes. Never share it; we will not ask for it by phone.`,
  }),
};
