/**
 * Proof that a phone number is the organization's before it routes calls there. With a Twilio account
 * the account must own the number (`ApiContext.numberOwner`). In test mode (no Twilio account) the
 * first request texts a 6-digit code to the number (through the outbox: the dev inbox in the embedded
 * default) and the owner sends it back: stored hashed in the shared live store, 10 minutes, 5 tries,
 * 5 codes per organization per 15 minutes.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { newId, errors } from '../../lib/index.js';
import { enqueue, orgSnapshot } from '../../notify/index.js';
import type { ApiContext } from '../context.js';

/** How long a number's code works. */
export const NUMBER_CODE_TTL_SEC = 600;
const MAX_TRIES = 5;
const MAX_SENDS = 5;

const digest = (organizationId: string, e164: string, code: string) =>
  createHash('sha256').update(`number|${organizationId}|${e164}|${code}`).digest();
const codeKey = (organizationId: string, e164: string) => `number-code:${organizationId}:${e164}`;

/** Texts a fresh code to `e164` for `organizationId` (429 past the send limit). */
export async function sendNumberCode(ctx: ApiContext, organizationId: string, e164: string): Promise<void> {
  const sends = await ctx.live.hit(`number-code-send:${organizationId}`, 900);
  if (sends.count > MAX_SENDS) throw errors.rateLimited(sends.resetSec);
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await ctx.live.setValue(
    codeKey(organizationId, e164),
    digest(organizationId, e164, code).toString('hex'),
    NUMBER_CODE_TTL_SEC,
  );
  await ctx.live.reset(`number-code-tries:${organizationId}:${e164}`);
  const db = ctx.database.db;
  const snap = await orgSnapshot(db, organizationId);
  await enqueue(
    db,
    [
      {
        organizationId,
        event: 'verification.code',
        channel: 'sms',
        recipient: e164,
        idempotencyKey: `number-code:${newId()}`,
        payload: {
          template: 'verification_code',
          event: 'verification.code',
          urgent: true,
          orgName: snap.orgName,
          timezone: snap.timezone,
          from: snap.from,
          data: { code },
        },
      },
    ],
    ctx.clock.now(),
  );
}

/** Checks (and on success uses up) the code texted to `e164`; a wrong, expired or over-tried code is false. */
export async function checkNumberCode(
  ctx: ApiContext,
  organizationId: string,
  e164: string,
  code: string,
): Promise<boolean> {
  const tries = await ctx.live.hit(`number-code-tries:${organizationId}:${e164}`, NUMBER_CODE_TTL_SEC);
  const stored = await ctx.live.getValue(codeKey(organizationId, e164));
  if (!stored || tries.count > MAX_TRIES) return false;
  if (!timingSafeEqual(Buffer.from(stored, 'hex'), digest(organizationId, e164, code))) return false;
  await ctx.live.deleteValue(codeKey(organizationId, e164));
  return true;
}
