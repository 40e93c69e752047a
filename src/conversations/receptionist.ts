import type { Db } from '../db/index.js';
import { oncePer, untilQuiet, type Clock, type Logger } from '../lib/index.js';
import type { LiveStore, PublishedLiveEvent, PublishLive } from '../live/index.js';
import {
  createConversation,
  realtimeBrain,
  type BrainEvent,
  type Conversation,
  type ConversationSnapshot,
  type Lang,
  type LanguageModel,
  type Reply,
} from '../brain/index.js';
import type { BookingDeps } from '../booking/index.js';
import { organizationClock, type TestClock } from '../business/index.js';
import { captureLead, type LeadEventSink } from '../leads/index.js';
import {
  completeCall,
  createCallRecorder,
  recordEvent,
  setCallLanguage,
  type CallCompletedSink,
} from '../calls/index.js';
import {
  addDoNotCall,
  asksNotToBeCalled,
  outboundConversation,
  outboundGreeting,
  outboundInstructions,
} from '../channels/index.js';
import { conversationPorts, type EscalationChannels } from './ports.js';
import { loadBusiness, type LoadedBusiness } from './profile.js';
import { findClientByPhone } from '../clients/index.js';
import type { ConversationTarget } from './target.js';

/** What the receptionist is built from (the composition root fills it in; `clock` is the server's). */
export interface ReceptionistDeps {
  db: Db;
  /** The database's lane for what a ringing caller waits on (see db/client `Database.setup`); default `db`. */
  setupDb?: Db;
  clock: Clock;
  logger: Logger;
  live: LiveStore;
  booking: Pick<BookingDeps, 'calendar' | 'events'>;
  announceLead?: LeadEventSink;
  /** Announces finished calls in the transaction that closes them. */
  announceCall?: CallCompletedSink;
  escalation?: EscalationChannels;
  languageModel?: LanguageModel;
  /** The organization's own model choice (its `agent.llm`, with fallbacks); overrides `languageModel`. */
  languageModelFor?: (business: LoadedBusiness) => LanguageModel | null;
  /**
   * A test organization's simulated clock, null for a real one. The composition root supplies it
   * only when the simulator is mounted (the simulator keeps these clocks, not the product's schema).
   */
  testClockOf?: (organizationId: string) => Promise<TestClock | null>;
}

/**
 * The AI receptionist of every organization: loads a business, and starts conversations whose tools
 * act on booking/, leads/ and notify/, with every tool call recorded on the call.
 */
