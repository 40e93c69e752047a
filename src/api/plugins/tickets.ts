/**
 * One-time tickets for the two connections a browser opens without headers (the live-events stream
 * and the test call's WebSocket): the page POSTs with its bearer token for a ticket and puts only the
 * ticket in the URL, so no access token ever sits in a URL (proxy logs, history, Referer). A ticket
 * is random, stored hashed in the shared live store (any node redeems it), works once and for
 * TICKET_TTL_SEC, and carries the access token's expiry: what it opens ends when that token would.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { errors } from '../../lib/index.js';
import type { LiveStore } from '../../live/index.js';
import type { Principal } from '../auth/tokens.js';

/** How long a ticket may wait to be used. */
export const TICKET_TTL_SEC = 30;
/** What a ticket opens. */
export type TicketPurpose = 'events' | 'test-call';

/** What redeeming a ticket answers. */
export interface Redeemed {
  principal: Principal;
  expiresAt: number;
}

const keyOf = (ticket: string) => `ticket:${createHash('sha256').update(ticket).digest('base64url')}`;

/** The `exp` (ms) of an access token that has already been verified. */
export function accessTokenExpiry(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: number };
  return (payload.exp ?? 0) * 1000;
}

/** The bearer token of a request whose Authorization header was already verified. */
export function bearerOf(req: FastifyRequest): string {
  return (req.headers.authorization ?? '').slice(7).trim();
}

/** Issues and redeems tickets over the live store. */
export function createTickets(live: LiveStore, now: () => number = Date.now) {
  return {
    async issue(
      principal: Principal,
      purpose: TicketPurpose,
      tokenExpiresAt: number,
    ): Promise<{ ticket: string; expiresInSec: number }> {
      const ticket = randomBytes(24).toString('base64url');
      await live.setValue(
        keyOf(ticket),
        JSON.stringify({ principal, purpose, expiresAt: tokenExpiresAt }),
        TICKET_TTL_SEC,
      );
      return { ticket, expiresInSec: TICKET_TTL_SEC };
    },
    /** The ticket's principal, once: a second use, an expired or a foreign-purpose ticket answers 401. */
    async redeem(ticket: string, purpose: TicketPurpose): Promise<Redeemed> {
      const bad = () => errors.unauthorized('the ticket is unknown, used or expired; ask for a new one');
      if (!/^[\w-]{20,64}$/.test(ticket)) throw bad();
      const key = keyOf(ticket);
      if (!(await live.claimOnce(`used:${key}`, TICKET_TTL_SEC * 2))) throw bad();
      const raw = await live.getValue(key);
      await live.deleteValue(key);
      if (!raw) throw bad();
      const t = JSON.parse(raw) as { principal: Principal; purpose: TicketPurpose; expiresAt: number };
      if (t.purpose !== purpose || t.expiresAt <= now()) throw bad();
      return { principal: t.principal, expiresAt: t.expiresAt };
    },
  };
}
/** Tickets over one live store. */
export type Tickets = ReturnType<typeof createTickets>;
