/**
 * Adapters from a Conversation to the shapes the call session uses (voice/ports.ts), written
 * structurally so brain/ does not import voice/ (imports run one way): a streamed reply for the
 * cascade engine, and tools + instructions for the speech-to-speech engine.
 */
import { newId, type Clock } from '../lib/index.js';
import { describeHours } from './calendar.js';
import { firstNameOf, openingLine } from './greeting.js';
import type { Conversation } from './conversation.js';
import { serviceNamed } from './dialog.js';
import { knowledgeBaseFor } from './knowledge.js';
import { createServiceMatcher } from './nlu/index.js';
import type { BrainPorts } from './ports.js';
import { runTool, toolSpecs, TOOLS, type ToolContext, type ToolName } from './tools/index.js';
import type { BrainEvent, BusinessProfile } from './types.js';

/** Caller input as the call session sends it (voice/'s `CallerInput` is this type). */
export type SessionInput =
  | { type: 'speech'; text: string }
  | { type: 'dtmf'; digits: string }
  /** The caller has said nothing for a while (`count` consecutive times). */
  | { type: 'silence'; count: number };

/** One piece of the agent's reply, streamed while the brain is still working (voice/'s `ReplyPart` is this type). */
export type SessionReplyPart =
  | { type: 'sentence'; text: string }
  /** A tool started; if it takes longer than ~700 ms the session plays a filler line. */
  | { type: 'toolStart'; name: string }
  | { type: 'toolEnd'; name: string; ok: boolean }
  /** Something worth recording (intent, slot filled, booking made…). */
  | { type: 'event'; name: string; data?: Record<string, unknown> }
  /** Hang up once the reply has been heard (`reason` goes to the record). */
  | { type: 'end'; reason: string }
  /** The brain transferred the call; the session stops speaking after this reply. */
  | { type: 'transfer'; to: string }
  /** The call's language changed (ISO-639-1): this reply and the next are spoken in it. */
  | { type: 'language'; language: string };

/** A Conversation seen as the cascade engine's ConversationPort. */
export function toSessionPort(convo: Conversation) {
  let language: string | undefined;
  return {
    greet: () => {
      const r = convo.greet();
      language = r.language;
      return r.text;
    },
    interrupted: (heardText: string) => convo.interrupted(heardText),
    async *handle(input: SessionInput, signal: AbortSignal): AsyncIterable<SessionReplyPart> {
      const live: SessionReplyPart[] = [];
      let wake: (() => void) | undefined;
      const push = (p: SessionReplyPart) => {
        live.push(p);
        wake?.();
      };
      const onEvent = (e: BrainEvent) => {
        if (e.type === 'tool_start') push({ type: 'toolStart', name: e.name });
        else if (e.type === 'tool_call') {
          push({ type: 'toolEnd', name: e.name, ok: e.ok });
          // the call record reads tool calls (and the outcome) from these events, as on the chat channel
          push({ type: 'event', name: e.type, data: { ...e } });
        } else push({ type: 'event', name: e.type, data: { ...e } });
      };
      const brainInput =
        input.type === 'speech'
          ? { text: input.text }
          : input.type === 'dtmf'
            ? { dtmf: input.digits }
            : { silence: input.count };
      let finished = false;
      const pending = convo.handle(brainInput, { onEvent }).finally(() => {
        finished = true;
        wake?.();
      });
      while (!finished || live.length) {
        if (signal.aborted) return;
        if (!live.length) await new Promise<void>((r) => (wake = r));
        wake = undefined;
        while (live.length) yield live.shift()!;
      }
      const reply = await pending;
      if (signal.aborted) return;
      if (reply.language && reply.language !== (language ?? reply.language))
        yield { type: 'language', language: reply.language };
      language = reply.language ?? language;
      for await (const text of reply.chunks()) yield { type: 'sentence', text };
      if (reply.transfer) yield { type: 'transfer', to: reply.transfer.to };
      else if (reply.done) yield { type: 'end', reason: 'conversation finished' };
    },
  };
}

