-- Two live appointments of one resource (staff member, or the business itself) may never overlap:
-- the database refuses it, so no race in code can double-book. btree_gist lets uuid/text join the
-- range in one GiST index. PGlite ships btree_gist too, so this runs on both.
CREATE EXTENSION IF NOT EXISTS btree_gist;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_overlap"
  EXCLUDE USING gist ("organization_id" WITH =, "resource_key" WITH =, tstzrange("start_at", "busy_until", '[)') WITH &&)
  WHERE ("status" = 'booked');--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_range_valid" CHECK ("start_at" < "end_at" AND "end_at" <= "busy_until");
