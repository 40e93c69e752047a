import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getClient, listClients, updateClient } from '../../clients/index.js';
import { principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';
import type { ApiContext } from '../context.js';

const IdParams = z.strictObject({ id: z.string().max(64) });

/** The client directory: everyone who booked, called or chatted (GET /api/clients, GET|PATCH /api/clients/:id). */
export async function clientRoutes(app: FastifyInstance, ctx: ApiContext) {
  protect(app, ctx.tokens, WRITE_ROLES.operations);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['clients'];
  r.get('/api/clients', {
    schema: { tags, querystring: z.strictObject({
      q: z.string().trim().max(100).optional(), cursor: z.string().max(40).optional(), limit: z.coerce.number().int().min(1).max(100).optional(),
    }) },
  }, async (req) => listClients(db, principalOf(req).organizationId, req.query));
  r.get('/api/clients/:id', { schema: { tags, params: IdParams } }, async (req) => getClient(db, principalOf(req).organizationId, req.params.id));
  r.patch('/api/clients/:id', {
    schema: { tags, params: IdParams, body: z.strictObject({
      name: z.string().trim().min(1, 'Please enter a name').max(120, 'A name can be at most 120 characters').nullable().optional(),
      notes: z.string().max(5000, 'Notes can be at most 5000 characters').nullable().optional(),
    }) },
  }, async (req) => updateClient(db, principalOf(req).organizationId, req.params.id, req.body));
}
