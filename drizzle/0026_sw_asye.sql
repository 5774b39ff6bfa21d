CREATE TABLE "sw_asye_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"asye_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"due_on" date NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sw_asye_reminders" ADD CONSTRAINT "sw_asye_reminders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_asye_reminders" ADD CONSTRAINT "sw_asye_reminders_asye_id_sw_asye_id_fk" FOREIGN KEY ("asye_id") REFERENCES "public"."sw_asye"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sw_asye_reminders_key" ON "sw_asye_reminders" USING btree ("asye_id","stage","due_on");