/**
 * Single-use account links: password reset (30 minutes), invitation (7 days) and email verification
 * (7 days). The secret exists only in the emailed link (in the URL fragment, which browsers never send
 * to a server, so it stays out of access logs and Referer headers); the database keeps its hash. A
 * link is spent atomically by its first use, and a newer link of the same purpose replaces older ones.
 * The email goes through the notify outbox (SMTP when configured, the dev inbox otherwise).
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { schema, type Queryable } from '../../db/index.js';
import { enqueue, messageKey, orgSnapshot } from '../../notify/index.js';
import { AppError, newToken } from '../../lib/index.js';

/** What a link lets its holder do. */
export type LinkPurpose = 'reset_password' | 'set_password' | 'verify_email';

/** How long each kind of link works. */
export const LINK_TTL_MS: Record<LinkPurpose, number> = {
  reset_password: 30 * 60_000,
  set_password: 7 * 86_400_000,
  verify_email: 7 * 86_400_000,
};
/** The dashboard page each link opens. */
const PAGE: Record<LinkPurpose, string> = {
  reset_password: '/reset-password',
  set_password: '/set-password',
  verify_email: '/verify-email',
};

const hash = (t: string) => createHash('sha256').update(t).digest('base64url');

type User = Pick<typeof schema.users.$inferSelect, 'id' | 'email' | 'role' | 'organizationId'>;

/**
 * Issues a link for `user` and queues its email inside `tx` (the outbox row commits with the link).
 * Older unused links of the same purpose stop working.
 */
export async function sendAccountLink(tx: Queryable, user: User, purpose: LinkPurpose, now: Date): Promise<void> {
  const token = newToken(32);
  await tx
    .update(schema.accountTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(schema.accountTokens.userId, user.id),
        eq(schema.accountTokens.purpose, purpose),
        isNull(schema.accountTokens.usedAt),
      ),
    );
  const [row] = await tx
    .insert(schema.accountTokens)
    .values({
      userId: user.id,
      purpose,
      tokenHash: hash(token),
      expiresAt: new Date(now.getTime() + LINK_TTL_MS[purpose]),
    })
    .returning({ id: schema.accountTokens.id });
  const snap = await orgSnapshot(tx, user.organizationId);
  await enqueue(
    tx,
    [
      {
        organizationId: user.organizationId,
        event: `account.${purpose}`,
        channel: 'email',
        recipient: user.email,
        idempotencyKey: messageKey(`account.${purpose}:${row.id}`, 'email', user.email),
        payload: {
          template: 'account_link',
          event: `account.${purpose}`,
          urgent: false,
          orgName: snap.orgName,
          timezone: snap.timezone,
          from: snap.from,
          data: { purpose, email: user.email, role: user.role },
          linkPath: `${PAGE[purpose]}#token=${token}`,
        },
      },
    ],
    now,
  );
}

/** Spends a link: answers its user's id, or 400 `INVALID_LINK` when unknown, used, expired or of another purpose. */
export async function spendAccountLink(tx: Queryable, token: string, purpose: LinkPurpose, now: Date): Promise<string> {
  const t = schema.accountTokens;
  const [row] = await tx
    .update(t)
    .set({ usedAt: now })
    .where(and(eq(t.tokenHash, hash(token)), eq(t.purpose, purpose), isNull(t.usedAt), gt(t.expiresAt, now)))
    .returning({ userId: t.userId });
  if (!row) throw new AppError('INVALID_LINK', 'this link is invalid, expired or already used; ask for a new one', 400);
  return row.userId;
}
