/**
 * Account self-service: password reset by emailed link, password change, email verification and the
 * invited user's first password. Every password change ends the user's other sessions.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import { schema, type Db, type Queryable } from '../../db/index.js';
import { AppError, type Clock } from '../../lib/index.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { sendAccountLink, spendAccountLink } from './account-links.js';
import { revokeAllSessions } from './sessions.js';

/** What account self-service needs. */
export interface AccountDeps {
  db: Db;
  clock: Clock;
}

/**
 * Emails a reset link when the address has an account; answers nothing either way, so the route
 * cannot tell a visitor which addresses have accounts.
 */
export async function requestPasswordReset(deps: AccountDeps, email: string): Promise<void> {
  const [user] = await deps.db.select().from(schema.users).where(eq(schema.users.email, email));
  if (!user) return;
  await deps.db.transaction((tx) => sendAccountLink(tx, user, 'reset_password', deps.clock.now()));
}

/** Sets the password a link allows (reset or invitation); the link proves the address too. Ends every session. */
async function setPasswordByLink(
  deps: AccountDeps,
  token: string,
  purpose: 'reset_password' | 'set_password',
  password: string,
): Promise<string> {
  const passwordHash = await hashPassword(password);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const userId = await spendAccountLink(tx, token, purpose, now);
    const [u] = await tx
      .select({ verified: schema.users.emailVerifiedAt })
      .from(schema.users)
      .where(eq(schema.users.id, userId));
    await tx
      .update(schema.users)
      .set({ passwordHash, passwordUnset: false, emailVerifiedAt: u?.verified ?? now })
      .where(eq(schema.users.id, userId));
    await revokeAllSessions(tx, userId, now);
    return userId;
  });
}

/** Completes a reset: the new password works, the link is spent, every device is signed out. */
export const resetPassword = (deps: AccountDeps, token: string, password: string) =>
  setPasswordByLink(deps, token, 'reset_password', password);

/** An invited user chooses the first password through the invitation link. */
export const setInvitedPassword = (deps: AccountDeps, token: string, password: string) =>
  setPasswordByLink(deps, token, 'set_password', password);

/** Changes the password after checking the current one; every session ends (the route starts a fresh one for the caller). */
export async function changePassword(deps: AccountDeps, userId: string, current: string, next: string): Promise<void> {
  const [user] = await deps.db.select().from(schema.users).where(eq(schema.users.id, userId));
  if (!user || !(await verifyPassword(current, user.passwordHash))) {
    throw new AppError('WRONG_PASSWORD', 'the current password is not right', 422, {
      fields: [{ path: 'body.currentPassword', message: 'not your current password' }],
    });
  }
  const passwordHash = await hashPassword(next);
  await deps.db.transaction(async (tx) => {
    await tx.update(schema.users).set({ passwordHash }).where(eq(schema.users.id, userId));
    await revokeAllSessions(tx, userId, deps.clock.now());
  });
}

/** Marks the address proven by its link. */
export async function verifyEmail(deps: AccountDeps, token: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const userId = await spendAccountLink(tx, token, 'verify_email', now);
    await tx.update(schema.users).set({ emailVerifiedAt: now }).where(eq(schema.users.id, userId));
  });
}

/** Sends a new verification link (the older one stops working); nothing when already verified. */
export async function resendVerification(deps: AccountDeps, userId: string): Promise<{ sent: boolean }> {
  const [user] = await deps.db.select().from(schema.users).where(eq(schema.users.id, userId));
  if (!user || user.emailVerifiedAt) return { sent: false };
  await deps.db.transaction((tx) => sendAccountLink(tx, user, 'verify_email', deps.clock.now()));
  return { sent: true };
}

/**
 * Whether someone of the organization proved an email address: the condition for its first phone
 * number to go live (so a throwaway sign-up cannot put a number on the line).
 */
export async function organizationVerified(q: Queryable, organizationId: string): Promise<boolean> {
  const rows = await q
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(and(eq(schema.users.organizationId, organizationId), isNotNull(schema.users.emailVerifiedAt)))
    .limit(1);
  return rows.length > 0;
}

/** 403 `EMAIL_NOT_VERIFIED`: the first phone number waits for a proven address. */
export const emailNotVerified = () =>
  new AppError(
    'EMAIL_NOT_VERIFIED',
    'confirm your email address first: open the link we emailed you (POST /api/auth/verify-email/resend sends a new one)',
    403,
  );
