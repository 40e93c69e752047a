import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/index.js';
import { pgErrorCode, schema } from '../../db/index.js';
import { AppError, errors, newId, newToken, type Clock } from '../../lib/index.js';
import { createOrganization } from '../../business/index.js';
import { startTrial } from '../../billing/index.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';
import { bumpTokenVersion } from './token-versions.js';
import { hashRefreshToken, type AccessTokens, type Principal } from './tokens.js';
import { sendAccountLink } from './account-links.js';
import type { Queryable } from '../../db/index.js';

type UserRow = typeof schema.users.$inferSelect;
type OrgRow = typeof schema.organizations.$inferSelect;

/** What the auth service needs; `secondFactor` checks an enrolled user's TOTP code at login. */
export interface AuthDeps {
  db: Db;
  tokens: AccessTokens;
  clock: Clock;
  refreshTtlDays: number;
  secondFactor?: (user: UserRow, code: string | undefined) => Promise<void>;
}

/** The user as the API shows it (never the hash or the TOTP secret). */
export const publicUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  organizationId: u.organizationId,
  createdAt: u.createdAt,
  emailVerified: u.emailVerifiedAt !== null,
  twoFactorEnabled: u.totpEnabledAt !== null,
  invitationPending: u.passwordUnset,
});

/** Ends every session of a user: refresh tokens revoked, access tokens outdated (token version). */
export async function revokeAllSessions(q: Queryable, userId: string, now: Date): Promise<void> {
  await q
    .update(schema.refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(schema.refreshTokens.userId, userId), isNull(schema.refreshTokens.revokedAt)));
  await bumpTokenVersion(q, userId);
}

/** Issues an access token and a new refresh token (of an existing family, or a new one). */
export async function issue(deps: AuthDeps, user: UserRow, org: OrgRow, familyId = newId()) {
  const refreshToken = newToken(32);
  await deps.db.insert(schema.refreshTokens).values({
    organizationId: user.organizationId,
    userId: user.id,
    familyId,
    tokenHash: hashRefreshToken(refreshToken),
    expiresAt: new Date(deps.clock.now().getTime() + deps.refreshTtlDays * 86_400_000),
  });
  const p: Principal = { userId: user.id, organizationId: user.organizationId, role: user.role };
  return {
    accessToken: await deps.tokens.sign(p, user.tokenVersion),
    refreshToken,
    expiresIn: deps.tokens.ttlSec,
    user: publicUser(user),
    organization: org,
  };
}

/** Creates an organization and its first admin. */
export async function register(
  deps: AuthDeps,
  input: { email: string; password: string; organizationName: string; timezone?: string; industry?: string },
) {
  const passwordHash = await hashPassword(input.password);
  try {
    const { user, org } = await deps.db.transaction(async (tx) => {
      // Alerts reach the owner from the first minute: the sign-up email is the first recipient.
      const org = await createOrganization(tx, {
        name: input.organizationName,
        timezone: input.timezone,
        industry: input.industry,
        applyTemplate: true,
        notifyEmail: input.email,
      });
      // Sign-up starts the trial: every feature of the largest plan for 14 days.
      await startTrial(tx, org.id, deps.clock.now());
      const [user] = await tx
        .insert(schema.users)
        .values({ organizationId: org.id, email: input.email, passwordHash, role: 'admin' })
        .returning();
      // The address must be proven before a phone number goes live; the link is queued with the account.
      await sendAccountLink(tx, user, 'verify_email', deps.clock.now());
      return { user, org };
    });
    return issue(deps, user, org);
  } catch (e) {
    if (pgErrorCode(e).code === '23505')
      throw errors.conflict('EMAIL_TAKEN', 'an account with this email already exists');
    throw e;
  }
}

/**
 * Checks email and password (the same answer for an unknown email and a wrong password), then the
 * TOTP code of a user who enrolled in two-factor sign-in.
 */
export async function login(deps: AuthDeps, email: string, password: string, code?: string) {
  const [row] = await deps.db.select().from(schema.users).where(eq(schema.users.email, email));
  const ok = await verifyPassword(password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok || row.passwordUnset) throw new AppError('INVALID_CREDENTIALS', 'email or password is wrong', 401);
  if (row.totpEnabledAt) {
    if (!deps.secondFactor) throw new Error('two-factor sign-in is not wired');
    await deps.secondFactor(row, code);
  }
  const [org] = await deps.db
    .select()
    .from(schema.organizations)
    .where(eq(schema.organizations.id, row.organizationId));
  await deps.db.update(schema.users).set({ lastLoginAt: deps.clock.now() }).where(eq(schema.users.id, row.id));
  return issue(deps, row, org);
}

/**
 * Rotates a refresh token: the old one stops working. Presenting an already-used token means it was
 * stolen or replayed, so the whole family is revoked and the legitimate holder must log in again.
 */
export async function refresh(deps: AuthDeps, refreshToken: string) {
  const hash = hashRefreshToken(refreshToken);
  const now = deps.clock.now();
  const invalid = () => new AppError('INVALID_REFRESH_TOKEN', 'refresh token is invalid, expired or already used', 401);
  const claimed = await deps.db
    .update(schema.refreshTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(schema.refreshTokens.tokenHash, hash),
        isNull(schema.refreshTokens.usedAt),
        isNull(schema.refreshTokens.revokedAt),
      ),
    )
    .returning();
  const tok = claimed[0];
  if (!tok) {
    const [seen] = await deps.db.select().from(schema.refreshTokens).where(eq(schema.refreshTokens.tokenHash, hash));
    if (seen) await revokeFamily(deps.db, seen.familyId, now);
    throw invalid();
  }
  if (tok.expiresAt <= now) throw invalid();
  const [user] = await deps.db.select().from(schema.users).where(eq(schema.users.id, tok.userId));
  if (!user) throw invalid();
  const [org] = await deps.db
    .select()
    .from(schema.organizations)
    .where(eq(schema.organizations.id, user.organizationId));
  return issue(deps, user, org, tok.familyId);
}

async function revokeFamily(db: Db, familyId: string, now: Date) {
  await db
    .update(schema.refreshTokens)
    .set({ revokedAt: now })
    .where(and(eq(schema.refreshTokens.familyId, familyId), isNull(schema.refreshTokens.revokedAt)));
}

/** Ends a session: its refresh token family stops working. */
export async function logout(deps: AuthDeps, refreshToken: string | undefined, principal: Principal) {
  if (refreshToken) {
    const [tok] = await deps.db
      .select()
      .from(schema.refreshTokens)
      .where(eq(schema.refreshTokens.tokenHash, hashRefreshToken(refreshToken)));
    if (tok && tok.userId === principal.userId) await revokeFamily(deps.db, tok.familyId, deps.clock.now());
  }
}

/** Ends the session a refresh token belongs to (its holder proves it by holding it). */
export async function endSession(deps: AuthDeps, refreshToken: string) {
  const [tok] = await deps.db
    .select()
    .from(schema.refreshTokens)
    .where(eq(schema.refreshTokens.tokenHash, hashRefreshToken(refreshToken)));
  if (tok) await revokeFamily(deps.db, tok.familyId, deps.clock.now());
}
