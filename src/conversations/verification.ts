/**
 * Proof of a phone number on the chat: a 6-digit code texted to the number of an upcoming
 * appointment, stored hashed in the shared live store (any node can check it), bound to the chat
 * that asked for it, expiring after 10 minutes, with attempts and sends capped. In the embedded
 * default the SMS lands in the dev inbox like every other message.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/index.js';
import { newId, type Clock } from '../lib/index.js';
import type { LiveStore } from '../live/index.js';
import { conversationLanguage, enqueue, orgSnapshot } from '../notify/index.js';
import type { VerificationPort } from '../brain/index.js';
import { noteVerifiedPhone } from '../calls/index.js';

/** How long a code works. */
export const CODE_TTL_SEC = 600;
/** Wrong codes allowed per number and code before it is locked. */
export const MAX_CODE_ATTEMPTS = 5;
/** Codes texted to one number per 15 minutes, and per chat. */
export const MAX_CODE_SENDS = 3;

const digest = (organizationId: string, phone: string, code: string) =>
  createHash('sha256').update(`${organizationId}|${phone}|${code}`).digest();

/** The verification port of one conversation of one organization. */
export function createVerification(
  deps: {
    db: Db;
    live: LiveStore;
    clock: Clock;
    /** Whether the number has an upcoming appointment with the organization (only then is a code sent). */
    hasUpcoming(phone: string): Promise<boolean>;
  },
  organizationId: string,
  conversationId: string,
): VerificationPort {
  const codeKey = (phone: string) => `verify:code:${organizationId}:${phone}`;
  const triesKey = (phone: string) => `verify:tries:${organizationId}:${phone}`;
  return {
    async sendCode(phone) {
      const perNumber = await deps.live.hit(`verify:send:${organizationId}:${phone}`, 900);
      const perChat = await deps.live.hit(`verify:send-chat:${conversationId}`, 3600);
      if (perNumber.count > MAX_CODE_SENDS || perChat.count > MAX_CODE_SENDS) return { sent: false };
      // nothing is texted to a number without a booking, and the chat is told the same either way
      if (!(await deps.hasUpcoming(phone))) return { sent: true };
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await deps.live.setValue(
        codeKey(phone),
        JSON.stringify({ hash: digest(organizationId, phone, code).toString('hex'), conversationId }),
        CODE_TTL_SEC,
      );
      await deps.live.reset(triesKey(phone));
      const snap = await orgSnapshot(deps.db, organizationId);
      await enqueue(
        deps.db,
        [
          {
            organizationId,
            event: 'verification.code',
            channel: 'sms',
            recipient: phone,
            idempotencyKey: `verify:${newId()}`,
            payload: {
              template: 'verification_code',
              event: 'verification.code',
              urgent: true,
              orgName: snap.orgName,
              timezone: snap.timezone,
              from: snap.from,
              language: await conversationLanguage(deps.db, conversationId, snap),
              data: { code },
            },
          },
        ],
        deps.clock.now(),
      );
      return { sent: true };
    },
    async checkCode(phone, code) {
      const tries = await deps.live.hit(triesKey(phone), CODE_TTL_SEC);
      const raw = await deps.live.getValue(codeKey(phone));
      if (!raw || tries.count > MAX_CODE_ATTEMPTS) {
        if (raw) await deps.live.deleteValue(codeKey(phone));
        return { ok: false, final: true };
      }
      const stored = JSON.parse(raw) as { hash: string; conversationId: string };
      const ok =
        stored.conversationId === conversationId &&
        timingSafeEqual(Buffer.from(stored.hash, 'hex'), digest(organizationId, phone, code));
      if (ok) {
        await deps.live.deleteValue(codeKey(phone));
        // the proven number may receive this conversation's customer messages (confirmations)
        await noteVerifiedPhone(deps.db, conversationId, phone);
        return { ok: true, final: true };
      }
      return { ok: false, final: tries.count >= MAX_CODE_ATTEMPTS };
    },
  };
}
