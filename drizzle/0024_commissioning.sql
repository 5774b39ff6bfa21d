CREATE TABLE "commissioning_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"threshold" numeric(12, 4),
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"result_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"evidence" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"raised_by" uuid,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_note" text
);
--> statement-breakpoint
CREATE TABLE "compliance_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"contract_standard_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text NOT NULL,
	"value" numeric(16, 6),
	"n" integer DEFAULT 0 NOT NULL,
	"as_at" date NOT NULL,
	"evidence" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"override_status" text,
	"override_note" text,
	"overridden_by" uuid,
	"overridden_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "contract_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"period" text NOT NULL,
	"units" numeric(14, 2) NOT NULL,
	"source" text NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_deliveries_units" CHECK (units >= 0)
);
--> statement-breakpoint
CREATE TABLE "contract_prices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"band" text NOT NULL,
	"unit" text NOT NULL,
	"price" numeric(14, 2) NOT NULL,
	"weekly_volume" numeric(12, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_prices_price" CHECK (price >= 0)
);
--> statement-breakpoint
CREATE TABLE "contract_standards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"standard_id" uuid NOT NULL,
	"threshold" numeric(12, 4),
	"from_period" text NOT NULL,
	"until_period" text,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_workplaces" (
	"contract_id" uuid NOT NULL,
	"workplace_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	CONSTRAINT "contract_workplaces_contract_id_workplace_id_pk" PRIMARY KEY("contract_id","workplace_id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"reference" text NOT NULL,
	"name" text NOT NULL,
	"service_type" text NOT NULL,
	"lot" text DEFAULT '' NOT NULL,
	"framework" text DEFAULT '' NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"annual_value" numeric(14, 2),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contracts_dates" CHECK (end_date is null or end_date >= start_date)
);
--> statement-breakpoint
CREATE TABLE "fee_rates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" text NOT NULL,
	"service_type" text NOT NULL,
	"band" text NOT NULL,
	"unit" text NOT NULL,
	"rate" numeric(14, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "monitoring_returns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"provider_id" uuid NOT NULL,
	"return_period_id" uuid,
	"period" text NOT NULL,
	"as_at" date NOT NULL,
	"figures" jsonb NOT NULL,
	"declarations" jsonb NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "price_floor_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" text NOT NULL,
	"care_type" text NOT NULL,
	"assumptions" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "qpp_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"scheme_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"lines" jsonb NOT NULL,
	"total" numeric(14, 2) NOT NULL,
	"scale" numeric(10, 8) DEFAULT 1 NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"approved_by" uuid,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "qpp_scheme_standards" (
	"scheme_id" uuid NOT NULL,
	"standard_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"weight" numeric(8, 2) DEFAULT 1 NOT NULL,
	CONSTRAINT "qpp_scheme_standards_scheme_id_standard_id_pk" PRIMARY KEY("scheme_id","standard_id")
);
--> statement-breakpoint
CREATE TABLE "qpp_schemes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"service_type" text,
	"basis" text NOT NULL,
	"rate" numeric(12, 4) NOT NULL,
	"method" text NOT NULL,
	"tiers" jsonb,
	"budget_cap" numeric(14, 2),
	"from_period" text NOT NULL,
	"until_period" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tender_bids" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tender_id" uuid NOT NULL,
	"council_id" uuid NOT NULL,
	"bidder" text NOT NULL,
	"provider_id" uuid,
	"price" numeric(14, 2) NOT NULL,
	"visit_minutes" integer,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tender_bids_price" CHECK (price >= 0)
);
--> statement-breakpoint
CREATE TABLE "tenders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"service_type" text NOT NULL,
	"year" text NOT NULL,
	"closes_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "return_periods" ADD COLUMN "contract_monitoring" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "commissioning_standards" ADD CONSTRAINT "commissioning_standards_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_challenges" ADD CONSTRAINT "compliance_challenges_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_challenges" ADD CONSTRAINT "compliance_challenges_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_challenges" ADD CONSTRAINT "compliance_challenges_result_id_compliance_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."compliance_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_challenges" ADD CONSTRAINT "compliance_challenges_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_challenges" ADD CONSTRAINT "compliance_challenges_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_results" ADD CONSTRAINT "compliance_results_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_results" ADD CONSTRAINT "compliance_results_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_results" ADD CONSTRAINT "compliance_results_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_results" ADD CONSTRAINT "compliance_results_contract_standard_id_contract_standards_id_fk" FOREIGN KEY ("contract_standard_id") REFERENCES "public"."contract_standards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_results" ADD CONSTRAINT "compliance_results_overridden_by_users_id_fk" FOREIGN KEY ("overridden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_deliveries" ADD CONSTRAINT "contract_deliveries_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_deliveries" ADD CONSTRAINT "contract_deliveries_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_deliveries" ADD CONSTRAINT "contract_deliveries_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_prices" ADD CONSTRAINT "contract_prices_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_prices" ADD CONSTRAINT "contract_prices_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_standards" ADD CONSTRAINT "contract_standards_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_standards" ADD CONSTRAINT "contract_standards_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_standards" ADD CONSTRAINT "contract_standards_standard_id_commissioning_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."commissioning_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_standards" ADD CONSTRAINT "contract_standards_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_workplaces" ADD CONSTRAINT "contract_workplaces_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_workplaces" ADD CONSTRAINT "contract_workplaces_workplace_id_workplaces_id_fk" FOREIGN KEY ("workplace_id") REFERENCES "public"."workplaces"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_workplaces" ADD CONSTRAINT "contract_workplaces_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_rates" ADD CONSTRAINT "fee_rates_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_returns" ADD CONSTRAINT "monitoring_returns_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_returns" ADD CONSTRAINT "monitoring_returns_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_returns" ADD CONSTRAINT "monitoring_returns_return_period_id_return_periods_id_fk" FOREIGN KEY ("return_period_id") REFERENCES "public"."return_periods"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monitoring_returns" ADD CONSTRAINT "monitoring_returns_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_floor_settings" ADD CONSTRAINT "price_floor_settings_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "price_floor_settings" ADD CONSTRAINT "price_floor_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qpp_schedules" ADD CONSTRAINT "qpp_schedules_scheme_id_qpp_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."qpp_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qpp_schedules" ADD CONSTRAINT "qpp_schedules_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qpp_schedules" ADD CONSTRAINT "qpp_schedules_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qpp_scheme_standards" ADD CONSTRAINT "qpp_scheme_standards_scheme_id_qpp_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."qpp_schemes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qpp_scheme_standards" ADD CONSTRAINT "qpp_scheme_standards_standard_id_commissioning_standards_id_fk" FOREIGN KEY ("standard_id") REFERENCES "public"."commissioning_standards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qpp_scheme_standards" ADD CONSTRAINT "qpp_scheme_standards_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "qpp_schemes" ADD CONSTRAINT "qpp_schemes_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_bids" ADD CONSTRAINT "tender_bids_tender_id_tenders_id_fk" FOREIGN KEY ("tender_id") REFERENCES "public"."tenders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_bids" ADD CONSTRAINT "tender_bids_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tender_bids" ADD CONSTRAINT "tender_bids_provider_id_organisations_id_fk" FOREIGN KEY ("provider_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tenders" ADD CONSTRAINT "tenders_council_id_organisations_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commissioning_standards_council_idx" ON "commissioning_standards" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "compliance_challenges_result_idx" ON "compliance_challenges" USING btree ("result_id");--> statement-breakpoint
CREATE INDEX "compliance_challenges_council_idx" ON "compliance_challenges" USING btree ("council_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "compliance_results_key" ON "compliance_results" USING btree ("contract_standard_id","period");--> statement-breakpoint
CREATE INDEX "compliance_results_council_period_idx" ON "compliance_results" USING btree ("council_id","period");--> statement-breakpoint
CREATE INDEX "compliance_results_provider_idx" ON "compliance_results" USING btree ("provider_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_deliveries_key" ON "contract_deliveries" USING btree ("contract_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_prices_band_key" ON "contract_prices" USING btree ("contract_id","band");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_standards_key" ON "contract_standards" USING btree ("contract_id","standard_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_council_reference_key" ON "contracts" USING btree ("council_id","reference");--> statement-breakpoint
CREATE INDEX "contracts_provider_idx" ON "contracts" USING btree ("provider_id");--> statement-breakpoint
CREATE UNIQUE INDEX "fee_rates_key" ON "fee_rates" USING btree ("council_id","year","service_type","band");--> statement-breakpoint
CREATE UNIQUE INDEX "monitoring_returns_key" ON "monitoring_returns" USING btree ("council_id","provider_id","period");--> statement-breakpoint
CREATE UNIQUE INDEX "price_floor_settings_key" ON "price_floor_settings" USING btree ("council_id","year","care_type");--> statement-breakpoint
CREATE UNIQUE INDEX "qpp_schedules_key" ON "qpp_schedules" USING btree ("scheme_id","period");--> statement-breakpoint
CREATE INDEX "qpp_schemes_council_idx" ON "qpp_schemes" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "tender_bids_tender_idx" ON "tender_bids" USING btree ("tender_id");--> statement-breakpoint
CREATE INDEX "tenders_council_idx" ON "tenders" USING btree ("council_id");