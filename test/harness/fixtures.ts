/**
 * Fixture shortcuts for suites that need an organization in a given state, not the flow that gets it
 * there (that flow has its own tests): the databases of the test servers of this process, by URL.
 */
import { and, eq } from 'drizzle-orm';
import { schema, type Database } from '../../src/db/index.js';

const databases = new Map<string, Database>();

/** Remembers a test server's database (startTestServer does this). */
export function rememberDatabase(url: string, database: Database): () => void {
  databases.set(url, database);
  return () => {
    databases.delete(url);
  };
}

/**
 * Marks a sign-up's email address verified, as its emailed link would (a number can then go live),
 * and its verification email as already delivered, so suites that count what the dispatcher sends see
 * only their own messages. Answers false for a server of another process (its database is not
 * reachable from here).
 */
export async function markEmailVerified(url: string, email: string): Promise<boolean> {
  const database = databases.get(url);
  if (!database) return false;
  const address = email.toLowerCase();
  await database.db.update(schema.users).set({ emailVerifiedAt: new Date() }).where(eq(schema.users.email, address));
  await database.db
    .update(schema.outbox)
    .set({ status: 'sent' })
    .where(
      and(
        eq(schema.outbox.recipient, address),
        eq(schema.outbox.event, 'account.verify_email'),
        eq(schema.outbox.status, 'pending'),
      ),
    );
  return true;
}
