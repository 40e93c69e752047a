/**
 * The organization as one role may see it: the public chat key and the ICS feed token are secrets
 * that let anyone chat as the business's widget or read its whole calendar, so only admins (who can
 * rotate them) receive them; operators and viewers get the rest of the row.
 */
import type { FastifyInstance } from 'fastify';
import type { Role } from '../auth/tokens.js';

/** Fields of the organization row only an admin receives. */
export const ADMIN_ONLY_ORGANIZATION_FIELDS = ['chatKey', 'icsToken'] as const;

/** The organization row as `role` may see it. */
export function organizationFor<T extends Record<string, unknown>>(role: Role | undefined, org: T): T {
  if (role === 'admin') return org;
  const out: Record<string, unknown> = { ...org };
  for (const f of ADMIN_ONLY_ORGANIZATION_FIELDS) delete out[f];
  return out as T;
}

/**
 * For answers that carry `{ user, organization }` (login, refresh, `GET /api/me`): the organization
 * is cut to what the user's role may see before it is serialized.
 */
export function hideAdminKeysFromStaff(app: FastifyInstance) {
  app.addHook('preSerialization', async (_req, _reply, payload: unknown) => {
    if (!payload || typeof payload !== 'object') return payload;
    const p = payload as { user?: { role?: Role }; organization?: Record<string, unknown> };
    if (!p.organization || typeof p.organization !== 'object') return payload;
    return { ...p, organization: organizationFor(p.user?.role, p.organization) };
  });
}
