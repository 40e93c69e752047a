/**
 * What an operator scrapes about calls: turn latency per stage as histograms (p50/p95 come from the
 * buckets, not an average), calls in progress, calls ended by reason, and provider failures and
 * fallbacks by stage. Fed by the call engine's recorder; exposed on `/metrics` with the rest.
 */
import { Counter, Gauge, Histogram } from 'prom-client';
import { registry } from './metrics.js';

/** Turn latency by stage: stt (end of speech → transcript), llm, tts, e2e (end of speech → first audio). */
export const turnLatency = new Histogram({
  name: 'infinioffice_turn_latency_seconds',
  help: 'Voice turn latency by stage',
  labelNames: ['stage', 'engine'],
  // Phone turns live between ~200 ms and a few seconds; finer at the low end where the target is.
  buckets: [0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3, 5, 8],
  registers: [registry],
});
/** Calls in progress on this node. */
export const activeCalls = new Gauge({
  name: 'infinioffice_active_calls',
  help: 'Calls in progress on this node',
  labelNames: ['engine'],
  registers: [registry],
});
/** Calls ended, by how they ended. */
export const callsEnded = new Counter({
  name: 'infinioffice_calls_ended_total',
  help: 'Calls ended by reason',
  labelNames: ['reason', 'engine'],
  registers: [registry],
});
/** A provider switch within a call: counted as an error of `from` and a fallback to `to`. */
export const providerFallbacks = new Counter({
  name: 'infinioffice_provider_fallbacks_total',
  help: 'Provider fallbacks within calls',
  labelNames: ['stage', 'from', 'to'],
  registers: [registry],
});
/** Provider failures seen by calls (including those that ended in a fallback). */
export const providerErrors = new Counter({
  name: 'infinioffice_provider_errors_total',
  help: 'Provider failures seen by calls',
  labelNames: ['stage', 'provider'],
  registers: [registry],
});

/** Observes one recorded turn. */
export function observeTurn(
  engine: string,
  t: { asrMs?: number | null; llmMs?: number | null; ttsMs?: number | null; e2eMs?: number | null },
): void {
  const stages: Array<[string, number | null | undefined]> = [
    ['stt', t.asrMs],
    ['llm', t.llmMs],
    ['tts', t.ttsMs],
    ['e2e', t.e2eMs],
  ];
  for (const [stage, ms] of stages)
    if (typeof ms === 'number' && ms >= 0) turnLatency.observe({ stage, engine }, ms / 1000);
}

/** Observes a call event (fallbacks and failures). */
export function observeCallEvent(name: string, data?: Record<string, unknown>): void {
  if (name === 'provider_fallback' && data) {
    providerFallbacks.inc({
      stage: String(data.stage ?? ''),
      from: String(data.from ?? ''),
      to: String(data.to ?? ''),
    });
    providerErrors.inc({ stage: String(data.stage ?? ''), provider: String(data.from ?? '') });
  } else if (name === 'provider_failure') {
    providerErrors.inc({ stage: String(data?.stage ?? 'call'), provider: String(data?.provider ?? 'unknown') });
  }
}

/** Calls finished, by outcome, channel and direction (test calls are not business and are left out). */
export const callsCompleted = new Counter({
  name: 'infinioffice_calls_completed_total',
  help: 'Calls finished by outcome, channel and direction (test calls excluded)',
  labelNames: ['outcome', 'channel', 'direction'],
  registers: [registry],
});
/** How long finished calls lasted, by outcome and channel (test calls excluded). */
export const callDuration = new Histogram({
  name: 'infinioffice_call_duration_seconds',
  help: 'Duration of finished calls by outcome and channel (test calls excluded)',
  labelNames: ['outcome', 'channel'],
  // From a hang-up in the greeting to a long booking: most phone calls end within a few minutes.
  buckets: [5, 15, 30, 60, 120, 180, 300, 600, 1200],
  registers: [registry],
});

/** Observes a finished call once (from the transaction that completes it); test calls are not counted. */
export function observeCallCompleted(call: {
  outcome: string | null;
  channel: string;
  direction: string;
  durationSec: number | null;
}): void {
  if (call.channel === 'test') return;
  const outcome = call.outcome ?? 'unknown';
  callsCompleted.inc({ outcome, channel: call.channel, direction: call.direction });
  if (call.durationSec != null) callDuration.observe({ outcome, channel: call.channel }, call.durationSec);
}
