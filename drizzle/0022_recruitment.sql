CREATE TABLE "advert_view_days" (
	"advert_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "advert_view_days_advert_id_day_pk" PRIMARY KEY("advert_id","day")
);
--> statement-breakpoint
CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"by" uuid
);
--> statement-breakpoint
CREATE TABLE "application_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "application_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"question_id" uuid,
	"value" text NOT NULL,
	"score" integer NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"assessor_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_scores_range" CHECK ("application_scores"."score" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"advert_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"candidate_user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"profile" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stage" text DEFAULT 'applied' NOT NULL,
	"rejection_reason" text,
	"source" text DEFAULT 'board' NOT NULL,
	"campaign_id" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stage_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"staff_record_id" uuid,
	"started_on" date,
	"candidate_deleted_at" timestamp with time zone,
	"retain_until" date,
	CONSTRAINT "applications_stage" CHECK ("applications"."stage" in ('applied', 'screened', 'interview', 'offer', 'checks', 'started', 'withdrawn', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "recruitment_campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"audience" text DEFAULT '' NOT NULL,
	"code" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"candidate_user_id" uuid,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"choice" text NOT NULL,
	"org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "candidate_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"postcode" text DEFAULT '' NOT NULL,
	"outward" text,
	"experience" text DEFAULT '' NOT NULL,
	"qualifications" text[] DEFAULT '{}'::text[] NOT NULL,
	"right_to_work" text DEFAULT 'not_sure' NOT NULL,
	"driving_licence" boolean DEFAULT false NOT NULL,
	"availability" text DEFAULT '' NOT NULL,
	"preferred_roles" text[] DEFAULT '{}'::text[] NOT NULL,
	"preferred_areas" text[] DEFAULT '{}'::text[] NOT NULL,
	"pool_visibility" text DEFAULT 'none' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidate_profiles_pool" CHECK ("candidate_profiles"."pool_visibility" in ('none', 'all', 'chosen'))
);
--> statement-breakpoint
CREATE TABLE "check_share_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"check_id" uuid NOT NULL,
	"candidate_user_id" uuid NOT NULL,
	"to_org_id" uuid NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "recruitment_email_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_verifications" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "interview_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"advert_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"application_id" uuid,
	"booked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_adverts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"vacancy_id" uuid NOT NULL,
	"reference" text DEFAULT '' NOT NULL,
	"title" text NOT NULL,
	"framework_role_key" text,
	"job_role" integer NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"pay_unit" text NOT NULL,
	"pay_min_pence" integer NOT NULL,
	"pay_max_pence" integer,
	"pay_age_band" text DEFAULT '21_plus' NOT NULL,
	"hours_per_week" double precision,
	"contract_type" text NOT NULL,
	"zero_hours" boolean DEFAULT false NOT NULL,
	"shift_pattern" text DEFAULT '' NOT NULL,
	"driving_required" boolean DEFAULT false NOT NULL,
	"visa_sponsorship" boolean DEFAULT false NOT NULL,
	"no_experience_needed" boolean DEFAULT false NOT NULL,
	"offers" text DEFAULT '' NOT NULL,
	"values" text[] DEFAULT '{}'::text[] NOT NULL,
	"closing_date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"closed_reason" text,
	"moderation_note" text,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"postcode" text,
	"outward" text,
	"lat" double precision,
	"lng" double precision,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_adverts_status" CHECK ("job_adverts"."status" in ('draft', 'published', 'closed', 'refused')),
	CONSTRAINT "job_adverts_pay_unit" CHECK ("job_adverts"."pay_unit" in ('hour', 'year')),
	CONSTRAINT "job_adverts_contract" CHECK ("job_adverts"."contract_type" in ('permanent', 'temporary', 'bank', 'other'))
);
--> statement-breakpoint
CREATE TABLE "job_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"email" text NOT NULL,
	"criteria" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"token_hash" text NOT NULL,
	"confirmed_at" timestamp with time zone,
	"last_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pool_chosen_employers" (
	"candidate_user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	CONSTRAINT "pool_chosen_employers_candidate_user_id_org_id_pk" PRIMARY KEY("candidate_user_id","org_id")
);
--> statement-breakpoint
CREATE TABLE "pool_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"candidate_user_id" uuid NOT NULL,
	"advert_id" uuid NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "postcode_districts" (
	"outward" text PRIMARY KEY NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"place" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pre_employment_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"candidate_user_id" uuid,
	"identity_seen_on" date,
	"dbs_level" text,
	"dbs_certificate_number" text,
	"dbs_issued_on" date,
	"dbs_update_service" text,
	"dbs_update_checked_on" date,
	"right_to_work_method" text,
	"right_to_work_document" text,
	"right_to_work_checked_on" date,
	"right_to_work_expires_on" date,
	"right_to_work_follow_up_on" date,
	"references" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"history_gaps_explained" boolean DEFAULT false NOT NULL,
	"history_notes" text DEFAULT '' NOT NULL,
	"health_declaration_on" date,
	"qualifications_verified_on" date,
	"shared_from_id" uuid,
	"relied_on" text[] DEFAULT '{}'::text[] NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recruitment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"campaign_id" uuid,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "values_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"org_id" uuid,
	"advert_id" uuid,
	"value" text NOT NULL,
	"question" text NOT NULL,
	"guidance" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"retired_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "attachments" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "advert_view_days" ADD CONSTRAINT "advert_view_days_advert_id_job_adverts_id_fk" FOREIGN KEY ("advert_id") REFERENCES "public"."job_adverts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advert_view_days" ADD CONSTRAINT "advert_view_days_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_by_users_id_fk" FOREIGN KEY ("by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_notes" ADD CONSTRAINT "application_notes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_scores" ADD CONSTRAINT "application_scores_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_scores" ADD CONSTRAINT "application_scores_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_scores" ADD CONSTRAINT "application_scores_question_id_values_questions_id_fk" FOREIGN KEY ("question_id") REFERENCES "public"."values_questions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_scores" ADD CONSTRAINT "application_scores_assessor_id_users_id_fk" FOREIGN KEY ("assessor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_advert_id_job_adverts_id_fk" FOREIGN KEY ("advert_id") REFERENCES "public"."job_adverts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_candidate_user_id_users_id_fk" FOREIGN KEY ("candidate_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_campaign_id_recruitment_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."recruitment_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_campaigns" ADD CONSTRAINT "recruitment_campaigns_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_consents" ADD CONSTRAINT "candidate_consents_candidate_user_id_users_id_fk" FOREIGN KEY ("candidate_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_consents" ADD CONSTRAINT "candidate_consents_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidate_profiles" ADD CONSTRAINT "candidate_profiles_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_share_consents" ADD CONSTRAINT "check_share_consents_check_id_pre_employment_checks_id_fk" FOREIGN KEY ("check_id") REFERENCES "public"."pre_employment_checks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_share_consents" ADD CONSTRAINT "check_share_consents_candidate_user_id_users_id_fk" FOREIGN KEY ("candidate_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_share_consents" ADD CONSTRAINT "check_share_consents_to_org_id_organisations_id_fk" FOREIGN KEY ("to_org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_email_templates" ADD CONSTRAINT "recruitment_email_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_email_templates" ADD CONSTRAINT "recruitment_email_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_verifications" ADD CONSTRAINT "email_verifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_slots" ADD CONSTRAINT "interview_slots_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_slots" ADD CONSTRAINT "interview_slots_advert_id_job_adverts_id_fk" FOREIGN KEY ("advert_id") REFERENCES "public"."job_adverts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_slots" ADD CONSTRAINT "interview_slots_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_adverts" ADD CONSTRAINT "job_adverts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_adverts" ADD CONSTRAINT "job_adverts_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_adverts" ADD CONSTRAINT "job_adverts_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_adverts" ADD CONSTRAINT "job_adverts_vacancy_id_vacancies_id_fk" FOREIGN KEY ("vacancy_id") REFERENCES "public"."vacancies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_adverts" ADD CONSTRAINT "job_adverts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_alerts" ADD CONSTRAINT "job_alerts_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_chosen_employers" ADD CONSTRAINT "pool_chosen_employers_candidate_user_id_users_id_fk" FOREIGN KEY ("candidate_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_chosen_employers" ADD CONSTRAINT "pool_chosen_employers_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_invitations" ADD CONSTRAINT "pool_invitations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_invitations" ADD CONSTRAINT "pool_invitations_candidate_user_id_users_id_fk" FOREIGN KEY ("candidate_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_invitations" ADD CONSTRAINT "pool_invitations_advert_id_job_adverts_id_fk" FOREIGN KEY ("advert_id") REFERENCES "public"."job_adverts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pool_invitations" ADD CONSTRAINT "pool_invitations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_employment_checks" ADD CONSTRAINT "pre_employment_checks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_employment_checks" ADD CONSTRAINT "pre_employment_checks_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_employment_checks" ADD CONSTRAINT "pre_employment_checks_candidate_user_id_users_id_fk" FOREIGN KEY ("candidate_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_employment_checks" ADD CONSTRAINT "pre_employment_checks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_events" ADD CONSTRAINT "recruitment_events_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recruitment_events" ADD CONSTRAINT "recruitment_events_campaign_id_recruitment_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."recruitment_campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "values_questions" ADD CONSTRAINT "values_questions_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "values_questions" ADD CONSTRAINT "values_questions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "values_questions" ADD CONSTRAINT "values_questions_advert_id_job_adverts_id_fk" FOREIGN KEY ("advert_id") REFERENCES "public"."job_adverts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_app_idx" ON "application_events" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_events_org_idx" ON "application_events" USING btree ("org_id","to_stage");--> statement-breakpoint
CREATE INDEX "application_notes_app_idx" ON "application_notes" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "application_scores_app_idx" ON "application_scores" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "applications_org_idx" ON "applications" USING btree ("org_id","stage");--> statement-breakpoint
CREATE INDEX "applications_advert_idx" ON "applications" USING btree ("advert_id");--> statement-breakpoint
CREATE INDEX "applications_council_idx" ON "applications" USING btree ("council_id","submitted_at");--> statement-breakpoint
CREATE INDEX "applications_candidate_idx" ON "applications" USING btree ("candidate_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_advert_candidate_key" ON "applications" USING btree ("advert_id","candidate_user_id") WHERE candidate_user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_campaigns_code_key" ON "recruitment_campaigns" USING btree ("council_id",lower("code"));--> statement-breakpoint
CREATE INDEX "candidate_consents_user_idx" ON "candidate_consents" USING btree ("candidate_user_id");--> statement-breakpoint
CREATE INDEX "candidate_profiles_pool_idx" ON "candidate_profiles" USING btree ("council_id","pool_visibility");--> statement-breakpoint
CREATE INDEX "check_share_consents_to_idx" ON "check_share_consents" USING btree ("to_org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recruitment_email_templates_kind_key" ON "recruitment_email_templates" USING btree ("org_id","kind");--> statement-breakpoint
CREATE INDEX "interview_slots_advert_idx" ON "interview_slots" USING btree ("advert_id");--> statement-breakpoint
CREATE UNIQUE INDEX "interview_slots_application_key" ON "interview_slots" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "job_adverts_org_idx" ON "job_adverts" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "job_adverts_board_idx" ON "job_adverts" USING btree ("council_id","status","closing_date");--> statement-breakpoint
CREATE INDEX "job_adverts_place_idx" ON "job_adverts" USING btree ("lat","lng");--> statement-breakpoint
CREATE UNIQUE INDEX "job_adverts_vacancy_key" ON "job_adverts" USING btree ("vacancy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "job_alerts_token_key" ON "job_alerts" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "job_alerts_council_idx" ON "job_alerts" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "pool_invitations_candidate_idx" ON "pool_invitations" USING btree ("candidate_user_id");--> statement-breakpoint
CREATE INDEX "pool_invitations_org_idx" ON "pool_invitations" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "pre_employment_checks_application_key" ON "pre_employment_checks" USING btree ("application_id");--> statement-breakpoint
CREATE INDEX "pre_employment_checks_org_idx" ON "pre_employment_checks" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "recruitment_events_council_idx" ON "recruitment_events" USING btree ("council_id","starts_at");--> statement-breakpoint
CREATE INDEX "values_questions_council_idx" ON "values_questions" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "values_questions_org_idx" ON "values_questions" USING btree ("org_id");--> statement-breakpoint
-- Users who exist already proved their address by an invitation's link (or are the demo's).
UPDATE "users" SET "email_verified_at" = "created_at" WHERE "email_verified_at" IS NULL;
--> statement-breakpoint
-- Approximate centres of the demo area's postcode districts and their neighbours (Halton, and
-- around it), for the job board's "within N miles"; a full edition (ONSPD, Code-Point Open) is
-- an admin import (shared/reference/recruitment-training.md §9).
INSERT INTO "postcode_districts" ("outward", "lat", "lng", "place") VALUES
  ('WA7', 53.3330, -2.7030, 'Runcorn'),
  ('WA8', 53.3650, -2.7330, 'Widnes'),
  ('WA1', 53.3900, -2.5800, 'Warrington'),
  ('WA2', 53.4100, -2.5800, 'Warrington'),
  ('WA3', 53.4500, -2.5500, 'Warrington'),
  ('WA4', 53.3600, -2.5700, 'Warrington'),
  ('WA5', 53.4000, -2.6300, 'Warrington'),
  ('WA6', 53.2950, -2.7250, 'Frodsham'),
  ('WA9', 53.4400, -2.7100, 'St Helens'),
  ('WA10', 53.4500, -2.7600, 'St Helens'),
  ('WA11', 53.4800, -2.7200, 'St Helens'),
  ('WA12', 53.4550, -2.6300, 'Newton-le-Willows'),
  ('WA13', 53.3800, -2.4700, 'Lymm'),
  ('L24', 53.3420, -2.8500, 'Speke'),
  ('L25', 53.3700, -2.8600, 'Woolton'),
  ('L26', 53.3600, -2.8200, 'Halewood'),
  ('L27', 53.3800, -2.8400, 'Netherley'),
  ('L19', 53.3600, -2.9000, 'Garston'),
  ('L34', 53.4300, -2.7900, 'Prescot'),
  ('L35', 53.4100, -2.8000, 'Whiston'),
  ('L36', 53.4100, -2.8400, 'Huyton'),
  ('CH65', 53.2800, -2.9000, 'Ellesmere Port'),
  ('CH66', 53.2700, -2.9400, 'Ellesmere Port'),
  ('CW8', 53.2600, -2.5700, 'Northwich'),
  ('CW9', 53.2600, -2.5000, 'Northwich');
