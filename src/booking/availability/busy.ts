/** Everything that blocks a resource — appointments (+ buffer), calendar busy blocks, live holds. */
import type { TimeRange } from './time-ranges.js';
import { normalizeRanges } from './time-ranges.js';
import type { BookedAppointment, BusyBlock, SlotHold } from './types.js';

/** Busy ranges grouped by resource; `shared` blocks every resource. */
export interface BusyIndex {
  readonly shared: readonly TimeRange[];
  readonly byStaff: ReadonlyMap<string, readonly TimeRange[]>;
}

/** An appointment's occupied range: its time plus its service's buffer. */
export function appointmentRange(a: BookedAppointment): TimeRange {
  return { start: a.start.getTime(), end: a.end.getTime() + Math.max(0, a.bufferMin ?? 0) * 60_000 };
}

/** A hold blocks only while it lives (`expiresAt > now`) and only for others than its holder. */
export function holdIsLive(h: SlotHold, now: Date, viewer?: string | null): boolean {
  return h.expiresAt.getTime() > now.getTime() && (viewer == null || h.holder !== viewer);
}

/** Groups all blocking items by resource in one pass (no input is modified). */
export function indexBusy(
  appointments: readonly BookedAppointment[],
  busy: readonly BusyBlock[],
  holds: readonly SlotHold[],
  now: Date,
  viewer?: string | null,
): BusyIndex {
  const shared: TimeRange[] = [];
  const byStaff = new Map<string, TimeRange[]>();
  const add = (staffId: string | null, r: TimeRange) => {
    if (staffId == null) return void shared.push(r);
    const list = byStaff.get(staffId);
    if (list) list.push(r);
    else byStaff.set(staffId, [r]);
  };
  for (const a of appointments) add(a.staffId, appointmentRange(a));
  for (const b of busy) add(b.staffId, { start: b.start.getTime(), end: b.end.getTime() });
  for (const h of holds)
    if (holdIsLive(h, now, viewer)) add(h.staffId, { start: h.start.getTime(), end: h.end.getTime() });
  return { shared, byStaff };
}

/** The normalized busy ranges of one resource (its own plus the shared ones). */
export function busyFor(index: BusyIndex, staffId: string | null): TimeRange[] {
  const own = staffId == null ? [] : (index.byStaff.get(staffId) ?? []);
  if (staffId == null) return normalizeRanges([...index.shared, ...[...index.byStaff.values()].flat()]);
  return normalizeRanges(own.length === 0 ? index.shared : [...index.shared, ...own]);
}
