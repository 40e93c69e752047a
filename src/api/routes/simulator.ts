/**
 * The call simulator's way in (SCENARIOS.md): build a scenario's organization from its `business`
 * block with a simulated clock, and queue what a phone caller's next utterances say for the scripted
 * speech recogniser.
 *
 * Guard: creating organizations needs either `x-simulator-key` equal to the server's SIMULATOR_KEY
 * (the in-process simulator sets one itself) or a bearer access token of an admin. The script route
 * needs the access token of the call's own organization (the one the create route answered).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { and, eq } from 'drizzle-orm';
import { DateTime } from 'luxon';
import { timingSafeEqual } from 'node:crypto';
import { schema, serverSecret, type Db, type Tx } from '../../db/index.js';
import { errors, isUuid } from '../../lib/index.js';
import { createOrganization, normalizePhone, templateFor } from '../../business/index.js';
import { bookAppointment } from '../../booking/index.js';
import type { ScriptBook } from '../../providers/index.js';
import { CreateTestOrganization, type BusinessBlock, type TestOrganization } from '../../simulator/business-block.js';
import type { ApiContext } from '../context.js';
import { DUMMY_HASH } from '../auth/passwords.js';
import { authenticate, principalOf } from '../plugins/auth.js';

const tags = ['simulator'];
/** Area codes for assigned test numbers: the fictional 555-01XX block in each is valid to a strict validator. */
const AREA_CODES = ['312', '415', '212', '617', '303', '512', '206', '404', '602', '702', '213', '305', '503', '614', '615', '720'];

/** The simulator's routes; `scriptBook` is the scripted STT's side channel (null when real STT is configured). */
export function createSimulatorRoutes(scriptBook: ScriptBook | null) {
  return async function simulatorRoutes(app: FastifyInstance, ctx: ApiContext) {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const db = ctx.database.db;
    const asAdmin = authenticate(ctx.tokens, ['admin']);

    async function guard(req: FastifyRequest) {
      const key = req.headers['x-simulator-key'];
      const want = ctx.config.simulatorKey;
      if (typeof key === 'string' && want && key.length === want.length && timingSafeEqual(Buffer.from(key), Buffer.from(want))) return;
      await asAdmin(req, undefined as never);
    }

    r.post('/api/simulator/organizations', {
      schema: { tags, body: CreateTestOrganization },
    }, async (req, reply) => {
      await guard(req);
      const org = await provision(db, ctx, req.body);
      return reply.status(201).send(org);
    });

    r.post('/api/simulator/calls/:callId/say', {
      onRequest: authenticate(ctx.tokens, ['admin']),
      schema: { tags, params: z.strictObject({ callId: z.string().max(64) }), body: z.strictObject({ texts: z.array(z.string().max(2000)).min(1).max(50) }) },
    }, async (req, reply) => {
      if (!scriptBook) throw errors.conflict('SPEECH_NOT_SCRIPTED', 'this server recognises real speech; scripted caller lines are not used');
      const orgId = principalOf(req).organizationId;
      if (!isUuid(req.params.callId)) throw errors.notFound('call');
      const [call] = await db.select({ id: schema.calls.id }).from(schema.calls)
        .where(and(eq(schema.calls.id, req.params.callId), eq(schema.calls.organizationId, orgId)));
      if (!call) throw errors.notFound('call');
      scriptBook.say(call.id, ...req.body.texts);
      return reply.status(204).send();
    });
  };
}

/** A local wall-clock time of the business as an instant; VALIDATION_FAILED when it does not exist. */
function instant(local: string, tz: string, field: string): Date {
  const d = DateTime.fromISO(local, { zone: tz });
  if (!d.isValid) throw errors.validation(`${field} ${local} is not a time in ${tz}: ${d.invalidExplanation ?? d.invalidReason}`);
  return d.toJSDate();
}

