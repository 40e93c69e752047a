import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, Instant, List, NoContent, Row, WeeklyHoursAnswer } from '../answers.js';
import { and, eq, inArray } from 'drizzle-orm';
import { schema, type Db } from '../../db/index.js';
import { AppError, errors } from '../../lib/index.js';
import { requireFeature } from '../../billing/index.js';
import {
  KnowledgeBody,
  PhoneNumberBody,
  ServiceBody,
  StaffBody,
  connectPhoneNumber,
  knowledgeRepo,
  numberInUse,
  numberUnavailable,
  phoneNumbersRepo,
  servicesRepo,
  staffRepo,
} from '../../business/index.js';
import { checkNumberCode, NUMBER_CODE_TTL_SEC, sendNumberCode } from './phone-number-proof.js';
import { answerUnansweredQuestion, listUnansweredQuestions } from '../../conversations/index.js';
import type { ApiContext } from '../context.js';
import { emailNotVerified, organizationVerified } from '../auth/accounts.js';
import { principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';

const IdParams = z.strictObject({ id: z.string().max(64) });

/** A service in answers. */
const ServiceAnswer = Row({
  name: z.string(),
  durationMin: z.number(),
  bufferMin: z.number(),
  priceCents: z.number().nullable(),
  synonyms: z.array(z.string()),
  onSite: z.boolean().nullable(),
  active: z.boolean(),
  createdAt: Instant,
});
/** A staff member in answers (`hours` null: the business's hours). */
const StaffAnswer = Row({
  name: z.string(),
  serviceIds: z.array(z.string()),
  hours: WeeklyHoursAnswer.nullable(),
  active: z.boolean(),
  createdAt: Instant,
});
/** A connected phone number. */
const PhoneNumberAnswer = Row({ e164: z.string(), provider: z.string(), createdAt: Instant });
/** A knowledge entry. */
const KnowledgeAnswer = Row({
  question: z.string().nullable(),
  title: z.string().nullable(),
  body: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
});
const gone = answers({ 204: NoContent });

/** A staff member may only offer services of their own organization. */
async function assertOwnServices(db: Db, organizationId: string, ids: string[] | undefined) {
  if (!ids?.length) return;
  const found = await db
    .select({ id: schema.services.id })
    .from(schema.services)
    .where(and(eq(schema.services.organizationId, organizationId), inArray(schema.services.id, ids)));
  if (found.length !== new Set(ids).size)
    throw errors.validation('serviceIds: unknown service', {
      fields: [{ path: 'body.serviceIds', message: 'unknown service' }],
    });
}

/** Services, staff, phone numbers and knowledge: lists of the organization's own rows. */
export async function catalogRoutes(app: FastifyInstance, ctx: ApiContext) {
  const db = ctx.database.db;
  await app.register(async (s) => {
    protect(s, ctx.tokens, WRITE_ROLES.settings);
    const r = s.withTypeProvider<ZodTypeProvider>();
    const tags = ['catalog'];
    r.get('/api/services', { schema: { tags, response: answers({ 200: List(ServiceAnswer) }) } }, async (req) => ({
      items: await servicesRepo.list(db, principalOf(req).organizationId),
    }));
    r.get(
      '/api/services/:id',
      { schema: { tags, params: IdParams, response: answers({ 200: ServiceAnswer }) } },
      async (req) => servicesRepo.get(db, principalOf(req).organizationId, req.params.id),
    );
    r.post(
      '/api/services',
      { schema: { tags, body: ServiceBody, response: answers({ 201: ServiceAnswer }) } },
      async (req, reply) => reply.status(201).send(await servicesRepo.create(db, principalOf(req), req.body)),
    );
    r.put(
      '/api/services/:id',
      { schema: { tags, params: IdParams, body: ServiceBody.partial(), response: answers({ 200: ServiceAnswer }) } },
      async (req) => servicesRepo.update(db, principalOf(req), req.params.id, req.body),
    );
    r.delete('/api/services/:id', { schema: { tags, params: IdParams, response: gone } }, async (req, reply) => {
      await servicesRepo.remove(db, principalOf(req), req.params.id);
      return reply.status(204).send();
    });

    r.get('/api/staff', { schema: { tags, response: answers({ 200: List(StaffAnswer) }) } }, async (req) => ({
      items: await staffRepo.list(db, principalOf(req).organizationId),
    }));
    r.get(
      '/api/staff/:id',
      { schema: { tags, params: IdParams, response: answers({ 200: StaffAnswer }) } },
      async (req) => staffRepo.get(db, principalOf(req).organizationId, req.params.id),
    );
    r.post(
      '/api/staff',
      { schema: { tags, body: StaffBody, response: answers({ 201: StaffAnswer }) } },
      async (req, reply) => {
        await assertOwnServices(db, principalOf(req).organizationId, req.body.serviceIds);
        return reply.status(201).send(await staffRepo.create(db, principalOf(req), req.body));
      },
    );
    r.put(
      '/api/staff/:id',
      { schema: { tags, params: IdParams, body: StaffBody.partial(), response: answers({ 200: StaffAnswer }) } },
      async (req) => {
        await staffRepo.get(db, principalOf(req).organizationId, req.params.id);
        await assertOwnServices(db, principalOf(req).organizationId, req.body.serviceIds);
        return staffRepo.update(db, principalOf(req), req.params.id, req.body);
      },
    );
    r.delete('/api/staff/:id', { schema: { tags, params: IdParams, response: gone } }, async (req, reply) => {
      await staffRepo.remove(db, principalOf(req), req.params.id);
      return reply.status(204).send();
    });

    r.get(
      '/api/phone-numbers',
      { schema: { tags, response: answers({ 200: List(PhoneNumberAnswer) }) } },
      async (req) => ({ items: await phoneNumbersRepo.list(db, principalOf(req).organizationId) }),
    );
    r.post(
      '/api/phone-numbers',
      {
        schema: {
          tags,
          body: PhoneNumberBody,
          response: answers({
            201: PhoneNumberAnswer,
            // test mode: a code was texted to the number; the same POST with `verificationCode` connects it
            202: z.object({ e164: z.string(), verification: z.literal('code_sent'), expiresInSec: z.number() }),
          }),
        },
      },
      async (req, reply) => {
        const organizationId = principalOf(req).organizationId;
        const connected = (await phoneNumbersRepo.list(db, organizationId)).length;
        if (connected >= 1) await requireFeature(db, organizationId, 'multiple_numbers', ctx.clock.now());
        // The first number puts the business on the public phone network: someone must have proven an email address first.
        else if (!(await organizationVerified(db, organizationId))) throw emailNotVerified();
        const { e164, verificationCode, provider } = req.body;
        if (ctx.numberOwner) {
          // asked every time, taken or not, so "taken" and "not ours" answer alike
          const owned = await ctx.numberOwner(e164).catch((err) => {
            ctx.logger.warn({ err }, 'Twilio phone number lookup failed');
            throw new AppError(
              'TWILIO_UNAVAILABLE',
              'could not ask Twilio about this number; try again in a minute',
              502,
            );
          });
          if (!owned || (await numberInUse(db, e164))) throw numberUnavailable(e164);
        } else {
          if (await numberInUse(db, e164)) throw numberUnavailable(e164);
          if (!verificationCode) {
            await sendNumberCode(ctx, organizationId, e164);
            return reply.status(202).send({ e164, verification: 'code_sent', expiresInSec: NUMBER_CODE_TTL_SEC });
          }
          if (!(await checkNumberCode(ctx, organizationId, e164, verificationCode))) {
            throw errors.validation('verificationCode: wrong or expired code; ask for a new one', {
              fields: [{ path: 'body.verificationCode', message: 'wrong or expired code' }],
            });
          }
        }
        return reply.status(201).send(await connectPhoneNumber(db, principalOf(req), { e164, provider }));
      },
    );
    r.delete('/api/phone-numbers/:id', { schema: { tags, params: IdParams, response: gone } }, async (req, reply) => {
      await phoneNumbersRepo.remove(db, principalOf(req), req.params.id);
      return reply.status(204).send();
    });
  });

  await app.register(async (s) => {
    protect(s, ctx.tokens, WRITE_ROLES.operations);
    const r = s.withTypeProvider<ZodTypeProvider>();
    const tags = ['knowledge'];
    r.get('/api/knowledge', { schema: { tags, response: answers({ 200: List(KnowledgeAnswer) }) } }, async (req) => ({
      items: await knowledgeRepo.list(db, principalOf(req).organizationId),
    }));
    r.get(
      '/api/knowledge/:id',
      { schema: { tags, params: IdParams, response: answers({ 200: KnowledgeAnswer }) } },
      async (req) => knowledgeRepo.get(db, principalOf(req).organizationId, req.params.id),
    );
    r.post(
      '/api/knowledge',
      { schema: { tags, body: KnowledgeBody, response: answers({ 201: KnowledgeAnswer }) } },
      async (req, reply) => reply.status(201).send(await knowledgeRepo.create(db, principalOf(req), req.body)),
    );
    r.put(
      '/api/knowledge/:id',
      {
        schema: { tags, params: IdParams, body: KnowledgeBody.partial(), response: answers({ 200: KnowledgeAnswer }) },
      },
      async (req) => knowledgeRepo.update(db, principalOf(req), req.params.id, req.body),
    );
    r.delete('/api/knowledge/:id', { schema: { tags, params: IdParams, response: gone } }, async (req, reply) => {
      await knowledgeRepo.remove(db, principalOf(req), req.params.id);
      return reply.status(204).send();
    });
    // What callers asked that the agent could not answer; answering one teaches the agent.
    r.get(
      '/api/unanswered-questions',
      { schema: { tags, response: answers({ 200: UnansweredList }) } },
      async (req) => ({ items: await listUnansweredQuestions(db, principalOf(req).organizationId) }),
    );
    r.post(
      '/api/unanswered-questions/:id/answer',
      {
        schema: {
          tags,
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: z.strictObject({ answer: z.string().trim().min(1, 'Please write the answer').max(4000) }),
          response: answers({ 201: KnowledgeAnswer }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await answerUnansweredQuestion(db, principalOf(req), req.params.id, req.body.answer)),
    );
  });
}

/** GET /api/unanswered-questions. */
const UnansweredList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      question: z.string(),
      count: z.number().int(),
      lastAskedAt: z.string(),
      callIds: z.array(z.string()),
    }),
  ),
});
