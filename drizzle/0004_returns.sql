CREATE TABLE "return_periods" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period_end" date NOT NULL,
	"due_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "return_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"submitted_by" uuid,
	"completeness" jsonb NOT NULL,
	"snapshot" jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_periods" ADD CONSTRAINT "return_periods_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_reminders" ADD CONSTRAINT "return_reminders_period_id_return_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."return_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_reminders" ADD CONSTRAINT "return_reminders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_submissions" ADD CONSTRAINT "return_submissions_period_id_return_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."return_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "return_submissions" ADD CONSTRAINT "return_submissions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "return_periods_council_end_key" ON "return_periods" USING btree ("council_id","period_end");--> statement-breakpoint
CREATE UNIQUE INDEX "return_reminders_period_org_key" ON "return_reminders" USING btree ("period_id","org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "return_submissions_period_org_key" ON "return_submissions" USING btree ("period_id","org_id");