CREATE TABLE "agency_use" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"month" date NOT NULL,
	"hours" numeric(10, 1),
	"spend" numeric(12, 2),
	"roles" integer[] DEFAULT '{}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "declared_counts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"as_at" date NOT NULL,
	"kind" text NOT NULL,
	"code" integer,
	"count" integer
);
--> statement-breakpoint
CREATE TABLE "import_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"import_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"bytes" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"created_by" uuid,
	"status" text NOT NULL,
	"as_at" date NOT NULL,
	"files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" jsonb,
	"problems" jsonb,
	"preview" jsonb,
	"job_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_qualifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"qualification_code" integer NOT NULL,
	"year" integer,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "training_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
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
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "staff_records_workplace_local_ref_key";--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "home_postcode" text;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "british_citizenship" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "country_of_birth" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "year_of_entry" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "level2_care_certificate" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "level2_care_certificate_year" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "health_care_visa" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "recruited_outside_uk" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "delegated_healthcare" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "main_job_desc" text;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "nmc_registration" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "amhp" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "other_qual" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "other_qual_level" integer;--> statement-breakpoint
ALTER TABLE "staff_records" ADD COLUMN "leaving_destination" text;--> statement-breakpoint
ALTER TABLE "workplaces" ADD COLUMN "declared_staff_total" integer;--> statement-breakpoint
ALTER TABLE "workplaces" ADD COLUMN "ascwds" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agency_use" ADD CONSTRAINT "agency_use_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agency_use" ADD CONSTRAINT "agency_use_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declared_counts" ADD CONSTRAINT "declared_counts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "declared_counts" ADD CONSTRAINT "declared_counts_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_files" ADD CONSTRAINT "import_files_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_qualifications" ADD CONSTRAINT "staff_qualifications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_qualifications" ADD CONSTRAINT "staff_qualifications_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_records" ADD CONSTRAINT "training_records_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agency_use_workplace_month_key" ON "agency_use" USING btree ("workplace_id","month");--> statement-breakpoint
CREATE INDEX "declared_counts_workplace_as_at_idx" ON "declared_counts" USING btree ("workplace_id","as_at");--> statement-breakpoint
CREATE INDEX "imports_org_idx" ON "imports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "staff_qualifications_staff_idx" ON "staff_qualifications" USING btree ("staff_record_id");--> statement-breakpoint
CREATE INDEX "training_records_staff_idx" ON "training_records" USING btree ("staff_record_id");--> statement-breakpoint
CREATE INDEX "training_records_org_idx" ON "training_records" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_records_workplace_local_ref_key" ON "staff_records" USING btree ("workplace_id","local_ref") WHERE end_date is null;