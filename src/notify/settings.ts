/**
 * Per-organization notification settings: which event goes to which owner channel, the owner's
 * addresses, the on-call ladder, quiet hours and the daily summary. Stored as one jsonb document;
 * unset addresses fall back to the business config (notifyEmail, notifyPhone, escalationNumber).
 */
import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import { phoneE164 } from '../lib/index.js';
import { DateTime } from 'luxon';
import { jsonValue, schema, type Queryable } from '../db/index.js';

/** Facts the product announces. */
export const EVENT_TYPES = [
  'appointment.booked',
  'appointment.moved',
  'appointment.cancelled',
  'lead.created',
  'lead.urgent',
  'call.completed',
] as const;
/** One announced fact's name. */
export type EventType = (typeof EVENT_TYPES)[number];
/** Channels a message may travel by. */
export const CHANNELS = ['email', 'sms', 'call', 'webhook', 'push'] as const;
/** A delivery channel. */
export type ChannelName = (typeof CHANNELS)[number];

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');

/** A phone number in any common format, normalised to E.164; refused when libphonenumber says invalid. */
export const NotifyPhone = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const e164 = phoneE164(v, 'US');
    if (!e164) {
      ctx.addIssue({ code: 'custom', message: `not a valid phone number: ${v.slice(0, 40)}` });
      return z.NEVER;
    }
    return e164;
  });
/** An email address (trimmed, lower-cased domain kept as given). */
export const NotifyEmail = z.string().trim().max(254).email('not a valid email address');

/** Hours before the appointment a reminder goes out (each once). */
const ReminderTimes = z.strictObject({
  hoursBefore: z
    .array(z.number().int().min(1).max(168))
    .max(4)
    .transform((a) => [...new Set(a)].sort((x, y) => y - x)),
});

const OwnerChannels = z
  .array(z.enum(['email', 'sms', 'call']))
  .max(3)
  .transform((a) => [...new Set(a)]);

/** The settings document as PUT accepts it (every field optional, unknown fields refused). */
export const NotificationSettingsPatch = z.strictObject({
  events: z
    .strictObject(
      Object.fromEntries(EVENT_TYPES.map((e) => [e, OwnerChannels.optional()])) as Record<
        EventType,
        z.ZodOptional<typeof OwnerChannels>
      >,
    )
    .optional(),
  emails: z.array(NotifyEmail).max(10).optional(),
  phones: z.array(NotifyPhone).max(10).optional(),
  onCall: z.array(NotifyPhone).max(10).optional(),
  customer: z.strictObject({ email: z.boolean().optional(), sms: z.boolean().optional() }).optional(),
  escalation: z
    .strictObject({
      waitSec: z.number().int().min(5).max(3600).optional(),
      maxRounds: z.number().int().min(1).max(20).optional(),
    })
    .optional(),
  quietHours: z.strictObject({ start: HHMM, end: HHMM }).nullable().optional(),
  dailySummary: z.strictObject({ enabled: z.boolean().optional(), at: HHMM.optional() }).optional(),
  /** Customer reminders before each appointment, by SMS and/or an outbound call. */
  reminders: z.strictObject({ sms: ReminderTimes.optional(), call: ReminderTimes.optional() }).optional(),
});
/** A partial settings change. */
export type NotificationSettingsPatch = z.infer<typeof NotificationSettingsPatch>;

/** The effective settings: stored values over defaults and the business config's addresses. */
export interface NotificationSettings {
  events: Record<EventType, Array<'email' | 'sms' | 'call'>>;
  emails: string[];
  phones: string[];
  onCall: string[];
  customer: { email: boolean; sms: boolean };
  escalation: { waitSec: number; maxRounds: number };
  quietHours: { start: string; end: string } | null;
  dailySummary: { enabled: boolean; at: string };
  reminders: { sms: { hoursBefore: number[] }; call: { hoursBefore: number[] } };
}

/** What a business gets before changing anything: urgent leads reach every channel, the rest email. */
export const DEFAULT_EVENTS: NotificationSettings['events'] = {
  'appointment.booked': ['email'],
  'appointment.moved': ['email'],
  'appointment.cancelled': ['email'],
  'lead.created': ['email'],
  'lead.urgent': ['call', 'sms', 'email'],
  'call.completed': [],
};

type Stored = NotificationSettingsPatch;

/**
 * The settings' columns, read from `organizations`: what the owner stored and the business's own
 * contacts (spelled out: inside a subquery drizzle leaves columns unqualified).
 */
export const SETTINGS_COLUMNS = {
  settings: sql<unknown>`(select ns.settings from notification_settings ns where ns.organization_id = organizations.id)`,
  contacts: sql<unknown>`(select json_build_object('notifyEmail', bc.notify_email, 'notifyPhone', bc.notify_phone,
    'escalationNumber', bc.escalation_number) from business_configs bc where bc.organization_id = organizations.id)`,
};

