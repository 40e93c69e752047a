/** Who each call was with: the client's name and id (known by the number) added to call lists and call pages. */
import { clientsByPhone } from '../../clients/index.js';
import type { Db } from '../../db/index.js';

type CallLike = { channel: string; direction: string; from: string | null; to: string | null };

/** The customer's number of a phone call (the caller, or the number an outbound call dialled). */
const customerOf = (c: CallLike) => (c.channel !== 'phone' ? null : c.direction === 'outbound' ? c.to : c.from);

/** The calls with `client: { id, name } | null`. */
export async function withClients<T extends CallLike>(
  db: Db,
  organizationId: string,
  calls: T[],
): Promise<(T & { client: { id: string; name: string } | null })[]> {
  const known = await clientsByPhone(
    db,
    organizationId,
    calls.map(customerOf).filter((p): p is string => Boolean(p)),
  );
  return calls.map((c) => ({ ...c, client: known.get(customerOf(c) ?? '') ?? null }));
}
