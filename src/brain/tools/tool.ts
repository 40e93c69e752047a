/** The shape every tool shares: a name, a zod schema for its arguments and a handler over the ports. */
import type { z } from 'zod';
import type { Clock } from '../../lib/index.js';
import type { KnowledgeAnswer } from '../knowledge.js';
import type { LanguageModel } from '../llm/language-model.js';
import type { AppointmentInfo, BrainPorts, Slot } from '../ports.js';
import type { BusinessProfile, Lang, ServiceInfo } from '../types.js';

/**
 * How the conversation knows who it is talking to: `caller_id` (the phone network's caller ID, a
 * weak signal: one detail of the booking must still be confirmed), `verified` (a code sent to the
 * number was typed back), `none` (a chat: a typed phone number is contact information only).
 */
export type CallerIdentity = 'caller_id' | 'verified' | 'none';

/** What a tool handler may use; built once per conversation. */
export interface ToolContext {
  business: BusinessProfile;
  ports: BrainPorts;
  clock: Clock;
  /** The phone number the caller is proven (or, with caller ID, presumed) to own; the only one looked up. */
  callerPhone?: string;
  identity: CallerIdentity;
  /** Appointments find_appointments returned in this conversation, by id: the only ones reschedule and cancel touch. */
  foundAppointments: Map<string, AppointmentInfo>;
  /** The number a verification code was last sent to in this conversation. */
  pendingPhone?: string;
  /** Slots returned by check_availability in this conversation, by UTC ISO start; the only bookable ones. */
  knownSlots: Map<string, Slot>;
  findService(name: string): ServiceInfo | undefined;
  answer(question: string): KnowledgeAnswer | undefined;
  /** The best knowledge passages for a question (for a language model to answer from). */
  passages?(question: string): string[];
  /** When set, questions are answered by the model from the passages, offline ranking as fallback. */
  languageModel?: LanguageModel;
  /** The language the conversation is held in now (ISO-639-1); absent: English. */
  language?: Lang;
  /** Prefix for idempotency keys, unique per conversation. */
  conversationId: string;
}

/** A typed, validated tool. */
export interface Tool<A extends z.ZodType = z.ZodType, R = unknown> {
  name: string;
  description: string;
  args: A;
  run(ctx: ToolContext, args: z.infer<A>): Promise<R>;
}

/** Declares a tool, keeping its argument type. */
export function defineTool<A extends z.ZodType, R>(tool: Tool<A, R>): Tool<A, R> {
  return tool;
}

/** The key slots are remembered under: the instant in UTC, so offsets do not matter. */
export function slotKey(start: string): string {
  const t = Date.parse(start);
  return Number.isNaN(t) ? start : new Date(t).toISOString();
}

/** Raised by a handler when the arguments are valid but the request cannot be honoured. */
export class ToolRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ToolRefusal';
  }
}
