CREATE TABLE "import_qualifications" (
	"stage_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"qualification_code" integer NOT NULL,
	"year" integer,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "import_staff" (
	"stage_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"action" text NOT NULL,
	"staff_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"local_ref" text NOT NULL,
	"person_key" text,
	"ni_encrypted" text,
	"date_of_birth" date,
	"start_date" date NOT NULL,
	"changed" text[] DEFAULT '{}' NOT NULL,
	"audit" jsonb,
	"display_id" text NOT NULL,
	"gender" integer,
	"ethnicity" integer,
	"nationality" integer,
	"disabled" integer,
	"contract_type" integer NOT NULL,
	"zero_hours" integer,
	"contracted_hours" numeric(6, 2),
	"average_hours" numeric(6, 2),
	"pay_interval" integer,
	"pay_rate" numeric(10, 2),
	"main_job_role" integer NOT NULL,
	"main_job_start_date" date,
	"sector_start_year" integer,
	"social_care_qual" integer,
	"social_care_qual_level" integer,
	"care_certificate" integer,
	"apprentice" integer,
	"days_sick" numeric(5, 1),
	"cwp_category" integer,
	"recruitment_source" integer,
	"home_postcode" text,
	"british_citizenship" integer,
	"country_of_birth" integer,
	"year_of_entry" integer,
	"level2_care_certificate" integer,
	"level2_care_certificate_year" integer,
	"health_care_visa" integer,
	"recruited_outside_uk" integer,
	"delegated_healthcare" integer,
	"main_job_desc" text,
	"nmc_registration" integer,
	"amhp" integer,
	"other_qual" integer,
	"other_qual_level" integer
);
--> statement-breakpoint
CREATE TABLE "import_training" (
	"stage_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"category" integer NOT NULL,
	"name" text,
	"accredited" integer,
	"who_delivered" integer,
	"provider_code" integer,
	"how_delivered" integer,
	"validity_months" integer,
	"completed_on" date,
	"expires_on" date,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "org_data_versions" (
	"org_id" uuid NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "org_data_versions_org_id_pk" PRIMARY KEY("org_id")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "staged" jsonb;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "data_version" bigint;--> statement-breakpoint
ALTER TABLE "org_data_versions" ADD CONSTRAINT "org_data_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Every write to an organisation's workforce records moves its data version on, once per
-- statement (transition tables, not a trigger per row: an upload writes 100,000 rows at once).
CREATE OR REPLACE FUNCTION bump_org_data_version() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO org_data_versions AS v (org_id, version)
      SELECT DISTINCT org_id, 1 FROM old_rows
      ON CONFLICT (org_id) DO UPDATE SET version = v.version + 1;
  ELSE
    INSERT INTO org_data_versions AS v (org_id, version)
      SELECT DISTINCT org_id, 1 FROM new_rows
      ON CONFLICT (org_id) DO UPDATE SET version = v.version + 1;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['workplaces', 'staff_records', 'staff_qualifications', 'training_records', 'declared_counts'] LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_org_data_version()', t || '_version_insert', t);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_org_data_version()', t || '_version_update', t);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_org_data_version()', t || '_version_delete', t);
  END LOOP;
END $$;
