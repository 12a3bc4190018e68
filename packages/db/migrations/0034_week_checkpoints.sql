-- Weekly checkpoints for the people pre-aggregate (issue 20, issue 25). Until now a count on day D read
-- the checkpoint of D's calendar month (0017) and then up to a month of day deltas after it: at demo
-- scale 10 about 13 k delta rows per regency-level count, so `GET /api/v1/stats/permits` still grew with
-- the data (p95 1.80× from scale 1 to scale 10). Now there is a checkpoint on every Monday, the start of
-- an ISO week (`date_trunc('week', …)`), and it holds the count on that Monday itself. A count on D reads
-- the checkpoint of D's week and the deltas of the days after that Monday, up to D: at most 6 days.
--
-- Why ISO weeks and not a 7- or 8-day grid counted from an epoch: `date_trunc('week', …)` is such a grid
-- (7 days, anchored on Mondays), built into both backends, with no epoch constant to keep equal in SQL and
-- TypeScript. A longer period would only read more deltas, and a shorter one would write more checkpoints.
--
-- The table gets a name that says what it holds (holder_count_months.month → holder_count_checkpoints.day:
-- the counts on that day), keeping its rows' security, grants and data-change counter. It is rebuilt
-- from the day deltas, which do not depend on the checkpoint grid. The spans and the deltas stay as they are.
ALTER TABLE holder_count_months RENAME TO holder_count_checkpoints;
--> statement-breakpoint
ALTER TABLE holder_count_checkpoints RENAME COLUMN month TO day;
--> statement-breakpoint
ALTER TABLE holder_count_checkpoints RENAME CONSTRAINT holder_count_months_pkey TO holder_count_checkpoints_pkey;
--> statement-breakpoint
ALTER POLICY holder_count_months_scope ON holder_count_checkpoints RENAME TO holder_count_checkpoints_scope;
--> statement-breakpoint
ALTER TRIGGER holder_count_months_data_changed ON holder_count_checkpoints RENAME TO holder_count_checkpoints_data_changed;
--> statement-breakpoint
-- The data-change trigger (0019) counts by TG_TABLE_NAME, the tile cache by the names in layers.ts.
UPDATE data_changes SET table_name = 'holder_count_checkpoints' WHERE table_name = 'holder_count_months';
--> statement-breakpoint
-- As in 0018, but the checkpoints are weekly. A delta on day d is in the checkpoints of every Monday on or
-- after d, until the deltas of the same (level, code, nationality, types) bring it back. So the deltas
-- are summed per the first Monday they reach (the Monday on or after d). The running sum of those weeks
-- holds from that Monday to the next one that changes it. The running sum of the `holders` given ends at
-- zero (each span has a start and an end), so every week it touches lies between two such Mondays.
-- Spans are not spread over their weeks one by one: a rebuild of 1.2 M permits would spread ~5 M spans
-- over ~50 weeks each before grouping them.
CREATE OR REPLACE FUNCTION pantau_holder_counts_add(holders bigint[], sign integer) RETURNS void LANGUAGE plpgsql
  SET search_path = pg_catalog, public AS $$
DECLARE
  emptied_level text[];
  emptied_day date[];
  emptied_code text[];
  emptied_nationality text[];
  emptied_types smallint[];
