/**
 * Account self-service routes: password reset by emailed link, password change, email verification,
 * the invited user's first password, and optional two-factor sign-in (TOTP) for admins.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answers, NoContent, Obj, SessionAnswer } from '../answers.js';
import { eq } from 'drizzle-orm';
import { schema, serverSecret } from '../../db/index.js';
import { createTokenCipher, type TokenCipher } from '../../booking/calendars/index.js';
import { errors } from '../../lib/index.js';
import type { ApiContext } from '../context.js';
import { authenticate, principalOf } from '../plugins/auth.js';
import { enforceLimit } from '../plugins/rate-limit.js';
import {
  changePassword,
  requestPasswordReset,
  resendVerification,
  resetPassword,
  setInvitedPassword,
  verifyEmail,
} from '../auth/accounts.js';
import { createTwoFactor, type TwoFactor } from '../auth/two-factor.js';
import { issue } from '../auth/sessions.js';
import { deliverSession } from '../auth/refresh-cookie.js';

const Email = z.string().trim().toLowerCase().max(254).email();
const Password = z.string().min(8, 'at least 8 characters').max(200);
const LinkToken = z.string().min(20).max(100);
const Code = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'the 6-digit code from your authenticator app');

const twoFactors = new WeakMap<ApiContext, TwoFactor>();
/** The server's two-factor service (secrets sealed with ENCRYPTION_KEY, or the generated key on the embedded database). */
export function twoFactorOf(ctx: ApiContext): TwoFactor {
  let t = twoFactors.get(ctx);
  if (!t) {
    const db = ctx.database.db;
    let cipher: Promise<TokenCipher> | undefined;
    t = createTwoFactor({
      db,
      clock: ctx.clock,
      cipher: () => (cipher ??= serverSecret(db, 'encryption', ctx.config.encryptionKey).then(createTokenCipher)),
    });
    twoFactors.set(ctx, t);
  }
  return t;
}

/** The routes of API.md › Auth and team that a user runs on their own account. */
export async function accountRoutes(app: FastifyInstance, ctx: ApiContext) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const deps = { db, clock: ctx.clock };
  const twoFactor = twoFactorOf(ctx);
  const tags = ['auth'];
  const signedIn = authenticate(ctx.tokens);

  r.post(
    '/api/auth/password-reset',
    {
      schema: {
        tags,
        security: [],
        body: z.strictObject({ email: Email }),
        response: answers({ 202: z.object({ message: z.string() }) }),
      },
    },
    async (req, reply) => {
      // Mail costs the business its sender reputation: a few links per address and per source an hour.
      await enforceLimit(ctx.live, `reset:email:${req.body.email}`, 5, 3600);
      await enforceLimit(ctx.live, `reset:ip:${req.ip}`, 20, 3600);
      await requestPasswordReset(deps, req.body.email);
      return reply
        .status(202)
        .send({ message: 'if an account uses this address, a link to choose a new password is on its way' });
    },
  );

  r.post(
    '/api/auth/password-reset/confirm',
    {
      schema: {
        tags,
        security: [],
        body: z.strictObject({ token: LinkToken, password: Password }),
        response: answers({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      const userId = await resetPassword(deps, req.body.token, req.body.password);
      await ctx.tokenVersions.changed(userId);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/auth/set-password',
    {
      schema: {
        tags,
        security: [],
        body: z.strictObject({ token: LinkToken, password: Password }),
        response: answers({ 204: NoContent }),
      },
    },
    async (req, reply) => {
      const userId = await setInvitedPassword(deps, req.body.token, req.body.password);
      await ctx.tokenVersions.changed(userId);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/auth/verify-email',
    {
      schema: { tags, security: [], body: z.strictObject({ token: LinkToken }), response: answers({ 204: NoContent }) },
    },
    async (req, reply) => {
      await verifyEmail(deps, req.body.token);
      return reply.status(204).send();
    },
  );

  r.post(
    '/api/auth/verify-email/resend',
    { onRequest: signedIn, schema: { tags, response: answers({ 202: Obj({ sent: z.boolean() }) }) } },
    async (req, reply) => {
      const p = principalOf(req);
      await enforceLimit(ctx.live, `verify:user:${p.userId}`, 5, 3600);
      return reply.status(202).send(await resendVerification(deps, p.userId));
    },
  );

  // A new password ends every session; the caller's own continues with the fresh one answered here.
  r.post(
    '/api/auth/password',
    {
      onRequest: signedIn,
      schema: {
        tags,
        body: z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: Password }),
        response: answers({ 200: SessionAnswer }),
      },
    },
    async (req, reply) => {
      const p = principalOf(req);
      await enforceLimit(ctx.live, `password:user:${p.userId}`, 10, 900);
      await changePassword(deps, p.userId, req.body.currentPassword, req.body.newPassword);
      await ctx.tokenVersions.changed(p.userId);
      const [user] = await db.select().from(schema.users).where(eq(schema.users.id, p.userId));
      const [org] = await db.select().from(schema.organizations).where(eq(schema.organizations.id, p.organizationId));
      if (!user || !org) throw errors.unauthorized();
      const session = await issue(
        { db, tokens: ctx.tokens, clock: ctx.clock, refreshTtlDays: ctx.config.auth.refreshTtlDays },
        user,
        org,
      );
      return deliverSession(req, reply, session, {
        ttlDays: ctx.config.auth.refreshTtlDays,
        publicUrl: ctx.config.publicUrl,
      });
    },
  );

  r.post(
    '/api/auth/2fa/enrol',
    {
      onRequest: signedIn,
      schema: { tags, response: answers({ 200: Obj({ secret: z.string(), otpauthUri: z.string() }) }) },
    },
    async (req) => twoFactor.enrol(principalOf(req).userId),
  );

  // Answers the recovery codes: the only time they are shown.
  r.post(
    '/api/auth/2fa/confirm',
    {
      onRequest: signedIn,
      schema: {
        tags,
        body: z.strictObject({ code: Code }),
        response: answers({ 200: z.object({ recoveryCodes: z.array(z.string()) }) }),
      },
    },
    async (req, reply) => {
      const out = await twoFactor.confirm(principalOf(req).userId, req.body.code);
      return reply.header('cache-control', 'no-store').send(out);
    },
  );

  r.post(
    '/api/auth/2fa/disable',
    {
      onRequest: signedIn,
      schema: { tags, body: z.strictObject({ code: Code }), response: answers({ 204: NoContent }) },
    },
    async (req, reply) => {
      await twoFactor.disable(principalOf(req).userId, req.body.code);
      return reply.status(204).send();
    },
  );
}
