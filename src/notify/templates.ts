/**
 * Message templates: one function per kind of message, each giving a subject, plain-text lines, an
 * SMS text and (for alert calls) the sentence to speak. HTML is built from the same lines with every
 * value escaped, so a caller's words can never inject markup into the owner's inbox.
 */
import { escapeHtml } from '../lib/index.js';
import { customerLinesFor, localTime, str, type Parts } from './lines/index.js';

/** The kinds of message the product sends. */
export type TemplateName =
  | 'new_lead'
  | 'urgent_alert'
  | 'booking_confirmation'
  | 'owner_booking'
  | 'reschedule_notice'
  | 'cancel_notice'
  | 'call_completed'
  | 'daily_summary'
  | 'usage_notice'
  | 'verification_code'
  | 'appointment_reminder'
  | 'chat_summary'
  | 'agent_call'
  | 'account_link';

/** What announce() snapshots into an outbox row so a message renders the same on every attempt. */
export interface MessagePayload {
  template: TemplateName;
  event: string;
  urgent: boolean;
  orgName: string;
  timezone: string;
  data: Record<string, string | number | null | undefined>;
  /** Escalation messages: the secret of the acknowledge link. */
  ackToken?: string;
  /** SMS / call sender number (the organization's own number when it has one). */
  from?: string | null;
  /** Webhook deliveries: which subscription. */
  webhookId?: string;
  /** Account messages: the dashboard page the link opens (path and fragment on this server's public URL). */
  linkPath?: string;
  /** The customer's language (ISO-639-1) for their own messages; absent: English. Owner messages are English. */
  language?: string;
}

/** A rendered message for every channel. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  sms: string;
  speech: string;
}

const esc = escapeHtml;

export { localTime };

function parts(p: MessagePayload, ackUrl: string | null): Parts {
  const d = p.data;
  const tz = p.timezone;
  // the customer's own messages are written in their language; the owner's in English
  const L = customerLinesFor(p.language);
  const c = { orgName: p.orgName, timezone: tz, from: p.from ?? null, data: d };
  switch (p.template) {
    case 'new_lead':
      return {
        subject: `New lead: ${str(d.name, 'a caller')}${d.need ? ` — ${str(d.need)}` : ''}`,
        lines: [
          `A new lead for ${p.orgName}.`,
          `Name: ${str(d.name)}`,
          `Phone: ${str(d.phone)}`,
          `Email: ${str(d.email)}`,
          `Need: ${str(d.need)}`,
          `Priority: ${str(d.priority)}`,
        ],
        sms: `${p.orgName}: new lead ${str(d.name, 'caller')} ${str(d.phone, '')} — ${str(d.need, 'no details')}`.trim(),
      };
    case 'urgent_alert': {
      const who = `${str(d.name, 'A caller')}${d.phone ? ` at ${str(d.phone)}` : ''}`;
      return {
        subject: `URGENT: ${str(d.need, 'emergency call')} — ${str(d.name, 'caller')}`,
        lines: [
          `Urgent call for ${p.orgName}.`,
          `Caller: ${str(d.name)}`,
          `Phone: ${str(d.phone)}`,
          `Address: ${str(d.address)}`,
          `Problem: ${str(d.need)}`,
        ],
        sms: `URGENT ${p.orgName}: ${who} — ${str(d.need, 'emergency')}.${ackUrl ? ` Acknowledge: ${ackUrl}` : ''}`,
        speech: `Urgent call for ${p.orgName}. ${who} reports: ${str(d.need, 'an emergency')}.${d.address ? ` Address: ${str(d.address)}.` : ''}`,
        link: ackUrl ? { href: ackUrl, label: 'Acknowledge this emergency' } : undefined,
      };
    }
    case 'booking_confirmation':
      return L.booking_confirmation(c);
    case 'owner_booking':
      return {
        subject: `New booking: ${str(d.serviceName, 'appointment')} ${localTime(d.start, tz)}`,
        lines: [
          `A new booking for ${p.orgName}.`,
          `Service: ${str(d.serviceName)}`,
          `When: ${localTime(d.start, tz)}`,
          `Customer: ${str(d.customerName)}`,
          `Phone: ${str(d.customerPhone)}`,
          `Email: ${str(d.customerEmail)}`,
          `Notes: ${str(d.notes)}`,
        ],
        sms: `${p.orgName}: booked ${str(d.serviceName, 'appointment')} ${localTime(d.start, tz)} for ${str(d.customerName, 'a customer')}.`,
      };
    case 'reschedule_notice':
      return L.reschedule_notice(c);
    case 'cancel_notice':
      return L.cancel_notice(c);
    case 'appointment_reminder':
      return L.appointment_reminder(c);
    case 'call_completed':
      return {
        subject: `Call from ${str(d.from, 'unknown number')}: ${str(d.outcome, 'completed')}`,
        lines: [
          `A call to ${p.orgName} has ended.`,
          `From: ${str(d.from)}`,
          `Outcome: ${str(d.outcome)}`,
          `Duration: ${str(d.durationSec, '0')} s`,
          `Summary: ${str(d.summary)}`,
        ],
        sms: `${p.orgName}: call from ${str(d.from, 'unknown')} — ${str(d.outcome, 'completed')}. ${str(d.summary, '')}`.trim(),
      };
    case 'daily_summary':
      return {
        subject: `${p.orgName} — your day (${str(d.date)})`,
        lines: [
          `Your summary for ${str(d.date)}:`,
          `Calls: ${str(d.calls, '0')}`,
          `Appointments booked: ${str(d.booked, '0')}`,
          `Leads: ${str(d.leads, '0')}`,
          `Urgent: ${str(d.urgent, '0')}`,
        ],
        sms: `${p.orgName} ${str(d.date)}: ${str(d.calls, '0')} calls, ${str(d.booked, '0')} booked, ${str(d.leads, '0')} leads, ${str(d.urgent, '0')} urgent.`,
      };
    case 'usage_notice': {
      const reached = Number(d.threshold) >= 100;
      const after =
        d.hardCapMinutes != null && d.hardCapMinutes !== ''
          ? `At your cap of ${str(d.hardCapMinutes)} minutes callers are offered voicemail instead.`
          : `Calls continue; minutes beyond the included ones are billed at ${str(d.overage)} each.`;
      return {
        subject: reached
          ? `${p.orgName}: all ${str(d.includedMinutes)} included minutes used`
          : `${p.orgName}: ${str(d.threshold)}% of your included minutes used`,
        lines: [
          `Your receptionist has used ${str(d.usedMinutes, '0')} of the ${str(d.includedMinutes)} minutes included in the ${str(d.planName)} plan this period (until ${localTime(d.periodEnd, tz)}).`,
          after,
          'You can change your plan or cap on the Billing page.',
        ],
        sms: `${p.orgName}: ${str(d.usedMinutes, '0')} of ${str(d.includedMinutes)} included minutes used. ${after}`,
      };
    }
    case 'agent_call':
      return L.agent_call(c);
    case 'chat_summary':
      return L.chat_summary(c);
    case 'verification_code':
      return L.verification_code(c);
    case 'account_link':
      return accountLink(p, ackUrl);
    default: {
      const never: never = p.template;
      throw new Error(`unknown template ${String(never)}`);
    }
  }
}

/** What each account message says; `d.purpose` picks it, `link` is the single-use page link. */
function accountLink(p: MessagePayload, link: string | null): Parts {
  const d = p.data;
  const href = link ?? '';
  switch (d.purpose) {
    case 'reset_password':
      return {
        subject: 'Reset your InfiniOffice password',
        lines: [
          `Someone asked to reset the password of ${str(d.email)} for ${p.orgName}.`,
          'The link works once, for 30 minutes. Afterwards every device signed in to this account is signed out.',
          'If you did not ask for it, ignore this message: your password stays as it is.',
        ],
        sms: `Reset your InfiniOffice password: ${href}`,
        link: { href, label: 'Choose a new password' },
      };
    case 'set_password':
      return {
        subject: `You are invited to ${p.orgName} on InfiniOffice`,
        lines: [
          `You were invited to ${p.orgName}'s receptionist dashboard as ${str(d.role)}.`,
          `Choose your password to sign in as ${str(d.email)}. The link works once, for 7 days.`,
        ],
        sms: `Join ${p.orgName} on InfiniOffice: ${href}`,
        link: { href, label: 'Choose your password' },
      };
    default:
      return {
        subject: 'Confirm your email address for InfiniOffice',
        lines: [
          `Please confirm that ${str(d.email)} is your address for ${p.orgName}.`,
          'A phone number goes live only after the address is confirmed. The link works once, for 7 days.',
        ],
        sms: `Confirm your InfiniOffice email: ${href}`,
        link: { href, label: 'Confirm my email address' },
      };
  }
}

