/** Picks the real channel when it is configured and the dev inbox otherwise. */
import type { Db } from '../../db/index.js';
import type { Clock } from '../../lib/index.js';
import type { Channels } from './channel.js';
import { devInboxChannel } from './dev-inbox.js';
import { smtpChannel, type SmtpOptions } from './smtp.js';
import { twilioCallChannel, twilioSmsChannel } from './twilio.js';
import { webhookChannel } from './webhook.js';
import { webPushChannel } from './push.js';
import { vapidKeys } from '../push.js';

export * from './channel.js';
export { devInboxChannel } from './dev-inbox.js';
export { smtpChannel, messageIdOf, type SmtpOptions } from './smtp.js';
export { twilioCallChannel, twilioSmsChannel, type TwilioOptions } from './twilio.js';
export { webPushChannel, pushNotificationOf, type PushOptions } from './push.js';
export {
  webhookChannel,
  signWebhook,
  verifyWebhook,
  deliveryIdOf,
  postPinned,
  WEBHOOK_HEADERS,
  type WebhookOptions,
} from './webhook.js';

/** The slice of Config the channels read. */
export interface ChannelConfig {
  smtp?: SmtpOptions;
  twilio?: { accountSid?: string; authToken?: string; apiBase: string; defaultFrom?: string | null };
  publicUrl?: string;
  webhookAllowPrivate?: boolean;
  /** The clock webhook timestamps are signed with (the dispatcher's). */
  clock?: Clock;
  /** Web Push: the configured VAPID private key (else the stored one) and the contact. */
  webPush?: { privateKey?: string; subject: string };
}

/**
 * Email by SMTP when configured, SMS and calls by Twilio when its credentials are set, otherwise the
 * dev inbox; webhooks always go to the business's URL (it configured them itself), pushes to the browsers that subscribed.
 */
export function createChannels(db: Db, c: ChannelConfig): Channels {
  const links = { publicUrl: (c.publicUrl ?? 'http://localhost:3000').replace(/\/$/, '') };
  const inbox = devInboxChannel(db, links);
  const tw =
    c.twilio?.accountSid && c.twilio.authToken
      ? {
          accountSid: c.twilio.accountSid,
          authToken: c.twilio.authToken,
          apiBase: c.twilio.apiBase,
          defaultFrom: c.twilio.defaultFrom,
        }
      : null;
  return {
    email: c.smtp ? smtpChannel(c.smtp, links) : inbox,
    sms: tw ? twilioSmsChannel(tw, links) : inbox,
    call: tw ? twilioCallChannel(tw, links) : inbox,
    webhook: webhookChannel(db, {
      allowPrivate: c.webhookAllowPrivate ?? false,
      now: c.clock ? () => c.clock!.now() : undefined,
    }),
    push: webPushChannel(db, {
      keys: () => vapidKeys(db, c.webPush?.privateKey),
      subject: c.webPush?.subject ?? 'mailto:alerts@infinioffice.app',
      allowPrivate: c.webhookAllowPrivate ?? false,
      now: c.clock ? () => c.clock!.now() : undefined,
    }),
  };
}