export function createReceptionist(deps: ReceptionistDeps) {
  const setupDb = deps.setupDb ?? deps.db;
  const publish: PublishLive = (organizationId, type, data) =>
    void deps.live
      .publish({ type, organizationId, data, at: deps.clock.now().toISOString() } as PublishedLiveEvent)
      .catch(() => undefined);

  /** Records a lead (announced in its transaction) and tells the dashboard. */
  async function recordLead(input: Parameters<typeof captureLead>[2]) {
    const row = await captureLead(deps.db, deps.announceLead, input);
    publish(input.organizationId, row.priority === 'URGENT' ? 'lead.urgent' : 'lead.created', {
      leadId: row.id,
      callId: input.callId ?? null,
      priority: row.priority,
      name: row.name,
    });
    return row;
  }

  /** A conversation's call record is live: on the active list and on the dashboard. */
  async function callStarted(c: {
    organizationId: string;
    callId: string;
    channel: string;
    from?: string | null;
    startedAt: Date;
  }) {
    await deps.live
      .setActiveCall(c.organizationId, c.callId, {
        id: c.callId,
        channel: c.channel,
        from: c.from ?? null,
        startedAt: c.startedAt,
      })
      .catch(() => undefined);
    publish(c.organizationId, 'call.started', { callId: c.callId, channel: c.channel, from: c.from ?? null });
  }

  /** Brain events that become call events: tool calls (the outcome is read from them) and state changes. */
  const RECORDED_BRAIN_EVENTS = new Set(['tool_call', 'state']);

  const ports = (t: ConversationTarget, clock: Clock) =>
    conversationPorts(
      {
        db: deps.db,
        live: deps.live,
        logger: deps.logger,
        booking: deps.booking,
        escalation: deps.escalation,
        recordLead,
        publish,
      },
      t,
      clock,
    );

  // Calls that end together (a burst of hang-ups) close a few at a time: each completion holds a
  // database connection, and in one organization they queue on its usage row; unbounded, they took
  // every connection of the pool and the next calls' webhooks and stream starts waited behind them.
  // And while new calls ring faster than the node keeps up, closing waits for a quiet moment (≤ 3 s).
  const closing = { running: 0, waiting: [] as Array<() => void> };
  const MAX_CLOSING = 3;
  async function closeSlot<T>(fn: () => Promise<T>): Promise<T> {
    if (closing.running >= MAX_CLOSING) await new Promise<void>((r) => closing.waiting.push(r));
    closing.running++;
    try {
      await untilQuiet();
      return await fn();
    } finally {
      closing.running--;
      closing.waiting.shift()?.();
    }
  }

  /** Closes a call (outcome, cost), announces it and takes it off the active list. */
  async function complete(call: { organizationId: string; callId: string }, end: Parameters<typeof completeCall>[2]) {
    let row: Awaited<ReturnType<typeof completeCall>>;
    try {
      row = await closeSlot(() => completeCall(deps.db, call.callId, end, deps.announceCall));
    } finally {
      // The call is over even when its record could not be closed yet (the recorder retries that):
      // it must not stay on the active list.
      await deps.live.removeActiveCall(call.organizationId, call.callId).catch(() => undefined);
    }
    publish(call.organizationId, 'call.completed', {
      callId: call.callId,
      outcome: row?.outcome ?? null,
      summary: row?.summary ?? null,
      durationSec: row?.durationSec ?? null,
    });
    return row;
  }

  async function withCaller(business: LoadedBusiness, callerPhone?: string | null): Promise<LoadedBusiness> {
    if (!callerPhone) return business;
    const client = await findClientByPhone(setupDb, business.org.id, callerPhone).catch((err) => {
      deps.logger.warn({ err }, 'looking up the caller failed');
      return null;
    });
    return client ? { ...business, caller: { clientId: client.id, name: client.name } } : business;
  }

  return {
    /** Records a lead outside a conversation (a voicemail, say), announced and published like any other. */
    captureLead: recordLead,
    callStarted,
    complete,
    /** Loads a business for a conversation; with a caller ID, also who is calling (a returning client). */
    async load(organizationId: string, callerPhone?: string | null): Promise<LoadedBusiness> {
      const [business, testClock] = await Promise.all([
        loadBusiness(setupDb, organizationId),
        deps.testClockOf?.(organizationId) ?? null,
      ]);
      return withCaller(testClock ? { ...business, testClock } : business, callerPhone);
    },
    /** A business already loaded (a cached one, say) with who is calling from `callerPhone`. */
    withCaller,
    clockOf: (business: LoadedBusiness) => organizationClock(business, deps.clock),
    /** Starts a conversation for a call or chat; brain events go to the call record as they happen. */
    start(
      t: ConversationTarget,
      business: LoadedBusiness,
      opts: { languageModel?: LanguageModel | null; resume?: ConversationSnapshot; language?: Lang } = {},
    ): {
      conversation: Conversation;
      onEvent: (e: BrainEvent) => void;
      clock: Clock;
      snapshot?: () => ConversationSnapshot;
    } {
      const clock = organizationClock(business, deps.clock);
      const brainPorts = ports(t, clock);
      const model =
        opts.languageModel !== undefined
          ? opts.languageModel
          : deps.languageModelFor
            ? deps.languageModelFor(business)
            : deps.languageModel;
      const inner = createConversation({
        business: profileFor(t, business),
        callerPhone: t.callerPhone ?? undefined,
        contactPhone: t.contactPhone ?? undefined,
        dialled: !!t.outbound,
        now: clock,
        deps: brainPorts,
        languageModel: business.agent.llm === 'offline' ? undefined : (model ?? undefined),
        conversationId: t.callId,
        ...(opts.resume ? { resume: opts.resume } : {}),
        ...(opts.language ? { language: opts.language } : {}),
        ...(business.caller?.name && t.callerPhone ? { knownCaller: { name: business.caller.name } } : {}),
      });
      // A call the agent placed opens with why it calls; the same brain and tools answer the rest.
      const outer =
        t.outbound && t.callerPhone
          ? outboundConversation(inner, t.outbound, {
              optOut: async () => {
                await addDoNotCall(deps.db, t.organizationId, t.callerPhone!, 'asked on a call', 'opt_out');
              },
              cancelAppointment: (appointmentId) =>
                brainPorts.booking.cancel({ appointmentId, reason: 'cancelled on the reminder call' }),
            })
          : inner;
      const conversation = recordingLanguage(
        outer,
        (language) =>
          setCallLanguage(deps.db, { id: t.callId, organizationId: t.organizationId }, language).catch((err) =>
            deps.logger.warn({ err }, 'recording the call language failed'),
          ),
        opts.resume?.language,
      );
      const onEvent = (e: BrainEvent) => {
        if (RECORDED_BRAIN_EVENTS.has(e.type)) {
          void recordEvent(deps.db, { id: t.callId, organizationId: t.organizationId }, e.type, { ...e }).catch((err) =>
            deps.logger.error({ err }, 'recording a brain event failed'),
          );
        }
      };
      // only the brain's own conversation is saved between turns (a chat); a placed call lives on its socket
      return { conversation, onEvent, clock, ...(outer === inner ? { snapshot: () => inner.snapshot() } : {}) };
    },
    /** A database recorder for a voice session of this call; ending it completes the call like any other. */
    recorder(t: ConversationTarget) {
      let costFlags: Parameters<typeof completeCall>[2]['costFlags'] = {};
      const rec = createCallRecorder(
        {
          db: deps.db,
          logger: deps.logger,
          onChange: (c) =>
            c.type === 'call.turn'
              ? publish(t.organizationId, 'call.turn', { callId: c.callId, ...c.data })
              : publish(t.organizationId, 'call.event', { callId: c.callId, ...c.data }),
          complete: (end) => complete({ organizationId: t.organizationId, callId: t.callId }, { ...end, costFlags }),
        },
        { id: t.callId, organizationId: t.organizationId },
      );
      return {
        ...rec,
        onTurn(turn: Parameters<typeof rec.onTurn>[0]) {
          // "Remove me" on a call the agent placed is honoured whichever engine heard it (the cascade's conversation does so too; adding twice is harmless).
          if (t.outbound && t.callerPhone && turn.callerText && asksNotToBeCalled(turn.callerText)) {
            void addDoNotCall(deps.db, t.organizationId, t.callerPhone, 'asked on a call', 'opt_out').catch((err) =>
              deps.logger.error({ err }, 'adding an opt-out failed'),
            );
          }
          return rec.onTurn(turn);
        },
        /** The cost estimate's inputs: which paid providers ran. */
        setCostFlags(f: typeof costFlags) {
          costFlags = f;
        },
        onEvent(name: string, data: Record<string, unknown> = {}) {
          // Tool calls reach the session as 'brain' events; they are what the call's outcome is read from.
          if (name === 'brain' && RECORDED_BRAIN_EVENTS.has(String(data.type)))
            return rec.onEvent(String(data.type), data);
          return rec.onEvent(name, data);
        },
      };
    },
    /** The brain's tools and instructions for a speech-to-speech call (the model holds the dialog). */
    realtimeBrain(t: ConversationTarget, business: LoadedBusiness, onEvent: (e: BrainEvent) => void) {
      const clock = organizationClock(business, deps.clock);
      const brain = realtimeBrain({
        business: profileFor(t, business),
        callerPhone: t.callerPhone ?? undefined,
        now: clock,
        deps: ports(t, clock),
        onEvent,
        ...(business.caller?.name && t.callerPhone ? { knownCaller: { name: business.caller.name } } : {}),
      });
      // A call the agent placed opens with why it calls, and the model is told so.
      const plan = t.outbound;
      return plan
        ? {
            ...brain,
            instructions: `${brain.instructions}\n${outboundInstructions(plan)}`,
            greeting: () => outboundGreeting(plan),
          }
        : brain;
    },
    publish,
  };
}
export type Receptionist = ReturnType<typeof createReceptionist>;

