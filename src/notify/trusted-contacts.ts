/**
 * The one rule for writing to a customer (confirmations, notices, reminders): only to a contact
 * entered by staff, a number that came from caller ID (or that the business dialled), or one proven
 * by a texted code in the conversation. A number or address typed into an anonymous chat (or said on
 * a call) is never written to: anyone could make the business text, mail or call a stranger.
 */
import { eq } from 'drizzle-orm';
import { schema, type Queryable } from '../db/index.js';

/**
 * The contacts of `customer` that may receive messages. `callId` is the conversation the contact
 * came from; null or absent means staff entered it (the dashboard or the API).
 */
export async function trustedContacts(
  q: Queryable,
  customer: { phone: string | null; email: string | null },
  callId?: string | null,
): Promise<{ phone: string | null; email: string | null }> {
  const { phone, email } = customer;
  if (!callId) return { phone, email };
  const [call] = await q
    .select({
      channel: schema.calls.channel,
      direction: schema.calls.direction,
      from: schema.calls.from,
      to: schema.calls.to,
      metadata: schema.calls.metadata,
    })
    .from(schema.calls)
    .where(eq(schema.calls.id, callId));
  if (!call) return { phone: null, email: null };
  const proven = new Set<string>();
  if (call.channel === 'phone' || call.channel === 'test') {
    const callerId = call.direction === 'outbound' ? call.to : call.from;
    if (callerId) proven.add(callerId);
  }
  const verified = (call.metadata as { verifiedPhone?: unknown }).verifiedPhone;
  if (typeof verified === 'string') proven.add(verified);
  return { phone: phone && proven.has(phone) ? phone : null, email: null };
}