/** The effective settings of a row read with SETTINGS_COLUMNS (the defaults when there was none). */
export function settingsOf(row: { settings: unknown; contacts: unknown } | undefined): NotificationSettings {
  return effective(
    jsonValue<Stored | null>(row?.settings) ?? {},
    jsonValue<Parameters<typeof effective>[1] | null>(row?.contacts) ?? undefined,
  );
}

/** Reads the organization's effective settings in one statement (inside a transaction or not). */
export async function loadNotificationSettings(q: Queryable, organizationId: string): Promise<NotificationSettings> {
  const [row] = await q
    .select(SETTINGS_COLUMNS)
    .from(schema.organizations)
    .where(eq(schema.organizations.id, organizationId));
  return settingsOf(row);
}

/** The settings in force: what the owner stored (a patch over the defaults) and the business's own contacts. */
function effective(
  s: Stored,
  cfg?: { notifyEmail: string | null; notifyPhone: string | null; escalationNumber: string | null },
): NotificationSettings {
  const orList = (v: string[] | undefined, fallback: string | null | undefined) => v ?? (fallback ? [fallback] : []);
  const phones = orList(s.phones, cfg?.notifyPhone);
  return {
    events: { ...DEFAULT_EVENTS, ...(s.events ?? {}) } as NotificationSettings['events'],
    emails: orList(s.emails, cfg?.notifyEmail),
    phones,
    onCall: s.onCall ?? (cfg?.escalationNumber ? [cfg.escalationNumber] : phones),
    customer: { email: s.customer?.email ?? true, sms: s.customer?.sms ?? true },
    escalation: { waitSec: s.escalation?.waitSec ?? 120, maxRounds: s.escalation?.maxRounds ?? 3 },
    quietHours: s.quietHours ?? null,
    dailySummary: { enabled: s.dailySummary?.enabled ?? false, at: s.dailySummary?.at ?? '18:00' },
    reminders: {
      sms: { hoursBefore: s.reminders?.sms?.hoursBefore ?? [] },
      call: { hoursBefore: s.reminders?.call?.hoursBefore ?? [] },
    },
  };
}

/** Applies a partial change; fields not sent keep their values. Answers the effective settings. */
export async function saveNotificationSettings(
  q: Queryable,
  organizationId: string,
  patch: NotificationSettingsPatch,
): Promise<NotificationSettings> {
  // Locked so two concurrent partial PUTs merge instead of one overwriting the other.
  const [row] = await q
    .select({ settings: schema.notificationSettings.settings })
    .from(schema.notificationSettings)
    .where(eq(schema.notificationSettings.organizationId, organizationId))
    .for('update');
  const before = (row?.settings ?? {}) as Stored;
  const merged: Stored = {
    ...before,
    ...patch,
    ...(patch.events ? { events: { ...before.events, ...patch.events } } : {}),
    ...(patch.customer ? { customer: { ...before.customer, ...patch.customer } } : {}),
    ...(patch.escalation ? { escalation: { ...before.escalation, ...patch.escalation } } : {}),
    ...(patch.dailySummary ? { dailySummary: { ...before.dailySummary, ...patch.dailySummary } } : {}),
    ...(patch.reminders ? { reminders: { ...before.reminders, ...patch.reminders } } : {}),
  };
  await q
    .insert(schema.notificationSettings)
    .values({ organizationId, settings: merged as Record<string, unknown> })
    .onConflictDoUpdate({
      target: schema.notificationSettings.organizationId,
      set: { settings: merged as Record<string, unknown>, updatedAt: new Date() },
    });
  return loadNotificationSettings(q, organizationId);
}

/** Minutes since local midnight of "HH:MM". */
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When a non-urgent message may go out: `now` itself outside quiet hours, otherwise the end of the
 * quiet period in the organization's timezone (luxon, so a DST change inside the night is right).
 * Quiet hours may wrap midnight (21:00–07:00).
 */
export function quietUntil(now: Date, quiet: { start: string; end: string } | null, timezone: string): Date {
  if (!quiet || quiet.start === quiet.end) return now;
  const local = DateTime.fromJSDate(now).setZone(timezone);
  const m = local.hour * 60 + local.minute;
  const s = minutesOf(quiet.start);
  const e = minutesOf(quiet.end);
  const inside = s < e ? m >= s && m < e : m >= s || m < e;
  if (!inside) return now;
  let end = local.set({ hour: Math.floor(e / 60), minute: e % 60, second: 0, millisecond: 0 });
  if (end <= local) end = end.plus({ days: 1 });
  return end.toJSDate();
}
