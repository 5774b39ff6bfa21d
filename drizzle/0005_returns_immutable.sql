-- A submitted return is an immutable snapshot: it cannot be changed or removed.
CREATE OR REPLACE FUNCTION return_submissions_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'return_submissions are immutable: % is not allowed', TG_OP;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER return_submissions_immutable BEFORE UPDATE OR DELETE ON return_submissions
  FOR EACH ROW EXECUTE FUNCTION return_submissions_refuse_change();
