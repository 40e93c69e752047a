/**
 * notify/: notifications that arrive exactly once. An outbox written in the same transaction as the
 * fact (announce), a dispatcher that delivers by email, SMS, alert call and signed webhook with
 * retries and backoff, Web Push to the owner's phone, the urgent escalation ladder, per-organization settings and the dev inbox.
 */
export { announce, createAnnouncer, queueOwnerNotice, type Announce, type OwnerNotice } from './announce.js';
export type { OrgEvent, AppointmentFact, LeadFact, CallFact } from './events.js';
export { factKey } from './events.js';
export { trustedContacts } from './trusted-contacts.js';
export {
  createDispatcher,
  claimDue,
  backoffMs,
  type Dispatcher,
  type DispatcherDeps,
  type DispatcherOptions,
  type PassResult,
} from './dispatcher.js';
export {
  startEscalation,
  startEscalationIn,
  advanceEscalations,
  DAILY_ALERT_LADDERS,
  LADDER_JOIN_WINDOW_MS,
  acknowledgeEscalation,
  escalationOf,
  escalationByToken,
  ladderOf,
  type EscalationState,
  type EscalationStep,
  type EscalationTrailEntry,
  type Acknowledgement,
} from './escalation.js';
export {
  EVENT_TYPES,
  CHANNELS,
  DEFAULT_EVENTS,
  NotificationSettingsPatch,
  NotifyEmail,
  NotifyPhone,
  loadNotificationSettings,
  saveNotificationSettings,
  quietUntil,
  type EventType,
  type ChannelName,
  type NotificationSettings,
} from './settings.js';
export { CUSTOMER_LINES, customerLinesFor, type CustomerLines } from './lines/index.js';
export {
  renderMessage,
  alertCallTwiml,
  xmlEscape,
  type MessagePayload,
  type RenderedMessage,
  type TemplateName,
} from './templates.js';
export {
  enqueue,
  messageKey,
  orgSnapshot,
  conversationLanguage,
  mainLanguage,
  type QueuedMessage,
  type OrgSnapshot,
} from './outbox.js';
export { checkWebhookUrl, isPrivateAddress, vetWebhookUrl } from './webhook-url.js';
export { notifyErrors, DeliveryError, DeliveryDeferred } from './errors.js';
export * from './channels/index.js';
export * from './inbox.js';
export {
  vapidKeys,
  savePushSubscription,
  removePushSubscription,
  listPushSubscriptions,
  VAPID_SECRET,
  type PushSubscriptionInput,
} from './push.js';
export {
  vapidKeysFromPrivate,
  vapidAuthorization,
  encryptPushPayload,
  type VapidKeys,
  type PushKeys,
} from './web-push.js';
export { queueDailySummary, queueDailySummaries } from './daily-summary.js';
export { createNotifications, type Notifications, type NotifyConfig } from './runtime.js';
