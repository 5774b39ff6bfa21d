CREATE TABLE "sw_supervision_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"audience" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sw_supervision_reminders_audience" CHECK (audience in ('worker', 'manager'))
);
--> statement-breakpoint
ALTER TABLE "sw_supervision_reminders" ADD CONSTRAINT "sw_supervision_reminders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_supervision_reminders" ADD CONSTRAINT "sw_supervision_reminders_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sw_supervision_reminders_key" ON "sw_supervision_reminders" USING btree ("staff_record_id","due_on","audience");