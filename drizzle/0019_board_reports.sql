CREATE TABLE "board_report_narratives" (
	"council_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"title" text NOT NULL,
	"report_to" text NOT NULL,
	"meeting_date" date,
	"reporting_officer" text NOT NULL,
	"purpose" text NOT NULL,
	"recommendations" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_report_narratives_council_id_quarter_pk" PRIMARY KEY("council_id","quarter"),
	CONSTRAINT "board_report_narratives_quarter" CHECK ("board_report_narratives"."quarter" ~ '^[0-9]{4}-Q[1-4]$')
);
--> statement-breakpoint
CREATE TABLE "board_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"format" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"inputs" jsonb NOT NULL,
	"generated_by" uuid,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_reports_format" CHECK ("board_reports"."format" in ('docx', 'pdf'))
);
--> statement-breakpoint
ALTER TABLE "board_report_narratives" ADD CONSTRAINT "board_report_narratives_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_report_narratives" ADD CONSTRAINT "board_report_narratives_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_reports" ADD CONSTRAINT "board_reports_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "board_reports" ADD CONSTRAINT "board_reports_generated_by_users_id_fk" FOREIGN KEY ("generated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "board_reports_council_idx" ON "board_reports" USING btree ("council_id","quarter","generated_at");--> statement-breakpoint
-- Every generated board report is kept as it was written: no UPDATE, DELETE or TRUNCATE.
CREATE OR REPLACE FUNCTION board_reports_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'board_reports keeps every generated report: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER board_reports_kept BEFORE UPDATE OR DELETE ON board_reports
  FOR EACH ROW EXECUTE FUNCTION board_reports_refuse_change();
--> statement-breakpoint
CREATE TRIGGER board_reports_no_truncate BEFORE TRUNCATE ON board_reports
  FOR EACH STATEMENT EXECUTE FUNCTION board_reports_refuse_change();