/**
 * The conversation with its language kept on the call record: the greeting's, then each switch (the
 * dashboard shows it, and the customer's texts about this conversation are written in it).
 */
function recordingLanguage(c: Conversation, record: (language: string) => Promise<void>, known?: string): Conversation {
  let last = known;
  // one write after another: the greeting's language never lands after a switch heard on the first turn
  let written = Promise.resolve();
  const note = async (r: Reply): Promise<Reply> => {
    if (r.language && r.language !== last) {
      const language = r.language;
      last = language;
      written = written.then(() => record(language));
    }
    await written;
    return r;
  };
  return {
    get state() {
      return c.state;
    },
    get done() {
      return c.done;
    },
    interrupted: (heard) => c.interrupted(heard),
    greet() {
      const r = c.greet();
      void note(r);
      return r;
    },
    handle: async (input, o) => note(await c.handle(input, o)),
  };
}

const recordedProfile = oncePer((profile: LoadedBusiness['profile']) => ({ ...profile, recordsCalls: true }));

/**
 * The brain's view of the business for one conversation: an inbound phone call of a business that
 * records calls is told so. One view per loaded profile, so the calls of a cached business share what
 * the brain builds from it (its knowledge index, its service matcher).
 */
export function profileFor(
  t: Pick<ConversationTarget, 'channel' | 'outbound'>,
  business: LoadedBusiness,
): LoadedBusiness['profile'] {
  return isRecorded(t, business) ? recordedProfile(business.profile) : business.profile;
}

/** Whether this conversation is recorded: inbound phone calls, when the business turned recording on. */
export function isRecorded(
  t: Pick<ConversationTarget, 'channel' | 'outbound'>,
  business: Pick<LoadedBusiness, 'config'>,
): boolean {
  return t.channel === 'phone' && !t.outbound && business.config.recordCalls;
}
