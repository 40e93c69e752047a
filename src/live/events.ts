/**
 * The dashboard's live events: one definition, published by the server (conversations/ through the
 * live store) and read by the page (web/src/live.ts imports these types). Types only — no imports,
 * no code — so the web build can take it as it is. Instants are ISO 8601 strings, as on the wire.
 */

/** Each event's data, by its type. Every event names the call it belongs to (`callId`, null when none). */
export interface LiveEventData {
  /** A conversation started on some channel (phone, chat, test). */
  'call.started': { callId: string; channel: string; from: string | null };
  /** One exchange: what the caller said and what the agent answered. */
  'call.turn': { callId: string; callerText: string; agentText: string; e2eMs?: number | null };
  /** A tool call or a state change of the agent during a call. */
  'call.event': { callId: string; name: string; [detail: string]: unknown };
  /** The call ended: its outcome and summary. */
  'call.completed': { callId: string; outcome: string | null; summary: string | null; durationSec: number | null };
  /** A lead was captured. */
  'lead.created': LeadData;
  /** An urgent lead was captured (the escalation ladder starts). */
  'lead.urgent': LeadData;
  /** The agent booked an appointment during a conversation. */
  'appointment.booked': { callId: string; appointmentId: string; start: string; service: string };
}

/** The data of `lead.created` and `lead.urgent`. */
export interface LeadData {
  leadId: string;
  callId: string | null;
  priority: 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT';
  name: string | null;
}

/** The type of a live event. */
export type LiveEventType = keyof LiveEventData;

/** One live event as the page receives it on `GET /api/events` (a `data:` line): a union discriminated by `type`. */
export type LiveEvent = { [T in LiveEventType]: { type: T; data: LiveEventData[T]; at: string } }[LiveEventType];

/** A live event as the store carries it between nodes: with the organization it belongs to. */
export type PublishedLiveEvent = LiveEvent & { organizationId: string };

/** Publishes one live event of an organization (the conversation service's port). */
export type PublishLive = <T extends LiveEventType>(organizationId: string, type: T, data: LiveEventData[T]) => void;
