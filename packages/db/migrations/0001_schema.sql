CREATE TABLE "areas" (
	"code" text PRIMARY KEY NOT NULL,
	"level" text NOT NULL,
	"parent_code" text,
	"name" text NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"label" geometry(Point,4326) NOT NULL,
	"area_km2" double precision NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "office_work_areas" (
	"office_id" integer NOT NULL,
	"regency_code" text NOT NULL,
	CONSTRAINT "office_work_areas_office_id_regency_code_pk" PRIMARY KEY("office_id","regency_code")
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"office_class" text NOT NULL,
	"province_code" text NOT NULL,
	"work_area_note" text,
	"origin" text NOT NULL,
	CONSTRAINT "offices_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "regional_offices" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"province_code" text NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "regional_offices_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"sector" text,
	"registration_number" text,
	"origin" text NOT NULL,
	CONSTRAINT "companies_key_unique" UNIQUE("key"),
	CONSTRAINT "companies_registration_number_unique" UNIQUE("registration_number")
);
--> statement-breakpoint
CREATE TABLE "company_sites" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"company_id" integer NOT NULL,
	"name" text NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"district_code" text,
	"regency_code" text,
	"province_code" text,
	"origin" text NOT NULL,
	CONSTRAINT "company_sites_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "permits" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"permit_number" text NOT NULL,
	"permit_type" text NOT NULL,
	"purpose" text NOT NULL,
	"nationality" text NOT NULL,
	"sex" text NOT NULL,
	"holder_name" text NOT NULL,
	"sponsor_company_id" integer,
	"issued_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"cancelled_on" date,
	"district_code" text NOT NULL,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "permits_number_type_key" UNIQUE("permit_number","permit_type")
);
--> statement-breakpoint
CREATE TABLE "enforcement_actions" (
	"id" serial PRIMARY KEY NOT NULL,
	"target_id" integer NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	"nationality" text,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operation_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"operation_id" integer NOT NULL,
	"place" text NOT NULL,
	"kind" text NOT NULL,
	"geom" geometry(Point,4326),
	"company_site_id" integer,
	"foreigners_checked" integer NOT NULL,
	"violations" integer NOT NULL,
	"outcome" text NOT NULL,
	"findings" text,
	"district_code" text,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"date" date NOT NULL,
	"office_id" integer,
	"team" text NOT NULL,
	"regency_code" text NOT NULL,
	"notes" text,
	"origin" text NOT NULL,
	CONSTRAINT "operations_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "dataset_loads" (
	"name" text PRIMARY KEY NOT NULL,
	"params" jsonb NOT NULL,
	"counts" jsonb NOT NULL,
	"loaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "entry_points" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"geom" geometry(Point,4326) NOT NULL,
	"district_code" text,
	"regency_code" text,
	"province_code" text,
	"origin" text NOT NULL,
	CONSTRAINT "entry_points_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"date" date NOT NULL,
	"title" text NOT NULL,
	"venue" text,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL,
	"organiser" text NOT NULL,
	"attendees" jsonb NOT NULL,
	"notes" jsonb NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "meetings_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"summary" text,
	"geom" geometry(Point,4326) NOT NULL,
	"district_code" text,
	"regency_code" text,
	"province_code" text,
	"origin" text NOT NULL,
	CONSTRAINT "reports_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "risk_areas" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"severity" text NOT NULL,
	"geom" geometry(MultiPolygon,4326) NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"source" text NOT NULL,
	"description" text,
	"regency_code" text,
	"province_code" text,
	"origin" text NOT NULL,
	CONSTRAINT "risk_areas_key_unique" UNIQUE("key")
);
--> statement-breakpoint
ALTER TABLE "office_work_areas" ADD CONSTRAINT "office_work_areas_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "company_sites" ADD CONSTRAINT "company_sites_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_sponsor_company_id_companies_id_fk" FOREIGN KEY ("sponsor_company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enforcement_actions" ADD CONSTRAINT "enforcement_actions_target_id_operation_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."operation_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_targets" ADD CONSTRAINT "operation_targets_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_targets" ADD CONSTRAINT "operation_targets_company_site_id_company_sites_id_fk" FOREIGN KEY ("company_site_id") REFERENCES "public"."company_sites"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "areas_geom_gist" ON "areas" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "areas_level_parent_idx" ON "areas" USING btree ("level","parent_code");--> statement-breakpoint
CREATE INDEX "office_work_areas_regency_idx" ON "office_work_areas" USING btree ("regency_code");--> statement-breakpoint
CREATE INDEX "company_sites_geom_gist" ON "company_sites" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "company_sites_regency_idx" ON "company_sites" USING btree ("regency_code");--> statement-breakpoint
CREATE INDEX "company_sites_company_idx" ON "company_sites" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "permits_regency_validity_idx" ON "permits" USING btree ("regency_code","issued_on","expires_on");--> statement-breakpoint
CREATE INDEX "permits_district_idx" ON "permits" USING btree ("district_code");--> statement-breakpoint
CREATE INDEX "permits_sponsor_idx" ON "permits" USING btree ("sponsor_company_id");--> statement-breakpoint
CREATE INDEX "enforcement_actions_target_idx" ON "enforcement_actions" USING btree ("target_id");--> statement-breakpoint
CREATE INDEX "operation_targets_geom_gist" ON "operation_targets" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "operation_targets_operation_idx" ON "operation_targets" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "operations_regency_date_idx" ON "operations" USING btree ("regency_code","date");--> statement-breakpoint
CREATE INDEX "operations_date_idx" ON "operations" USING btree ("date");--> statement-breakpoint
CREATE INDEX "entry_points_geom_gist" ON "entry_points" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "meetings_regency_date_idx" ON "meetings" USING btree ("regency_code","date");--> statement-breakpoint
CREATE INDEX "reports_geom_gist" ON "reports" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "reports_received_idx" ON "reports" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "risk_areas_geom_gist" ON "risk_areas" USING gist ("geom");