/** Renders a payload for every channel; `ackUrl` is the escalation's acknowledge link when it has one. */
export function renderMessage(p: MessagePayload, ackUrl: string | null = null): RenderedMessage {
  const t = parts(p, ackUrl);
  const linkLine = t.link ? [`${t.link.label}: ${t.link.href}`] : [];
  const text = [...t.lines, ...linkLine, '', customerLinesFor(p.language).via(p.orgName)].join('\n');
  const body = t.lines.map((l) => `<p>${esc(l)}</p>`).join('\n');
  const link = t.link ? `\n<p><a href="${esc(t.link.href)}">${esc(t.link.label)}</a></p>` : '';
  const html = `<!doctype html><html><body style="font-family:sans-serif">\n<h2>${esc(t.subject)}</h2>\n${body}${link}\n<p style="color:#888">${esc(customerLinesFor(p.language).via(p.orgName).replace(/^— /, ''))}</p>\n</body></html>`;
  return { subject: t.subject, text, html, sms: t.sms.slice(0, 1200), speech: t.speech ?? t.sms };
}

/** Escapes text for an XML (TwiML) text node or attribute. */
export const xmlEscape = esc;

/**
 * The alert call's TwiML: says the summary (escaped), then asks for 1 to acknowledge with a
 * `<Gather numDigits="1">` posting to `gatherUrl`; with no key pressed it says it once more.
 */
export function alertCallTwiml(speech: string, gatherUrl: string | null): string {
  const say = `<Say>${esc(speech)}</Say>`;
  const gather = gatherUrl
    ? `<Gather numDigits="1" action="${esc(gatherUrl)}" method="POST" timeout="8"><Say>Press 1 to acknowledge.</Say></Gather>${say}`
    : '';
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${say}${gather}</Response>`;
}
