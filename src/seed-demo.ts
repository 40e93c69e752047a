import { eq } from 'drizzle-orm';
import type { Db } from './db/index.js';
import { schema } from './db/index.js';
import { createOrganization } from './business/index.js';
import { grantComplimentary } from './billing/index.js';
import { hashPassword } from './api/auth/passwords.js';

/** The demo business `npm start` creates on an empty database, so there is something to try. */
export async function seedDemo(
  db: Db,
  login: { email: string; password: string },
): Promise<{ created: boolean; organizationId: string }> {
  const [existing] = await db.select().from(schema.users).where(eq(schema.users.email, login.email));
  if (existing) return { created: false, organizationId: existing.organizationId };
  const passwordHash = await hashPassword(login.password);
  const organizationId = await db.transaction(async (tx) => {
    const org = await createOrganization(tx, {
      name: 'Demo Plumbing Co.',
      timezone: 'America/Chicago',
      industry: 'plumbing',
      applyTemplate: true,
    });
    await tx
      .insert(schema.users)
      .values({ organizationId: org.id, email: login.email, name: 'Demo Owner', passwordHash, role: 'admin' });
    // The embedded demo keeps every feature, whatever the date.
    await grantComplimentary(tx, org.id);
    await tx
      .update(schema.businessConfigs)
      .set({
        address: '1200 Main St, Springfield, IL 62701',
        escalationNumber: '+13125550100',
        notifyEmail: login.email,
        notifyPhone: '+13125550101',
        holidays: ['2026-12-25', '2027-01-01'],
      })
      .where(eq(schema.businessConfigs.organizationId, org.id));
    const services = await tx.select().from(schema.services).where(eq(schema.services.organizationId, org.id));
    const ids = services.map((s) => s.id);
    await tx.insert(schema.staff).values([
      { organizationId: org.id, name: 'Mike', serviceIds: ids },
      { organizationId: org.id, name: 'Rosa', serviceIds: ids.slice(0, 3) },
    ]);
    await tx.insert(schema.phoneNumbers).values({ organizationId: org.id, e164: '+13125550199' }).onConflictDoNothing();
    return org.id;
  });
  return { created: true, organizationId };
}
