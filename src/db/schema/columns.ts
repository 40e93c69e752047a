import { timestamp, uuid } from 'drizzle-orm/pg-core';

/** Primary key column: a random UUID. */
export const id = () => uuid('id').primaryKey().defaultRandom();
/** Creation time, set by the database. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
/** Last change time. */
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
/** A timestamptz column. */
export const ts = (name: string) => timestamp(name, { withTimezone: true });
