/** The channel port: something that delivers one outbox message, or throws a DeliveryError. */
import type { ChannelName } from '../settings.js';
import type { MessagePayload } from '../templates.js';

/** An outbox row as a channel sees it. */
export interface OutboxMessage {
  readonly id: string;
  readonly organizationId: string;
  readonly event: string;
  readonly channel: ChannelName;
  readonly recipient: string;
  readonly payload: MessagePayload;
  readonly idempotencyKey: string;
  /** Which attempt this is (1 on the first). */
  readonly attempts: number;
  readonly createdAt: Date;
}

/** Delivers messages of one channel. Retryable failures throw; permanent ones throw DeliveryError(permanent). */
export interface Channel {
  readonly label: string;
  send(message: OutboxMessage, signal: AbortSignal): Promise<void>;
  close?(): Promise<void>;
}

/** The channels a dispatcher delivers through. */
export type Channels = Partial<Record<ChannelName, Channel>>;

/** Links messages carry back to this server (acknowledge link, Gather action). */
export interface Links {
  /** Public base URL of this server, without a trailing slash. */
  readonly publicUrl: string;
}

/** The acknowledge link of an escalation message, or null when the message has none. */
export const ackUrlOf = (links: Links, m: OutboxMessage): string | null =>
  m.payload.ackToken ? `${links.publicUrl}/api/ack/${m.payload.ackToken}` : null;

/**
 * The link a message carries back to this server: an escalation's acknowledge link, or the dashboard
 * page of an account message (`linkPath`, e.g. a password reset), on the public URL.
 */
export const linkOf = (links: Links, m: OutboxMessage): string | null =>
  ackUrlOf(links, m) ?? (m.payload.linkPath ? `${links.publicUrl}${m.payload.linkPath}` : null);
