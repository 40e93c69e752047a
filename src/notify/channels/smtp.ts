/**
 * Email over SMTP with nodemailer. The Message-ID is derived from the idempotency key, so a message
 * redelivered after a crash carries the same id and the recipient's mail system sees one message.
 */
import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import { DeliveryError } from '../errors.js';
import { renderMessage } from '../templates.js';
import { linkOf, type Channel, type Links, type OutboxMessage } from './channel.js';

/** SMTP settings: a URL such as `smtp://user:pass@host:587` and the From address. */
export interface SmtpOptions {
  url: string;
  from: string;
}

/** A stable RFC 5322 Message-ID for an idempotency key. */
export const messageIdOf = (key: string): string =>
  `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@infinioffice>`;

/** The SMTP channel (pooled connections). 5xx replies are permanent; 4xx and network errors retry. */
export function smtpChannel(opts: SmtpOptions, links: Links): Channel {
  // Timeouts stay below the dispatcher's 30 s send timeout and 60 s lease (nodemailer's own
  // defaults are 2 min to connect and 10 min of socket silence).
  const transport = nodemailer.createTransport({
    url: opts.url,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  } as never);
  return {
    label: 'smtp.email',
    async send(m: OutboxMessage) {
      const r = renderMessage(m.payload, linkOf(links, m));
      try {
        await transport.sendMail({
          from: opts.from,
          to: m.recipient,
          subject: r.subject,
          text: r.text,
          html: r.html,
          messageId: messageIdOf(m.idempotencyKey),
          headers: { 'X-InfiniOffice-Event': m.event, 'X-InfiniOffice-Idempotency-Key': m.idempotencyKey },
          ...(m.payload.urgent ? { priority: 'high' as const } : {}),
        });
      } catch (e) {
        const code = (e as { responseCode?: number }).responseCode;
        throw new DeliveryError(
          `smtp: ${(e as Error).message}`.slice(0, 500),
          typeof code === 'number' && code >= 500 && code < 600,
        );
      }
    },
    close: async () => {
      transport.close();
    },
  };
}
