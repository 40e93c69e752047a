import { eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import type { Db } from './client.js';
import { serverSecrets } from './schema/organizations.js';

/**
 * A server secret by name: the configured value if given, else one generated once and kept in the
 * database, so every node (and every restart) shares it without configuration.
 */
export async function serverSecret(db: Db, name: string, configured: string | undefined, bytes = 32): Promise<string> {
  if (configured) return configured;
  await db
    .insert(serverSecrets)
    .values({ name, value: randomBytes(bytes).toString('hex') })
    .onConflictDoNothing();
  const [row] = await db.select().from(serverSecrets).where(eq(serverSecrets.name, name));
  return row.value;
}

/** The name of the auth token Twilio requests are signed with in test mode (no Twilio account configured). */
export const TEST_TWILIO_AUTH_TOKEN = 'twilio-test-auth-token';
