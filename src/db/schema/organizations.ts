import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt } from './columns.js';

/** A business (tenant). Every tenant table carries its id. */
export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull().default('America/New_York'),
    industry: text('industry').notNull().default('other'),
    plan: text('plan').notNull().default('trial'),
    /** Public key the chat widget uses in its URL. */
    chatKey: text('chat_key').notNull(),
    /** Secret token for the ICS feed. */
    icsToken: text('ics_token').notNull(),
    /** Onboarding progress: the steps done, so the wizard can be left and resumed. */
    onboarding: jsonb('onboarding').$type<Record<string, boolean>>().notNull().default({}),
    /**
     * A simulated clock for test organizations (the call simulator's `now`): the product reads this
     * organization's time as `at` plus the real time elapsed since `setAt`. Null for real businesses.
     */
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('organizations_chat_key_uq').on(t.chatKey),
    uniqueIndex('organizations_ics_token_uq').on(t.icsToken),
  ],
);

/** A person who signs in to the dashboard; belongs to one organization. */
export const users = pgTable(
  'users',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['admin', 'operator', 'viewer'] }).notNull(),
    lastLoginAt: ts('last_login_at'),
    /**
     * Bumped whenever the user's standing changes (role change, password reset or change): access tokens
     * carry the version they were signed with, and an older one stops working (deletion removes the row).
     */
    tokenVersion: integer('token_version').notNull().default(0),
    /** When the user proved the email address by its link; null until then. */
    emailVerifiedAt: ts('email_verified_at'),
    /** An invited user who has not chosen a password yet (the hash is of a random secret nobody knows). */
    passwordUnset: boolean('password_unset').notNull().default(false),
    /** TOTP (RFC 6238) shared secret, encrypted with ENCRYPTION_KEY; set at enrolment. */
    totpSecret: text('totp_secret'),
    /** When two-factor sign-in was switched on (the enrolment was confirmed by a code); null when off. */
    totpEnabledAt: ts('totp_enabled_at'),
    /** The last TOTP time step accepted, so one code cannot be used twice. */
    totpLastStep: integer('totp_last_step'),
    /** SHA-256 (salted with the user id) of each unused two-factor recovery code; a used one is removed. */
    totpRecovery: text('totp_recovery').array(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_org_idx').on(t.organizationId)],
);

/**
 * Single-use secrets mailed to a user (password reset, invitation, email verification), stored only
 * as a hash; each has a purpose and an expiry and is spent by the first use.
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['reset_password', 'set_password', 'verify_email'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('account_tokens_hash_uq').on(t.tokenHash), index('account_tokens_user_idx').on(t.userId)],
);

/** Refresh tokens, stored hashed; rotation links a family, reuse revokes the family. */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('refresh_tokens_hash_uq').on(t.tokenHash), index('refresh_tokens_family_idx').on(t.familyId)],
);

/** Who changed what: every configuration change with before and after. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_org_idx').on(t.organizationId, t.createdAt)],
);

/** Secrets the server generates itself when not configured (JWT key, encryption key), shared by all nodes. */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});
