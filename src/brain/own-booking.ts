/**
 * A booking asked for right after one the caller already has: "I've got a cut with Marco tomorrow at two, can I
 * add a beard trim onto that, right after?", "I'm in with Gemma at ten, could my lad have a kids' cut straight
 * after mine?". The day and time said are the caller's own booking, found under the number they call from;
 * the wish becomes the moment it ends, with the same staff member when the caller asks for them "as well".
 */
import { DateTime } from 'luxon';
import { firstPartOf, type Understanding } from './nlu/index.js';
import type { BrainPorts } from './ports.js';

/** Words asking for a time right after one the caller has. */
const AFTER_OWN =
  /\b(?:(?:straight|right|just|directly|immediately) after (?:mine|my (?:one|appointment|booking|[a-z-]+)|hers|his|theirs|their (?:one|[a-z-]+)|her (?:one|[a-z-]+)|him|her|me|it|that(?: one)?)|after (?:mine|hers|his|theirs|my (?:one|appointment|booking))|(?:on ?to|onto|on the end of) (?:that|it|mine|my [a-z-]+)|back[- ]to[- ]back with (?:mine|my [a-z-]+|it|that|hers|his))\b/;
/** The same person asked for again ("with Gemma as well", "same person", "same stylist"). */
const SAME_STAFF =
  /\b(?:as well|too|also|same (?:person|stylist|barber|tech|technician|therapist|one|groomer|dentist|hygienist))\b/;

/**
 * The wish rewritten to the end of the caller's own booking the turn names; undefined when the turn asks for no
 * such time, the caller's number is not known, or no booking of theirs matches the day (and time) said.
 */
export async function afterOwnBooking(
  u: Understanding,
  ports: BrainPorts,
  phone: string | undefined,
  timezone: string,
): Promise<Pick<Understanding, 'when' | 'staff' | 'name'> | undefined> {
  if (!phone || !AFTER_OWN.test(u.text)) return undefined;
  const theirs = await ports.booking.findUpcomingAppointments(phone);
  const local = (iso: string) => DateTime.fromISO(iso, { zone: timezone });
  const said = u.when;
  const matches = theirs.filter((a) => {
    const start = local(a.start);
    if (said?.date && start.toISODate() !== said.date) return false;
    return !said?.time || start.toFormat('HH:mm') === said.time;
  });
  // with no day said, only a caller with one booking coming up means it plainly
  const own = said?.date || theirs.length === 1 ? matches : [];
  if (own.length !== 1 || !own[0].end) return undefined;
  const end = local(own[0].end);
  const staff = own[0].staffName && SAME_STAFF.test(u.text) ? { staff: own[0].staffName } : {};
  // "it's Andre" of the booking under Andre Baptiste: the name on file, when the add-on is the caller's own
  const full = own[0].customerName;
  const name = u.name && full && !u.forRelative && firstPartOf(u.name, full) ? { name: full } : {};
  return { when: { date: end.toISODate()!, time: end.toFormat('HH:mm') }, ...staff, ...name };
}

/**
 * The same for a booking made earlier in this call ("could you do my wife's straight after mine?" once the
 * caller's MOT is booked): the end of the last one booked, whoever the caller is.
 */
export function afterBookedNow(
  u: Understanding,
  booked: Array<{ service: string; start: string }> | undefined,
  business: { timezone: string; services: Array<{ name: string; durationMin: number }> },
): Pick<Understanding, 'when'> | undefined {
  const last = booked?.at(-1);
  if (!last || !AFTER_OWN.test(u.text) || u.when?.date || u.when?.time) return undefined;
  const minutes = business.services.find((s) => s.name === last.service)?.durationMin;
  if (!minutes) return undefined;
  const end = DateTime.fromISO(last.start, { zone: business.timezone }).plus({ minutes });
  return { when: { date: end.toISODate()!, time: end.toFormat('HH:mm') } };
}
