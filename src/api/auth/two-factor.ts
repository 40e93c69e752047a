/**
 * Optional two-factor sign-in for admins (TOTP, RFC 6238): enrolment stores a new secret sealed with
 * the server's encryption key, a code from the app confirms it and switches it on, and from then on
 * login needs a code as well as the password. Each code works once (the last accepted step is kept).
 * Switching it on answers ten recovery codes, shown that once and stored only hashed: each stands in
 * for an app code once (a lost phone), and turning two-factor off forgets the rest.
 */
import { createHash, randomInt } from 'node:crypto';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { schema, type Db } from '../../db/index.js';
import { AppError, errors, type Clock } from '../../lib/index.js';
import type { TokenCipher } from '../../booking/calendars/index.js';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.js';

type UserRow = typeof schema.users.$inferSelect;

/** What two-factor sign-in needs: the database, the clock codes are read against, and the secret's cipher. */
export interface TwoFactorDeps {
  db: Db;
  clock: Clock;
  cipher: () => Promise<TokenCipher>;
}

const codeRefused = () =>
  new AppError('INVALID_TWO_FACTOR_CODE', 'the authentication code is wrong or was already used', 401);

/** How many recovery codes switching two-factor on gives. */
export const RECOVERY_CODES = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
/** A recovery code: three groups of four (about 59 bits), e.g. `k7pq-2mxa-9tcd`. */
export const RECOVERY_CODE = /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/;
const newRecoveryCode = () =>
  Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('')).join(
    '-',
  );
const recoveryHash = (userId: string, code: string) =>
  createHash('sha256').update(`${userId}|${code.toLowerCase()}`).digest('base64url');

async function userOf(db: Db, userId: string): Promise<UserRow> {
  const [u] = await db.select().from(schema.users).where(eq(schema.users.id, userId));
  if (!u) throw errors.unauthorized();
  return u;
}

/** Two-factor enrolment, confirmation, removal and the login check. */
export function createTwoFactor(deps: TwoFactorDeps) {
  /** Checks `code` against the user's secret and spends its step; throws 401 when wrong or reused. */
  async function spend(user: UserRow, code: string): Promise<void> {
    if (!user.totpSecret) throw codeRefused();
    if (RECOVERY_CODE.test(code.trim().toLowerCase())) {
      if (!user.totpEnabledAt) throw codeRefused();
      // Removed as it is used, conditionally: two requests racing with one code cannot both spend it.
      const h = recoveryHash(user.id, code.trim());
      const used = await deps.db
        .update(schema.users)
        .set({ totpRecovery: sql`array_remove(${schema.users.totpRecovery}, ${h})` })
        .where(and(eq(schema.users.id, user.id), sql`${h} = any(${schema.users.totpRecovery})`))
        .returning({ id: schema.users.id });
      if (!used.length) throw codeRefused();
      return;
    }
    const secret = (await deps.cipher()).open(user.totpSecret);
    const step = verifyTotp(secret, code, deps.clock.now(), user.totpLastStep);
    if (step === null) throw codeRefused();
    // Conditional, so two requests racing with one code cannot both spend it.
    const spent = await deps.db
      .update(schema.users)
      .set({ totpLastStep: step })
      .where(
        and(eq(schema.users.id, user.id), or(isNull(schema.users.totpLastStep), lt(schema.users.totpLastStep, step))),
      )
      .returning({ id: schema.users.id });
    if (!spent.length) throw codeRefused();
  }
  return {
    /** Starts (or restarts) enrolment: a new secret, not in force until confirmed. Admins only. */
    async enrol(userId: string): Promise<{ secret: string; otpauthUri: string }> {
      const user = await userOf(deps.db, userId);
      if (user.role !== 'admin') throw errors.forbidden('two-factor sign-in is for admins');
      if (user.totpEnabledAt)
        throw errors.conflict('TWO_FACTOR_ENABLED', 'two-factor sign-in is already on; turn it off first');
      const secret = newTotpSecret();
      await deps.db
        .update(schema.users)
        .set({ totpSecret: (await deps.cipher()).seal(secret), totpLastStep: null })
        .where(eq(schema.users.id, userId));
      return { secret, otpauthUri: otpauthUri(secret, user.email) };
    },
    /**
     * Switches two-factor sign-in on once a code from the app proves the secret was stored there;
     * answers the recovery codes, which are never shown again.
     */
    async confirm(userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
      const user = await userOf(deps.db, userId);
      if (user.totpEnabledAt) throw errors.conflict('TWO_FACTOR_ENABLED', 'two-factor sign-in is already on');
      if (!user.totpSecret) throw errors.conflict('TWO_FACTOR_NOT_ENROLLED', 'start the enrolment first');
      await spend(user, code);
      const recoveryCodes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
      await deps.db
        .update(schema.users)
        .set({ totpEnabledAt: deps.clock.now(), totpRecovery: recoveryCodes.map((c) => recoveryHash(userId, c)) })
        .where(eq(schema.users.id, userId));
      return { recoveryCodes };
    },
    /** Switches it off; needs a current code, so a stolen session alone cannot remove it. */
    async disable(userId: string, code: string): Promise<void> {
      const user = await userOf(deps.db, userId);
      if (!user.totpEnabledAt) throw errors.conflict('TWO_FACTOR_NOT_ENABLED', 'two-factor sign-in is off');
      await spend(user, code);
      await deps.db
        .update(schema.users)
        .set({ totpEnabledAt: null, totpSecret: null, totpLastStep: null, totpRecovery: null })
        .where(eq(schema.users.id, userId));
    },
    /** The login check of an enrolled user: 401 `TWO_FACTOR_REQUIRED` without a code, `INVALID_TWO_FACTOR_CODE` for a wrong one. */
    async check(user: UserRow, code: string | undefined): Promise<void> {
      if (!code)
        throw new AppError(
          'TWO_FACTOR_REQUIRED',
          'enter the 6-digit code from your authenticator app (or one of your recovery codes)',
          401,
        );
      await spend(user, code);
    },
  };
}
export type TwoFactor = ReturnType<typeof createTwoFactor>;
