/** The error codes notify/ raises; the module index re-exports them. */
import { AppError, errors } from '../lib/index.js';

/** Error catalog of notify/. */
export const notifyErrors = {
  /** A webhook URL resolves to a private, loopback or link-local address. */
  webhookPrivate: (host: string) =>
    errors.validation(`url: ${host} is a private or loopback address; webhooks go to public addresses only`, {
      fields: [{ path: 'body.url', message: 'private or loopback address' }],
    }),
  /** A webhook URL that is not http(s) or does not resolve. */
  webhookUrl: (message: string) => errors.validation(`url: ${message}`, { fields: [{ path: 'body.url', message }] }),
  /** The acknowledge link is unknown or its escalation is over. */
  ackUnknown: () => new AppError('NOT_FOUND', 'this acknowledge link is unknown', 404),
};

/** A delivery failure of a channel; `permanent` failures go straight to the dead-letter state. */
export class DeliveryError extends Error {
  readonly permanent: boolean;
  constructor(message: string, permanent = false) {
    super(message);
    this.name = 'DeliveryError';
    this.permanent = permanent;
  }
}

/**
 * Not a failure: the message may not go out yet (outside the calling window, the organization's
 * outbound calls all busy). The dispatcher puts it back until `until` without counting an attempt,
 * so a message that waits is never dead-lettered for waiting.
 */
export class DeliveryDeferred extends Error {
  readonly until: Date;
  constructor(message: string, until: Date) {
    super(message);
    this.name = 'DeliveryDeferred';
    this.until = until;
  }
}
