import { index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts, updatedAt } from './columns.js';

/** A business (tenant). Every tenant table carries its id. */
export const organizations = pgTable('organizations', {
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
  testClock: jsonb('test_clock').$type<{ at: string; setAt: string } | null>(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
}, (t) => [uniqueIndex('organizations_chat_key_uq').on(t.chatKey), uniqueIndex('organizations_ics_token_uq').on(t.icsToken)]);

/** A person who signs in to the dashboard; belongs to one organization. */
export const users = pgTable('users', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  name: text('name'),
  passwordHash: text('password_hash').notNull(),
  role: text('role', { enum: ['admin', 'operator', 'viewer'] }).notNull(),
  lastLoginAt: ts('last_login_at'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('users_email_uq').on(t.email), index('users_org_idx').on(t.organizationId)]);

/** Refresh tokens, stored hashed; rotation links a family, reuse revokes the family. */
export const refreshTokens = pgTable('refresh_tokens', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  familyId: uuid('family_id').notNull(),
  tokenHash: text('token_hash').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  revokedAt: ts('revoked_at'),
  createdAt: createdAt(),
}, (t) => [uniqueIndex('refresh_tokens_hash_uq').on(t.tokenHash), index('refresh_tokens_family_idx').on(t.familyId)]);

/** Who changed what: every configuration change with before and after. */
export const auditLog = pgTable('audit_log', {
  id: id(),
  organizationId: uuid('organization_id').notNull().references(() => organizations.id, { onDelete: 'cascade' }),
  userId: uuid('user_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  createdAt: createdAt(),
}, (t) => [index('audit_log_org_idx').on(t.organizationId, t.createdAt)]);


/** Secrets the server generates itself when not configured (JWT key, encryption key), shared by all nodes. */
export const serverSecrets = pgTable('server_secrets', {
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: createdAt(),
});
