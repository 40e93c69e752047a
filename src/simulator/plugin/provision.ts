/**
 * Builds a scenario's organization from its `business` block through the business commands, with the
 * API's own schemas: a block the dashboard could not save is refused here too (400 naming the field).
 * Everything is checked before the first write, so a refused block leaves nothing behind.
 */
import type { z } from 'zod';
import { eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { schema, type Db } from '../../db/index.js';
import { errors, isAppError, type Clock } from '../../lib/index.js';
import {
  ConfigPatch,
  KnowledgeBody,
  PhoneSchema,
  ServiceBody,
  StaffBody,
  TimezoneSchema,
  connectPhoneNumber,
  createOrganization,
  knowledgeRepo,
  patchSettings,
  servicesRepo,
  staffRepo,
  templateFor,
  type Actor,
} from '../../business/index.js';
import { bookAppointment } from '../../booking/index.js';
import { DUMMY_HASH } from '../../api/index.js';
import type { BusinessBlock, CreateTestOrganization, TestOrganization } from '../business-block.js';
import type { TestClocks } from '../test-clocks.js';

/** Area codes for assigned test numbers: the fictional 555-01XX block in each is valid to a strict validator. */
const AREA_CODES = [
  '312',
  '415',
  '212',
  '617',
  '303',
  '512',
  '206',
  '404',
  '602',
  '702',
  '213',
  '305',
  '503',
  '614',
  '615',
  '720',
];

/** What provisioning needs: the database, the server's clock, and a way to sign the org's access token. */
export interface ProvisionDeps {
  db: Db;
  clock: Clock;
  testClocks: TestClocks;
  signAccess(p: { userId: string; organizationId: string; role: 'admin' }): Promise<string>;
}

/** Parses `value` with an API schema; a refusal is VALIDATION_FAILED naming `field`. */
function check<S extends z.ZodType>(s: S, value: unknown, field: string): z.output<S> {
  const r = s.safeParse(value);
  if (r.success) return r.data;
  const fields = r.error.issues.map((i) => ({ path: [field, ...i.path.map(String)].join('.'), message: i.message }));
  throw errors.validation(fields.map((f) => `${f.path}: ${f.message}`).join('; '), { fields });
}

/** A local wall-clock time of the business as an instant; VALIDATION_FAILED when it does not exist. */
function instant(local: string, tz: string, field: string): Date {
  const d = DateTime.fromISO(local, { zone: tz });
  if (!d.isValid)
    throw errors.validation(`${field} ${local} is not a time in ${tz}: ${d.invalidExplanation ?? d.invalidReason}`);
  return d.toJSDate();
}

/** The block as the API's documents, each checked by the schema its route uses. */
function plan(b: BusinessBlock) {
  check(TimezoneSchema, b.timezone, 'business.timezone');
  const config = check(
    ConfigPatch,
    {
      hours: b.hours,
      holidays: b.holidays,
      escalationNumber: b.escalationNumber ?? null,
      notifyEmail: b.notifyEmail ?? null,
      notifyPhone: b.notifyPhone ?? null,
      address: b.address ?? null,
      emergencyKeywords: b.emergencyKeywords ?? templateFor(b.industry)?.emergencyKeywords ?? [],
      ...(b.greeting ? { greeting: b.greeting } : {}),
      ...(b.afterHours ? { afterHours: b.afterHours } : {}),
    },
    'business',
  );
  const services = b.services.map((s, i) =>
    check(
      ServiceBody,
      {
        name: s.name,
        durationMin: s.durationMin,
        bufferMin: s.bufferMin ?? 0,
        priceCents: s.priceCents ?? null,
        synonyms: s.synonyms,
        onSite: s.onSite ?? null,
      },
      `business.services.${i}`,
    ),
  );
  const known = new Set(services.map((s) => s.name.toLowerCase()));
  (b.staff ?? []).forEach((p, i) => check(StaffBody, { name: p.name }, `business.staff.${i}`));
  for (const p of b.staff ?? [])
    for (const n of p.services)
      if (!known.has(n.toLowerCase())) throw errors.validation(`staff ${p.name}: no service named ${n}`);
  for (const [i, a] of (b.appointments ?? []).entries()) {
    if (!known.has(a.service.toLowerCase()))
      throw errors.validation(`appointments[${i}]: no service named ${a.service}`);
    if (a.staff && !(b.staff ?? []).some((p) => p.name.toLowerCase() === a.staff!.toLowerCase()))
      throw errors.validation(`appointments[${i}]: no staff named ${a.staff}`);
    instant(a.start, b.timezone, `appointments[${i}].start`);
  }
  const knowledge = (b.knowledge ?? []).map((k, i) =>
    check(KnowledgeBody, { question: k.q, body: k.a }, `business.knowledge.${i}`),
  );
  const phoneNumber = b.phoneNumber ? check(PhoneSchema, b.phoneNumber, 'business.phoneNumber') : undefined;
  return { config, services, knowledge, phoneNumber };
}

/** Builds the organization of one scenario (SCENARIOS.md `business` block) on the scenario's clock. */
export async function provision(
  deps: ProvisionDeps,
  input: z.output<typeof CreateTestOrganization>,
): Promise<TestOrganization> {
  const { db } = deps;
  const b = input.business;
  const planned = plan(b);
  const now = instant(input.now, b.timezone, 'now');
  if (planned.phoneNumber && (await numberTaken(db, planned.phoneNumber)))
    throw errors.conflict('NUMBER_TAKEN', `${planned.phoneNumber} is already connected to an organization`);

  const { org, user } = await db.transaction(async (tx) => {
    const org = await createOrganization(tx, { name: b.name, timezone: b.timezone, industry: b.industry });
    const [user] = await tx
      .insert(schema.users)
      .values({
        organizationId: org.id,
        email: `simulator+${org.id}@simulator.invalid`,
        name: 'Call simulator',
        passwordHash: DUMMY_HASH,
        role: 'admin',
      })
      .returning();
    return { org, user };
  });
  // The simulated clock: this organization's "now" runs from the scenario's `now` (set before anything can call it).
  await deps.testClocks.set(org.id, { at: now.toISOString(), setAt: deps.clock.now().toISOString() });
  const actor: Actor = { organizationId: org.id, userId: user.id };
  await patchSettings(db, actor, 'config', planned.config);
  if (b.language) await patchSettings(db, actor, 'agent', { language: b.language });
  const services: Array<Awaited<ReturnType<typeof servicesRepo.create>>> = [];
  for (const s of planned.services) services.push(await servicesRepo.create(db, actor, s));
  const serviceId = (name: string) => services.find((x) => x.name.toLowerCase() === name.toLowerCase())!.id;
  const staff: Array<Awaited<ReturnType<typeof staffRepo.create>>> = [];
  for (const p of b.staff ?? [])
    staff.push(
      await staffRepo.create(
        db,
        actor,
        check(StaffBody, { name: p.name, serviceIds: p.services.map(serviceId) }, 'business.staff'),
      ),
    );
  for (const k of planned.knowledge) await knowledgeRepo.create(db, actor, k);
  const phoneNumber = input.phone || planned.phoneNumber ? await assignNumber(db, actor, planned.phoneNumber) : null;
  const appointments = await seedAppointments(db, org.id, b, serviceId, staff);
  return {
    organizationId: org.id,
    chatKey: org.chatKey,
    accessToken: await deps.signAccess({ userId: user.id, organizationId: org.id, role: 'admin' }),
    timezone: b.timezone,
    phoneNumber,
    services: Object.fromEntries(services.map((s) => [s.id, s.name])),
    staff: Object.fromEntries(staff.map((s) => [s.id, s.name])),
    appointments,
  };
}

async function numberTaken(db: Db, e164: string): Promise<boolean> {
  return (
    (
      await db
        .select({ id: schema.phoneNumbers.id })
        .from(schema.phoneNumbers)
        .where(eq(schema.phoneNumbers.e164, e164))
    ).length > 0
  );
}

/** The scenario's number, or a free one of the fictional 555-01XX block, connected like any other. */
async function assignNumber(db: Db, actor: Actor, wanted?: string): Promise<string> {
  if (wanted) return (await connectPhoneNumber(db, actor, { e164: wanted })).e164;
  for (let i = 0; i < 40; i++) {
    const n = `+1${AREA_CODES[Math.floor(Math.random() * AREA_CODES.length)]}55501${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
    if (await numberTaken(db, n)) continue;
    try {
      return (await connectPhoneNumber(db, actor, { e164: n })).e164;
    } catch (e) {
      // Another scenario took it between the look and the insert: try the next one.
      if (!(isAppError(e) && e.code === 'NUMBER_TAKEN')) throw e;
    }
  }
  throw errors.conflict('NUMBER_TAKEN', 'no free test phone number');
}

/**
 * Existing appointments go through the real booking command, so they occupy their slot exactly as a
 * booking would; each is booked on a clock a day before it (minimum notice and horizon then hold).
 */
async function seedAppointments(
  db: Db,
  organizationId: string,
  b: BusinessBlock,
  serviceId: (name: string) => string,
  staff: Array<{ id: string; name: string }>,
) {
  const out: TestOrganization['appointments'] = [];
  for (const [i, a] of (b.appointments ?? []).entries()) {
    const start = instant(a.start, b.timezone, `appointments[${i}].start`);
    const staffId = a.staff ? staff.find((s) => s.name.toLowerCase() === a.staff!.toLowerCase())?.id : undefined;
    const clock = { now: () => new Date(start.getTime() - 86_400_000) };
    const { appointment } = await bookAppointment({ db, clock }, organizationId, {
      serviceId: serviceId(a.service),
      start,
      staffId: staffId ?? null,
      customer: { name: a.customerName ?? 'Existing customer', phone: a.customerPhone ?? null },
      source: 'simulator',
      actor: 'simulator',
    });
    out.push({ id: appointment.id, start: a.start.slice(0, 16), service: a.service });
  }
  return out;
}
