/** How a call ended for the business, most valuable first. */
export const OUTCOMES = ['booked', 'rescheduled', 'cancelled', 'escalated', 'transferred', 'message', 'lead', 'answered', 'hangup'] as const;
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
};

/**
 * The outcome of a call from its successful tool calls: the most valuable one wins (a call that
 * booked and also answered a question is "booked"); a call with caller turns but no action is
 * "answered", one without is "hangup".
 */
export function deriveOutcome(successfulTools: string[], callerTurns: number): CallOutcome {
  let best: CallOutcome | undefined;
  for (const t of successfulTools) {
    const o = TOOL_OUTCOME[t];
    if (o && (!best || OUTCOMES.indexOf(o) < OUTCOMES.indexOf(best))) best = o;
  }
  return best ?? (callerTurns > 0 ? 'answered' : 'hangup');
}
