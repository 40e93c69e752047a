import { eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';
import { errors } from '../lib/index.js';
import { writeAudit, type Actor } from './audit.js';

type Doc = 'organization' | 'config' | 'agent';
const TABLES = {
  organization: { table: schema.organizations, key: schema.organizations.id },
  config: { table: schema.businessConfigs, key: schema.businessConfigs.organizationId },
  agent: { table: schema.agents, key: schema.agents.organizationId },
} as const;

/** Reads one of the organization's settings documents. */
export async function getSettings(
  db: Db,
  doc: 'organization',
  organizationId: string,
): Promise<typeof schema.organizations.$inferSelect>;
export async function getSettings(
  db: Db,
  doc: 'config',
  organizationId: string,
): Promise<typeof schema.businessConfigs.$inferSelect>;
export async function getSettings(
  db: Db,
  doc: 'agent',
  organizationId: string,
): Promise<typeof schema.agents.$inferSelect>;
export async function getSettings(db: Db, doc: Doc, organizationId: string): Promise<any> {
  const { table, key } = TABLES[doc];
  const [row] = await db
    .select()
    .from(table as any)
    .where(eq(key, organizationId));
  if (!row) throw errors.notFound(doc);
  return row;
}

/** Applies a partial change to a settings document (other fields keep their values), audited. */
export async function patchSettings(db: Db, actor: Actor, doc: Doc, patch: Record<string, unknown>): Promise<any> {
  const { table, key } = TABLES[doc];
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(table as any)
      .where(eq(key, actor.organizationId))
      .for('update');
    if (!before) throw errors.notFound(doc);
    if (Object.keys(patch).length === 0) return before;
    const [after] = await tx
      .update(table as any)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(key, actor.organizationId))
      .returning();
    const changed = Object.keys(patch);
    const pick = (o: Record<string, unknown>) => Object.fromEntries(changed.map((k) => [k, o[k]]));
    await writeAudit(tx, actor, 'update', doc, actor.organizationId, pick(before), pick(after));
    return after;
  });
}