BEGIN
  INSERT INTO holder_count_changes AS c (level, code, day, nationality, types, people, permits_visit, permits_itas, permits_itap)
  SELECT level, code, day, nationality, types, sum(people)::int, sum(pv)::int, sum(pi)::int, sum(pa)::int FROM (
    SELECT level, code, starts_on AS day, nationality, types, sign AS people, sign * permits_visit AS pv, sign * permits_itas AS pi, sign * permits_itap AS pa
    FROM holder_spans WHERE holder = ANY (holders) AND ends_on < 'infinity'
    UNION ALL
    SELECT level, code, ends_on, nationality, types, -sign, -sign * permits_visit, -sign * permits_itas, -sign * permits_itap
    FROM holder_spans WHERE holder = ANY (holders) AND ends_on < 'infinity'
  ) d GROUP BY level, code, day, nationality, types
  ORDER BY level, day, code, nationality, types
  ON CONFLICT (level, day, code, nationality, types) DO UPDATE SET people = c.people + excluded.people,
    permits_visit = c.permits_visit + excluded.permits_visit, permits_itas = c.permits_itas + excluded.permits_itas,
    permits_itap = c.permits_itap + excluded.permits_itap;
  WITH deltas AS (
    SELECT level, code, nationality, types, starts_on AS day, sign AS people, sign * permits_visit AS pv, sign * permits_itas AS pi, sign * permits_itap AS pa
    FROM holder_spans WHERE holder = ANY (holders) AND ends_on < 'infinity'
    UNION ALL
    SELECT level, code, nationality, types, ends_on, -sign, -sign * permits_visit, -sign * permits_itas, -sign * permits_itap
    FROM holder_spans WHERE holder = ANY (holders) AND ends_on < 'infinity'
  ), weekly AS (
    SELECT level, code, nationality, types, date_trunc('week', (day + 6)::timestamp) AS week,
      sum(people) AS people, sum(pv) AS pv, sum(pi) AS pi, sum(pa) AS pa
    FROM deltas GROUP BY level, code, nationality, types, week
  ), running AS (
    SELECT level, code, nationality, types, week, lead(week) OVER k AS next_week,
      sum(people) OVER k AS people, sum(pv) OVER k AS pv, sum(pi) OVER k AS pi, sum(pa) OVER k AS pa
    FROM weekly WINDOW k AS (PARTITION BY level, code, nationality, types ORDER BY week)
  ), moved AS (
    INSERT INTO holder_count_checkpoints AS c (level, day, code, nationality, types, people, permits_visit, permits_itas, permits_itap)
    SELECT level, w::date, code, nationality, types, people::int, pv::int, pi::int, pa::int
    FROM running, generate_series(week, next_week - interval '1 week', interval '1 week') w
    WHERE next_week IS NOT NULL AND (people <> 0 OR pv <> 0 OR pi <> 0 OR pa <> 0)
    ORDER BY level, w, code, nationality, types
    ON CONFLICT (level, day, code, nationality, types) DO UPDATE SET people = c.people + excluded.people,
      permits_visit = c.permits_visit + excluded.permits_visit, permits_itas = c.permits_itas + excluded.permits_itas,
      permits_itap = c.permits_itap + excluded.permits_itap
    RETURNING c.level, c.day, c.code, c.nationality, c.types, c.people, c.permits_visit, c.permits_itas, c.permits_itap
  )
  -- The rows this statement brought back to zero (only taking spans away can); a statement cannot delete
  -- rows it has just updated, so they are noted here and deleted by the next one.
  SELECT array_agg(level), array_agg(day), array_agg(code), array_agg(nationality), array_agg(types)
  INTO emptied_level, emptied_day, emptied_code, emptied_nationality, emptied_types
  FROM moved WHERE people = 0 AND permits_visit = 0 AND permits_itas = 0 AND permits_itap = 0;
  IF emptied_level IS NOT NULL THEN
    DELETE FROM holder_count_checkpoints c
    USING unnest(emptied_level, emptied_day, emptied_code, emptied_nationality, emptied_types) AS e (level, day, code, nationality, types)
    WHERE c.level = e.level AND c.day = e.day AND c.code = e.code AND c.nationality = e.nationality AND c.types = e.types
      AND c.people = 0 AND c.permits_visit = 0 AND c.permits_itas = 0 AND c.permits_itap = 0;
  END IF;
  IF sign < 0 THEN
    DELETE FROM holder_count_changes c USING (
      SELECT level, starts_on AS day, code FROM holder_spans WHERE holder = ANY (holders) AND ends_on < 'infinity'
      UNION SELECT level, ends_on, code FROM holder_spans WHERE holder = ANY (holders) AND ends_on < 'infinity') t
      WHERE c.level = t.level AND c.day = t.day AND c.code = t.code
        AND c.people = 0 AND c.permits_visit = 0 AND c.permits_itas = 0 AND c.permits_itap = 0;
  END IF;
END $$;
--> statement-breakpoint
-- 0018's, with the table's new name.
CREATE OR REPLACE FUNCTION pantau_permits_truncated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  TRUNCATE holder_spans, holder_count_changes, holder_count_checkpoints, holder_refresh_queue;
  PERFORM pantau_holders_refresh(ARRAY(SELECT DISTINCT person_id FROM permit_applications ORDER BY 1));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_holder_counts_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  TRUNCATE holder_spans, holder_count_changes, holder_count_checkpoints, holder_refresh_queue;
  PERFORM pantau_holders_refresh(ARRAY(
    SELECT coalesce(person_id, -id) FROM permits UNION SELECT person_id FROM permit_applications ORDER BY 1));
END $$;
--> statement-breakpoint
-- The weekly checkpoints from the deltas already kept, by the same running sum as pantau_holder_counts_add.
-- Each (level, code, nationality, types)'s deltas sum to zero, because every span in them has an end.
TRUNCATE holder_count_checkpoints;
--> statement-breakpoint
INSERT INTO holder_count_checkpoints (level, day, code, nationality, types, people, permits_visit, permits_itas, permits_itap)
WITH weekly AS (
  SELECT level, code, nationality, types, date_trunc('week', (day + 6)::timestamp) AS week,
    sum(people) AS people, sum(permits_visit) AS pv, sum(permits_itas) AS pi, sum(permits_itap) AS pa
  FROM holder_count_changes GROUP BY level, code, nationality, types, week
), running AS (
  SELECT level, code, nationality, types, week, lead(week) OVER k AS next_week,
    sum(people) OVER k AS people, sum(pv) OVER k AS pv, sum(pi) OVER k AS pi, sum(pa) OVER k AS pa
  FROM weekly WINDOW k AS (PARTITION BY level, code, nationality, types ORDER BY week)
)
SELECT level, w::date, code, nationality, types, people::int, pv::int, pi::int, pa::int
FROM running, generate_series(week, next_week - interval '1 week', interval '1 week') w
WHERE next_week IS NOT NULL AND (people <> 0 OR pv <> 0 OR pi <> 0 OR pa <> 0)
ORDER BY level, w, code, nationality, types;
--> statement-breakpoint
-- About four times the rows it had: plan the readers' joins on fresh statistics.
ANALYZE holder_count_checkpoints;
