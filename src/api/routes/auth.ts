import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, NoContent, Obj, OrganizationAnswer, SessionAnswer, UserAnswer } from '../answers.js';
import { eq } from 'drizzle-orm';
import { schema } from '../../db/index.js';
import { TimezoneSchema } from '../../business/index.js';
import type { ApiContext } from '../context.js';
import { endSession, login, logout, publicUser, refresh, register, type AuthDeps } from '../auth/sessions.js';
import { authenticate, principalOf } from '../plugins/auth.js';
import { enforceLimit } from '../plugins/rate-limit.js';
import { AppError, errors } from '../../lib/index.js';
import { hideAdminKeysFromStaff } from './organization-view.js';
import { twoFactorOf } from './account.js';
import { deliverSession, refreshTokenFromCookie, setRefreshCookie } from '../auth/refresh-cookie.js';

const Email = z.string().trim().toLowerCase().max(254).email();
const Password = z.string().min(8, 'at least 8 characters').max(200);
const INDUSTRIES = ['hvac', 'plumbing', 'electrical', 'auto', 'dental', 'salon', 'other'] as const;
const WINDOW_SEC = 15 * 60;

/** Register, login, refresh with rotation, logout, and `GET /api/me`. */
export async function authRoutes(app: FastifyInstance, ctx: ApiContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const twoFactor = twoFactorOf(ctx);
  const deps: AuthDeps = {
    db: ctx.database.db,
    tokens: ctx.tokens,
    clock: ctx.clock,
    refreshTtlDays: ctx.config.auth.refreshTtlDays,
    secondFactor: twoFactor.check,
  };
  const perEmail = ctx.config.auth.loginRateLimit;
  const tags = ['auth'];
  const cookie = { ttlDays: ctx.config.auth.refreshTtlDays, publicUrl: ctx.config.publicUrl };
  // The chat key and ICS token travel only to admins.
  hideAdminKeysFromStaff(app);

  r.post(
    '/api/auth/register',
    {
      schema: {
        tags,
        security: [],
        body: z.strictObject({
          email: Email,
          password: Password,
          organizationName: z.string().trim().min(1).max(120),
          timezone: TimezoneSchema.optional(),
          industry: z.enum(INDUSTRIES).optional(),
        }),
        response: answers({ 201: SessionAnswer }),
      },
    },
    async (req, reply) => {
      await enforceLimit(ctx.live, `register:ip:${req.ip}`, ctx.config.auth.registerRateLimit, 3600);
      return reply.status(201).send(deliverSession(req, reply, await register(deps, req.body), cookie));
    },
  );

  r.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        security: [],
        body: z.strictObject({
          email: Email,
          password: z.string().min(1).max(200),
          code: z.string().trim().max(20).optional(),
        }),
        response: answers({ 200: SessionAnswer }),
      },
    },
    async (req, reply) => {
      // Counted before the password is checked, atomically (INCR), so parallel guesses cannot all slip
      // through. The tight limit is per address *and* source: a guesser elsewhere slows the account
      // down (the looser per-address limit) but cannot lock its owner out of their usual network.
      const email = req.body.email.toLowerCase();
      const pairKey = `login:pair:${email}:${req.ip}`;
      const pair = await ctx.live.hit(pairKey, WINDOW_SEC);
      const perAddress = await ctx.live.hit(`login:email:${email}`, WINDOW_SEC);
      const perSource = await ctx.live.hit(`login:ip:${req.ip}`, WINDOW_SEC);
      const over = [
        [pair, perEmail],
        [perAddress, perEmail * 5],
        [perSource, perEmail * 5],
      ] as const;
      const hit = over.find(([c, limit]) => c.count > limit);
      if (hit) throw errors.rateLimited(hit[0].resetSec);
      const session = await login(deps, req.body.email, req.body.password, req.body.code);
      await ctx.live.reset(pairKey);
      return deliverSession(req, reply, session, cookie);
    },
  );

  // The body's token (API clients) or, without one, the HttpOnly cookie (the dashboard), which is then renewed.
  r.post(
    '/api/auth/refresh',
    {
      schema: {
        tags,
        security: [],
        body: z.strictObject({ refreshToken: z.string().min(10).max(200).optional() }).nullish(),
        response: answers({ 200: SessionAnswer }),
      },
    },
    async (req, reply) => {
      const fromCookie = req.body?.refreshToken ? undefined : refreshTokenFromCookie(req);
      const token = req.body?.refreshToken ?? fromCookie;
      if (!token)
        throw new AppError('INVALID_REFRESH_TOKEN', 'send the refresh token in the body or sign in again', 401);
      try {
        return deliverSession(req, reply, await refresh(deps, token), cookie, !!fromCookie || undefined);
      } catch (e) {
        if (fromCookie) setRefreshCookie(req, reply, null, cookie);
        throw e;
      }
    },
  );

  // The browser's way out: ends the cookie's session (it reaches only this path) and clears the cookie.
  r.delete(
    '/api/auth/refresh',
    { schema: { tags, security: [], response: answers({ 204: NoContent }) } },
    async (req, reply) => {
      const token = refreshTokenFromCookie(req);
      if (token) await endSession(deps, token);
      setRefreshCookie(req, reply, null, cookie);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/auth/logout',
    {
      onRequest: authenticate(ctx.tokens),
      schema: {
        tags,
        body: z.strictObject({ refreshToken: z.string().max(200).optional() }).optional(),
        response: answers({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      await logout(deps, req.body?.refreshToken, principalOf(req));
      setRefreshCookie(req, reply, null, cookie);
      return reply.status(204).send();
    },
  );

  r.get(
    '/api/me',
    {
      onRequest: authenticate(ctx.tokens),
      schema: { tags, response: answers({ 200: Obj({ user: UserAnswer, organization: OrganizationAnswer }) }) },
    },
    async (req) => {
      const p = principalOf(req);
      const db = ctx.database.db;
      const [user] = await db.select().from(schema.users).where(eq(schema.users.id, p.userId));
      const [organization] = await db
        .select()
        .from(schema.organizations)
        .where(eq(schema.organizations.id, p.organizationId));
      if (!user || !organization) throw Object.assign(new Error('gone'), { statusCode: 401 });
      return { user: publicUser(user), organization };
    },
  );
}
