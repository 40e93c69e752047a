import type { BrainPorts } from '../brain/index.js';
import { createConversationBookingPort, type BookingDeps } from '../booking/index.js';
import { linkCall } from '../calls/index.js';
import type { captureLead } from '../leads/index.js';
import type { Db } from '../db/index.js';
import type { Clock, Logger } from '../lib/index.js';
import type { LiveStore } from '../live/index.js';
import { createVerification } from './verification.js';
import type { ConversationTarget, Publish } from './target.js';

/** How urgent situations reach the owner and how calls are handed to a person. */
export interface EscalationChannels {
  /** Starts the owner alert ladder for an urgent lead; answers the channels it will use. */
  startEscalation?(db: Db, leadId: string): Promise<{ notified: string[] }>;
  /**
   * Transfers a live phone call to `to`, who first hears `whisper` and may decline; true once the
   * caller is connected, false when nobody took the call (the caller is still with the agent).
   */
  transferCall?(organizationId: string, callSid: string, to: string, whisper: string): Promise<boolean>;
}

/** What the brain's ports of one conversation act through. */
export interface PortDeps {
  db: Db;
  live: LiveStore;
  logger: Logger;
  booking: Pick<BookingDeps, 'calendar' | 'events'>;
  escalation?: EscalationChannels;
  recordLead(input: Parameters<typeof captureLead>[2]): Promise<{ id: string }>;
  publish: Publish;
}

/**
 * The brain's ports for one conversation: booking (its appointments carry the call and channel),
 * leads and messages, emergencies and hand-off — all tied to the conversation's call record.
 */
export function conversationPorts(deps: PortDeps, t: ConversationTarget, clock: Clock): BrainPorts {
  const bookingDeps: BookingDeps = { db: deps.db, clock, logger: deps.logger, ...deps.booking };
  const booking = createConversationBookingPort(bookingDeps, t.organizationId, t.callId, {
    callId: t.callId,
    source: t.channel,
  });
  const lead = deps.recordLead;
  // a chat proves a number by a code texted to it; the phone has caller ID (plus the name check), and
  // a code too for a booking under another number ("I'm calling from my work phone")
  const verification = createVerification(
    {
      db: deps.db,
      live: deps.live,
      clock,
      hasUpcoming: async (phone) =>
        (await booking.findUpcomingAppointments(phone)).some((a) => Date.parse(a.start) > clock.now().getTime()),
    },
    t.organizationId,
    t.callId,
  );
  return {
    verification,
    booking: {
      ...booking,
      async book(input) {
        const r = await booking.book(input);
        if (r.ok) {
          await linkCall(deps.db, t.callId, { appointmentId: r.appointment.id });
          // the lead is captured by the brain's capture_lead right after this booking (with its priority)
          deps.publish(t.organizationId, 'appointment.booked', {
            appointmentId: r.appointment.id,
            callId: t.callId,
            start: r.appointment.start,
            service: r.appointment.serviceName,
          });
        }
        return r;
      },
    },
    leads: {
      async captureLead(input) {
        const row = await lead({
          organizationId: t.organizationId,
          callId: t.callId,
          ...input,
          priority: input.priority,
        });
        return { id: row.id };
      },
      async takeMessage(input) {
        const row = await lead({
          organizationId: t.organizationId,
          callId: t.callId,
          ...input,
          need: input.text,
          kind: 'message',
          priority: input.urgent ? 'HIGH' : 'NORMAL',
        });
        return { id: row.id };
      },
    },
    escalation: {
      async escalateEmergency(input) {
        const row = await lead({
          organizationId: t.organizationId,
          callId: t.callId,
          name: input.name,
          phone: input.phone,
          address: input.address,
          need: input.summary,
          kind: 'emergency',
          priority: input.priority,
        });
        const started =
          input.priority === 'URGENT' && deps.escalation?.startEscalation
            ? await deps.escalation.startEscalation(deps.db, row.id)
            : { notified: [] };
        return { notified: started.notified };
      },
      async transferToHuman({ to, whisper }) {
        if (t.channel !== 'phone' || !t.callSid || !deps.escalation?.transferCall) return { accepted: false };
        return { accepted: await deps.escalation.transferCall(t.organizationId, t.callSid, to, whisper) };
      },
    },
  };
}
