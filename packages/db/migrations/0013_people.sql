CREATE TABLE "lodgings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"place" text NOT NULL,
	"address" text,
	"from_on" date NOT NULL,
	"to_on" date,
	"geom" geometry(Point,4326),
	"district_code" text,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movements" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"direction" text NOT NULL,
	"date" date NOT NULL,
	"entry_point_id" integer,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "operation_target_people" (
	"id" serial PRIMARY KEY NOT NULL,
	"target_id" integer NOT NULL,
	"person_id" bigint NOT NULL,
	"checked" boolean NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "operation_target_people_key" UNIQUE("target_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"sex" text,
	"birth_date" date,
	"nationality" text NOT NULL,
	"district_code" text,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "people_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "permit_applications" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"permit_type" text NOT NULL,
	"status" text NOT NULL,
	"applied_on" date NOT NULL,
	"decided_on" date,
	"office_id" integer,
	"sponsor_company_id" integer,
	"purpose" text,
	"nationality" text NOT NULL,
	"district_code" text,
	"regency_code" text NOT NULL,
	"province_code" text NOT NULL,
	"origin" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person_passports" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"person_id" bigint NOT NULL,
	"passport_number" text NOT NULL,
	"nationality" text NOT NULL,
	"valid_from" date,
	"origin" text NOT NULL,
	CONSTRAINT "person_passports_number_nationality_key" UNIQUE("passport_number","nationality")
);
--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "person_id" bigint;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "passport_number" text;--> statement-breakpoint
ALTER TABLE "permits" ADD COLUMN "holder_birth_date" date;--> statement-breakpoint
ALTER TABLE "lodgings" ADD CONSTRAINT "lodgings_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_entry_point_id_entry_points_id_fk" FOREIGN KEY ("entry_point_id") REFERENCES "public"."entry_points"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_target_people" ADD CONSTRAINT "operation_target_people_target_id_operation_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."operation_targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_target_people" ADD CONSTRAINT "operation_target_people_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permit_applications" ADD CONSTRAINT "permit_applications_sponsor_company_id_companies_id_fk" FOREIGN KEY ("sponsor_company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_passports" ADD CONSTRAINT "person_passports_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lodgings_person_idx" ON "lodgings" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "movements_person_idx" ON "movements" USING btree ("person_id","date");--> statement-breakpoint
CREATE INDEX "operation_target_people_person_idx" ON "operation_target_people" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "people_regency_idx" ON "people" USING btree ("regency_code");--> statement-breakpoint
CREATE INDEX "people_name_idx" ON "people" USING btree ("name","nationality");--> statement-breakpoint
CREATE INDEX "permit_applications_regency_idx" ON "permit_applications" USING btree ("regency_code","applied_on");--> statement-breakpoint
CREATE INDEX "permit_applications_person_idx" ON "permit_applications" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_passports_person_idx" ON "person_passports" USING btree ("person_id");--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "permits_person_idx" ON "permits" USING btree ("person_id");
--> statement-breakpoint
-- Row-level security for the people register (issue 20), as 0005 and 0006 do for the other tables: a person,
--> statement-breakpoint
-- an application and a lodging carry their own province, regency and district codes; passports and movements
--> statement-breakpoint
-- are seen through their person, the people of a target through the target.
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON people, person_passports, permit_applications, movements, lodgings, operation_target_people TO pantau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE people_id_seq, person_passports_id_seq, permit_applications_id_seq, movements_id_seq, lodgings_id_seq, operation_target_people_id_seq TO pantau_app;
--> statement-breakpoint
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY people_scope ON people USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
--> statement-breakpoint
ALTER TABLE permit_applications ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE permit_applications FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY permit_applications_scope ON permit_applications USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
--> statement-breakpoint
ALTER TABLE lodgings ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE lodgings FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY lodgings_scope ON lodgings USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
--> statement-breakpoint
ALTER TABLE person_passports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE person_passports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY person_passports_scope ON person_passports USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM people x WHERE x.id = person_passports.person_id)) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM people x WHERE x.id = person_passports.person_id));
--> statement-breakpoint
ALTER TABLE movements ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE movements FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY movements_scope ON movements USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM people x WHERE x.id = movements.person_id)) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM people x WHERE x.id = movements.person_id));
--> statement-breakpoint
ALTER TABLE operation_target_people ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE operation_target_people FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY operation_target_people_scope ON operation_target_people USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM operation_targets x WHERE x.id = operation_target_people.target_id)) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR EXISTS (SELECT 1 FROM operation_targets x WHERE x.id = operation_target_people.target_id));
