-- Accounts carry the Timpora member agency their holder works for (issue 22): plan teams and meeting
-- attendance are chosen from the same list, and exports and prints say which agency's user made them.
-- Existing accounts belong to the immigration office that runs Pantau, except agency members, whose
-- agency was never recorded: they become 'lainnya' (other) until an admin sets it.
ALTER TABLE "users" ADD COLUMN "agency" text NOT NULL DEFAULT 'imigrasi';
--> statement-breakpoint
UPDATE "users" SET "agency" = 'lainnya' WHERE "role" = 'agency_member';
