/** The booking module as one object bound to its dependencies (for routes and the brain's tools). */
import type { BookingDeps } from './commands/index.js';
import {
  bookAppointment,
  cancelAppointment,
  changeStatus,
  findUpcomingByPhone,
  getAppointmentWithHistory,
  getAvailability,
  holdSlot,
  listAppointmentPage,
  releaseHold,
  rescheduleAppointment,
  searchSlots,
  timezoneOf,
} from './commands/index.js';

type Bound<F> = F extends (deps: BookingDeps, ...rest: infer A) => infer R ? (...args: A) => R : never;

/** Every booking command with `deps` applied; each still takes the organization id first. */
export interface BookingService {
  readonly availability: Bound<typeof getAvailability>;
  readonly searchSlots: Bound<typeof searchSlots>;
  readonly hold: Bound<typeof holdSlot>;
  readonly releaseHold: Bound<typeof releaseHold>;
  readonly book: Bound<typeof bookAppointment>;
  readonly reschedule: Bound<typeof rescheduleAppointment>;
  readonly changeStatus: Bound<typeof changeStatus>;
  readonly cancel: Bound<typeof cancelAppointment>;
  readonly get: Bound<typeof getAppointmentWithHistory>;
  readonly list: Bound<typeof listAppointmentPage>;
  readonly upcomingByPhone: Bound<typeof findUpcomingByPhone>;
  readonly timezone: Bound<typeof timezoneOf>;
}

/** Binds the commands to `deps`. */
export function createBookingService(deps: BookingDeps): BookingService {
  return {
    availability: (...a) => getAvailability(deps, ...a),
    searchSlots: (...a) => searchSlots(deps, ...a),
    hold: (...a) => holdSlot(deps, ...a),
    releaseHold: (...a) => releaseHold(deps, ...a),
    book: (...a) => bookAppointment(deps, ...a),
    reschedule: (...a) => rescheduleAppointment(deps, ...a),
    changeStatus: (...a) => changeStatus(deps, ...a),
    cancel: (...a) => cancelAppointment(deps, ...a),
    get: (...a) => getAppointmentWithHistory(deps, ...a),
    list: (...a) => listAppointmentPage(deps, ...a),
    upcomingByPhone: (...a) => findUpcomingByPhone(deps, ...a),
    timezone: (...a) => timezoneOf(deps, ...a),
  };
}
