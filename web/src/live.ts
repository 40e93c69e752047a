/**
 * Live updates from `GET /api/events` (Server-Sent Events, `data: {type, data}` lines). EventSource cannot
 * send the bearer token, so the stream is read with fetch; one connection is shared by every subscriber and
 * reconnects with backoff (1 s doubling to 30 s).
 */
import { useEffect, useRef } from 'react';
import { accessToken, refreshSession } from './api.js';

/** One live event. */
export interface LiveEvent { type: string; data: any }
type Handler = (e: LiveEvent) => void;

const handlers = new Set<Handler>();
let controller: AbortController | null = null;

async function connect() {
  let delay = 1000;
  while (handlers.size > 0 && accessToken()) {
    const ac = (controller = new AbortController());
    try {
      const res = await fetch('/api/events', { headers: { authorization: `Bearer ${accessToken()}`, accept: 'text/event-stream' }, signal: ac.signal });
      if (res.status === 401) { if (!(await refreshSession())) return; continue; }
      if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
      delay = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i); buf = buf.slice(i + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
          if (!data) continue;
          try {
            const ev = JSON.parse(data) as LiveEvent;
            if (typeof ev?.type === 'string') handlers.forEach((h) => h(ev));
          } catch { /* a keep-alive or a line we do not understand */ }
        }
      }
    } catch {
      if (ac.signal.aborted) return;
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
    if (handlers.size === 1) void connect();
    return () => {
      handlers.delete(h);
      if (handlers.size === 0) { controller?.abort(); controller = null; }
    };
  }, []);
}
