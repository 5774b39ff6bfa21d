CREATE TABLE "strategies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"vision" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approval_board" text,
	"approved_on" date,
	"minute_ref" text,
	"approved_by" text,
	"approval_recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategies_status" CHECK ("strategies"."status" in ('draft', 'approved')),
	CONSTRAINT "strategies_period" CHECK ("strategies"."period_end" >= "strategies"."period_start")
);
--> statement-breakpoint
CREATE TABLE "strategy_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"pillar_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"phase" text NOT NULL,
	"owner_user_id" uuid,
	"owner_group_id" uuid,
	"partners" text[] DEFAULT '{}'::text[] NOT NULL,
	"partner_org_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"start_on" date,
	"due_on" date,
	"inputs" text DEFAULT '' NOT NULL,
	"outputs" text DEFAULT '' NOT NULL,
	"outcomes" text DEFAULT '' NOT NULL,
	CONSTRAINT "strategy_actions_phase" CHECK ("strategy_actions"."phase" in ('foundations', 'activation', 'embedding')),
	CONSTRAINT "strategy_actions_one_owner" CHECK (num_nonnulls("strategy_actions"."owner_user_id", "strategy_actions"."owner_group_id") <= 1)
);
--> statement-breakpoint
CREATE TABLE "strategy_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"changed_by" uuid,
	"reason" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"tx_id" bigint DEFAULT txid_current() NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_forum_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"group_id" uuid,
	"raised_on" date NOT NULL,
	"you_said" text NOT NULL,
	"we_did" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_forum_entries_status" CHECK ("strategy_forum_entries"."status" in ('open', 'in_progress', 'done'))
);
--> statement-breakpoint
CREATE TABLE "strategy_group_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_groups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"purpose" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_groups_kind" CHECK ("strategy_groups"."kind" in ('steering', 'task_and_finish', 'forum'))
);
--> statement-breakpoint
CREATE TABLE "strategy_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"metric" text NOT NULL,
	"target" double precision NOT NULL,
	"direction" text NOT NULL,
	"by_date" date NOT NULL,
	CONSTRAINT "strategy_measures_direction" CHECK ("strategy_measures"."direction" in ('higher', 'lower'))
);
--> statement-breakpoint
CREATE TABLE "strategy_meeting_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"description" text NOT NULL,
	"plan_action_id" uuid,
	"owner" text DEFAULT '' NOT NULL,
	"due_on" date,
	"status" text DEFAULT 'open' NOT NULL,
	CONSTRAINT "strategy_meeting_actions_status" CHECK ("strategy_meeting_actions"."status" in ('open', 'done'))
);
--> statement-breakpoint
CREATE TABLE "strategy_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"group_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"agenda" text[] DEFAULT '{}'::text[] NOT NULL,
	"decisions" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_pillars" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"aims" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "strategy_pillars_kind" CHECK ("strategy_pillars"."kind" in ('recommendation', 'enabler'))
);
--> statement-breakpoint
CREATE TABLE "strategy_risk_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"risk_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "strategy_risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"strategy_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"ref" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"likelihood" integer NOT NULL,
	"impact" integer NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text DEFAULT '' NOT NULL,
	"mitigations" text DEFAULT '' NOT NULL,
	"review_on" date,
	"status" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_risks_kind" CHECK ("strategy_risks"."kind" in ('risk', 'issue', 'assumption')),
	CONSTRAINT "strategy_risks_likelihood" CHECK ("strategy_risks"."likelihood" between 1 and 5),
	CONSTRAINT "strategy_risks_impact" CHECK ("strategy_risks"."impact" between 1 and 5),
	CONSTRAINT "strategy_risks_status" CHECK (("strategy_risks"."kind" = 'assumption' and "strategy_risks"."status" in ('holding', 'failed')) or ("strategy_risks"."kind" <> 'assumption' and "strategy_risks"."status" in ('open', 'closed')))
);
--> statement-breakpoint
CREATE TABLE "strategy_update_chases" (
	"action_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"user_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_update_chases_action_id_quarter_user_id_pk" PRIMARY KEY("action_id","quarter","user_id")
);
--> statement-breakpoint
CREATE TABLE "strategy_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"action_id" uuid NOT NULL,
	"strategy_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"status" text NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"evidence" text[] DEFAULT '{}'::text[] NOT NULL,
	"reported_on" date NOT NULL,
	"reported_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "strategy_updates_status" CHECK ("strategy_updates"."status" in ('not_started', 'on_track', 'at_risk', 'off_track', 'complete'))
);
--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategies" ADD CONSTRAINT "strategies_approval_recorded_by_users_id_fk" FOREIGN KEY ("approval_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_actions" ADD CONSTRAINT "strategy_actions_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_actions" ADD CONSTRAINT "strategy_actions_pillar_id_strategy_pillars_id_fk" FOREIGN KEY ("pillar_id") REFERENCES "public"."strategy_pillars"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_actions" ADD CONSTRAINT "strategy_actions_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_actions" ADD CONSTRAINT "strategy_actions_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_actions" ADD CONSTRAINT "strategy_actions_owner_group_id_strategy_groups_id_fk" FOREIGN KEY ("owner_group_id") REFERENCES "public"."strategy_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_changes" ADD CONSTRAINT "strategy_changes_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_changes" ADD CONSTRAINT "strategy_changes_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_changes" ADD CONSTRAINT "strategy_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_forum_entries" ADD CONSTRAINT "strategy_forum_entries_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_forum_entries" ADD CONSTRAINT "strategy_forum_entries_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_forum_entries" ADD CONSTRAINT "strategy_forum_entries_group_id_strategy_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."strategy_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_group_members" ADD CONSTRAINT "strategy_group_members_group_id_strategy_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."strategy_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_group_members" ADD CONSTRAINT "strategy_group_members_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_group_members" ADD CONSTRAINT "strategy_group_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_group_members" ADD CONSTRAINT "strategy_group_members_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_groups" ADD CONSTRAINT "strategy_groups_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_groups" ADD CONSTRAINT "strategy_groups_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_measures" ADD CONSTRAINT "strategy_measures_action_id_strategy_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."strategy_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_measures" ADD CONSTRAINT "strategy_measures_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_measures" ADD CONSTRAINT "strategy_measures_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_meeting_actions" ADD CONSTRAINT "strategy_meeting_actions_meeting_id_strategy_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."strategy_meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_meeting_actions" ADD CONSTRAINT "strategy_meeting_actions_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_meeting_actions" ADD CONSTRAINT "strategy_meeting_actions_plan_action_id_strategy_actions_id_fk" FOREIGN KEY ("plan_action_id") REFERENCES "public"."strategy_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_meetings" ADD CONSTRAINT "strategy_meetings_group_id_strategy_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."strategy_groups"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_meetings" ADD CONSTRAINT "strategy_meetings_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_pillars" ADD CONSTRAINT "strategy_pillars_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_pillars" ADD CONSTRAINT "strategy_pillars_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_risk_history" ADD CONSTRAINT "strategy_risk_history_risk_id_strategy_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."strategy_risks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_risk_history" ADD CONSTRAINT "strategy_risk_history_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_risk_history" ADD CONSTRAINT "strategy_risk_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_risks" ADD CONSTRAINT "strategy_risks_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_risks" ADD CONSTRAINT "strategy_risks_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_risks" ADD CONSTRAINT "strategy_risks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_update_chases" ADD CONSTRAINT "strategy_update_chases_action_id_strategy_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."strategy_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_update_chases" ADD CONSTRAINT "strategy_update_chases_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_update_chases" ADD CONSTRAINT "strategy_update_chases_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_updates" ADD CONSTRAINT "strategy_updates_action_id_strategy_actions_id_fk" FOREIGN KEY ("action_id") REFERENCES "public"."strategy_actions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_updates" ADD CONSTRAINT "strategy_updates_strategy_id_strategies_id_fk" FOREIGN KEY ("strategy_id") REFERENCES "public"."strategies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_updates" ADD CONSTRAINT "strategy_updates_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "strategy_updates" ADD CONSTRAINT "strategy_updates_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "strategies_council_idx" ON "strategies" USING btree ("council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_actions_number_key" ON "strategy_actions" USING btree ("pillar_id","number");--> statement-breakpoint
CREATE INDEX "strategy_actions_strategy_idx" ON "strategy_actions" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "strategy_changes_strategy_idx" ON "strategy_changes" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "strategy_forum_entries_strategy_idx" ON "strategy_forum_entries" USING btree ("strategy_id","raised_on");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_group_members_key" ON "strategy_group_members" USING btree ("group_id","user_id");--> statement-breakpoint
CREATE INDEX "strategy_group_members_user_idx" ON "strategy_group_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "strategy_groups_strategy_idx" ON "strategy_groups" USING btree ("strategy_id");--> statement-breakpoint
CREATE INDEX "strategy_measures_action_idx" ON "strategy_measures" USING btree ("action_id");--> statement-breakpoint
CREATE INDEX "strategy_meeting_actions_meeting_idx" ON "strategy_meeting_actions" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "strategy_meetings_group_idx" ON "strategy_meetings" USING btree ("group_id","held_on");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_pillars_number_key" ON "strategy_pillars" USING btree ("strategy_id","kind","number");--> statement-breakpoint
CREATE INDEX "strategy_risk_history_risk_idx" ON "strategy_risk_history" USING btree ("risk_id","changed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_risks_ref_key" ON "strategy_risks" USING btree ("strategy_id","ref");--> statement-breakpoint
CREATE UNIQUE INDEX "strategy_updates_action_quarter_key" ON "strategy_updates" USING btree ("action_id","quarter");--> statement-breakpoint
CREATE INDEX "strategy_updates_strategy_quarter_idx" ON "strategy_updates" USING btree ("strategy_id","quarter");--> statement-breakpoint
-- ADR 0018: an approved strategy's plan (the strategy row, its recommendations and enablers, their
-- actions and measures) is changed only through a recorded change: the transaction first writes a
-- strategy_changes row (who, why, before, after; tx_id is its transaction) and names it in the
-- transaction-local setting hub.strategy_change. Anything else, a direct UPDATE or DELETE included,
-- is refused here, whoever runs it.
CREATE OR REPLACE FUNCTION strategy_plan_guard() RETURNS trigger AS $$
DECLARE
  sid uuid;
  is_approved boolean;
  change_id text;
BEGIN
  IF TG_TABLE_NAME = 'strategies' THEN
    IF OLD.status <> 'approved' THEN
      RETURN COALESCE(NEW, OLD);
    END IF;
    sid := OLD.id;
  ELSE
    IF TG_OP = 'INSERT' THEN
      sid := NEW.strategy_id;
    ELSE
      sid := OLD.strategy_id;
      IF TG_OP = 'UPDATE' AND NEW.strategy_id IS DISTINCT FROM OLD.strategy_id THEN
        RAISE EXCEPTION 'a % row cannot move to another strategy', TG_TABLE_NAME;
      END IF;
    END IF;
    SELECT status = 'approved' INTO is_approved FROM strategies WHERE id = sid;
    IF NOT COALESCE(is_approved, false) THEN
      RETURN COALESCE(NEW, OLD);
    END IF;
  END IF;
  change_id := current_setting('hub.strategy_change', true);
  IF change_id IS NULL OR change_id = '' OR NOT EXISTS (
    SELECT 1 FROM strategy_changes c
    WHERE c.id::text = change_id AND c.strategy_id = sid AND c.tx_id = txid_current()
  ) THEN
    RAISE EXCEPTION 'strategy % is approved: % on % is allowed only as a recorded change (strategy_changes)', sid, TG_OP, TG_TABLE_NAME
      USING ERRCODE = 'P0001', HINT = 'approved_plan';
  END IF;
  RETURN COALESCE(NEW, OLD);
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER strategies_plan_guard BEFORE UPDATE OR DELETE ON strategies
  FOR EACH ROW EXECUTE FUNCTION strategy_plan_guard();
--> statement-breakpoint
CREATE TRIGGER strategy_pillars_plan_guard BEFORE INSERT OR UPDATE OR DELETE ON strategy_pillars
  FOR EACH ROW EXECUTE FUNCTION strategy_plan_guard();
--> statement-breakpoint
CREATE TRIGGER strategy_actions_plan_guard BEFORE INSERT OR UPDATE OR DELETE ON strategy_actions
  FOR EACH ROW EXECUTE FUNCTION strategy_plan_guard();
--> statement-breakpoint
CREATE TRIGGER strategy_measures_plan_guard BEFORE INSERT OR UPDATE OR DELETE ON strategy_measures
  FOR EACH ROW EXECUTE FUNCTION strategy_plan_guard();
--> statement-breakpoint
-- TRUNCATE skips row triggers: refuse it on the plan's tables while any strategy is approved.
CREATE OR REPLACE FUNCTION strategy_plan_no_truncate() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM strategies WHERE status = 'approved') THEN
    RAISE EXCEPTION 'TRUNCATE of % is not allowed while a strategy is approved', TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER strategies_no_truncate BEFORE TRUNCATE ON strategies
  FOR EACH STATEMENT EXECUTE FUNCTION strategy_plan_no_truncate();
--> statement-breakpoint
CREATE TRIGGER strategy_pillars_no_truncate BEFORE TRUNCATE ON strategy_pillars
  FOR EACH STATEMENT EXECUTE FUNCTION strategy_plan_no_truncate();
--> statement-breakpoint
CREATE TRIGGER strategy_actions_no_truncate BEFORE TRUNCATE ON strategy_actions
  FOR EACH STATEMENT EXECUTE FUNCTION strategy_plan_no_truncate();
--> statement-breakpoint
CREATE TRIGGER strategy_measures_no_truncate BEFORE TRUNCATE ON strategy_measures
  FOR EACH STATEMENT EXECUTE FUNCTION strategy_plan_no_truncate();
--> statement-breakpoint
-- The record of changes and the register's history are append-only.
CREATE OR REPLACE FUNCTION strategy_history_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER strategy_changes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON strategy_changes
  FOR EACH STATEMENT EXECUTE FUNCTION strategy_history_append_only();
--> statement-breakpoint
CREATE TRIGGER strategy_risk_history_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON strategy_risk_history
  FOR EACH STATEMENT EXECUTE FUNCTION strategy_history_append_only();
