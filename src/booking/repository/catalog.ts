/** Names of services and staff, for conversation (callers say names, not ids). */
import { and, eq } from 'drizzle-orm';
import { schema, type Queryable } from '../../db/index.js';

/** A service as a caller may name it. */
export interface NamedService {
  readonly id: string;
  readonly name: string;
  readonly synonyms: readonly string[];
}

/** The organization's active services and staff with their names. */
export async function namesOf(
  q: Queryable,
  organizationId: string,
): Promise<{ services: NamedService[]; staff: { id: string; name: string }[] }> {
  const [services, staff] = await Promise.all([
    q
      .select({ id: schema.services.id, name: schema.services.name, synonyms: schema.services.synonyms })
      .from(schema.services)
      .where(and(eq(schema.services.organizationId, organizationId), eq(schema.services.active, true))),
    q
      .select({ id: schema.staff.id, name: schema.staff.name })
      .from(schema.staff)
      .where(eq(schema.staff.organizationId, organizationId)),
  ]);
  return { services, staff };
}
