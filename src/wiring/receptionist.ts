import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';
import type { Clock, Logger } from '../lib/index.js';
import type { LiveStore } from '../live/index.js';
import { createConversation, realtimeBrain, type BrainEvent, type BrainPorts, type Conversation, type LanguageModel } from '../brain/index.js';
import { createConversationBookingPort, type BookingDeps } from '../booking/index.js';
import { captureLead, type LeadEventSink } from '../leads/index.js';
import { completeCall, createCallRecorder, linkCall, recordEvent, type CallCompletedSink } from '../calls/index.js';
import { loadBusinessProfile, organizationClock, type LoadedBusiness } from './business-profile.js';

/** How urgent situations reach the owner and how calls are handed to a person. */
export interface EscalationChannels {
  /** Starts the owner alert ladder for an urgent lead; answers the channels it will use. */
  startEscalation?(db: Db, leadId: string): Promise<{ notified: string[] }>;
  /** Transfers a live phone call to `to`; false when it could not be done. */
  transferCall?(orgId: string, callSid: string, to: string): Promise<boolean>;
}

/** What the receptionist is built from (the composition root fills it in). */
export interface ReceptionistDeps {
  db: Db;
  clock: Clock;
  logger: Logger;
  live: LiveStore;
  booking: Pick<BookingDeps, 'calendar' | 'events'>;
  announceLead?: LeadEventSink;
  /** Announces finished calls in the transaction that closes them. */
  announceCall?: CallCompletedSink;
  escalation?: EscalationChannels;
  languageModel?: LanguageModel;
}

/** One conversation's identity: the organization, the call record, and the phone line if any. */
export interface ConversationTarget { orgId: string; callId: string; callSid?: string | null; callerPhone?: string | null; channel: 'phone' | 'chat' | 'test' }

/**
 * The AI receptionist of every organization: loads a business, and starts conversations whose tools
 * act on booking/, leads/ and notify/, with every tool call recorded on the call.
 */
