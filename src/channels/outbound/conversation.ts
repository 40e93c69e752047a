/**
 * The agent's side of a call it placed: its own opening ("Hi, this is Bella Hair Studio's assistant
 * calling about…"), the reminder's choices (1 confirm, 2 move, 3 cancel, by key or by voice), and "remove
 * me" honoured on any outbound call. Everything else — moving an appointment, booking, questions — is the
 * same brain as an inbound call, so the same tools and records apply.
 */
import {
  makeReply,
  type AppointmentInfo,
  type BrainEvent,
  type CallerInput,
  type Conversation,
  type HandleOptions,
  type Reply,
} from '../../brain/index.js';

/** Why the agent calls. */
export type OutboundPurpose = 'reminder' | 'follow_up' | 'custom';

/** What the call is about, resolved before it is placed. */
export interface OutboundPlan {
  purpose: OutboundPurpose;
  businessName: string;
  /** The number to call back, said in a voicemail. */
  callbackNumber?: string | null;
  /** A reminder's appointment, with its start said the way people say it ("Wednesday, March 11 at 10 AM"). */
  appointment?: AppointmentInfo & { when: string };
  /** A follow-up's lead need ("a leaking water heater"). */
  need?: string | null;
  /** What the agent says it is calling about (custom calls and campaigns). */
  instructions?: string | null;
}

/** What the wrapper does outside the brain. */
export interface OutboundActions {
  /** Adds the called number to the do-not-call list. */
  optOut(): Promise<void>;
  /** Cancels the reminder's appointment. */
  cancelAppointment(appointmentId: string): Promise<{ ok: boolean }>;
}

