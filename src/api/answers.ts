/**
 * The answers' side of the HTTP contract (API.md): the one error body, and the building blocks every
 * route's `schema.response` is made of, so `/docs/json` describes every answer and the dashboard's
 * types can be generated from it (`npm run gen:api-types`).
 *
 * Objects are open (`z.looseObject`): the fields named here are typed and documented, and a field a
 * handler adds is sent rather than silently dropped ("shapes may grow", API.md). Instants accept the
 * `Date` a database row holds as well as a preformatted string; both leave as an ISO 8601 string.
 */
import { z } from 'zod';

/** `{ error: { code, message, details? } }` — every 4xx and 5xx answer of the API. */
export const ErrorAnswer = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .meta({ id: 'Error' });

/** An instant in an answer: ISO 8601 on the wire. */
export const Instant = z.union([z.date(), z.string()]);

/** An answer without a body (204). */
export const NoContent = z.undefined().describe('No body');

/**
 * An open object with the named fields. At run time other fields pass through; its static type names
 * only these (a handler's row or interface type need not declare an index signature to fit).
 */
export const Obj = <T extends z.ZodRawShape>(shape: T) => z.looseObject(shape) as unknown as z.ZodObject<T>;

/** A row the API answers: an `id` and the named fields. */
export const Row = <T extends z.ZodRawShape>(shape: T) => Obj({ id: z.string(), ...shape });

/** A list answer: `{ items, nextCursor? }` (API.md conventions). */
export const List = <T extends z.ZodType>(item: T) => Obj({ items: z.array(item), nextCursor: z.string().nullish() });

/** `{ url }` (checkout, portal, OAuth start). */
export const UrlAnswer = z.object({ url: z.string() });

/** Weekly hours: weekday → `[open, close]` local "HH:MM" ranges. */
export const WeeklyHoursAnswer = z.partialRecord(
  z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  z.array(z.tuple([z.string(), z.string()])),
);

/**
 * A route's `schema.response`: its success answers, and the error body for every 4xx and 5xx.
 * Specific error statuses (e.g. 409 with `details.alternatives`) may be named in `ok` too.
 */
export function answers<R extends Record<number, z.ZodType>>(
  ok: R,
): R & { '4xx': typeof ErrorAnswer; '5xx': typeof ErrorAnswer } {
  return { ...ok, '4xx': ErrorAnswer, '5xx': ErrorAnswer };
}

/** A non-JSON answer (audio, XML, calendar, HTML) named by its content type. */
export function contentAnswer(contentType: string, description: string) {
  // bytes or text on the wire (a Buffer, a string); never serialized as JSON
  const body = z.custom<string | Buffer | NodeJS.ReadableStream>(() => true).meta({ type: 'string' });
  return { description, content: { [contentType]: { schema: body } } };
}

/** The user as the API shows it (API.md › Auth and team). */
export const UserAnswer = Row({
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(['admin', 'operator', 'viewer']),
  organizationId: z.string(),
  createdAt: Instant.optional(),
  emailVerified: z.boolean().optional(),
  twoFactorEnabled: z.boolean().optional(),
  invitationPending: z.boolean().optional(),
});

/** The organization document (chat key and ICS token for admins only). */
export const OrganizationAnswer = Row({
  name: z.string(),
  timezone: z.string(),
  industry: z.string(),
  plan: z.string(),
  chatKey: z.string().optional(),
  icsToken: z.string().optional(),
  onboarding: z.record(z.string(), z.boolean()),
  createdAt: Instant.optional(),
  updatedAt: Instant.optional(),
});

/** Register, login, refresh: the dashboard gets the refresh token in its HttpOnly cookie instead. */
export const SessionAnswer = Obj({
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  expiresIn: z.number().optional(),
  user: UserAnswer,
  organization: OrganizationAnswer,
});
