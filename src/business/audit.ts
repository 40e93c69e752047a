import type { Queryable } from '../db/index.js';
import { schema } from '../db/index.js';

/** Who made a change: a user, or the system (seeding, the agent). */
export interface Actor {
  organizationId: string;
  userId?: string | null;
}

/** Records a configuration change (who, what, before → after) in the audit log. */
export async function writeAudit(
  q: Queryable,
  actor: Actor,
  action: string,
  entity: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await q.insert(schema.auditLog).values({
    organizationId: actor.organizationId,
    userId: actor.userId ?? null,
    action,
    entity,
    entityId,
    before: before ?? null,
    after: after ?? null,
  });
}
