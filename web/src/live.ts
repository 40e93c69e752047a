/**
 * Live updates from `GET /api/events` (Server-Sent Events, `data: {type, data}` lines) through the
 * browser's EventSource. EventSource cannot send the bearer token and the token must not sit in a URL,
 * so each connection first asks `POST /api/tickets` for a one-time ticket (the api client refreshes an
 * expired session) and opens `/api/events?ticket=…`. A ticket works once, so the browser's own
 * reconnect cannot be used: on an error or when the server ends the stream at the token's expiry, a new
 * ticket is fetched and the stream reopened, with backoff on errors (1 s doubling to 30 s). One
 * connection is shared by every subscriber.
 */
import { useEffect, useRef } from 'react';
import { accessToken, post } from './api.js';

import type { LiveEvent } from '../../src/live/events.js';

/** One live event: the server's union (src/live/events.ts), discriminated by `type`. */
export type { LiveEvent, LiveEventType } from '../../src/live/events.js';
type Handler = (e: LiveEvent) => void;

const handlers = new Set<Handler>();
let current: EventSource | null = null;
let stopped = true;
/** Each connect loop's generation: a loop left from an earlier mount stops when a new one starts. */
let generation = 0;

/** Opens one stream; resolves when it ends: 'expired' (reopen at once) or 'error' (back off). */
async function openStream(mine: number): Promise<'expired' | 'error'> {
  const { ticket } = await post<{ ticket: string }>('/api/tickets', { for: 'events' });
  // every subscriber left (or left and came back, starting a newer loop) while the ticket was on its way:
  // opening now would be a second stream and every event would arrive twice
  if (stopped || mine !== generation) return 'expired';
  return new Promise((resolve) => {
    const es = (current = new EventSource(`/api/events?ticket=${encodeURIComponent(ticket)}`));
    let opened = false;
    es.onopen = () => {
      opened = true;
    };
    es.onmessage = (m) => {
      try {
        const ev = JSON.parse(m.data) as LiveEvent | null;
        if (typeof ev?.type === 'string' && ev.data) handlers.forEach((h) => h(ev));
      } catch {
        /* a line we do not understand */
      }
    };
    es.addEventListener('expired', () => {
      es.close();
      resolve('expired');
    });
    // the server closing a healthy stream (its token expired) reads as an error here too: reopen at once
    es.onerror = () => {
      es.close();
      resolve(opened ? 'expired' : 'error');
    };
  });
}

async function connect(mine: number) {
  let delay = 1000;
  while (!stopped && mine === generation && handlers.size > 0 && accessToken()) {
    let how: 'expired' | 'error';
    try {
      how = await openStream(mine);
    } catch {
      how = 'error';
    }
    if (stopped || mine !== generation) return;
    if (how === 'expired') {
      delay = 1000;
      continue;
    }
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 30_000);
  }
}

/** Calls `handler` for every live event while the component is mounted. */
export function useLive(handler: Handler) {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    const h: Handler = (e) => ref.current(e);
    handlers.add(h);
    if (handlers.size === 1) {
      stopped = false;
      void connect(++generation);
    }
    return () => {
      handlers.delete(h);
      if (handlers.size === 0) {
        stopped = true;
        current?.close();
        current = null;
      }
    };
  }, []);
}
