/**
 * The `business` block of a call scenario (SCENARIOS.md): the wire shape the simulator sends to
 * `POST /api/simulator/organizations`. A leaf module (zod only) shared by the simulator's server
 * plugin and its scenario runner.
 */
import { z } from 'zod';

const HHMM = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM');
/** Local wall-clock time of the business, minutes precision: 2026-03-10T09:15. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'local time YYYY-MM-DDTHH:MM');
const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const Day = z.array(z.tuple([HHMM, HHMM])).max(6);
const Priority = z.enum(['URGENT', 'HIGH', 'NORMAL']);

/** One service of the business, with the words callers use for it. */
export const ServiceBlock = z.strictObject({
  name: z.string().min(1).max(100),
  durationMin: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  bufferMin: z.number().int().min(0).max(240).optional(),
  priceCents: z.number().int().min(0).optional(),
  synonyms: z.array(z.string().min(1).max(60)).max(30).default([]),
  /** Done at the customer's place: the agent asks for the service address (default: as the industry does). */
  onSite: z.boolean().optional(),
});

/** An appointment that already exists when the call starts. */
export const ExistingAppointment = z.strictObject({
  service: z.string().min(1),
  start: LocalDateTime,
  staff: z.string().optional(),
  customerName: z.string().max(200).optional(),
  customerPhone: z.string().max(40).optional(),
});

/** The business a scenario runs against, created fresh for it. */
export const BusinessBlock = z.strictObject({
  name: z.string().min(1).max(200),
  timezone: z.string().min(1).max(64),
  industry: z.enum(['plumbing', 'hvac', 'electrical', 'auto', 'dental', 'salon', 'other']).default('other'),
  /** The agent's language: en, es, auto (English first, switching to the caller's), or a list with the main one first ("es,en"). */
  language: z
    .string()
    .regex(/^(?:auto|(?:en|es)(?:,(?:en|es))*)$/, 'en, es, auto or a list such as es,en')
    .optional(),
  hours: z.strictObject({ mon: Day, tue: Day, wed: Day, thu: Day, fri: Day, sat: Day, sun: Day }).partial(),
  holidays: z.array(LocalDate).max(366).default([]),
  services: z.array(ServiceBlock).min(1).max(100),
  staff: z
    .array(z.strictObject({ name: z.string().min(1).max(100), services: z.array(z.string()).default([]) }))
    .max(50)
    .optional(),
  appointments: z.array(ExistingAppointment).max(200).optional(),
  escalationNumber: z.string().max(40).optional(),
  notifyEmail: z.string().email().optional(),
  /** The owner's phone for alert SMS and calls (else the escalation number is used). */
  notifyPhone: z.string().max(40).optional(),
  address: z.string().max(300).optional(),
  greeting: z.string().max(500).optional(),
  afterHours: z.enum(['answer', 'voicemail', 'forward']).optional(),
  /** Emergency words of this business; without them the industry template's apply. */
  emergencyKeywords: z
    .array(z.union([z.string().min(1), z.strictObject({ phrase: z.string().min(1), priority: Priority })]))
    .max(200)
    .optional(),
  knowledge: z
    .array(z.strictObject({ q: z.string().max(500).optional(), a: z.string().min(1).max(5000) }))
    .max(200)
    .optional(),
  /** A phone number (E.164) for phone scenarios; one is assigned when missing. */
  phoneNumber: z.string().max(40).optional(),
});
export type BusinessBlock = z.infer<typeof BusinessBlock>;

/** The request that builds a scenario's organization. */
export const CreateTestOrganization = z.strictObject({
  business: BusinessBlock,
  /** The scenario's `now`: local wall-clock time in the business's time zone. */
  now: LocalDateTime,
  /** Give the organization a phone number (phone scenarios). */
  phone: z.boolean().default(false),
});
export type CreateTestOrganization = z.input<typeof CreateTestOrganization>;

/** What the simulator gets back: ids to play and judge the call with. */
export interface TestOrganization {
  organizationId: string;
  chatKey: string;
  /** An admin access token of this organization only. */
  accessToken: string;
  timezone: string;
  phoneNumber: string | null;
  /** Service id → name, for reading appointments back. */
  services: Record<string, string>;
  /** Staff id → name. */
  staff: Record<string, string>;
  /** The existing appointments as created: id, local start and service. */
  appointments: Array<{ id: string; start: string; service: string }>;
}