async function provision(db: Db, ctx: ApiContext, input: z.infer<typeof CreateTestOrganization>): Promise<TestOrganization> {
  const b = input.business;
  if (!DateTime.local().setZone(b.timezone).isValid) throw errors.validation(`unknown time zone ${b.timezone}`);
  const now = instant(input.now, b.timezone, 'now');
  const built = await db.transaction(async (tx) => {
    const org = await createOrganization(tx, { name: b.name, timezone: b.timezone, industry: b.industry });
    await tx.update(schema.organizations).set({ testClock: { at: now.toISOString(), setAt: ctx.clock.now().toISOString() } }).where(eq(schema.organizations.id, org.id));
    await configure(tx, org.id, b);
    const services = await tx.insert(schema.services).values(b.services.map((s) => ({
      organizationId: org.id, name: s.name, durationMin: s.durationMin, bufferMin: s.bufferMin ?? 0, priceCents: s.priceCents ?? null, synonyms: s.synonyms,
    }))).returning();
    const serviceId = (name: string, field: string) => {
      const s = services.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw errors.validation(`${field}: no service named ${name}`);
      return s.id;
    };
    const staff = b.staff?.length ? await tx.insert(schema.staff).values(b.staff.map((p) => ({
      organizationId: org.id, name: p.name, serviceIds: p.services.map((n) => serviceId(n, `staff ${p.name}`)),
    }))).returning() : [];
    if (b.knowledge?.length) {
      await tx.insert(schema.knowledgeItems).values(b.knowledge.map((k) => ({ organizationId: org.id, question: k.q ?? null, body: k.a })));
    }
    const phoneNumber = input.phone || b.phoneNumber ? await assignNumber(tx, org.id, b.phoneNumber) : null;
    const [user] = await tx.insert(schema.users).values({
      organizationId: org.id, email: `simulator+${org.id}@simulator.invalid`, name: 'Call simulator', passwordHash: DUMMY_HASH, role: 'admin',
    }).returning();
    return { org, services, staff, serviceId, phoneNumber, user };
  });
  const appointments = await seedAppointments(db, built.org.id, b, built.serviceId, built.staff);
  return {
    organizationId: built.org.id,
    chatKey: built.org.chatKey,
    accessToken: await ctx.tokens.sign({ userId: built.user.id, organizationId: built.org.id, role: 'admin' }),
    timezone: b.timezone,
    phoneNumber: built.phoneNumber,
    services: Object.fromEntries(built.services.map((s) => [s.id, s.name])),
    staff: Object.fromEntries(built.staff.map((s) => [s.id, s.name])),
    appointments,
    twilioAuthToken: ctx.config.twilio.authToken ? null : await serverSecret(db, 'twilio-test-auth-token', undefined, 16),
  };
}

async function configure(tx: Tx, orgId: string, b: BusinessBlock) {
  const keywords = b.emergencyKeywords
    ? b.emergencyKeywords.map((k) => (typeof k === 'string' ? { phrase: k, priority: 'URGENT' as const } : k))
    : templateFor(b.industry)?.emergencyKeywords ?? [];
  const phone = (v: string | undefined, field: string) => {
    if (v === undefined) return null;
    const n = normalizePhone(v);
    if (!n) throw errors.validation(`${field} ${v} is not a valid phone number`);
    return n;
  };
  await tx.update(schema.businessConfigs).set({
    hours: b.hours, holidays: b.holidays, escalationNumber: phone(b.escalationNumber, 'escalationNumber'), notifyEmail: b.notifyEmail ?? null,
    notifyPhone: phone(b.notifyPhone, 'notifyPhone'),
    address: b.address ?? null, emergencyKeywords: keywords,
    ...(b.greeting ? { greeting: b.greeting } : {}), ...(b.afterHours ? { afterHours: b.afterHours } : {}),
  }).where(eq(schema.businessConfigs.organizationId, orgId));
}

/** The scenario's number, or a free one of the fictional 555-01XX block. */
async function assignNumber(tx: Tx, orgId: string, wanted?: string): Promise<string> {
  const taken = async (n: string) => (await tx.select({ id: schema.phoneNumbers.id }).from(schema.phoneNumbers).where(eq(schema.phoneNumbers.e164, n))).length > 0;
  let e164: string | null = null;
  if (wanted) {
    e164 = normalizePhone(wanted);
    if (!e164) throw errors.validation(`phoneNumber ${wanted} is not a valid phone number`);
    if (await taken(e164)) throw errors.conflict('PHONE_NUMBER_TAKEN', `phone number ${e164} already belongs to an organization`);
  } else {
    for (let i = 0; i < 40 && !e164; i++) {
      const n = `+1${AREA_CODES[Math.floor(Math.random() * AREA_CODES.length)]}55501${String(Math.floor(Math.random() * 100)).padStart(2, '0')}`;
      if (!(await taken(n))) e164 = n;
    }
    if (!e164) throw errors.conflict('PHONE_NUMBER_TAKEN', 'no free test phone number');
  }
  await tx.insert(schema.phoneNumbers).values({ organizationId: orgId, e164 });
  return e164;
}

/**
 * Existing appointments go through the real booking command, so they occupy their slot exactly as a
 * booking would; each is booked on a clock a day before it (minimum notice and horizon then hold).
 */
async function seedAppointments(
  db: Db, orgId: string, b: BusinessBlock, serviceId: (name: string, field: string) => string, staff: Array<{ id: string; name: string }>,
) {
  const out: TestOrganization['appointments'] = [];
  for (const [i, a] of (b.appointments ?? []).entries()) {
    const start = instant(a.start, b.timezone, `appointments[${i}].start`);
    const staffId = a.staff ? staff.find((s) => s.name.toLowerCase() === a.staff!.toLowerCase())?.id : undefined;
    if (a.staff && !staffId) throw errors.validation(`appointments[${i}]: no staff named ${a.staff}`);
    const clock = { now: () => new Date(start.getTime() - 86_400_000) };
    const { appointment } = await bookAppointment({ db, clock }, orgId, {
      serviceId: serviceId(a.service, `appointments[${i}]`), start, staffId: staffId ?? null,
      customer: { name: a.customerName ?? 'Existing customer', phone: a.customerPhone ?? null },
      source: 'simulator', actor: 'simulator',
    });
    out.push({ id: appointment.id, start: a.start.slice(0, 16), service: a.service });
  }
  return out;
}
