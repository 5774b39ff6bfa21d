CREATE TABLE "exit_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"token_hash" text,
	"offered_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"completed_on" date,
	"declined_on" date,
	"reasons" text[] DEFAULT '{}' NOT NULL,
	"main_reason" text,
	"would_return" text,
	"would_recommend" text,
	"comments" text DEFAULT '' NOT NULL,
	"share_with_employer" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_agency_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"role" text NOT NULL,
	"worker_name" text NOT NULL,
	"swe_number" text,
	"agency_name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"hourly_rate" numeric(12, 2) NOT NULL,
	"agency_fee" numeric(12, 2) DEFAULT 0 NOT NULL,
	"weekly_hours" numeric(5, 2) DEFAULT 37 NOT NULL,
	"covers_vacancy" boolean DEFAULT true NOT NULL,
	"project_team" boolean DEFAULT false NOT NULL,
	"notice_weeks" integer,
	"pqe_years" numeric(4, 1),
	"asye_completed" boolean,
	"left_substantive_on" date,
	"reference_received" boolean DEFAULT false NOT NULL,
	"cap_breach_signed_off_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sw_agency_assignments_dates" CHECK (end_date is null or end_date >= start_date)
);
--> statement-breakpoint
CREATE TABLE "sw_agency_price_caps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"role_type" text NOT NULL,
	"hourly_cap" numeric(12, 2) NOT NULL,
	"from_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_asye" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"service" text NOT NULL,
	"start_date" date NOT NULL,
	"assessor_staff_id" uuid,
	"learning_plan_agreed_on" date,
	"protected_caseload_target" integer,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"extended_to" date,
	"outcome_on" date,
	"grant_claimed_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_asye_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"asye_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"held_on" date NOT NULL,
	"progress" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_caseloads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"month" date NOT NULL,
	"open_cases" integer NOT NULL,
	"by_type" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sw_caseloads_cases" CHECK (open_cases >= 0)
);
--> statement-breakpoint
CREATE TABLE "sw_development_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"reviewer_staff_id" uuid,
	"objectives" text DEFAULT '' NOT NULL,
	"training_needs" text[] DEFAULT '{}' NOT NULL,
	"ready_for_progression" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_establishment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"role" text NOT NULL,
	"funded_fte" numeric(7, 2) NOT NULL,
	"effective_from" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sw_establishment_fte" CHECK (funded_fte >= 0)
);
--> statement-breakpoint
CREATE TABLE "sw_pe_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"trainee_id" uuid NOT NULL,
	"practice_educator_staff_id" uuid NOT NULL,
	"amount" numeric(12, 2) NOT NULL,
	"due_on" date NOT NULL,
	"paid_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_progression_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"step_id" uuid NOT NULL,
	"status" text DEFAULT 'preparing' NOT NULL,
	"evidence_notes" text DEFAULT '' NOT NULL,
	"panel_date" date,
	"decided_on" date,
	"decision_notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_progression_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"service" text,
	"name" text NOT NULL,
	"from_grade" text NOT NULL,
	"to_grade" text NOT NULL,
	"from_framework_role" text,
	"to_framework_role" text,
	"criteria" text[] DEFAULT '{}' NOT NULL,
	"evidence" text[] DEFAULT '{}' NOT NULL,
	"automatic" boolean DEFAULT false NOT NULL,
	"min_months_in_grade" integer,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"caseload_threshold_adults" numeric(6, 1) DEFAULT 20 NOT NULL,
	"caseload_threshold_children" numeric(6, 1) DEFAULT 18 NOT NULL,
	"asye_protection_share" numeric(4, 2) DEFAULT 0.8 NOT NULL,
	"pe_payment_per_student" numeric(12, 2) DEFAULT 500 NOT NULL,
	"esg_daily_rate" numeric(12, 2) DEFAULT 20 NOT NULL,
	"esg_skills_day_rate" numeric(12, 2) DEFAULT 10 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_staff" (
	"staff_record_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"role" text NOT NULL,
	"pcf_level" text,
	"grade" text,
	"swe_number" text,
	"swe_renewal_date" date,
	"cpd_recorded_on" date,
	"specialisms" text[] DEFAULT '{}' NOT NULL,
	"amhp_approved_until" date,
	"bia_qualified_on" date,
	"bia_training_on" date,
	"pe_stage" integer,
	"qualified_on" date,
	"route_in" text DEFAULT 'unknown' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sw_staff_pe_stage" CHECK (pe_stage is null or pe_stage in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "sw_supervision_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"applies_to" text NOT NULL,
	"every" integer NOT NULL,
	"unit" text NOT NULL,
	"min_minutes" integer DEFAULT 90 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sw_supervision_standards_every" CHECK (every > 0 and unit in ('week', 'month'))
);
--> statement-breakpoint
CREATE TABLE "sw_supervisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"supervisor_staff_id" uuid,
	"held_on" date NOT NULL,
	"type" text NOT NULL,
	"minutes" integer,
	"actions" text DEFAULT '' NOT NULL,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sw_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"service" text NOT NULL,
	"name" text NOT NULL,
	"service_area" text DEFAULT '' NOT NULL,
	"manager_user_id" uuid,
	"caseload_threshold" numeric(6, 1),
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sw_teams_service" CHECK (service in ('adults', 'children'))
);
--> statement-breakpoint
CREATE TABLE "sw_trainees" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"route" text NOT NULL,
	"name" text NOT NULL,
	"team_id" uuid,
	"university" text DEFAULT '' NOT NULL,
	"programme" text DEFAULT '' NOT NULL,
	"cohort" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"placement_days" integer,
	"skills_days" integer,
	"practice_educator_staff_id" uuid,
	"esg_claimed_on" date,
	"esg_amount" numeric(12, 2),
	"cost" numeric(12, 2),
	"commitment_months" integer,
	"repayment_terms" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'in_training' NOT NULL,
	"qualified_on" date,
	"staff_record_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sw_trainees_days" CHECK (placement_days is null or placement_days >= 0)
);
--> statement-breakpoint
ALTER TABLE "workplaces" ADD COLUMN "social_work_service" text;--> statement-breakpoint
ALTER TABLE "exit_interviews" ADD CONSTRAINT "exit_interviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exit_interviews" ADD CONSTRAINT "exit_interviews_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_agency_assignments" ADD CONSTRAINT "sw_agency_assignments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_agency_assignments" ADD CONSTRAINT "sw_agency_assignments_team_id_sw_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."sw_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_agency_price_caps" ADD CONSTRAINT "sw_agency_price_caps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_asye" ADD CONSTRAINT "sw_asye_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_asye" ADD CONSTRAINT "sw_asye_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_asye" ADD CONSTRAINT "sw_asye_assessor_staff_id_staff_records_id_fk" FOREIGN KEY ("assessor_staff_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_asye_reviews" ADD CONSTRAINT "sw_asye_reviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_asye_reviews" ADD CONSTRAINT "sw_asye_reviews_asye_id_sw_asye_id_fk" FOREIGN KEY ("asye_id") REFERENCES "public"."sw_asye"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_asye_reviews" ADD CONSTRAINT "sw_asye_reviews_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_caseloads" ADD CONSTRAINT "sw_caseloads_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_caseloads" ADD CONSTRAINT "sw_caseloads_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_development_reviews" ADD CONSTRAINT "sw_development_reviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_development_reviews" ADD CONSTRAINT "sw_development_reviews_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_development_reviews" ADD CONSTRAINT "sw_development_reviews_reviewer_staff_id_staff_records_id_fk" FOREIGN KEY ("reviewer_staff_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_establishment" ADD CONSTRAINT "sw_establishment_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_establishment" ADD CONSTRAINT "sw_establishment_team_id_sw_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."sw_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_pe_payments" ADD CONSTRAINT "sw_pe_payments_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_pe_payments" ADD CONSTRAINT "sw_pe_payments_trainee_id_sw_trainees_id_fk" FOREIGN KEY ("trainee_id") REFERENCES "public"."sw_trainees"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_pe_payments" ADD CONSTRAINT "sw_pe_payments_practice_educator_staff_id_staff_records_id_fk" FOREIGN KEY ("practice_educator_staff_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_progression_cases" ADD CONSTRAINT "sw_progression_cases_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_progression_cases" ADD CONSTRAINT "sw_progression_cases_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_progression_cases" ADD CONSTRAINT "sw_progression_cases_step_id_sw_progression_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."sw_progression_steps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_progression_steps" ADD CONSTRAINT "sw_progression_steps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_settings" ADD CONSTRAINT "sw_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_staff" ADD CONSTRAINT "sw_staff_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_staff" ADD CONSTRAINT "sw_staff_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_staff" ADD CONSTRAINT "sw_staff_team_id_sw_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."sw_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_supervision_standards" ADD CONSTRAINT "sw_supervision_standards_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_supervisions" ADD CONSTRAINT "sw_supervisions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_supervisions" ADD CONSTRAINT "sw_supervisions_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_supervisions" ADD CONSTRAINT "sw_supervisions_supervisor_staff_id_staff_records_id_fk" FOREIGN KEY ("supervisor_staff_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_supervisions" ADD CONSTRAINT "sw_supervisions_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_teams" ADD CONSTRAINT "sw_teams_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_teams" ADD CONSTRAINT "sw_teams_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_teams" ADD CONSTRAINT "sw_teams_manager_user_id_users_id_fk" FOREIGN KEY ("manager_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_trainees" ADD CONSTRAINT "sw_trainees_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_trainees" ADD CONSTRAINT "sw_trainees_team_id_sw_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."sw_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_trainees" ADD CONSTRAINT "sw_trainees_practice_educator_staff_id_staff_records_id_fk" FOREIGN KEY ("practice_educator_staff_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sw_trainees" ADD CONSTRAINT "sw_trainees_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "exit_interviews_staff_key" ON "exit_interviews" USING btree ("staff_record_id");--> statement-breakpoint
CREATE UNIQUE INDEX "exit_interviews_token_key" ON "exit_interviews" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "exit_interviews_org_idx" ON "exit_interviews" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sw_agency_assignments_org_idx" ON "sw_agency_assignments" USING btree ("org_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "sw_agency_price_caps_key" ON "sw_agency_price_caps" USING btree ("org_id","role_type","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "sw_asye_staff_key" ON "sw_asye" USING btree ("staff_record_id");--> statement-breakpoint
CREATE INDEX "sw_asye_org_idx" ON "sw_asye" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sw_asye_reviews_stage_key" ON "sw_asye_reviews" USING btree ("asye_id","stage");--> statement-breakpoint
CREATE UNIQUE INDEX "sw_caseloads_key" ON "sw_caseloads" USING btree ("staff_record_id","month");--> statement-breakpoint
CREATE INDEX "sw_caseloads_org_month_idx" ON "sw_caseloads" USING btree ("org_id","month");--> statement-breakpoint
CREATE INDEX "sw_development_reviews_staff_idx" ON "sw_development_reviews" USING btree ("staff_record_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "sw_establishment_key" ON "sw_establishment" USING btree ("team_id","role","effective_from");--> statement-breakpoint
CREATE UNIQUE INDEX "sw_pe_payments_key" ON "sw_pe_payments" USING btree ("trainee_id","practice_educator_staff_id");--> statement-breakpoint
CREATE INDEX "sw_progression_cases_org_idx" ON "sw_progression_cases" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sw_staff_org_idx" ON "sw_staff" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sw_staff_team_idx" ON "sw_staff" USING btree ("team_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sw_supervision_standards_key" ON "sw_supervision_standards" USING btree ("org_id","applies_to");--> statement-breakpoint
CREATE INDEX "sw_supervisions_staff_idx" ON "sw_supervisions" USING btree ("staff_record_id","held_on");--> statement-breakpoint
CREATE INDEX "sw_supervisions_org_idx" ON "sw_supervisions" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sw_teams_org_name_key" ON "sw_teams" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "sw_teams_manager_idx" ON "sw_teams" USING btree ("manager_user_id");--> statement-breakpoint
CREATE INDEX "sw_trainees_org_idx" ON "sw_trainees" USING btree ("org_id");