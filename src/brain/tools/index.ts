/** The tool registry and the one dispatcher every tool call goes through (validated, timed, reported). */
import { z } from 'zod';
import type { BrainEvent } from '../types.js';
import { answerQuestion } from './answer-question.js';
import { bookAppointment } from './book-appointment.js';
import { cancel } from './cancel.js';
import { captureLead } from './capture-lead.js';
import { checkCode } from './check-code.js';
import { checkAvailability } from './check-availability.js';
import { endCall } from './end-call.js';
import { escalateEmergency } from './escalate-emergency.js';
import { findAppointments } from './find-appointments.js';
import { reschedule } from './reschedule.js';
import { sendCode } from './send-code.js';
import { takeMessage } from './take-message.js';
import { transferToHuman } from './transfer-to-human.js';
import { ToolRefusal, type Tool, type ToolContext } from './tool.js';

export type { CallerIdentity, Tool, ToolContext } from './tool.js';
export { nameMatches, type LookupBlock } from './find-appointments.js';
export { slotKey, ToolRefusal } from './tool.js';

/** Every tool, by name. */
export const TOOLS = {
  check_availability: checkAvailability,
  book_appointment: bookAppointment,
  reschedule,
  cancel,
  capture_lead: captureLead,
  escalate_emergency: escalateEmergency,
  transfer_to_human: transferToHuman,
  answer_question: answerQuestion,
  take_message: takeMessage,
  end_call: endCall,
  find_appointments: findAppointments,
  send_code: sendCode,
  check_code: checkCode,
} as const;

/** A tool's name. */
export type ToolName = keyof typeof TOOLS;

/** The result type of a tool. */
export type ToolResult<N extends ToolName> = Awaited<ReturnType<(typeof TOOLS)[N]['run']>>;

/** The outcome of one dispatched call. */
export type ToolOutcome<N extends ToolName> =
  { ok: true; result: ToolResult<N> } | { ok: false; error: string; code: string };

/** Tool definitions (name, description, JSON Schema of the arguments) for a language model. */
export function toolSpecs(
  names: ToolName[] = Object.keys(TOOLS) as ToolName[],
): Array<{ name: string; description: string; parameters: Record<string, unknown> }> {
  return names.map((name) => {
    let spec = SPECS.get(name);
    if (!spec) {
      const t = TOOLS[name] as Tool;
      const { $schema: _ignored, ...parameters } = z.toJSONSchema(t.args, { io: 'input' }) as Record<string, unknown>;
      spec = { name, description: t.description, parameters };
      SPECS.set(name, spec);
    }
    return spec;
  });
}

/**
 * Each tool's JSON Schema, made once per process: the schemas never change, and converting them
 * took ~1.3 ms of every realtime call's webhook (the model connection opens while the phone rings).
 */
const SPECS = new Map<ToolName, { name: string; description: string; parameters: Record<string, unknown> }>();

/**
 * Validates the arguments, runs the tool and reports a `tool_call` event, whatever the outcome.
 * Never throws: a refusal or a port failure becomes `{ ok: false }` for the dialog to phrase.
 */
export async function runTool<N extends ToolName>(
  ctx: ToolContext,
  name: N,
  rawArgs: unknown,
  emit: (e: BrainEvent) => void,
): Promise<ToolOutcome<N>> {
  const tool = TOOLS[name] as unknown as Tool<z.ZodType, ToolResult<N>>;
  const started = performance.now();
  emit({ type: 'tool_start', name });
  const parsed = tool.args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    const error = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    emit({ type: 'tool_call', name, args: rawArgs, ok: false, error, ms: 0 });
    return { ok: false, error, code: 'INVALID_ARGS' };
  }
  try {
    const result = await tool.run(ctx, parsed.data);
    emit({ type: 'tool_call', name, args: parsed.data, ok: true, result, ms: performance.now() - started });
    return { ok: true, result };
  } catch (e) {
    const code = e instanceof ToolRefusal ? e.code : 'TOOL_FAILED';
    const error = e instanceof Error ? e.message : String(e);
    emit({ type: 'tool_call', name, args: parsed.data, ok: false, error, ms: performance.now() - started });
    return { ok: false, error, code };
  }
}
