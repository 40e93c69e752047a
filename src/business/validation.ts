import { z } from 'zod';
import { IANAZone } from 'luxon';
import { phoneE164 } from '../lib/index.js';

/** Weekly hours have one definition (hours/): the API validates with it, availability and the brain read with it. */
export { WEEKDAYS, type Weekday, DayRangesSchema, WeeklyHoursSchema } from '../hours/index.js';

/** Normalises a phone number in any common human format to E.164, or returns null. */
export function normalizePhone(input: string, defaultCountry: 'US' | 'CA' | 'GB' = 'US'): string | null {
  return phoneE164(input, defaultCountry) ?? null;
}

/** A phone number field: accepts human formats, answers E.164; refuses what cannot be a number. */
export const PhoneSchema = z
  .string()
  .max(40)
  .transform((v, ctx) => {
    const n = normalizePhone(v);
    if (!n) {
      ctx.addIssue({ code: 'custom', message: 'not a valid phone number' });
      return z.NEVER;
    }
    return n;
  });

/** An IANA timezone name such as "America/Chicago". */
export const TimezoneSchema = z
  .string()
  .max(64)
  .refine((tz) => (IANAZone.isValidZone(tz) && tz.includes('/')) || tz === 'UTC', 'not a valid IANA timezone');

/** A local calendar date "YYYY-MM-DD" that exists. */
export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'not a real date',
  );

/** Free text of a bounded length, trimmed. */
export const text = (max: number) => z.string().trim().max(max);

/** A required name-like string. */
export const name = (max = 120) => z.string().trim().min(1, 'required').max(max);

export const PRIORITIES = ['URGENT', 'HIGH', 'NORMAL'] as const;

/** An emergency phrase with its priority; a bare string means URGENT. */
export const EmergencyKeywordSchema = z.union([
  z
    .string()
    .trim()
    .min(2)
    .max(80)
    .transform((phrase) => ({ phrase, priority: 'URGENT' as const })),
  z.strictObject({ phrase: z.string().trim().min(2).max(80), priority: z.enum(PRIORITIES) }),
]);
