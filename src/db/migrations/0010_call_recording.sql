ALTER TABLE "business_configs" ADD COLUMN "record_calls" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "business_configs" ADD COLUMN "recording_retention_days" integer DEFAULT 90 NOT NULL;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "recording_duration_sec" integer;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "recording_channels" integer;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "recording_deleted_at" timestamp with time zone;