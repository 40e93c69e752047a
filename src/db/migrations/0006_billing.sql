CREATE TABLE "billing_accounts" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"plan" text NOT NULL,
	"status" text NOT NULL,
	"trial_ends_at" timestamp with time zone,
	"complimentary" boolean DEFAULT false NOT NULL,
	"hard_cap_minutes" integer,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"subscription_event_at" timestamp with time zone,
	"current_period_start" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_accounts_stripe_customer_id_unique" UNIQUE("stripe_customer_id")
);
--> statement-breakpoint
CREATE TABLE "billing_period_marks" (
	"organization_id" uuid NOT NULL,
	"period_start" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "billing_period_marks_organization_id_period_start_kind_pk" PRIMARY KEY("organization_id","period_start","kind")
);
--> statement-breakpoint
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"organization_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "usage_days" (
	"organization_id" uuid NOT NULL,
	"day" text NOT NULL,
	"kind" text NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"seconds" integer DEFAULT 0 NOT NULL,
	"billable_seconds" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "usage_days_organization_id_day_kind_pk" PRIMARY KEY("organization_id","day","kind")
);
--> statement-breakpoint
ALTER TABLE "billing_accounts" ADD CONSTRAINT "billing_accounts_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "billing_period_marks" ADD CONSTRAINT "billing_period_marks_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_days" ADD CONSTRAINT "usage_days_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stripe_events_org_idx" ON "stripe_events" USING btree ("organization_id");--> statement-breakpoint
INSERT INTO "billing_accounts" ("organization_id", "plan", "status", "trial_ends_at", "hard_cap_minutes") SELECT "organization_id", 'scale', 'trialing', now() + interval '14 days', "monthly_minute_limit" FROM "business_configs" WHERE "monthly_minute_limit" IS NOT NULL;--> statement-breakpoint
DROP TABLE "usage" CASCADE;--> statement-breakpoint
ALTER TABLE "business_configs" DROP COLUMN "monthly_minute_limit";
