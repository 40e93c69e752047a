/**
 * In-memory BrainPorts for tests and benchmarks: one bookable resource per business, slots every
 * 15 minutes inside opening hours, never two appointments over each other.
 */
import { DateTime } from 'luxon';
import { closedReason } from '../calendar.js';
import type { AppointmentInfo, BrainPorts, CustomerDetails, Slot, SlotCommandResult } from '../ports.js';
import type { BusinessProfile, Priority, WeekdayKey } from '../types.js';

const KEYS: WeekdayKey[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const STEP_MIN = 15;

/** A stored appointment of the fake. */
export interface FakeAppointment extends AppointmentInfo {
  end: string;
  customer: CustomerDetails;
  status: 'booked' | 'cancelled';
}

/** The fake's recorded world, for assertions. */
export interface FakeWorld {
  appointments: FakeAppointment[];
  leads: Array<CustomerDetails & { id: string; need: string; priority: Priority }>;
  messages: Array<CustomerDetails & { id: string; text: string; urgent?: boolean }>;
  escalations: Array<{ priority: Priority; summary: string; duringHours: boolean; phone?: string }>;
  transfers: Array<{ to: string; reason: string }>;
  holds: string[];
}

/** Options of the fake. */
export interface FakeOptions {
  /** Whether a live transfer is possible (a phone channel with someone answering). */
  transferAccepted?: boolean;
  /** Existing appointments as local "YYYY-MM-DDTHH:mm" starts. */
  existing?: Array<{ service: string; start: string; customerName?: string; customerPhone?: string }>;
  /** The call's clock: no slot starts before `now + minNoticeMin` (as the booking engine's window). */
  now?: Date;
  /** Minimum notice in minutes (default 0); only with `now`. */
  minNoticeMin?: number;
}

/** Builds fake ports over a business; `world` shows what they recorded. */
export function createFakePorts(
  business: BusinessProfile,
  opts: FakeOptions = {},
): { ports: BrainPorts; world: FakeWorld } {
  const tz = business.timezone;
  const world: FakeWorld = { appointments: [], leads: [], messages: [], escalations: [], transfers: [], holds: [] };
  let seq = 0;
  const duration = (name: string) =>
    business.services.find((s) => s.name.toLowerCase() === name.toLowerCase())?.durationMin ?? 60;
  for (const e of opts.existing ?? []) {
    const start = DateTime.fromISO(e.start, { zone: tz });
    world.appointments.push({
      id: `appt-${++seq}`,
      serviceName: e.service,
      start: start.toISO()!,
      end: start.plus({ minutes: duration(e.service) }).toISO()!,
      customer: {
        ...(e.customerName ? { name: e.customerName } : {}),
        ...(e.customerPhone ? { phone: e.customerPhone } : {}),
      },
      ...(e.customerName ? { customerName: e.customerName } : {}),
      status: 'booked',
    });
  }
  const busy = (from: number, to: number, except?: string) =>
    world.appointments.some(
      (a) => a.status === 'booked' && a.id !== except && Date.parse(a.start) < to && Date.parse(a.end) > from,
    );

  const earliest = opts.now ? opts.now.getTime() + (opts.minNoticeMin ?? 0) * 60_000 : -Infinity;
  // and none after the last day the business books ahead
  const latest =
    opts.now && business.maxDaysAhead
      ? DateTime.fromJSDate(opts.now, { zone: tz }).plus({ days: business.maxDaysAhead }).endOf('day').toMillis()
      : Infinity;

  function slots(serviceName: string, fromIso: string, toIso: string, except?: string, limit = 500): Slot[] {
    const dur = duration(serviceName);
    const out: Slot[] = [];
    let day = DateTime.fromISO(fromIso, { zone: tz }).startOf('day');
    const end = DateTime.fromISO(toIso, { zone: tz });
    for (; day < end; day = day.plus({ days: 1 })) {
      if (closedReason(business, day.toISODate()!)) continue;
      for (const [open, close] of business.hours[KEYS[day.weekday - 1]] ?? []) {
        const [oh, om] = open.split(':').map(Number);
        const [ch, cm] = close.split(':').map(Number);
        const closeAt = day.set({ hour: ch, minute: cm });
        for (
          let t = day.set({ hour: oh, minute: om });
          t.plus({ minutes: dur }) <= closeAt;
          t = t.plus({ minutes: STEP_MIN })
        ) {
          const s = t.toMillis();
          const e = t.plus({ minutes: dur }).toMillis();
          if (s < Date.parse(fromIso) || s >= Date.parse(toIso) || s < earliest || s > latest || busy(s, e, except))
            continue;
          out.push({ start: t.toISO()!, end: t.plus({ minutes: dur }).toISO()! });
          if (out.length >= limit) return out;
        }
      }
    }
    return out;
  }

  function alternatives(serviceName: string, slot: Slot, except?: string): Slot[] {
    const d = DateTime.fromISO(slot.start, { zone: tz });
    return slots(serviceName, d.startOf('day').toISO()!, d.plus({ days: 7 }).toISO()!, except).slice(0, 3);
  }

  const ports: BrainPorts = {
    booking: {
      async findSlots(q) {
        const found = slots(q.serviceName, q.from, q.to, q.exceptAppointmentId, q.limit);
        return q.staffName ? found.map((s) => ({ ...s, staffName: q.staffName })) : found;
      },
      async holdSlot(input) {
        world.holds.push(input.slot.start);
        return { holdId: `hold-${++seq}` };
      },
      async book(input): Promise<SlotCommandResult> {
        const s = Date.parse(input.slot.start);
        const e = Date.parse(input.slot.end);
        if (busy(s, e))
          return { ok: false, reason: 'slot_taken', alternatives: alternatives(input.serviceName, input.slot) };
        const appt: FakeAppointment = {
          id: `appt-${++seq}`,
          serviceName: input.serviceName,
          start: input.slot.start,
          end: input.slot.end,
          customer: input.customer,
          ...(input.customer.name ? { customerName: input.customer.name } : {}),
          status: 'booked',
        };
        world.appointments.push(appt);
        return { ok: true, appointment: appt };
      },
      async findUpcomingAppointments(phone) {
        return world.appointments.filter((a) => a.status === 'booked' && a.customer.phone === phone);
      },
      async reschedule(input): Promise<SlotCommandResult> {
        const appt = world.appointments.find((a) => a.id === input.appointmentId && a.status === 'booked');
        if (!appt) return { ok: false, reason: 'not_found' };
        if (busy(Date.parse(input.slot.start), Date.parse(input.slot.end), appt.id)) {
          return { ok: false, reason: 'slot_taken', alternatives: alternatives(appt.serviceName, input.slot, appt.id) };
        }
        Object.assign(appt, { start: input.slot.start, end: input.slot.end });
        return { ok: true, appointment: appt };
      },
      async cancel(input) {
        const appt = world.appointments.find((a) => a.id === input.appointmentId && a.status === 'booked');
        if (appt) appt.status = 'cancelled';
        return { ok: !!appt };
      },
    },
    leads: {
      async captureLead(input) {
        // as the real port: one lead per call, which later captures complete
        const lead = world.leads[0];
        if (!lead) {
          const id = `lead-${++seq}`;
          world.leads.push({ ...input, id });
          return { id };
        }
        const rank = ['LOW', 'NORMAL', 'HIGH', 'URGENT'];
        const given = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
        Object.assign(lead, given, {
          need: lead.need.includes(input.need) ? lead.need : `${lead.need}; ${input.need}`,
          priority: rank.indexOf(input.priority) > rank.indexOf(lead.priority) ? input.priority : lead.priority,
        });
        return { id: lead.id };
      },
      async takeMessage(input) {
        const id = `msg-${++seq}`;
        world.messages.push({ ...input, id });
        return { id };
      },
    },
    escalation: {
      async escalateEmergency(input) {
        const { priority, summary, duringHours: _d, leadId: _l, ...who } = input;
        world.leads.push({ ...who, id: `lead-${++seq}`, need: summary, priority });
        world.escalations.push({
          priority: input.priority,
          summary: input.summary,
          duringHours: input.duringHours,
          ...(input.phone ? { phone: input.phone } : {}),
        });
        return { notified: ['sms', 'email', 'call'] };
      },
      async transferToHuman(input) {
        world.transfers.push(input);
        return { accepted: opts.transferAccepted ?? true };
      },
    },
  };
  return { ports, world };
}
