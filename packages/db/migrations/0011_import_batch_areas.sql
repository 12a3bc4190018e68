-- A batch belongs to the areas its rows fall in: import_batches.area_codes holds the most specific
-- area code of every row it wrote, so that listing and rollback are scoped without reading every
-- table (issue 18). New batches set it in the transaction that writes their rows.
ALTER TABLE "import_batches" ADD COLUMN "area_codes" text[] DEFAULT '{}'::text[] NOT NULL;
--> statement-breakpoint
-- Backfill from the rows each committed batch still holds, one pass over each table. A batch whose
-- rows are gone (rolled back) keeps '{}': only the national scope sees it.
UPDATE "import_batches" b SET "area_codes" = found.codes
FROM (
  SELECT origin, array_agg(DISTINCT code ORDER BY code) AS codes FROM (
    SELECT origin, coalesce(district_code, regency_code, province_code) AS code FROM permits WHERE origin LIKE 'batch:%'
    UNION ALL SELECT origin, coalesce(district_code, regency_code, province_code) FROM company_sites WHERE origin LIKE 'batch:%'
    UNION ALL SELECT origin, coalesce(district_code, regency_code, province_code) FROM entry_points WHERE origin LIKE 'batch:%'
    UNION ALL SELECT origin, coalesce(district_code, regency_code, province_code) FROM reports WHERE origin LIKE 'batch:%'
    UNION ALL SELECT origin, coalesce(district_code, regency_code, province_code) FROM operation_targets WHERE origin LIKE 'batch:%'
    UNION ALL SELECT origin, regency_code FROM operations WHERE origin LIKE 'batch:%'
    UNION ALL SELECT origin, coalesce(regency_code, province_code) FROM risk_areas WHERE origin LIKE 'batch:%'
    UNION ALL SELECT origin, coalesce(regency_code, province_code) FROM meetings WHERE origin LIKE 'batch:%'
  ) batch_rows
  WHERE code IS NOT NULL
  GROUP BY origin
) found
WHERE found.origin = 'batch:' || b.id::text;