const OPT_OUT = /\b(remove me|take me off|stop calling|do not call|don'?t call|unsubscribe|no more calls)\b/i;
const CANCEL = /\b(cancel|can'?t make it|cannot make it|won'?t make it)\b/i;
const MOVE = /\b(move|reschedul\w*|change (it|the time|the day)|another (time|day)|different (time|day))\b/i;
const CONFIRM = /\b(yes|yeah|yep|sure|confirm\w*|i'?ll be there|sounds good|correct|that works|ok(ay)?)\b/i;

/** True when the customer asks not to be called again ("remove me", "stop calling"…). */
export const asksNotToBeCalled = (text: string): boolean => OPT_OUT.test(text);

/**
 * What a speech-to-speech model is told on a call the agent placed: that it placed the call, what
 * it already said, and the purpose's choices (the same as the cascade's reminder: 1 confirm, 2 move, 3 cancel).
 */
export function outboundInstructions(plan: OutboundPlan): string {
  const lines = [
    `You placed this call; the customer did not call you. You have already said: "${outboundGreeting(plan)}"`,
  ];
  if (plan.purpose === 'reminder' && plan.appointment) {
    const a = plan.appointment;
    lines.push(
      `You are reminding them of their ${a.serviceName.toLowerCase()} on ${a.when}. Key 1 or a yes confirms it;`,
      'key 2 or asking to move it: find_appointments by their number, then offer times from check_availability and reschedule;',
      'key 3 or asking to cancel: find_appointments, then cancel.',
    );
  } else if (plan.purpose === 'follow_up') {
    const about = enquiryOf(plan.need);
    lines.push(
      `You are following up on their enquiry${about ? ` about ${about}` : ''}: answer their questions and offer to book.`,
    );
  } else if (plan.instructions) {
    lines.push(`You are calling about ${plan.instructions.replace(/[.\s]+$/, '')}.`);
  }
  lines.push('If they ask not to be called again, say you will not call again, and end_call.');
  return lines.join('\n');
}

/** What a reminder's answer means. */
export type ReminderChoice = 'confirm' | 'move' | 'cancel' | 'opt_out' | null;

/** Reads a key press or words as a reminder choice (opt-out and cancel win over a polite "yes"). */
export function reminderChoice(input: CallerInput): ReminderChoice {
  if ('dtmf' in input)
    return (
      ({ '1': 'confirm', '2': 'move', '3': 'cancel' } as const)[input.dtmf.trim().slice(0, 1) as '1' | '2' | '3'] ??
      null
    );
  if (!('text' in input)) return null;
  const t = input.text;
  if (OPT_OUT.test(t)) return 'opt_out';
  if (CANCEL.test(t)) return 'cancel';
  if (MOVE.test(t)) return 'move';
  if (CONFIRM.test(t)) return 'confirm';
  return null;
}

/** The first words of the call, by purpose. */
export function outboundGreeting(plan: OutboundPlan): string {
  const who = `Hi, this is ${plan.businessName}'s assistant`;
  if (plan.purpose === 'reminder' && plan.appointment) {
    return (
      `${who} calling to remind you of your ${plan.appointment.serviceName.toLowerCase()} on ${plan.appointment.when}. ` +
      'Press 1 or say yes to confirm, press 2 to move it, or press 3 to cancel.'
    );
  }
  if (plan.purpose === 'follow_up') {
    const about = enquiryOf(plan.need);
    return `${who}, following up on your enquiry${about ? ` about ${about}` : ''}. How can I help you?`;
  }
  return `${who} calling${plan.instructions ? ` about ${plan.instructions.replace(/[.\s]+$/, '')}` : ''}. Is now a good time?`;
}

/**
 * What a lead asked about, in words fit to say back: the note of a website "call me back", nothing
 * for a voicemail (its need is the recording's link), else the need as captured.
 */
export function enquiryOf(need: string | null | undefined): string | null {
  if (!need || /^voicemail:/i.test(need)) return null;
  const callback = /^call back requested on the website chat(?::\s*(.+))?$/i.exec(need);
  const text = (callback ? (callback[1] ?? '') : need).trim().replace(/[.\s]+$/, '');
  return text || null;
}

/** The short message left on an answering machine: who, why, and the number to call back. */
export function voicemailMessage(plan: OutboundPlan): string {
  const why =
    plan.purpose === 'reminder' && plan.appointment
      ? `to remind you of your ${plan.appointment.serviceName.toLowerCase()} on ${plan.appointment.when}`
      : plan.purpose === 'follow_up'
        ? 'to follow up on your enquiry'
        : plan.instructions
          ? `about ${plan.instructions.replace(/[.\s]+$/, '')}`
          : 'for you';
  const back = plan.callbackNumber
    ? ` Please call us back at ${plan.callbackNumber.replace(/^\+1(\d{3})(\d{3})(\d{4})$/, '$1 $2 $3')}.`
    : '';
  return `Hi, this is ${plan.businessName}'s assistant calling ${why}.${back} Thank you, goodbye.`;
}

const toolEvent = (name: string, ok: boolean, args: unknown, result?: unknown): BrainEvent => ({
  type: 'tool_call',
  name,
  args,
  ok,
  result,
  ms: 0,
});

/** Wraps the brain's conversation for a call the agent placed. */
export function outboundConversation(inner: Conversation, plan: OutboundPlan, actions: OutboundActions): Conversation {
  inner.greet(); // the brain starts listening; its inbound greeting is replaced by the opening below
  let delegated = plan.purpose !== 'reminder' || !plan.appointment;
  let finished = false;
  let state = delegated ? 'outbound.open' : 'reminder.ask';

  const emit = (opts: HandleOptions | undefined, e: BrainEvent) => {
    opts?.onEvent?.(e);
    return e;
  };
  const end = (text: string, events: BrainEvent[]): Reply => {
    finished = true;
    state = 'done';
    return makeReply(text, events, true, state);
  };

  async function optOut(opts?: HandleOptions): Promise<Reply> {
    await actions.optOut();
    return end("Of course. I've taken your number off our list, so we won't call you again. Goodbye.", [
      emit(opts, toolEvent('opt_out', true, {})),
    ]);
  }

  async function reminder(input: CallerInput, opts?: HandleOptions): Promise<Reply> {
    const appt = plan.appointment!;
    switch (reminderChoice(input)) {
      case 'opt_out':
        return optOut(opts);
      case 'confirm':
        return end(`Thank you, you're confirmed for ${appt.when}. See you then. Goodbye.`, [
          emit(opts, toolEvent('confirm_appointment', true, { appointmentId: appt.id })),
        ]);
      case 'cancel': {
        const r = await actions.cancelAppointment(appt.id);
        const ev = emit(opts, toolEvent('cancel', r.ok, { appointmentId: appt.id }));
        return r.ok
          ? end(
              `Your ${appt.serviceName.toLowerCase()} on ${appt.when} is cancelled. Thanks for letting us know. Goodbye.`,
              [ev],
            )
          : end('Sorry, I could not cancel it just now. Someone from our team will call you back. Goodbye.', [ev]);
      }
      case 'move':
        delegated = true;
        // The brain finds the appointment by the number we called and runs its usual reschedule flow.
        return inner.handle({ text: 'I need to reschedule my appointment' }, opts);
      default:
        return makeReply(
          'Sorry, I did not catch that. Press 1 to confirm, 2 to move the appointment, or 3 to cancel it.',
          [],
          false,
          state,
        );
    }
  }

  return {
    get state() {
      return delegated && !finished ? inner.state : state;
    },
    get done() {
      return finished || (delegated && inner.done);
    },
    greet: () => makeReply(outboundGreeting(plan), [], false, state),
    interrupted: (heard) => inner.interrupted(heard),
    async handle(input, opts) {
      if (finished) return makeReply('', [], true, 'done');
      if ('text' in input && OPT_OUT.test(input.text)) return optOut(opts);
      if (!delegated) return reminder(input, opts);
      return inner.handle(input, opts);
    },
  };
}
