ALTER TABLE "appointments" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "calls" ADD COLUMN "language" text;