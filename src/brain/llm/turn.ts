/**
 * A language model reading one caller turn. The model sees the business, the chart's state and the
 * tools; its tool calls are turned into the chart's events, and the chart still decides: a
 * `book_appointment` is honoured only as a "yes" in `booking.confirm`, and availability always comes
 * from the booking port through check_availability, never from the model. Any failure or timeout
 * falls back to the offline reading of the same turn.
 */
import type { DialogContext, DialogEvent, Facts, TurnEvent } from '../dialog.js';
import { describeHours, sayInstant } from '../calendar.js';
import { TOOLS, toolSpecs, type ToolContext, type ToolName } from '../tools/index.js';
import type { BrainEvent, Priority } from '../types.js';
import type { ChatMessage, LanguageModel } from './language-model.js';

/** How long the model may take to read a turn before the offline reading is used. */
export const LLM_TURN_TIMEOUT_MS = 4000;

/** Inputs of one model turn. */
export interface LlmTurnInput {
  model: LanguageModel;
  text: string;
  state: string;
  ctx: DialogContext;
  tools: ToolContext;
  emit: (e: BrainEvent) => void;
  /** The offline rules' reading, used for whatever the model leaves out. */
  offline: DialogEvent;
  /** Earlier turns of this conversation, oldest first (kept short by the caller). */
  history?: ChatMessage[];
  timeoutMs?: number;
}

const MODEL_TOOLS: ToolName[] = [
  'check_availability',
  'book_appointment',
  'reschedule',
  'cancel',
  'capture_lead',
  'escalate_emergency',
  'transfer_to_human',
  'answer_question',
  'take_message',
  'end_call',
];

/** Asks the model; answers the event to send (undefined: keep the offline one). */
export async function llmTurn(input: LlmTurnInput): Promise<{ event?: DialogEvent }> {
  const signal = AbortSignal.timeout(input.timeoutMs ?? LLM_TURN_TIMEOUT_MS);
  const calls: Array<{ name: string; arguments: string }> = [];
  try {
    const messages: ChatMessage[] = [
      { role: 'system', content: systemPrompt(input) },
      ...(input.history ?? []),
      { role: 'user', content: input.text },
    ];
    for await (const d of input.model.chat({ messages, tools: toolSpecs(MODEL_TOOLS), temperature: 0 }, signal)) {
      if (d.type === 'toolCall') calls.push(d.call);
    }
  } catch (e) {
    input.emit({ type: 'llm_fallback', reason: e instanceof Error ? e.message : String(e) });
    return {};
  }
  for (const call of calls) {
    const event = toChartEvent(call, input);
    if (event) return { event };
  }
  return {};
}

function baseTurn(input: LlmTurnInput): TurnEvent {
  const o = input.offline;
  if (o.type === 'TURN') return o;
  if (o.type === 'START' || o.type === 'EMERGENCY') return o.turn;
  return { type: 'TURN', text: input.text, facts: {}, bookIntent: false, sameNumber: false, expecting: 'nothing' };
}

/** Maps one model tool call onto a chart event, or undefined when it is invalid or not allowed now. */
function toChartEvent(call: { name: string; arguments: string }, input: LlmTurnInput): DialogEvent | undefined {
  if (!(MODEL_TOOLS as string[]).includes(call.name)) return reject(input, call.name, 'unknown tool');
  let raw: unknown;
  try {
    raw = JSON.parse(call.arguments || '{}');
  } catch {
    return reject(input, call.name, 'arguments are not JSON');
  }
  const parsed = TOOLS[call.name as ToolName].args.safeParse(raw);
  if (!parsed.success) return reject(input, call.name, 'invalid arguments');
  const a = parsed.data as Record<string, unknown>;
  const turn = baseTurn(input);
  const withFacts = (f: Facts): TurnEvent => ({ ...turn, facts: { ...turn.facts, ...f } });
  switch (call.name as ToolName) {
    case 'check_availability': {
      const service = input.tools.findService(String(a.service));
      if (!service) return reject(input, call.name, 'unknown service');
      const when = pick(a, ['date', 'time', 'partOfDay', 'after', 'before']);
      if (a.from && a.to) Object.assign(when, { range: { from: a.from, to: a.to } });
      return withFacts({
        service,
        ...(Object.keys(when).length ? { when } : {}),
        ...(a.staff ? { staff: String(a.staff) } : {}),
      });
    }
    case 'book_appointment':
      // the chart commits only from booking.confirm on a plain yes: the model cannot skip the read-back
      if (input.state !== 'booking.confirm') return reject(input, call.name, `not allowed in ${input.state}`);
      // corrections win: when the caller's words change the booking ("no, 11, not 10"), the model's yes is not taken
      if (correctsBooking(input.offline)) return reject(input, call.name, 'the caller corrected the booking');
      return { ...turn, facts: {}, yesNo: 'yes' };
    case 'reschedule':
      return { type: 'START', task: 'reschedule', turn };
    case 'cancel':
      return input.state === 'cancelConfirm' ? { ...turn, yesNo: 'yes' } : { type: 'START', task: 'cancel', turn };
    case 'capture_lead':
      return withFacts(pick(a, ['name', 'phone', 'email', 'address']) as Facts);
    case 'escalate_emergency':
      // the offline vocabulary carries the safety instruction; keep it when both heard an emergency
      if (input.offline.type === 'EMERGENCY') return input.offline;
      return {
        type: 'EMERGENCY',
        hit: { term: String(a.summary), label: String(a.summary), priority: a.priority as Priority },
        turn,
      };
    case 'transfer_to_human':
      return { type: 'HUMAN' };
    case 'answer_question':
      return { type: 'QUESTION', text: String(a.question) };
    case 'take_message':
      return { type: 'START', task: 'message', turn: { ...turn, text: String(a.text) } };
    case 'end_call':
      return { type: 'GOODBYE' };
    default:
      return undefined;
  }
}

/** The offline reading of the turn says no or carries a new day, time, service or staff member. */
function correctsBooking(offline: DialogEvent): boolean {
  if (offline.type !== 'TURN') return offline.type !== 'GOODBYE';
  const f = offline.facts;
  return offline.yesNo === 'no' || !!(f.when || f.service || f.staff);
}

function reject(input: LlmTurnInput, name: string, why: string): undefined {
  input.emit({ type: 'llm_fallback', reason: `${name} refused: ${why}` });
  return undefined;
}

function pick(a: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
}

function systemPrompt({ ctx, state, tools }: LlmTurnInput): string {
  const b = ctx.business;
  const now = tools.clock.now();
  const known = [
    ctx.service && `service: ${ctx.service.name}`,
    ctx.slot && `chosen slot: ${sayInstant(ctx.slot.start, b.timezone)} (${ctx.slot.start})`,
    ctx.offered.length && `offered: ${ctx.offered.map((s) => s.start).join(', ')}`,
    ctx.name && `name: ${ctx.name}`,
    ctx.phone && `phone: ${ctx.phone}`,
  ].filter(Boolean);
  return [
    `You are the phone receptionist of ${b.name}. Local time zone ${b.timezone}; now is ${now.toISOString()}.`,
    describeHours(b),
    `Services: ${b.services.map((s) => s.name).join(', ')}.`,
    `Conversation state: ${state}. Known: ${known.join('; ') || 'nothing yet'}.`,
    "Read the caller's turn and call exactly one tool that captures it. Use check_availability for any",
    'service or time they mention (local dates YYYY-MM-DD, times HH:mm), capture_lead for their name,',
    'phone, email or address, book_appointment only when they agree to the read-back, answer_question',
    'for questions. Never state availability or facts yourself.',
  ].join('\n');
}
