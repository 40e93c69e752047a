/**
 * The shapes a business's catalog and configuration may take, for every way in: the API's routes
 * and the call simulator's organizations are validated by the same schemas.
 */
import { z } from 'zod';
import { EmergencyKeywordSchema, LocalDateSchema, PhoneSchema, WeeklyHoursSchema, name, text } from './validation.js';

/** A service (POST /api/services). */
export const ServiceBody = z.strictObject({
  name: name(),
  durationMin: z.number().int().min(5).max(720),
  bufferMin: z.number().int().min(0).max(240).default(0),
  priceCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  synonyms: z.array(z.string().trim().min(1).max(60)).max(50).default([]),
  /** Done at the customer's place (the agent asks for the address); null or absent: as the industry does. */
  onSite: z.boolean().nullable().optional(),
  active: z.boolean().optional(),
});
/** A staff member (POST /api/staff). */
export const StaffBody = z.strictObject({
  name: name(),
  serviceIds: z.array(z.string().uuid()).max(100).default([]),
  hours: WeeklyHoursSchema.nullable().optional(),
  active: z.boolean().optional(),
});
/** A knowledge item (POST /api/knowledge). */
export const KnowledgeBody = z.strictObject({
  question: text(500).optional(),
  title: text(200).optional(),
  body: z.string().trim().min(1).max(5000),
});
/** A connected phone number (POST /api/phone-numbers). */
export const PhoneNumberBody = z.strictObject({
  e164: PhoneSchema,
  provider: z.literal('twilio').default('twilio'),
  /** Test mode (no Twilio account): the 6-digit code texted to the number by the first request. */
  verificationCode: z
    .string()
    .regex(/^\d{6}$/, 'the 6-digit code texted to the number')
    .optional(),
});

/** PUT /api/config: any subset of these fields. */
export const ConfigPatch = z
  .strictObject({
    hours: WeeklyHoursSchema,
    holidays: z.array(LocalDateSchema).max(366),
    greeting: z.string().trim().min(1).max(1000),
    address: text(300).nullable(),
    escalationNumber: PhoneSchema.nullable(),
    notifyEmail: z.string().trim().toLowerCase().max(254).email().nullable(),
    notifyPhone: PhoneSchema.nullable(),
    afterHours: z.enum(['answer', 'voicemail', 'forward']),
    minNoticeMin: z.number().int().min(0).max(10_080),
    maxDaysAhead: z.number().int().min(1).max(365),
    slotStepMin: z.number().int().min(5).max(240),
    emergencyKeywords: z.array(EmergencyKeywordSchema).max(200),
    maxCallMinutes: z.number().int().min(1).max(120),
    /** Record calls (the agent says so first); needs a plan with recording. */
    recordCalls: z.boolean(),
    /** Days a recording is kept before it is deleted. */
    recordingRetentionDays: z.number().int().min(1).max(3650),
  })
  .partial();
