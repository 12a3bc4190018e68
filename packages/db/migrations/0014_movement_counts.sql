CREATE TABLE "movement_counts" (
	"id" serial PRIMARY KEY NOT NULL,
	"entry_point_id" integer NOT NULL,
	"month" date NOT NULL,
	"nationality" text NOT NULL,
	"direction" text NOT NULL,
	"count" integer NOT NULL,
	"district_code" text,
	"regency_code" text,
	"province_code" text,
	"origin" text NOT NULL,
	CONSTRAINT "movement_counts_key" UNIQUE("entry_point_id","month","nationality","direction")
);
--> statement-breakpoint
ALTER TABLE "movement_counts" ADD CONSTRAINT "movement_counts_entry_point_id_entry_points_id_fk" FOREIGN KEY ("entry_point_id") REFERENCES "public"."entry_points"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "movement_counts_month_idx" ON "movement_counts" USING btree ("month");--> statement-breakpoint
-- Row-level security as for the other tables: a count carries its checkpoint's province, regency and district.
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON movement_counts TO pantau_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON SEQUENCE movement_counts_id_seq TO pantau_app;
--> statement-breakpoint
ALTER TABLE movement_counts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE movement_counts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY movement_counts_scope ON movement_counts USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ','))) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')));
