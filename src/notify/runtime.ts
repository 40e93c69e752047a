/** One call for the composition root: the announcer, the channels and a dispatcher, from Config. */
import type { Db } from '../db/index.js';
import type { Clock, Logger } from '../lib/index.js';
import { createAnnouncer, type Announce } from './announce.js';
import { createChannels, type Channel, type Channels, type SmtpOptions } from './channels/index.js';
import { createDispatcher, type Dispatcher, type DispatcherOptions } from './dispatcher.js';

/** The slice of Config notify/ reads (the `Config` object itself fits). */
export interface NotifyConfig {
  smtp?: SmtpOptions;
  twilio: { accountSid?: string; authToken?: string; apiBase: string };
  publicUrl?: string;
  webhookAllowPrivate: boolean;
  webPush?: { privateKey?: string; subject: string };
}

/** The running notification system. */
export interface Notifications {
  /** The outbox sink for booking (`BookingEventSink`), leads and calls. */
  announce: Announce;
  channels: Channels;
  dispatcher: Dispatcher;
  /** Stops the dispatcher (waiting for its pass) and closes SMTP connections. */
  close(): Promise<void>;
}

/**
 * Builds announce + channels + dispatcher. `publicUrl` (links in messages, the Gather action) falls
 * back to `fallbackUrl`, e.g. the server's own listening address. Call `dispatcher.start()` to run.
 */
export function createNotifications(deps: {
  db: Db;
  config: NotifyConfig;
  clock: Clock;
  logger: Logger;
  fallbackUrl?: string;
  options?: DispatcherOptions;
  /** Calls of these events are delivered by another channel (a reminder is a conversation, not an alert). */
  callsByEvent?: Record<string, Channel>;
}): Notifications {
  const { db, config, clock, logger } = deps;
  const base = createChannels(db, {
    smtp: config.smtp,
    twilio: config.twilio,
    publicUrl: config.publicUrl ?? deps.fallbackUrl,
    webhookAllowPrivate: config.webhookAllowPrivate,
    clock,
    webPush: config.webPush,
  });
  const byEvent = deps.callsByEvent ?? {};
  const channels: Channels =
    Object.keys(byEvent).length && base.call
      ? {
          ...base,
          call: {
            label: base.call.label,
            send: (m, signal) => (byEvent[m.event] ?? base.call!).send(m, signal),
            close: base.call.close?.bind(base.call),
          },
        }
      : base;
  const dispatcher = createDispatcher({ db, channels, clock, logger, options: deps.options });
  return {
    announce: createAnnouncer(clock),
    channels,
    dispatcher,
    async close() {
      await dispatcher.stop();
      await Promise.all([...new Set(Object.values(channels))].map((c) => c?.close?.()));
    },
  };
}
