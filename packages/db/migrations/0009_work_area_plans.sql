ALTER TABLE "plans" ADD COLUMN "work_area_codes" text[];--> statement-breakpoint
-- A plan for an office's work area (area_code 'office:<key>', no regency) is seen by a scope holding
-- its province or any regency of its work area (work_area_codes), still by built-in comparisons only
-- (as in 0005/0006). Its targets keep their own codes and their own policy.
DROP POLICY plans_scope ON plans;
--> statement-breakpoint
CREATE POLICY plans_scope ON plans USING (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR work_area_codes && string_to_array(current_setting('pantau.scope', true), ',')) WITH CHECK (current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*' OR province_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR regency_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR district_code = ANY (string_to_array(current_setting('pantau.scope', true), ',')) OR work_area_codes && string_to_array(current_setting('pantau.scope', true), ','));
