/**
 * The booking port a conversation (phone call, chat) uses: names instead of ids, ISO strings with
 * the business's offset, and refusals as values — structurally the brain's `BookingPort`, so the
 * composition root can hand it over without booking/ importing the brain.
 */
import { isAppError } from '../lib/index.js';
import type { Appointment } from './appointment.js';
import { distinctStarts } from './slot-search/pick.js';
import { slotViews } from './errors.js';
import { toLocalIso } from './availability/local-time.js';
import type { BookingDeps } from './commands/deps.js';
import {
  bookAppointment,
  cancelAppointment,
  findUpcomingByPhone,
  getAvailability,
  holdSlot,
  rescheduleAppointment,
  timezoneOf,
} from './commands/index.js';
import { namesOf } from './repository/index.js';

/** A slot as a conversation sees it. */
export interface ConversationSlot {
  start: string;
  end: string;
  staffId?: string;
  staffName?: string;
}
/** An appointment as a conversation sees it. */
export interface ConversationAppointment {
  id: string;
  serviceName: string;
  start: string;
  end?: string;
  staffName?: string;
  customerName?: string;
}
/** A command that may lose the race for its slot. */
export type ConversationResult =
  | { ok: true; appointment: ConversationAppointment }
  | { ok: false; reason: 'slot_taken' | 'not_found' | 'invalid'; message?: string; alternatives?: ConversationSlot[] };

/** The port's methods (the brain's BookingPort shape). */
export interface ConversationBookingPort {
  findSlots(q: {
    serviceName: string;
    serviceId?: string;
    from: string;
    to: string;
    staffName?: string;
    limit?: number;
    /** An appointment being moved: its own time does not block it. */
    exceptAppointmentId?: string;
  }): Promise<ConversationSlot[]>;
  holdSlot(input: { serviceName: string; slot: ConversationSlot }): Promise<{ holdId: string } | null>;
  book(input: {
    serviceName: string;
    serviceId?: string;
    slot: ConversationSlot;
    customer: { name?: string; phone?: string; email?: string; address?: string };
    notes?: string;
    idempotencyKey: string;
    language?: string;
  }): Promise<ConversationResult>;
  findUpcomingAppointments(phone: string): Promise<ConversationAppointment[]>;
  reschedule(input: {
    appointmentId: string;
    slot: ConversationSlot;
    idempotencyKey: string;
  }): Promise<ConversationResult>;
  cancel(input: { appointmentId: string; reason?: string }): Promise<{ ok: boolean }>;
}

const norm = (s: string) => s.trim().toLowerCase();

/**
 * The port for one conversation of one organization. `holder` (the call or chat session id) owns
 * the conversation's hold, so its own hold never hides a slot from it. `origin` says which call
 * record and channel its bookings come from (written with the appointment, in its transaction).
 */
