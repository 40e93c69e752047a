import { pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { updatedAt } from './columns.js';
import { organizations } from './organizations.js';

/**
 * What the owner wrote about a client. The client directory itself is read from the calls, bookings
 * and leads (one person per phone number, else per email), so it is never out of step with them;
 * only the owner's own words are stored, keyed by that same identity.
 */
export const clientNotes = pgTable(
  'client_notes',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The client's identity: an E.164 phone number, or a lower-cased email when no phone is known. */
    clientKey: text('client_key').notNull(),
    /** The name the owner chose, over the one callers gave. */
    name: text('name'),
    notes: text('notes'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.clientKey] })],
);
