/** Request and response schemas of the integrations and calendar feed routes. */
import { z } from 'zod';
import { CALENDAR_PROVIDERS, type IntegrationView } from '../../../booking/calendars/index.js';

export const ProviderParams = z.strictObject({ provider: z.enum(CALENDAR_PROVIDERS as ['google', 'microsoft']) });

/** A dashboard path to come back to after consent: same-site only (no scheme, no `//host`). */
const ReturnTo = z
  .string()
  .max(300)
  .regex(/^\/(?![/\\])[^\s]*$/, 'a path of this site, starting with one /');

export const ConnectQuery = z.strictObject({
  staffId: z.string().max(64).optional(),
  returnTo: ReturnTo.optional(),
  /** `true`: answer 302 to the provider instead of JSON. */
  redirect: z.enum(['true', 'false', '1', '0']).optional(),
});

export const CallbackQuery = z
  .object({
    code: z.string().max(4096).optional(),
    state: z.string().max(4096).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(1000).optional(),
  })
  .passthrough();

export const FeedQuery = z.strictObject({ token: z.string().min(1).max(200) });

export const IntegrationViewSchema = z.object({
  provider: z.enum(CALENDAR_PROVIDERS as ['google', 'microsoft']),
  configured: z.boolean(),
  status: z.enum(['not_connected', 'connected', 'reauth_required']),
  accountEmail: z.string().nullable(),
  calendarId: z.string().nullable(),
  staffId: z.string().nullable(),
  connectedAt: z.string().nullable(),
  lastError: z.string().nullable(),
  pendingSyncJobs: z.number().int(),
});

export const FeedsSchema = z.object({
  organization: z.string(),
  staff: z.array(z.object({ staffId: z.string(), name: z.string(), url: z.string() })),
});

export const ListResponse = z.object({ items: z.array(IntegrationViewSchema), feeds: FeedsSchema.optional() });

/** IntegrationView → JSON. */
export const integrationJson = (v: IntegrationView) => ({ ...v, connectedAt: v.connectedAt?.toISOString() ?? null });
