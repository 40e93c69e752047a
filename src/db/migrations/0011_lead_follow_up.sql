ALTER TABLE "leads" ADD COLUMN "follow_up" jsonb;--> statement-breakpoint
ALTER TABLE "channel_settings" ADD COLUMN "max_concurrent_calls" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_settings" ADD COLUMN "follow_up_leads" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "channel_settings" ADD COLUMN "follow_up_delay_min" integer DEFAULT 5 NOT NULL;