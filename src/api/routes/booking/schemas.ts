/** Request and response schemas of the booking routes (API.md › Booking). */
import { z } from 'zod';
import { APPOINTMENT_STATUSES } from '../../../booking/index.js';

/** An instant with an explicit offset or Z, e.g. `2026-03-11T15:00:00-05:00`. */
export const Instant = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
export const Uuid = z.uuid();

/** GET /api/availability */
export const AvailabilityQuery = z.strictObject({
  serviceId: z.string().max(64),
  from: Instant.optional(),
  to: Instant.optional(),
  staffId: Uuid.optional(),
});

/** POST /api/appointments */
export const CreateAppointmentBody = z.strictObject({
  serviceId: z.string().max(64),
  start: Instant,
  staffId: Uuid.nullable().optional(),
  customer: z.strictObject({
    name: z.string().trim().min(1).max(200),
    phone: z.string().trim().min(3).max(40).nullable().optional(),
    email: z.string().trim().max(254).email().nullable().optional(),
  }),
  notes: z.string().trim().max(2000).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
});

/** PATCH /api/appointments/:id — move and/or change status. */
export const PatchAppointmentBody = z
  .strictObject({
    start: Instant.optional(),
    staffId: Uuid.nullable().optional(),
    /** A new length (the calendar's resize). */
    durationMin: z
      .number()
      .int()
      .min(5, 'An appointment must be at least 5 minutes')
      .max(720, 'An appointment can be at most 12 hours')
      .optional(),
    status: z.enum(APPOINTMENT_STATUSES).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'send at least one of start, staffId, durationMin, status');

/** GET /api/appointments */
export const ListAppointmentsQuery = z.strictObject({
  from: Instant.optional(),
  to: Instant.optional(),
  status: z
    .string()
    .max(100)
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      const list = s.split(',').map((x) => x.trim());
      const bad = list.filter((x) => !(APPOINTMENT_STATUSES as readonly string[]).includes(x));
      if (bad.length) ctx.addIssue({ code: 'custom', message: `unknown status ${bad.join(', ')}` });
      return list as (typeof APPOINTMENT_STATUSES)[number][];
    }),
  phone: z.string().max(40).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** `:id` of an appointment. */
export const IdParams = z.strictObject({ id: z.string().max(64) });

/** A slot in answers. */
export const SlotView = z.object({ start: z.string(), end: z.string(), staffId: z.string().nullable() });

/** An appointment in answers: instants in the business's local offset. */
export const AppointmentView = z.object({
  id: z.string(),
  serviceId: z.string(),
  staffId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  customer: z.object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() }),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  source: z.string(),
  callId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** One history entry in answers. */
export const ChangeView = z.object({
  action: z.string(),
  fromStart: z.string().nullable(),
  toStart: z.string().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actor: z.string().nullable(),
  at: z.string(),
});
