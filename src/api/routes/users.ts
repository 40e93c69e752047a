import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, List, NoContent, UserAnswer } from '../answers.js';
import { and, asc, eq, ne } from 'drizzle-orm';
import { pgErrorCode, schema, type Db } from '../../db/index.js';
import { errors, isUuid, newToken } from '../../lib/index.js';
import { writeAudit } from '../../business/index.js';
import type { ApiContext } from '../context.js';
import { hashPassword } from '../auth/passwords.js';
import { publicUser } from '../auth/sessions.js';
import { bumpTokenVersion } from '../auth/token-versions.js';
import { sendAccountLink } from '../auth/account-links.js';
import { principalOf, protect, WRITE_ROLES } from '../plugins/auth.js';

const Role = z.enum(['admin', 'operator', 'viewer']);
const IdParams = z.strictObject({ id: z.string().max(64) });

async function findUser(db: Db, organizationId: string, id: string) {
  if (!isUuid(id)) throw errors.notFound('user');
  const [u] = await db
    .select()
    .from(schema.users)
    .where(and(eq(schema.users.id, id), eq(schema.users.organizationId, organizationId)));
  if (!u) throw errors.notFound('user');
  return u;
}

async function assertAnotherAdmin(db: Db, organizationId: string, exceptUserId: string) {
  const others = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(
      and(
        eq(schema.users.organizationId, organizationId),
        eq(schema.users.role, 'admin'),
        ne(schema.users.id, exceptUserId),
      ),
    );
  if (others.length === 0) throw errors.conflict('LAST_ADMIN', 'an organization must keep at least one admin');
}

/** The team: admins invite users, change roles and remove users. */
export async function userRoutes(app: FastifyInstance, ctx: ApiContext) {
  protect(app, ctx.tokens, WRITE_ROLES.settings);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['team'];

  r.get('/api/users', { schema: { tags, response: answers({ 200: List(UserAnswer) }) } }, async (req) => {
    const rows = await db
      .select()
      .from(schema.users)
      .where(eq(schema.users.organizationId, principalOf(req).organizationId))
      .orderBy(asc(schema.users.createdAt));
    return { items: rows.map(publicUser) };
  });

  r.post(
    '/api/users',
    {
      schema: {
        tags,
        body: z.strictObject({
          email: z.string().trim().toLowerCase().max(254).email(),
          role: Role,
          name: z.string().trim().max(120).optional(),
          password: z.string().min(8).max(200).optional(),
        }),
        response: answers({ 201: UserAnswer }),
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      // Without a password from the admin, the invited user chooses one through an emailed link; until
      // then the account has a hash of a secret nobody knows. No password ever travels in the answer.
      const chosen = req.body.password;
      const passwordHash = await hashPassword(chosen ?? newToken(32));
      try {
        const user = await db.transaction(async (tx) => {
          const [u] = await tx
            .insert(schema.users)
            .values({
              organizationId: p.organizationId,
              email: req.body.email,
              name: req.body.name,
              role: req.body.role,
              passwordHash,
              passwordUnset: !chosen,
            })
            .returning();
          await writeAudit(tx, p, 'invite', 'user', u.id, null, publicUser(u));
          if (!chosen) await sendAccountLink(tx, u, 'set_password', ctx.clock.now());
          return u;
        });
        return reply.status(201).send(publicUser(user));
      } catch (e) {
        if (pgErrorCode(e).code === '23505')
          throw errors.conflict('EMAIL_TAKEN', 'an account with this email already exists');
        throw e;
      }
    },
  );

  r.patch(
    '/api/users/:id',
    {
      schema: { tags, params: IdParams, body: z.strictObject({ role: Role }), response: answers({ 200: UserAnswer }) },
    },
    async (req) => {
      const p = principalOf(req);
      const before = await findUser(db, p.organizationId, req.params.id);
      if (before.role === 'admin' && req.body.role !== 'admin')
        await assertAnotherAdmin(db, p.organizationId, before.id);
      const after = await db.transaction(async (tx) => {
        const [u] = await tx
          .update(schema.users)
          .set({ role: req.body.role })
          .where(eq(schema.users.id, before.id))
          .returning();
        await writeAudit(tx, p, 'change_role', 'user', u.id, { role: before.role }, { role: u.role });
        // The access tokens in the user's hands still name the old role: they stop working (token version).
        if (before.role !== u.role) await bumpTokenVersion(tx, u.id);
        return u;
      });
      if (before.role !== after.role) {
        await db
          .update(schema.refreshTokens)
          .set({ revokedAt: ctx.clock.now() })
          .where(eq(schema.refreshTokens.userId, after.id));
        await ctx.tokenVersions.changed(after.id);
      }
      return publicUser(after);
    },
  );

  r.delete(
    '/api/users/:id',
    { schema: { tags, params: IdParams, response: answers({ 204: NoContent }) } },
    async (req, reply) => {
      const p = principalOf(req);
      const user = await findUser(db, p.organizationId, req.params.id);
      if (user.role === 'admin') await assertAnotherAdmin(db, p.organizationId, user.id);
      await db.transaction(async (tx) => {
        await tx.delete(schema.users).where(eq(schema.users.id, user.id));
        await writeAudit(tx, p, 'remove', 'user', user.id, publicUser(user), null);
      });
      await ctx.tokenVersions.changed(user.id);
      return reply.status(204).send();
    },
  );
}
