import { and, asc, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { pgErrorCode, type Db } from '../db/index.js';
import { errors, isUuid } from '../lib/index.js';
import { writeAudit, type Actor } from './audit.js';

type OrgTable = PgTable & { id: any; organizationId: any; createdAt: any };

/**
 * List / get / create / update / delete for a table of one organization's rows, every write audited.
 * Another organization's id (or a malformed one) is NOT_FOUND, exactly like a missing one.
 */
export function scopedCrud<T extends OrgTable, Row extends { id: string }>(table: T, entity: string) {
  const t = table as any;
  const scope = (organizationId: string, id: string) => and(eq(t.id, id), eq(t.organizationId, organizationId));
  return {
    async list(db: Db, organizationId: string): Promise<Row[]> {
      return (await db.select().from(t).where(eq(t.organizationId, organizationId)).orderBy(asc(t.createdAt))) as Row[];
    },
    async get(db: Db, organizationId: string, id: string): Promise<Row> {
      if (!isUuid(id)) throw errors.notFound(entity);
      const [row] = await db.select().from(t).where(scope(organizationId, id));
      if (!row) throw errors.notFound(entity);
      return row as Row;
    },
    async create(db: Db, actor: Actor, values: Record<string, unknown>): Promise<Row> {
      return db.transaction(async (tx) => {
        // Strictly after the organization's last row: lists keep the order rows were added in, even when two land
        // in one millisecond (the embedded database's clock), and "the first staff member" does not change by chance.
        const createdAt = sql`greatest(now(), (select max(${t.createdAt}) + interval '1 millisecond' from ${t} where ${t.organizationId} = ${actor.organizationId}))`;
        const [row] = (await tx
          .insert(t)
          .values({ ...values, organizationId: actor.organizationId, createdAt })
          .returning()) as Row[];
        await writeAudit(tx, actor, 'create', entity, (row as Row).id, null, row);
        return row as Row;
      });
    },
    async update(db: Db, actor: Actor, id: string, patch: Record<string, unknown>): Promise<Row> {
      if (!isUuid(id)) throw errors.notFound(entity);
      return db.transaction(async (tx) => {
        const [before] = await tx.select().from(t).where(scope(actor.organizationId, id)).for('update');
        if (!before) throw errors.notFound(entity);
        const withTime = 'updatedAt' in t ? { ...patch, updatedAt: new Date() } : patch;
        const [after] = (await tx.update(t).set(withTime).where(scope(actor.organizationId, id)).returning()) as Row[];
        await writeAudit(tx, actor, 'update', entity, id, before, after);
        return after as Row;
      });
    },
    async remove(db: Db, actor: Actor, id: string): Promise<void> {
      if (!isUuid(id)) throw errors.notFound(entity);
      try {
        await db.transaction(async (tx) => {
          const [before] = (await tx.delete(t).where(scope(actor.organizationId, id)).returning()) as Row[];
          if (!before) throw errors.notFound(entity);
          await writeAudit(tx, actor, 'delete', entity, id, before, null);
        });
      } catch (e) {
        if (pgErrorCode(e).code === '23503')
          throw errors.conflict('IN_USE', `${entity} is still referenced (for example by appointments)`);
        throw e;
      }
    },
  };
}
