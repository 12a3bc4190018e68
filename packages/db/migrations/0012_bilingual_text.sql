-- English text of the records that carry both languages (reference and demo: names, notes, findings), as a
-- jsonb beside the Indonesian columns; null for records in one language only (imports). Issue 19 item 15.
ALTER TABLE "offices" ADD COLUMN "text_en" jsonb;--> statement-breakpoint
ALTER TABLE "company_sites" ADD COLUMN "text_en" jsonb;--> statement-breakpoint
ALTER TABLE "operation_targets" ADD COLUMN "text_en" jsonb;--> statement-breakpoint
ALTER TABLE "operations" ADD COLUMN "text_en" jsonb;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "text_en" jsonb;--> statement-breakpoint
ALTER TABLE "risk_areas" ADD COLUMN "text_en" jsonb;