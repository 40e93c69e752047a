/**
 * A load-generator process of the voice benchmark: runs a share of the simulated callers on its own
 * 20 ms clock, so generating 1,000 callers' traffic does not starve one process.
 * Driven by run.ts over IPC: start → speak → quiesce (stop sending) → stats → hangup.
 */
import { BenchCaller } from './caller.js';

const callers: BenchCaller[] = [];
let clock: NodeJS.Timeout | null = null;
let skipped = 0;

function startClock(): void {
  const t0 = performance.now();
  let sent = 0;
  let last = t0;
  clock = setInterval(() => {
    const now = performance.now();
    const late = now - last > 40;
    last = now;
    const due = Math.floor((now - t0) / 20);
    // catch up at most 3 frames (a late network burst, as Twilio's own jitter produces); beyond
    // that the generator itself is overloaded and those frames are counted as skipped, not sent
    if (due - sent > 3) {
      skipped += (due - sent - 3) * callers.length;
      sent = due - 3;
    }
    while (sent < due) {
      sent++;
      for (const c of callers) c.tick(now, late);
    }
  }, 20);
}

process.on('message', async (m: { type: string; url?: string; ids?: string[]; rampMs?: number }) => {
  if (m.type === 'start') {
    startClock();
    for (const id of m.ids!) {
      callers.push(new BenchCaller(m.url!, id));
      if (m.rampMs) await new Promise((r) => setTimeout(r, m.rampMs! / m.ids!.length));
    }
    process.send!({ type: 'started' });
  } else if (m.type === 'speak') {
    const now = performance.now();
    for (const c of callers) c.speak(600, now);
  } else if (m.type === 'quiesce') {
    if (clock) clearInterval(clock);
    // let frames still in flight (socket buffers of a busy generator) land before counting
    await new Promise((r) => setTimeout(r, 500 + callers.length));
    const st = callers.map((c) => c.stats);
    const jitter = st.flatMap((s) => s.jitter);
    const step = Math.max(1, Math.ceil(jitter.length / 50_000));
    process.send!({
      type: 'quiesce',
      framesSent: st.reduce((n, s) => n + s.framesSent, 0),
      framesReceived: st.reduce((n, s) => n + s.framesReceived, 0),
      lateSends: st.reduce((n, s) => n + s.lateSends, 0),
      skipped,
      dropped: st.filter((s) => s.closedEarly).length,
      silent: st.filter((s) => s.firstFrameMs === null).length,
      unconnected: st.filter((s) => !s.connected).length,
      first: st.map((s) => s.firstFrameMs ?? 1e9),
      e2e: st.flatMap((s) => s.e2e),
      jitter: jitter.filter((_, i) => i % step === 0),
    });
  } else if (m.type === 'hangup') {
    for (const c of callers) c.hangup();
    setTimeout(() => process.exit(0), 400);
  }
});
process.send!({ type: 'ready' });
