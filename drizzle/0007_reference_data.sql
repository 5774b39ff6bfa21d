CREATE TABLE "comparators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"metric" text NOT NULL,
	"publisher" text NOT NULL,
	"edition" text NOT NULL,
	"period" text NOT NULL,
	"coverage" text NOT NULL,
	"value" numeric(12, 4) NOT NULL,
	"definition" text NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pay_floors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"band" text NOT NULL,
	"min_age" integer,
	"max_age" integer,
	"rate_year" text NOT NULL,
	"hourly_rate" numeric(6, 2) NOT NULL,
	"announced_on" date,
	"applicable_from" date NOT NULL,
	"source" text NOT NULL,
	"note" text,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comparators" ADD CONSTRAINT "comparators_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pay_floors" ADD CONSTRAINT "pay_floors_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "comparators_key" ON "comparators" USING btree ("metric","publisher","edition","period","coverage");--> statement-breakpoint
CREATE UNIQUE INDEX "pay_floors_kind_band_from_key" ON "pay_floors" USING btree ("kind","band","applicable_from");