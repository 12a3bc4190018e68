CREATE TABLE "plan_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"ord" integer NOT NULL,
	"candidate_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"province_code" text,
	"regency_code" text,
	"district_code" text,
	"company_site_id" integer,
	"company_id" integer,
	"last_operation_id" integer,
	"score" double precision NOT NULL,
	"factors" jsonb NOT NULL,
	"contributions" jsonb NOT NULL,
	"explanation" jsonb NOT NULL,
	"expected_foreigners" integer NOT NULL,
	"team_key" text,
	"notes" text,
	"leg_km" double precision,
	"operation_target_id" integer
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"date" date NOT NULL,
	"area_code" text NOT NULL,
	"province_code" text NOT NULL,
	"regency_code" text,
	"district_code" text,
	"status" text NOT NULL,
	"weights" jsonb NOT NULL,
	"notes" text,
	"teams" jsonb NOT NULL,
	"route_start" jsonb,
	"route_km" double precision NOT NULL,
	"operation_id" integer,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"approved_by" text,
	"approved_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_company_site_id_company_sites_id_fk" FOREIGN KEY ("company_site_id") REFERENCES "public"."company_sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_last_operation_id_operations_id_fk" FOREIGN KEY ("last_operation_id") REFERENCES "public"."operations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_targets" ADD CONSTRAINT "plan_targets_operation_target_id_operation_targets_id_fk" FOREIGN KEY ("operation_target_id") REFERENCES "public"."operation_targets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_plan_ord_idx" ON "plan_targets" USING btree ("plan_id","ord");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_targets_plan_candidate_idx" ON "plan_targets" USING btree ("plan_id","candidate_id");--> statement-breakpoint
CREATE INDEX "plans_regency_date_idx" ON "plans" USING btree ("regency_code","date");--> statement-breakpoint
CREATE INDEX "plans_province_date_idx" ON "plans" USING btree ("province_code","date");--> statement-breakpoint
-- Row-level security as in 0005: a plan and its targets are seen by scopes holding their own
-- province, regency or district code (a province-wide plan only by the province's scopes).
GRANT SELECT, INSERT, UPDATE, DELETE ON plans, plan_targets TO pantau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE plans_id_seq, plan_targets_id_seq TO pantau_app;
--> statement-breakpoint
ALTER TABLE plans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plans FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plans_scope ON plans USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
--> statement-breakpoint
ALTER TABLE plan_targets ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE plan_targets FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY plan_targets_scope ON plan_targets USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
