/**
 * Runs scenarios against a target server (one started in-process on embedded defaults, or a running
 * one named by URL): a fresh organization per scenario, the scripted call, then the verdicts from the
 * records. Scenarios are independent, so they run side by side in a small pool.
 */
import type { CreateTestOrganization, TestOrganization } from './business-block.js';
import { playPhone, playText, type CallerRun } from './callers.js';
import { apiClient } from './client.js';
import type { FakeTwilioRest } from './twilio-rest.js';
import { readRecords, type CallRecords, type TranscriptTurn } from './records.js';
import type { LoadedScenario } from './scenario.js';
import { judge, outcomeOf, type Verdict } from './verdicts.js';

/** Where scenarios run and how the simulator gets in. */
export interface Target {
  url: string;
  /** The server's SIMULATOR_KEY (sent as `x-simulator-key`); the simulator's routes exist only on a server with one. */
  simulatorKey?: string;
  /** The Twilio auth token the server checks signatures with (`TWILIO_AUTH_TOKEN`); phone scenarios sign with it. */
  twilioAuthToken?: string;
  /** The embedded server's Twilio REST stand-in: alert SMS and calls to a scenario's numbers count as notified. */
  twilioRest?: FakeTwilioRest;
}

/** The result of one scenario (the `--json` record). */
export interface ScenarioResult {
  name: string;
  file: string;
  channel: 'phone' | 'text';
  status: 'pass' | 'fail' | 'skip';
  /** Why it failed: the failed verdicts, or the error that stopped the call. */
  reasons: string[];
  skipReason?: string;
  verdicts: Verdict[];
  outcome: string | null;
  productOutcome: string | null;
  agentTurns: number;
  transcript: TranscriptTurn[];
  /** Per agent reply, ms (see CallerRun.latenciesMs). */
  latenciesMs: number[];
  /** Phone: ms of agent audio heard over the media stream. */
  agentAudioMs?: number;
  toolCalls: CallRecords['toolCalls'];
  records: Pick<CallRecords, 'appointments' | 'leads' | 'transferredTo' | 'notified' | 'delivered'> | null;
  notes: string[];
  durationMs: number;
  callId: string | null;
}

/** Plays one scenario against the target and judges it. */
export async function runScenario(target: Target, { scenario: s, file }: LoadedScenario): Promise<ScenarioResult> {
  const t0 = performance.now();
  const base: ScenarioResult = {
    name: s.name,
    file,
    channel: s.channel,
    status: 'fail',
    reasons: [],
    verdicts: [],
    outcome: null,
    productOutcome: null,
    agentTurns: 0,
    transcript: [],
    latenciesMs: [],
    toolCalls: [],
    records: null,
    notes: [],
    durationMs: 0,
    callId: null,
    ...(s.skip ? { skipReason: s.skip } : {}),
  };
  try {
    const org = await createOrganization(target, { business: s.business, now: s.now, phone: s.channel === 'phone' });
    let run: CallerRun;
    if (s.channel === 'phone') {
      const token = target.twilioAuthToken;
      if (!token) throw new Error("phone scenario: pass the server's TWILIO_AUTH_TOKEN with --twilio-token");
      run = await playPhone(target.url, org, s, token, target.simulatorKey);
    } else run = await playText(target.url, org, s);
    const owner = [s.business.notifyPhone, s.business.escalationNumber]
      .filter(Boolean)
      .map((n) => n!.replace(/[^\d+]/g, ''));
    const records = await readRecords(apiClient(target.url, { token: org.accessToken }), org, run.callId, {
      waitForEnd: true,
      transfer: run.transfer,
      awaitAlerts:
        s.expect.escalation !== undefined && s.expect.escalation !== 'none' && Boolean(s.expect.escalation.notified),
      extraNotified: () => alertsTo(target.twilioRest, owner),
    });
    const verdicts = judge(s.expect, records);
    const failed = verdicts.filter((v) => !v.ok);
    return {
      ...base,
      status: failed.length ? (s.skip ? 'skip' : 'fail') : 'pass',
      reasons: failed.map((v) => `${v.field}: ${v.detail}`),
      verdicts,
      outcome: outcomeOf(records),
      productOutcome: records.productOutcome,
      agentTurns: records.transcript.filter((t) => t.role === 'agent').length,
      transcript: records.transcript,
      latenciesMs: run.latenciesMs,
      ...(run.agentAudioMs !== undefined ? { agentAudioMs: Math.round(run.agentAudioMs) } : {}),
      toolCalls: records.toolCalls,
      records: {
        appointments: records.appointments,
        leads: records.leads,
        transferredTo: records.transferredTo,
        notified: records.notified,
        delivered: records.delivered,
      },
      notes:
        failed.length || !s.skip
          ? run.notes
          : [...run.notes, `marked skip (${s.skip}) but passes now: remove the skip`],
      durationMs: Math.round(performance.now() - t0),
      callId: run.callId,
    };
  } catch (e) {
    return {
      ...base,
      status: s.skip ? 'skip' : 'fail',
      reasons: [`error: ${(e as Error).message}`],
      durationMs: Math.round(performance.now() - t0),
    };
  }
}

/** SMS and calls the Twilio stand-in was asked to send to these numbers (not call updates nor a transfer's screening call). */
function alertsTo(fake: FakeTwilioRest | undefined, numbers: string[]): string[] {
  if (!fake || !numbers.length) return [];
  return fake.requests
    .filter(
      (q) =>
        numbers.includes(q.form.To ?? '') &&
        !/\/Calls\/[^/]+\.json$/.test(q.path) &&
        !(q.form.Twiml ?? '').includes('/twilio/transfer/screen'),
    )
    .map((q) => (q.path.endsWith('/Messages.json') ? 'sms' : 'call'));
}

async function createOrganization(target: Target, body: CreateTestOrganization): Promise<TestOrganization> {
  const headers: Record<string, string> = target.simulatorKey ? { 'x-simulator-key': target.simulatorKey } : {};
  return apiClient(target.url, { headers }).post<TestOrganization>('/api/simulator/organizations', body);
}

/** Runs every scenario with at most `concurrency` at once; results keep the input order. */
export async function runScenarios(
  target: Target,
  scenarios: LoadedScenario[],
  opts: { concurrency?: number; onResult?: (r: ScenarioResult) => void } = {},
): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array(scenarios.length);
  // Phone calls take tens of seconds of real time: start them first so they do not finish last.
  const order = scenarios
    .map((_, i) => i)
    .sort(
      (a, b) => Number(scenarios[b].scenario.channel === 'phone') - Number(scenarios[a].scenario.channel === 'phone'),
    );
  let next = 0;
  const worker = async () => {
    while (next < order.length) {
      const i = order[next++];
      results[i] = await runScenario(target, scenarios[i]);
      opts.onResult?.(results[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 2, scenarios.length)) }, worker));
  return results;
}
