CREATE TABLE "career_frameworks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"status" text NOT NULL,
	"version" integer,
	"document" jsonb NOT NULL,
	"created_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by" uuid,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "framework_endorsements" (
	"framework_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"endorsed_by" uuid,
	"endorsed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "framework_endorsements_framework_id_provider_id_pk" PRIMARY KEY("framework_id","provider_id")
);
--> statement-breakpoint
CREATE TABLE "provider_job_titles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"title" text NOT NULL,
	"role_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "career_frameworks" ADD CONSTRAINT "career_frameworks_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_frameworks" ADD CONSTRAINT "career_frameworks_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "career_frameworks" ADD CONSTRAINT "career_frameworks_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_endorsements" ADD CONSTRAINT "framework_endorsements_framework_id_career_frameworks_id_fk" FOREIGN KEY ("framework_id") REFERENCES "public"."career_frameworks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_endorsements" ADD CONSTRAINT "framework_endorsements_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "framework_endorsements" ADD CONSTRAINT "framework_endorsements_endorsed_by_users_id_fk" FOREIGN KEY ("endorsed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_job_titles" ADD CONSTRAINT "provider_job_titles_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "career_frameworks_version_key" ON "career_frameworks" USING btree ("council_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "career_frameworks_one_draft" ON "career_frameworks" USING btree ("council_id") WHERE status = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "provider_job_titles_key" ON "provider_job_titles" USING btree ("provider_id",lower("title"));--> statement-breakpoint
-- A published version is what providers endorsed: it can never be changed or removed.
CREATE OR REPLACE FUNCTION career_frameworks_keep_published() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'a published career framework is immutable: % is not allowed', TG_OP;
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER career_frameworks_immutable BEFORE UPDATE OR DELETE ON career_frameworks
  FOR EACH ROW EXECUTE FUNCTION career_frameworks_keep_published();
