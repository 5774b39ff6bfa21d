CREATE TABLE "workforce_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"standard_weekly_hours" numeric(4, 1),
	"required_training" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "workforce_settings" ADD CONSTRAINT "workforce_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- An employer's working week and mandatory training change its figures: writes move its data
-- version on, so summaries made before them are known to be out of date (ADR 0009).
CREATE TRIGGER workforce_settings_version_insert AFTER INSERT ON workforce_settings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_org_data_version();
--> statement-breakpoint
CREATE TRIGGER workforce_settings_version_update AFTER UPDATE ON workforce_settings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_org_data_version();
