CREATE TABLE "apprenticeships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"standard" text NOT NULL,
	"standard_title" text NOT NULL,
	"level" integer NOT NULL,
	"start_on" date NOT NULL,
	"planned_end_on" date NOT NULL,
	"training_provider_id" uuid,
	"training_provider_name" text DEFAULT '' NOT NULL,
	"funding" text NOT NULL,
	"levy_request_id" uuid,
	"price_pence" bigint DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'in_learning' NOT NULL,
	"progress_percent" integer DEFAULT 0 NOT NULL,
	"last_review_on" date,
	"end_on" date,
	"result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "apprenticeships_dates" CHECK (planned_end_on > start_on),
	CONSTRAINT "apprenticeships_progress" CHECK (progress_percent between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "cohort_learners" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"cohort_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"candidate_user_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"status" text DEFAULT 'enrolled' NOT NULL,
	"completed_on" date,
	"share_consent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_claims" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"booking_id" uuid NOT NULL,
	"part" text NOT NULL,
	"amount_pence" integer NOT NULL,
	"claimed_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guaranteed_interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"learner_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"interview_on" date,
	"outcome" text DEFAULT 'pending' NOT NULL,
	"offered_on" date,
	"started_on" date,
	"application_id" uuid,
	"staff_record_id" uuid,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "levy_pledges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"levy_paid_pence" bigint NOT NULL,
	"amount_pence" bigint NOT NULL,
	"standards" text[] DEFAULT '{}'::text[] NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "levy_pledges_amount" CHECK (amount_pence > 0)
);
--> statement-breakpoint
CREATE TABLE "levy_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"pledge_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"standard" text NOT NULL,
	"amount_pence" bigint NOT NULL,
	"staff_record_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"decision_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "levy_requests_amount" CHECK (amount_pence > 0)
);
--> statement-breakpoint
CREATE TABLE "pre_employment_cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"course_id" uuid NOT NULL,
	"name" text NOT NULL,
	"partner" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"employer_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_quotas" (
	"session_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"places" integer NOT NULL,
	CONSTRAINT "session_quotas_session_id_org_id_pk" PRIMARY KEY("session_id","org_id"),
	CONSTRAINT "session_quotas_places" CHECK (places >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_bookings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"status" text NOT NULL,
	"offered_until" timestamp with time zone,
	"booked_by" uuid,
	"self_booked" boolean DEFAULT false NOT NULL,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"late_cancellation" boolean DEFAULT false NOT NULL,
	"outcome" text,
	"outcome_at" timestamp with time zone,
	"marked_by" uuid,
	"training_record_id" uuid,
	"qualification_id" uuid,
	"certificate_code" text,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"offered_by" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"category" integer NOT NULL,
	"framework_item" text,
	"qualification_code" integer,
	"level" integer,
	"hours" numeric(6, 1) NOT NULL,
	"delivery" text NOT NULL,
	"prerequisites" text DEFAULT '' NOT NULL,
	"refresh_months" integer,
	"cost_pence" integer DEFAULT 0 NOT NULL,
	"funding" text NOT NULL,
	"ldss_kind" text,
	"ldss_pence" integer,
	"audience" text DEFAULT 'staff' NOT NULL,
	"status" text DEFAULT 'published' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_courses_hours" CHECK (hours > 0),
	CONSTRAINT "training_courses_cost" CHECK (cost_pence >= 0)
);
--> statement-breakpoint
CREATE TABLE "training_expiry_reminders" (
	"training_record_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"days_before" integer NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_expiry_reminders_training_record_id_days_before_pk" PRIMARY KEY("training_record_id","days_before")
);
--> statement-breakpoint
CREATE TABLE "training_provider_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"staff_self_booking" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"offered_by" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"trainer_name" text DEFAULT '' NOT NULL,
	"trainer_user_id" uuid,
	"capacity" integer NOT NULL,
	"allocation" text DEFAULT 'open' NOT NULL,
	"release_at" timestamp with time zone,
	"cancel_hours" integer DEFAULT 48 NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"cancelled_reason" text,
	"attendance_closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "training_sessions_capacity" CHECK (capacity > 0),
	CONSTRAINT "training_sessions_times" CHECK (ends_at > starts_at)
);
--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_training_provider_id_organisations_id_fk" FOREIGN KEY ("training_provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "apprenticeships" ADD CONSTRAINT "apprenticeships_levy_request_id_levy_requests_id_fk" FOREIGN KEY ("levy_request_id") REFERENCES "public"."levy_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_learners" ADD CONSTRAINT "cohort_learners_cohort_id_pre_employment_cohorts_id_fk" FOREIGN KEY ("cohort_id") REFERENCES "public"."pre_employment_cohorts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_learners" ADD CONSTRAINT "cohort_learners_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cohort_learners" ADD CONSTRAINT "cohort_learners_candidate_user_id_users_id_fk" FOREIGN KEY ("candidate_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_claims" ADD CONSTRAINT "funding_claims_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_claims" ADD CONSTRAINT "funding_claims_booking_id_training_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."training_bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guaranteed_interviews" ADD CONSTRAINT "guaranteed_interviews_learner_id_cohort_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."cohort_learners"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guaranteed_interviews" ADD CONSTRAINT "guaranteed_interviews_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guaranteed_interviews" ADD CONSTRAINT "guaranteed_interviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guaranteed_interviews" ADD CONSTRAINT "guaranteed_interviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guaranteed_interviews" ADD CONSTRAINT "guaranteed_interviews_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levy_pledges" ADD CONSTRAINT "levy_pledges_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levy_pledges" ADD CONSTRAINT "levy_pledges_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levy_requests" ADD CONSTRAINT "levy_requests_pledge_id_levy_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."levy_pledges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levy_requests" ADD CONSTRAINT "levy_requests_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levy_requests" ADD CONSTRAINT "levy_requests_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "levy_requests" ADD CONSTRAINT "levy_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_employment_cohorts" ADD CONSTRAINT "pre_employment_cohorts_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pre_employment_cohorts" ADD CONSTRAINT "pre_employment_cohorts_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_quotas" ADD CONSTRAINT "session_quotas_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_quotas" ADD CONSTRAINT "session_quotas_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_booked_by_users_id_fk" FOREIGN KEY ("booked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_training_record_id_training_records_id_fk" FOREIGN KEY ("training_record_id") REFERENCES "public"."training_records"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_bookings" ADD CONSTRAINT "training_bookings_qualification_id_staff_qualifications_id_fk" FOREIGN KEY ("qualification_id") REFERENCES "public"."staff_qualifications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_courses" ADD CONSTRAINT "training_courses_offered_by_organisations_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_expiry_reminders" ADD CONSTRAINT "training_expiry_reminders_training_record_id_training_records_id_fk" FOREIGN KEY ("training_record_id") REFERENCES "public"."training_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_expiry_reminders" ADD CONSTRAINT "training_expiry_reminders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_provider_settings" ADD CONSTRAINT "training_provider_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_course_id_training_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."training_courses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_offered_by_organisations_id_fk" FOREIGN KEY ("offered_by") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD CONSTRAINT "training_sessions_trainer_user_id_users_id_fk" FOREIGN KEY ("trainer_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "apprenticeships_org_idx" ON "apprenticeships" USING btree ("org_id","start_on");--> statement-breakpoint
CREATE INDEX "apprenticeships_council_idx" ON "apprenticeships" USING btree ("council_id","start_on");--> statement-breakpoint
CREATE INDEX "apprenticeships_staff_idx" ON "apprenticeships" USING btree ("staff_record_id");--> statement-breakpoint
CREATE INDEX "cohort_learners_cohort_idx" ON "cohort_learners" USING btree ("cohort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_learners_candidate_key" ON "cohort_learners" USING btree ("cohort_id","candidate_user_id") WHERE candidate_user_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_claims_booking_part_key" ON "funding_claims" USING btree ("booking_id","part");--> statement-breakpoint
CREATE INDEX "funding_claims_org_idx" ON "funding_claims" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "guaranteed_interviews_org_idx" ON "guaranteed_interviews" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "guaranteed_interviews_learner_org_key" ON "guaranteed_interviews" USING btree ("learner_id","org_id");--> statement-breakpoint
CREATE INDEX "levy_pledges_council_idx" ON "levy_pledges" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "levy_requests_pledge_idx" ON "levy_requests" USING btree ("pledge_id","status");--> statement-breakpoint
CREATE INDEX "levy_requests_org_idx" ON "levy_requests" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "pre_employment_cohorts_council_idx" ON "pre_employment_cohorts" USING btree ("council_id","starts_on");--> statement-breakpoint
CREATE INDEX "training_bookings_session_idx" ON "training_bookings" USING btree ("session_id","status","created_at");--> statement-breakpoint
CREATE INDEX "training_bookings_org_idx" ON "training_bookings" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "training_bookings_staff_idx" ON "training_bookings" USING btree ("staff_record_id");--> statement-breakpoint
CREATE INDEX "training_bookings_council_idx" ON "training_bookings" USING btree ("council_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "training_bookings_certificate_key" ON "training_bookings" USING btree ("certificate_code");--> statement-breakpoint
CREATE UNIQUE INDEX "training_bookings_active_key" ON "training_bookings" USING btree ("session_id","staff_record_id") WHERE status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "training_courses_council_idx" ON "training_courses" USING btree ("council_id","status");--> statement-breakpoint
CREATE INDEX "training_courses_offered_by_idx" ON "training_courses" USING btree ("offered_by");--> statement-breakpoint
CREATE INDEX "training_sessions_council_idx" ON "training_sessions" USING btree ("council_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_course_idx" ON "training_sessions" USING btree ("course_id","starts_at");--> statement-breakpoint
CREATE INDEX "training_sessions_offered_by_idx" ON "training_sessions" USING btree ("offered_by","starts_at");