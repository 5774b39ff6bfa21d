DROP INDEX "jobs_status_run_at_idx";--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "lane" text DEFAULT 'user' NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "max_attempts" integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "locked_by" uuid;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "error" text;--> statement-breakpoint
CREATE INDEX "jobs_lane_status_run_at_idx" ON "jobs" USING btree ("lane","status","run_at");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_periodic_once" ON "jobs" USING btree ("kind") WHERE lane = 'periodic' and status in ('queued', 'running');