/** The simulator's printed report: a line per scenario with reasons, a summary, the closing count. */
import type { ScenarioResult } from './run.js';

/** The lines printed for one scenario (reasons and, on failure, the transcript). */
export function scenarioLines(r: ScenarioResult, o: { transcripts?: boolean } = {}): string[] {
  const audio = r.agentAudioMs !== undefined ? `, ${(r.agentAudioMs / 1000).toFixed(1)} s agent audio` : '';
  const head = `${r.status.toUpperCase()} ${r.name} (${r.channel}, ${r.agentTurns} agent turns${audio}, ${(r.durationMs / 1000).toFixed(1)} s)`;
  const lines = [r.status === 'skip' ? `${head} — skipped: ${r.skipReason}` : head];
  for (const reason of r.reasons) lines.push(`    - ${reason}`);
  for (const note of r.notes) lines.push(`    · ${note}`);
  if (r.status !== 'pass' && (o.transcripts ?? true)) {
    for (const t of r.transcript) lines.push(`      ${t.role === 'agent' ? 'agent ' : 'caller'}: ${t.text}`);
  }
  return lines;
}

/** Figures over the whole run: agent turns per booking and reply latency. */
export function summary(results: ScenarioResult[]) {
  const booked = results.filter((r) => r.outcome === 'booked');
  const turns = booked.map((r) => r.agentTurns);
  const lat = results.flatMap((r) => r.latenciesMs).sort((a, b) => a - b);
  const pct = (p: number) => (lat.length ? lat[Math.min(lat.length - 1, Math.ceil(p * lat.length) - 1)] : null);
  return {
    scenarios: results.length,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    skipped: results.filter((r) => r.status === 'skip').length,
    bookings: booked.length,
    agentTurnsPerBooking: turns.length
      ? Math.round((turns.reduce((a, b) => a + b, 0) / turns.length) * 100) / 100
      : null,
    replyLatencyMs: { median: pct(0.5), p95: pct(0.95) },
  };
}

/** The closing lines: the summary figures, then exactly `N passed, M failed`. */
export function closingLines(results: ScenarioResult[]): string[] {
  const s = summary(results);
  const lines: string[] = [];
  if (s.bookings)
    lines.push(
      `agent turns per booking: ${s.agentTurnsPerBooking} (mean over ${s.bookings} booked calls, greeting included)`,
    );
  if (s.replyLatencyMs.median !== null)
    lines.push(`reply latency: median ${s.replyLatencyMs.median} ms, p95 ${s.replyLatencyMs.p95} ms`);
  if (s.skipped) lines.push(`${s.skipped} skipped (known product misbehaviour, see the reasons above)`);
  lines.push(`${s.passed} passed, ${s.failed} failed`);
  return lines;
}
