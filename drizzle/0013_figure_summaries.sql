CREATE TABLE "figure_summaries" (
	"key" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"value" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Vacancies and agency use count in the figures too: their writes move the data version on, so
-- summaries made before them are known to be out of date.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['vacancies', 'agency_use'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_org_data_version()', t || '_version_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_org_data_version()', t || '_version_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_org_data_version()', t || '_version_delete', t);
  END LOOP;
END $$;
