import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, List, Row } from '../answers.js';
import { getClient, listClients, updateClient } from '../../clients/index.js';
import { principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';
import type { ApiContext } from '../context.js';

const IdParams = z.strictObject({ id: z.string().max(64) });

/** A client in the directory list. */
const ClientSummaryAnswer = Row({
  name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  notes: z.string().nullable(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  visits: z.number(),
  callCount: z.number(),
});
/** One client with their appointments and calls. */
const ClientAnswer = ClientSummaryAnswer.extend({
  appointments: z.array(
    Row({
      start: z.string(),
      end: z.string(),
      status: z.string(),
      service: z.string(),
      staff: z.string().nullable(),
      notes: z.string().nullable(),
    }),
  ),
  calls: z.array(
    Row({
      channel: z.string(),
      direction: z.string(),
      startedAt: z.string(),
      outcome: z.string().nullable(),
      summary: z.string().nullable(),
      durationSec: z.number().nullable(),
    }),
  ),
});

/** The client directory: everyone who booked, called or chatted (GET /api/clients, GET|PATCH /api/clients/:id). */
export async function clientRoutes(app: FastifyInstance, ctx: ApiContext) {
  protect(app, ctx.tokens, WRITE_ROLES.operations);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['clients'];
  r.get(
    '/api/clients',
    {
      schema: {
        tags,
        querystring: z.strictObject({
          q: z.string().trim().max(100).optional(),
          cursor: z.string().max(40).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
        response: answers({ 200: List(ClientSummaryAnswer) }),
      },
    },
    async (req) => listClients(db, principalOf(req).organizationId, req.query),
  );
  r.get(
    '/api/clients/:id',
    { schema: { tags, params: IdParams, response: answers({ 200: ClientAnswer }) } },
    async (req) => getClient(db, principalOf(req).organizationId, req.params.id),
  );
  r.patch(
    '/api/clients/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: z.strictObject({
          name: z
            .string()
            .trim()
            .min(1, 'Please enter a name')
            .max(120, 'A name can be at most 120 characters')
            .nullable()
            .optional(),
          notes: z.string().max(5000, 'Notes can be at most 5000 characters').nullable().optional(),
        }),
        response: answers({ 200: ClientAnswer }),
      },
    },
    async (req) => updateClient(db, principalOf(req).organizationId, req.params.id, req.body),
  );
}
