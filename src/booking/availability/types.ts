/** The inputs and outputs of availability, in business terms. Instants are `Date`s; wall times are strings. */
import type { WeeklyHours } from './opening-hours.js';

/** How a business takes bookings: where it is, when it is open, and how far ahead. */
export interface BusinessSchedule {
  /** IANA time zone of the business, e.g. `America/New_York`. */
  readonly tz: string;
  readonly hours: WeeklyHours;
  /** Closed local dates, `YYYY-MM-DD`. */
  readonly holidays: readonly string[];
  /** No slot starts sooner than this many minutes after `now`. */
  readonly minNoticeMin: number;
  /** Slots start no later than the end of the local day `today + maxDaysAhead`. */
  readonly maxDaysAhead: number;
  /** Grid of slot starts in minutes, counted from the start of each working range; default 15. */
  readonly stepMin?: number;
}

/** What is being booked: its length and the cleanup time after it. */
export interface ServiceSpec {
  readonly id: string;
  readonly durationMin: number;
  readonly bufferMin: number;
}

/** A bookable staff member (provider). Without `hours` they work whenever the business is open. */
export interface StaffSchedule {
  readonly id: string;
  readonly hours?: WeeklyHours | null;
  /** Services this person performs; absent means all. */
  readonly serviceIds?: readonly string[] | null;
}

/** An existing appointment; `staffId: null` blocks every resource. Its buffer extends its end. */
export interface BookedAppointment {
  readonly start: Date;
  readonly end: Date;
  readonly staffId: string | null;
  readonly bufferMin?: number;
}

/** A busy block from a connected calendar; `staffId: null` means the whole business is busy. */
export interface BusyBlock {
  readonly start: Date;
  readonly end: Date;
  readonly staffId: string | null;
}

/** A slot held for a caller while they confirm; blocks others until `expiresAt`. */
export interface SlotHold extends BusyBlock {
  readonly expiresAt: Date;
  /** Who holds it (a call or session id); their own holds do not hide slots from them. */
  readonly holder?: string;
}

/** A bookable slot: the service fits in `[start, end)` for `staffId` (null: the business itself). */
export interface Slot {
  readonly start: Date;
  readonly end: Date;
  readonly staffId: string | null;
}

/** Everything availability needs; the caller reads it from storage, this module only computes. */
export interface AvailabilityInput {
  readonly schedule: BusinessSchedule;
  readonly service: ServiceSpec;
  /** All staff of the business; empty means the business is one bookable resource. */
  readonly staff: readonly StaffSchedule[];
  /** Restrict to this staff member. */
  readonly staffId?: string | null;
  readonly appointments: readonly BookedAppointment[];
  readonly busy?: readonly BusyBlock[];
  readonly holds?: readonly SlotHold[];
  /** Holder whose own live holds are ignored. */
  readonly viewer?: string | null;
  /** The current instant; never read from a clock here. */
  readonly now: Date;
}

/** A window of instants `[from, to)` in which slot starts are wanted. */
export interface SlotWindow {
  readonly from: Date;
  readonly to: Date;
}
