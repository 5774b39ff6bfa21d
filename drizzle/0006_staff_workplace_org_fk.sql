CREATE UNIQUE INDEX "workplaces_id_org_key" ON "workplaces" USING btree ("id","org_id");
--> statement-breakpoint
ALTER TABLE "staff_records" DROP CONSTRAINT "staff_records_org_id_organisations_id_fk";
--> statement-breakpoint
ALTER TABLE "staff_records" DROP CONSTRAINT "staff_records_workplace_id_workplaces_id_fk";
--> statement-breakpoint
ALTER TABLE "staff_records" ADD CONSTRAINT "staff_records_workplace_org_fk" FOREIGN KEY ("workplace_id","org_id") REFERENCES "public"."workplaces"("id","org_id") ON DELETE no action ON UPDATE no action;
