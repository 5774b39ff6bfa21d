CREATE TABLE "staff_role_changes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "staff_role_changes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"staff_record_id" uuid NOT NULL,
	"changed_on" date NOT NULL,
	"from_role" integer NOT NULL,
	"from_cwp" integer,
	"to_role" integer NOT NULL,
	"to_cwp" integer
);
--> statement-breakpoint
ALTER TABLE "staff_role_changes" ADD CONSTRAINT "staff_role_changes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_role_changes" ADD CONSTRAINT "staff_role_changes_staff_record_id_staff_records_id_fk" FOREIGN KEY ("staff_record_id") REFERENCES "public"."staff_records"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_role_changes_staff_idx" ON "staff_role_changes" USING btree ("staff_record_id","changed_on");--> statement-breakpoint
-- Every change of role on a staff record is kept, whichever path made it (a form, an upload, the
-- API): records hold only the current role, and a promotion inside one employment is a career move.
CREATE OR REPLACE FUNCTION record_staff_role_change() RETURNS trigger AS $$
BEGIN
  INSERT INTO staff_role_changes (org_id, staff_record_id, changed_on, from_role, from_cwp, to_role, to_cwp)
  VALUES (NEW.org_id, NEW.id,
    CASE WHEN NEW.main_job_start_date IS NOT NULL AND NEW.main_job_start_date IS DISTINCT FROM OLD.main_job_start_date
              AND NEW.main_job_start_date <= current_date THEN NEW.main_job_start_date ELSE current_date END,
    OLD.main_job_role, OLD.cwp_category, NEW.main_job_role, NEW.cwp_category);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER staff_records_role_change AFTER UPDATE OF main_job_role, cwp_category ON staff_records FOR EACH ROW
  WHEN (OLD.main_job_role IS DISTINCT FROM NEW.main_job_role OR OLD.cwp_category IS DISTINCT FROM NEW.cwp_category)
  EXECUTE FUNCTION record_staff_role_change();