export function createReceptionist(deps: ReceptionistDeps) {
  const publish = (orgId: string, type: string, data: Record<string, unknown>) =>
    void deps.live.publish({ type, organizationId: orgId, data, at: new Date().toISOString() }).catch(() => undefined);

  /** Records a lead (announced in its transaction) and tells the dashboard. */
  async function recordLead(input: Parameters<typeof captureLead>[2]) {
    const row = await captureLead(deps.db, deps.announceLead, input);
    publish(input.organizationId, row.priority === 'URGENT' ? 'lead.urgent' : 'lead.created', { leadId: row.id, callId: input.callId ?? null, priority: row.priority, name: row.name });
    return row;
  }

  /** A conversation's call record is live: on the active list and on the dashboard. */
  async function callStarted(c: { orgId: string; callId: string; channel: string; from?: string | null; startedAt: Date }) {
    await deps.live.setActiveCall(c.orgId, c.callId, { id: c.callId, channel: c.channel, from: c.from ?? null, startedAt: c.startedAt }).catch(() => undefined);
    publish(c.orgId, 'call.started', { callId: c.callId, channel: c.channel, from: c.from ?? null });
  }

  /** Brain events that become call events: tool calls (the outcome is read from them) and state changes. */
  const RECORDED_BRAIN_EVENTS = new Set(['tool_call', 'state']);

  function ports(t: ConversationTarget, clock: Clock): BrainPorts {
    const bookingDeps: BookingDeps = { db: deps.db, clock, logger: deps.logger, ...deps.booking };
    const booking = createConversationBookingPort(bookingDeps, t.orgId, t.callId);
    const lead = recordLead;
    return {
      booking: {
        ...booking,
        async book(input) {
          const r = await booking.book(input);
          if (r.ok) {
            await deps.db.update(schema.appointments).set({ callId: t.callId, source: t.channel })
              .where(and(eq(schema.appointments.id, r.appointment.id), eq(schema.appointments.organizationId, t.orgId)));
            await linkCall(deps.db, t.callId, { appointmentId: r.appointment.id });
            // the lead is captured by the brain's capture_lead right after this booking (with its priority)
            publish(t.orgId, 'appointment.booked', { appointmentId: r.appointment.id, callId: t.callId, start: r.appointment.start, service: r.appointment.serviceName });
          }
          return r;
        },
      },
      leads: {
        async captureLead(input) {
          const row = await lead({ organizationId: t.orgId, callId: t.callId, ...input, priority: input.priority });
          return { id: row.id };
        },
        async takeMessage(input) {
          const row = await lead({ organizationId: t.orgId, callId: t.callId, ...input, need: input.text, kind: 'message', priority: input.urgent ? 'HIGH' : 'NORMAL' });
          return { id: row.id };
        },
      },
      escalation: {
        async escalateEmergency(input) {
          const row = await lead({ organizationId: t.orgId, callId: t.callId, name: input.name, phone: input.phone, address: input.address, need: input.summary, kind: 'emergency', priority: input.priority });
          const started = input.priority === 'URGENT' && deps.escalation?.startEscalation ? await deps.escalation.startEscalation(deps.db, row.id) : { notified: [] };
          return { notified: started.notified };
        },
        async transferToHuman({ to }) {
          if (t.channel !== 'phone' || !t.callSid || !deps.escalation?.transferCall) return { accepted: false };
          return { accepted: await deps.escalation.transferCall(t.orgId, t.callSid, to) };
        },
      },
    };
  }

  /** Closes a call (outcome, cost), announces it and takes it off the active list. */
  async function complete(call: { orgId: string; callId: string }, end: { endedAt: Date; reason?: string; costFlags?: Parameters<typeof completeCall>[2]['costFlags'] }) {
    const row = await completeCall(deps.db, call.callId, end, deps.announceCall);
    await deps.live.removeActiveCall(call.orgId, call.callId).catch(() => undefined);
    publish(call.orgId, 'call.completed', { callId: call.callId, outcome: row?.outcome ?? null, durationSec: row?.durationSec ?? null });
    return row;
  }

  return {
    /** Records a lead outside a conversation (a voicemail, say), announced and published like any other. */
    captureLead: recordLead,
    callStarted,
    complete,
    load: (orgId: string) => loadBusinessProfile(deps.db, orgId),
    clockOf: (business: LoadedBusiness) => organizationClock(business.org, deps.clock),
    /** Starts a conversation for a call or chat; brain events go to the call record as they happen. */
    start(t: ConversationTarget, business: LoadedBusiness): { conversation: Conversation; onEvent: (e: BrainEvent) => void; clock: Clock } {
      const clock = organizationClock(business.org, deps.clock);
      const conversation = createConversation({
        business: business.profile, callerPhone: t.callerPhone ?? undefined, now: clock, deps: ports(t, clock),
        languageModel: business.agent.llm === 'offline' ? undefined : deps.languageModel, conversationId: t.callId,
      });
      const onEvent = (e: BrainEvent) => {
        if (RECORDED_BRAIN_EVENTS.has(e.type)) {
          void recordEvent(deps.db, { id: t.callId, organizationId: t.orgId }, e.type, { ...e }).catch((err) => deps.logger.error({ err }, 'recording a brain event failed'));
        }
      };
      return { conversation, onEvent, clock };
    },
    /** A database recorder for a voice session of this call; ending it completes the call like any other. */
    recorder(t: ConversationTarget) {
      let costFlags: Parameters<typeof completeCall>[2]['costFlags'] = {};
      const rec = createCallRecorder({
        db: deps.db, logger: deps.logger,
        onChange: (c) => publish(t.orgId, c.type, { callId: c.callId, ...c.data }),
        complete: (end) => complete({ orgId: t.orgId, callId: t.callId }, { ...end, costFlags }),
      }, { id: t.callId, organizationId: t.orgId });
      return {
        ...rec,
        /** The cost estimate's inputs: which paid providers ran. */
        setCostFlags(f: typeof costFlags) { costFlags = f; },
        onEvent(name: string, data: Record<string, unknown> = {}) {
          // Tool calls reach the session as 'brain' events; they are what the call's outcome is read from.
          if (name === 'brain' && RECORDED_BRAIN_EVENTS.has(String(data.type))) return rec.onEvent(String(data.type), data);
          return rec.onEvent(name, data);
        },
      };
    },
    /** The brain's tools and instructions for a speech-to-speech call (the model holds the dialog). */
    realtimeBrain(t: ConversationTarget, business: LoadedBusiness, onEvent: (e: BrainEvent) => void) {
      const clock = organizationClock(business.org, deps.clock);
      return realtimeBrain({ business: business.profile, callerPhone: t.callerPhone ?? undefined, now: clock, deps: ports(t, clock), onEvent });
    },
    publish,
  };
}
export type Receptionist = ReturnType<typeof createReceptionist>;
