/** How a call ended for the business, most valuable first. */
export const OUTCOMES = [
  'booked',
  'rescheduled',
  'cancelled',
  'confirmed',
  'escalated',
  'transferred',
  'message',
  'lead',
  'opted_out',
  'voicemail',
  'answered',
  'hangup',
] as const;
export type CallOutcome = (typeof OUTCOMES)[number];

const TOOL_OUTCOME: Record<string, CallOutcome> = {
  book_appointment: 'booked',
  reschedule: 'rescheduled',
  cancel: 'cancelled',
  escalate_emergency: 'escalated',
  transfer_to_human: 'transferred',
  take_message: 'message',
  capture_lead: 'lead',
  answer_question: 'answered',
  // Outbound calls: a reminder confirmed, "remove me", a message left on an answering machine.
  confirm_appointment: 'confirmed',
  opt_out: 'opted_out',
  leave_voicemail: 'voicemail',
};

/**
 * Whether a tool call achieved something: it ran, and did not answer that it was not accepted (a
 * transfer the person declined or nobody answered is no transfer; the call goes on to a message).
 */
export function achieved(t: { ok: boolean; result?: unknown }): boolean {
  return t.ok && (t.result as { accepted?: unknown } | null | undefined)?.accepted !== false;
}

/**
 * The outcome of a call from its successful tool calls: the most valuable one wins (a call that
 * booked and also answered a question is "booked"); a call with caller turns but no action is
 * "answered", one without is "hangup".
 */
export function deriveOutcome(successfulTools: string[], callerTurns: number): CallOutcome {
  return bestOutcome(
    successfulTools.map((t) => TOOL_OUTCOME[t]),
    callerTurns > 0 ? 'answered' : 'hangup',
  );
}

/**
 * The one ranking of outcomes: of everything a call achieved, the most valuable (first in
 * {@link OUTCOMES}) names it; `otherwise` when it achieved nothing. The product reads achievements
 * from tool calls, the simulator's verdicts and the brain's scenario runner from what the call left
 * behind — all rank them here.
 */
export function bestOutcome(
  achieved: ReadonlyArray<CallOutcome | undefined | false>,
  otherwise: CallOutcome,
): CallOutcome {
  let best: CallOutcome | undefined;
  for (const o of achieved) if (o && (!best || OUTCOMES.indexOf(o) < OUTCOMES.indexOf(best))) best = o;
  return best ?? otherwise;
}
