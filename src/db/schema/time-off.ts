import { index, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, ts } from './columns.js';
import { organizations } from './organizations.js';
import { staff } from './business.js';

/**
 * Time a staff member (or, with no staff member, the whole business) cannot be booked: a break, a
 * day off, a holiday. Availability treats it like an appointment; the calendar shows it.
 */
export const blockedTimes = pgTable(
  'blocked_times',
  {
    id: id(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    staffId: uuid('staff_id').references(() => staff.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['break', 'time_off'] })
      .notNull()
      .default('time_off'),
    startAt: ts('start_at').notNull(),
    endAt: ts('end_at').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('blocked_times_org_start_idx').on(t.organizationId, t.startAt)],
);
