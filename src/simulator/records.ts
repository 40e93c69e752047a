/**
 * What a call left behind, read back through the product's API after the call: the call record
 * (turns, tool calls, the product's outcome), the organization's appointments and leads.
 */
import type { TestOrganization } from './business-block.js';
import type { ApiClient } from './client.js';

/** One turn of the transcript. */
export interface TranscriptTurn {
  role: 'agent' | 'caller';
  text: string;
  latencyMs?: number | null;
  interrupted?: boolean;
}

/** A tool the agent called, as recorded on the call. */
export interface ToolCall {
  name: string;
  ok: boolean;
  args: unknown;
  result: unknown;
  ms: number;
}

/** An appointment of the organization after the call, in local wall-clock time. */
export interface AppointmentRecord {
  id: string;
  service: string;
  start: string;
  status: string;
  customerName: string;
  staff: string | null;
  callId: string | null;
  address?: string | null;
}

/** A lead (contact, message or emergency) of the organization after the call. */
export interface LeadRecord {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  priority: string;
  kind: string;
  need: string | null;
}

/** Everything the verdicts are judged on. */
export interface CallRecords {
  callId: string;
  /** The product's own outcome of the call record. */
  productOutcome: string | null;
  transcript: TranscriptTurn[];
  toolCalls: ToolCall[];
  appointments: AppointmentRecord[];
  /** The appointments the scenario started with (id, local start, service). */
  seeded: TestOrganization['appointments'];
  leads: LeadRecord[];
  /** Where the agent transferred the caller, if it did. */
  transferredTo: string | null;
  /** Channels the owner was alerted on: the escalation's own answer, the dev inbox, and extra sources. */
  notified: string[];
  /** Of those, the channels seen actually delivered (dev inbox, the embedded Twilio stand-in). */
  delivered: string[];
}

interface CallDetail {
  outcome: string | null;
  endedAt: string | null;
  turns: Array<{
    role: 'agent' | 'caller';
    text: string;
    e2eMs: number | null;
    llmMs: number | null;
    interrupted: boolean;
  }>;
  events: Array<{ type: string; data: Record<string, unknown> }>;
}
interface AppointmentView {
  id: string;
  serviceId: string;
  staffId: string | null;
  start: string;
  status: string;
  customer: { name: string };
  callId: string | null;
  address?: string | null;
}

/** Reads the call's records; `until` (optional) polls the call record until it is complete. */
export interface ReadOptions {
  waitForEnd?: boolean;
  transfer?: string | null;
  /** Wait (up to ~3 s) for owner alerts to be delivered: the outbox dispatches them after the call. */
  awaitAlerts?: boolean;
  /** Alert channels seen elsewhere (the embedded Twilio stand-in). */
  extraNotified?: () => string[];
}

/** Reads the call's records; `waitForEnd` polls the call record until it is complete. */
export async function readRecords(
  api: ApiClient,
  org: TestOrganization,
  callId: string,
  o: ReadOptions = {},
): Promise<CallRecords> {
  let call = await api.get<CallDetail>(`/api/calls/${callId}`);
  for (let i = 0; o.waitForEnd && !call.endedAt && i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    call = await api.get<CallDetail>(`/api/calls/${callId}`);
  }
  const [appts, leads] = await Promise.all([
    api.get<{ items: AppointmentView[] }>(
      `/api/appointments?status=booked,cancelled,completed,no_show&limit=500&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`,
    ),
    api.get<{ items: LeadRecord[] }>(`/api/leads?limit=500`),
  ]);
  const toolCalls = call.events
    .filter((e) => e.type === 'tool_call')
    .map((e) => ({
      name: String(e.data.name),
      ok: e.data.ok !== false,
      args: e.data.args,
      result: e.data.result,
      ms: Number(e.data.ms ?? 0),
    }));
  const fromTools = toolCalls
    .filter((t) => t.name === 'escalate_emergency')
    .flatMap((t) => (t.result as { notified?: string[] } | undefined)?.notified ?? []);
  const delivered = new Set<string>();
  const escalated = toolCalls.some((t) => t.name === 'escalate_emergency' && t.ok);
  for (let i = 0; i < (o.awaitAlerts && escalated ? 30 : 1); i++) {
    for (const c of await inboxChannels(api)) delivered.add(c);
    for (const c of o.extraNotified?.() ?? []) delivered.add(c);
    if (delivered.size && i > 5) break;
    if (o.awaitAlerts && escalated) await new Promise((r) => setTimeout(r, 100));
  }
  const transferTool = toolCalls.find(
    (t) => t.name === 'transfer_to_human' && (t.result as { accepted?: boolean })?.accepted,
  );
  return {
    callId,
    productOutcome: call.outcome,
    transcript: call.turns
      .filter((t) => t.text)
      .map((t) => ({
        role: t.role,
        text: t.text,
        ...(t.role === 'agent' ? { latencyMs: t.e2eMs ?? t.llmMs, interrupted: t.interrupted } : {}),
      })),
    toolCalls,
    appointments: appts.items.map((a) => ({
      id: a.id,
      service: org.services[a.serviceId] ?? a.serviceId,
      start: a.start.slice(0, 16),
      status: a.status,
      customerName: a.customer.name,
      staff: a.staffId ? (org.staff[a.staffId] ?? a.staffId) : null,
      callId: a.callId,
      address: a.address ?? null,
    })),
    seeded: org.appointments,
    leads: leads.items.map((l) => ({
      name: l.name,
      phone: l.phone,
      email: l.email,
      address: l.address,
      priority: l.priority,
      kind: l.kind,
      need: l.need,
    })),
    notified: [...new Set([...fromTools, ...delivered])].sort(),
    delivered: [...delivered].sort(),
    transferredTo:
      o.transfer ??
      (transferTool
        ? String((transferTool.result as { to?: string }).to ?? (transferTool.args as { to?: string })?.to ?? '')
        : null),
  };
}

/** Channels of the organization's dev inbox (where alerts land without SMTP/Twilio); none when the route is absent. */
async function inboxChannels(api: ApiClient): Promise<string[]> {
  try {
    const inbox = await api.get<{ items: Array<{ channel: string }> }>('/api/dev-inbox?limit=200');
    return inbox.items.map((i) => i.channel);
  } catch {
    return [];
  }
}