export function createConversationBookingPort(
  deps: BookingDeps,
  organizationId: string,
  holder: string,
  origin: { callId?: string; source?: string } = {},
): ConversationBookingPort {
  const names = () => namesOf(deps.db, organizationId);
  async function serviceIdOf(name: string, id?: string): Promise<string | null> {
    const { services } = await names();
    const hit =
      services.find((s) => s.id === id) ??
      services.find((s) => norm(s.name) === norm(name) || s.synonyms.some((x) => norm(x) === norm(name)));
    return hit?.id ?? null;
  }
  async function view(a: Appointment): Promise<ConversationAppointment> {
    const [{ services, staff }, tz] = await Promise.all([names(), timezoneOf(deps, organizationId)]);
    const staffName = staff.find((s) => s.id === a.staffId)?.name;
    return {
      id: a.id,
      serviceName: services.find((s) => s.id === a.serviceId)?.name ?? 'appointment',
      start: toLocalIso(a.start.getTime(), tz),
      end: toLocalIso(a.end.getTime(), tz),
      customerName: a.customer.name,
      ...(staffName ? { staffName } : {}),
    };
  }
  async function refused(e: unknown): Promise<ConversationResult> {
    if (!isAppError(e)) throw e;
    const alternatives = ((e.details as { alternatives?: ConversationSlot[] } | undefined)?.alternatives ?? []).map(
      (s) => ({ start: s.start, end: s.end, ...(s.staffId ? { staffId: s.staffId } : {}) }),
    );
    if (e.code === 'SLOT_TAKEN') return { ok: false, reason: 'slot_taken', message: e.message, alternatives };
    if (e.code === 'NOT_FOUND') return { ok: false, reason: 'not_found', message: e.message };
    return { ok: false, reason: 'invalid', message: e.message, alternatives };
  }

  return {
    async findSlots(q) {
      const serviceId = await serviceIdOf(q.serviceName, q.serviceId);
      if (!serviceId) return [];
      const { staff } = await names();
      const staffId = q.staffName ? staff.find((s) => norm(s.name) === norm(q.staffName!))?.id : undefined;
      if (q.staffName && !staffId) return [];
      const { tz, slots } = await getAvailability(deps, organizationId, {
        serviceId,
        from: new Date(q.from),
        to: new Date(q.to),
        staffId,
        viewer: holder,
        ...(q.exceptAppointmentId ? { exceptAppointmentId: q.exceptAppointmentId } : {}),
      });
      return slotViews(distinctStarts(slots), tz)
        .slice(0, q.limit ?? 500)
        .map((s) => ({
          start: s.start,
          end: s.end,
          ...(s.staffId ? { staffId: s.staffId, staffName: staff.find((x) => x.id === s.staffId)?.name } : {}),
        }));
    },
    async holdSlot({ serviceName, slot }) {
      const serviceId = await serviceIdOf(serviceName);
      if (!serviceId) return null;
      try {
        const hold = await holdSlot(deps, organizationId, {
          serviceId,
          start: new Date(slot.start),
          staffId: slot.staffId ?? null,
          holder,
        });
        return { holdId: hold.id };
      } catch (e) {
        if (isAppError(e)) return null;
        throw e;
      }
    },
    async book(input) {
      const serviceId = await serviceIdOf(input.serviceName, input.serviceId);
      if (!serviceId) return { ok: false, reason: 'not_found', message: `no service called "${input.serviceName}"` };
      const base = {
        serviceId,
        start: new Date(input.slot.start),
        customer: { name: input.customer.name ?? 'Caller', phone: input.customer.phone, email: input.customer.email },
        address: input.customer.address,
        notes: input.notes,
        source: origin.source ?? 'conversation',
        callId: origin.callId ?? null,
        language: input.language ?? null,
        holder,
        idempotencyKey: input.idempotencyKey,
        actor: 'agent',
      };
      try {
        return {
          ok: true,
          appointment: await view(
            (await bookAppointment(deps, organizationId, { ...base, staffId: input.slot.staffId ?? null })).appointment,
          ),
        };
      } catch (e) {
        // The slot named one staff member only because it was listed first; anyone free at that time will do.
        if (!(isAppError(e) && e.code === 'SLOT_TAKEN' && input.slot.staffId)) return refused(e);
        try {
          return { ok: true, appointment: await view((await bookAppointment(deps, organizationId, base)).appointment) };
        } catch (e2) {
          return refused(e2);
        }
      }
    },
    async findUpcomingAppointments(phone) {
      return Promise.all((await findUpcomingByPhone(deps, organizationId, phone)).map(view));
    },
    async reschedule({ appointmentId, slot }) {
      const move = (staffId?: string) =>
        rescheduleAppointment(deps, organizationId, appointmentId, {
          start: new Date(slot.start),
          staffId,
          holder,
          actor: 'agent',
        });
      try {
        return { ok: true, appointment: await view(await move()) };
      } catch (e) {
        // Keeping the same staff member failed; the offered slot's staff member may still take it.
        if (!(isAppError(e) && slot.staffId && ['SLOT_TAKEN', 'SLOT_UNAVAILABLE'].includes(e.code))) return refused(e);
        try {
          return { ok: true, appointment: await view(await move(slot.staffId)) };
        } catch (e2) {
          return refused(e2);
        }
      }
    },
    async cancel({ appointmentId }) {
      try {
        await cancelAppointment(deps, organizationId, appointmentId, 'agent');
        return { ok: true };
      } catch (e) {
        if (isAppError(e)) return { ok: false };
        throw e;
      }
    },
  };
}
