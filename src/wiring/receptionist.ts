import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/index.js';
import { schema } from '../db/index.js';
import type { Clock, Logger } from '../lib/index.js';
import type { LiveStore } from '../live/index.js';
import { createConversation, type BrainEvent, type BrainPorts, type Conversation, type LanguageModel } from '../brain/index.js';
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

  function ports(t: ConversationTarget, clock: Clock): BrainPorts {
    const bookingDeps: BookingDeps = { db: deps.db, clock, logger: deps.logger, ...deps.booking };
    const booking = createConversationBookingPort(bookingDeps, t.orgId, t.callId);
    const lead = async (input: Parameters<typeof captureLead>[2]) => {
      const row = await captureLead(deps.db, deps.announceLead, input);
      publish(t.orgId, row.priority === 'URGENT' ? 'lead.urgent' : 'lead.created', { leadId: row.id, callId: t.callId, priority: row.priority, name: row.name });
      return row;
    };
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

  /** Records a lead outside a conversation (a voicemail, say), announced and published like any other. */
  async function captureLeadOutside(input: Parameters<typeof captureLead>[2]) {
    const row = await captureLead(deps.db, deps.announceLead, input);
    publish(input.organizationId, row.priority === 'URGENT' ? 'lead.urgent' : 'lead.created', { leadId: row.id, callId: input.callId ?? null, priority: row.priority });
    return row;
  }

  return {
    captureLead: captureLeadOutside,
    /** Closes a call (outcome, cost) and announces it. */
    complete: (callId: string, end: { endedAt: Date; reason?: string }) => completeCall(deps.db, callId, end, deps.announceCall),
    /** The brain's ports for one conversation (the realtime engine drives the tools itself). */
    ports,
    live: deps.live,
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
        if (e.type === 'tool_call' || e.type === 'state') {
          void recordEvent(deps.db, { id: t.callId, organizationId: t.orgId }, e.type, { ...e }).catch((err) => deps.logger.error({ err }, 'recording a brain event failed'));
        }
      };
      return { conversation, onEvent, clock };
    },
    /** A database recorder for a voice session of this call (publishes live updates too). */
    recorder(t: ConversationTarget) {
      const rec = createCallRecorder({ db: deps.db, logger: deps.logger, announce: deps.announceCall, onChange: (c) => publish(t.orgId, c.type, { callId: c.callId, ...c.data }) }, { id: t.callId, organizationId: t.orgId });
      return {
        ...rec,
        onEvent(name: string, data: Record<string, unknown> = {}) {
          // Tool calls reach the session as 'brain' events; they are what the call's outcome is read from.
          if (name === 'brain' && (data.type === 'tool_call' || data.type === 'state')) return rec.onEvent(String(data.type), data);
          return rec.onEvent(name, data);
        },
      };
    },
    publish,
  };
}
export type Receptionist = ReturnType<typeof createReceptionist>;