const REALTIME_TOOLS: ToolName[] = [
  'check_availability',
  'book_appointment',
  'find_appointments',
  'reschedule',
  'cancel',
  'capture_lead',
  'escalate_emergency',
  'transfer_to_human',
  'answer_question',
  'take_message',
  'end_call',
];

/**
 * The brain's tools and instructions for a speech-to-speech model. The tools keep their own guards
 * (only offered slots are bookable, lookups by caller ID only); the dialog is the model's.
 */
export function realtimeBrain(opts: {
  business: BusinessProfile;
  callerPhone?: string;
  now: Clock;
  deps: BrainPorts;
  /** Every tool call, for the call record. */
  onEvent?: (e: BrainEvent) => void;
  /** The client this caller ID belongs to (a returning client): greeted by first name, as the cascade does. */
  knownCaller?: { name: string };
}) {
  const { business } = opts;
  const services = createServiceMatcher(business.services);
  const kb = knowledgeBaseFor(business);
  const ctx: ToolContext = {
    business,
    ports: opts.deps,
    clock: opts.now,
    ...(opts.callerPhone ? { callerPhone: opts.callerPhone } : {}),
    // caller ID is a weak signal: find_appointments still wants the name or date the caller says
    identity: opts.callerPhone ? 'caller_id' : 'none',
    foundAppointments: new Map(),
    knownSlots: new Map(),
    findService: (n) => serviceNamed(business, n) ?? services.match(n)?.service,
    answer: (q) => kb.answer(q, opts.now.now()),
    conversationId: newId(),
  };
  return {
    instructions: [
      `You are the friendly phone receptionist of ${business.name} (time zone ${business.timezone}). Keep replies short.`,
      describeHours(business),
      `Services: ${business.services.map((s) => s.name).join(', ')}.`,
      'Only offer times check_availability returned. Before book_appointment, read back the service, weekday,',
      'date and time and wait for a yes. For emergencies give safety advice first, then escalate_emergency;',
      'if nobody took the call, ask their name (and the address for work at their place) and pass it to capture_lead.',
      'Answer facts only from answer_question; if it has no answer, say you are not sure and offer a message.',
      'To check, move or cancel a booking, first ask the name it is under and pass it to find_appointments; never read',
      'out a booking before find_appointments returned it, and only move or cancel appointments it returned.',
      ...languageInstructions(business),
      ...(firstNameOf(opts.knownCaller)
        ? [
            `The caller is a returning client, ${opts.knownCaller!.name.trim()}; you have greeted them by first name (${firstNameOf(opts.knownCaller)}).`,
          ]
        : []),
    ].join('\n'),
    greeting: () => openingLine(business, business.languages?.[0], opts.knownCaller),
    tools: toolSpecs(REALTIME_TOOLS),
    async callTool(name: string, argsJson: string, _signal: AbortSignal): Promise<string> {
      if (!(name in TOOLS)) return JSON.stringify({ error: `unknown tool ${name}` });
      let args: unknown;
      try {
        args = JSON.parse(argsJson || '{}');
      } catch {
        return JSON.stringify({ error: 'arguments must be JSON' });
      }
      const r = await runTool(ctx, name as ToolName, args, opts.onEvent ?? (() => {}));
      return JSON.stringify(r.ok ? r.result : { error: r.error, code: r.code });
    },
  };
}

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', es: 'Spanish' };

/**
 * What the speech-to-speech model is told about languages: the main one, and with more than one,
 * to answer in the caller's language (Spanish in the usted form) and read dates back that way.
 */
export function languageInstructions(business: BusinessProfile): string[] {
  const langs = business.languages?.length ? business.languages : ['en'];
  const main = LANGUAGE_NAMES[langs[0]];
  if (langs.length === 1 && langs[0] === 'en') return [];
  const usted = langs.includes('es')
    ? ' Speak Spanish in the usted form and say dates the Spanish way ("el martes 17 de marzo a las 3 de la tarde").'
    : '';
  if (langs.length === 1) return [`Speak ${main} with every caller.${usted}`];
  return [
    `Greet in ${main}. Always answer in the language the caller speaks (${langs.map((l) => LANGUAGE_NAMES[l]).join(' or ')}); when they switch, switch with them.${usted}`,
  ];
}
