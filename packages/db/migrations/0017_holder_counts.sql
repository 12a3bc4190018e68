-- Counts of people that do not grow with history (issue 25). A holder count on day D ("people holding a
-- valid permit, each once, under the strongest type") used to scan every permit ever issued. Three tables
-- keep it exact and small, maintained by triggers on permits in the same transaction as every write
-- (imports, rollbacks, demo loads, the app's own writes; COPY fires them too), on both backends:
--
-- * holder_spans: per holder (a person, or -permit id when nobody was identified) and area of each level
--   (the nation, code 'ID', for national totals, where a person with permits in two provinces counts once),
--   the day intervals [starts_on, ends_on) over which the holder's valid permits there do not change:
--   which types are held (a bit mask: 1 visit, 2 ITAS, 4 ITAP), how many permits of each type, and the
--   nationality of the strongest permit (the one people-count.ts's validHolders reports).
-- * holder_count_changes: the spans as day-indexed deltas per (level, area, nationality, types): +1 person
--   (and its permits) on starts_on, -1 on ends_on. The count on D is the sum of deltas on or before D.
-- * holder_count_months: that sum on the last day before each month start, for the months a span covers,
--   so a count on D reads one month's checkpoint plus at most a month of deltas: cost bounded by the
--   number of areas and nationalities, not by the years of permits behind them.
--
-- With a type filter the mask says whether a holder counts (mask & filter <> 0) and under which type (its
-- highest bit within the filter); a holder's permits share one nationality (a person is their passport and
-- nationality), so a nationality filter is exact too. Purpose and sponsor filters read permits directly.
-- `pnpm pantau verify-aggregates` and a property test compare it with the direct count.
CREATE TABLE holder_spans (
  holder bigint NOT NULL,
  level text NOT NULL,
  code text NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  nationality text NOT NULL,
  types smallint NOT NULL,
  permits_visit integer NOT NULL,
  permits_itas integer NOT NULL,
  permits_itap integer NOT NULL,
  PRIMARY KEY (holder, level, code, starts_on)
);
--> statement-breakpoint
CREATE TABLE holder_count_changes (
  level text NOT NULL,
  code text NOT NULL,
  day date NOT NULL,
  nationality text NOT NULL,
  types smallint NOT NULL,
  people integer NOT NULL,
  permits_visit integer NOT NULL,
  permits_itas integer NOT NULL,
  permits_itap integer NOT NULL,
  PRIMARY KEY (level, day, code, nationality, types)
);
--> statement-breakpoint
CREATE TABLE holder_count_months (
  level text NOT NULL,
  month date NOT NULL,
  code text NOT NULL,
  nationality text NOT NULL,
  types smallint NOT NULL,
  people integer NOT NULL,
  permits_visit integer NOT NULL,
  permits_itas integer NOT NULL,
  permits_itap integer NOT NULL,
  PRIMARY KEY (level, month, code, nationality, types)
);
--> statement-breakpoint
-- Finds a holder's permits (the person's, or the one unidentified permit) for the triggers below.
CREATE INDEX permits_holder_key_idx ON permits ((coalesce(person_id, -id)));
--> statement-breakpoint
-- The spans of a set of holders, computed from their permits: each permit is valid on
-- [issued_on, least(expires_on, cancelled_on)); the days where any of a holder's permits in an area starts
-- or ends cut the timeline into pieces, and each piece takes the permits covering its first day.
CREATE OR REPLACE FUNCTION pantau_holder_spans_of(holders bigint[]) RETURNS SETOF holder_spans LANGUAGE sql STABLE
  SET search_path = pg_catalog, public AS $$
  WITH p AS (
    SELECT coalesce(person_id, -id) AS holder, id, permit_type, nationality, issued_on,
      issued_on AS s, least(expires_on, coalesce(cancelled_on, expires_on)) AS e,
      province_code, regency_code, district_code
    FROM permits
    WHERE coalesce(person_id, -id) = ANY (holders)
      AND issued_on < least(expires_on, coalesce(cancelled_on, expires_on))
  ), placed AS (
    SELECT p.*, 'nation' AS level, 'ID' AS code FROM p
    UNION ALL SELECT p.*, 'province', province_code FROM p
    UNION ALL SELECT p.*, 'regency', regency_code FROM p
    UNION ALL SELECT p.*, 'district', district_code FROM p WHERE district_code IS NOT NULL
  ), bounds AS (
    SELECT holder, level, code, s AS day FROM placed UNION SELECT holder, level, code, e FROM placed
  ), pieces AS (
    SELECT holder, level, code, day AS starts_on, lead(day) OVER (PARTITION BY holder, level, code ORDER BY day) AS ends_on FROM bounds
  )
  SELECT x.holder, x.level, x.code, x.starts_on, x.ends_on,
    (array_agg(q.nationality ORDER BY CASE q.permit_type WHEN 'itap' THEN 3 WHEN 'itas' THEN 2 ELSE 1 END DESC, q.issued_on DESC, q.id))[1],
    bit_or(CASE q.permit_type WHEN 'itap' THEN 4 WHEN 'itas' THEN 2 ELSE 1 END)::smallint,
    (count(*) FILTER (WHERE q.permit_type = 'visit'))::int,
    (count(*) FILTER (WHERE q.permit_type = 'itas'))::int,
    (count(*) FILTER (WHERE q.permit_type = 'itap'))::int
  FROM pieces x
  JOIN placed q ON q.holder = x.holder AND q.level = x.level AND q.code = x.code AND q.s <= x.starts_on AND q.e > x.starts_on
  WHERE x.ends_on IS NOT NULL
  GROUP BY x.holder, x.level, x.code, x.starts_on, x.ends_on
$$;
--> statement-breakpoint
-- Adds (sign 1) or takes away (sign -1) the stored spans of `holders` from the day deltas and the month
-- checkpoints; rows that fall back to zero are dropped so the tables hold only what counts.
CREATE OR REPLACE FUNCTION pantau_holder_counts_add(holders bigint[], sign integer) RETURNS void LANGUAGE plpgsql
  SET search_path = pg_catalog, public AS $$
BEGIN
  INSERT INTO holder_count_changes AS c (level, code, day, nationality, types, people, permits_visit, permits_itas, permits_itap)
  SELECT level, code, day, nationality, types, sum(people)::int, sum(pv)::int, sum(pi)::int, sum(pa)::int FROM (
    SELECT level, code, starts_on AS day, nationality, types, sign AS people, sign * permits_visit AS pv, sign * permits_itas AS pi, sign * permits_itap AS pa
    FROM holder_spans WHERE holder = ANY (holders)
    UNION ALL
    SELECT level, code, ends_on, nationality, types, -sign, -sign * permits_visit, -sign * permits_itas, -sign * permits_itap
    FROM holder_spans WHERE holder = ANY (holders)
  ) d GROUP BY level, code, day, nationality, types
  ORDER BY level, day, code, nationality, types
  ON CONFLICT (level, day, code, nationality, types) DO UPDATE SET people = c.people + excluded.people,
    permits_visit = c.permits_visit + excluded.permits_visit, permits_itas = c.permits_itas + excluded.permits_itas,
    permits_itap = c.permits_itap + excluded.permits_itap;
  -- A span [s, e) is in the checkpoint of month start m (the count on day m - 1) when s < m <= e.
  INSERT INTO holder_count_months AS c (level, month, code, nationality, types, people, permits_visit, permits_itas, permits_itap)
  SELECT level, m::date, code, nationality, types, sum(sign)::int, sum(sign * permits_visit)::int, sum(sign * permits_itas)::int, sum(sign * permits_itap)::int
  FROM holder_spans, generate_series(date_trunc('month', starts_on::timestamp) + interval '1 month', ends_on::timestamp, interval '1 month') m
  WHERE holder = ANY (holders)
  GROUP BY level, m, code, nationality, types
  ORDER BY level, m, code, nationality, types
  ON CONFLICT (level, month, code, nationality, types) DO UPDATE SET people = c.people + excluded.people,
    permits_visit = c.permits_visit + excluded.permits_visit, permits_itas = c.permits_itas + excluded.permits_itas,
    permits_itap = c.permits_itap + excluded.permits_itap;
  -- Taking spans away can bring rows back to zero: drop those, found by the keys the spans touched.
  IF sign < 0 THEN
    DELETE FROM holder_count_changes c USING (
      SELECT level, starts_on AS day, code FROM holder_spans WHERE holder = ANY (holders)
      UNION SELECT level, ends_on, code FROM holder_spans WHERE holder = ANY (holders)) t
      WHERE c.level = t.level AND c.day = t.day AND c.code = t.code
        AND c.people = 0 AND c.permits_visit = 0 AND c.permits_itas = 0 AND c.permits_itap = 0;
    DELETE FROM holder_count_months c USING (
      SELECT DISTINCT level, m::date AS month, code
      FROM holder_spans, generate_series(date_trunc('month', starts_on::timestamp) + interval '1 month', ends_on::timestamp, interval '1 month') m
      WHERE holder = ANY (holders)) t
      WHERE c.level = t.level AND c.month = t.month AND c.code = t.code
        AND c.people = 0 AND c.permits_visit = 0 AND c.permits_itas = 0 AND c.permits_itap = 0;
  END IF;
END $$;
--> statement-breakpoint
-- Recomputes the spans of `holders` from their permits and moves the counts by the difference.
-- SECURITY DEFINER: a write by the scoped pantau_app role must still see all of a holder's permits (row
-- security hides those outside the writer's scope) and may not write the count tables itself.
CREATE OR REPLACE FUNCTION pantau_holders_refresh(holders bigint[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  IF holders IS NULL OR cardinality(holders) = 0 THEN RETURN; END IF;
  PERFORM pantau_holder_counts_add(holders, -1);
  DELETE FROM holder_spans WHERE holder = ANY (holders);
  INSERT INTO holder_spans SELECT * FROM pantau_holder_spans_of(holders);
  PERFORM pantau_holder_counts_add(holders, 1);
END $$;
--> statement-breakpoint
-- The triggers on permits only note which holders a statement touched; the counts move once, at commit,
-- for all of them (a deferred constraint trigger on holder_refresh_due, one row per transaction). A demo
-- load or an import writes permits in many statements; refreshing after each would rewrite the same month
-- rows again and again. A reader inside the writing transaction calls pantau_holder_counts_flush() first
-- (the import's check and verify-aggregates do). Two transactions touching one holder queue it one after
-- the other (the queue's key), so the second recomputes it from what the first committed.
CREATE TABLE holder_refresh_queue (holder bigint PRIMARY KEY);
--> statement-breakpoint
CREATE TABLE holder_refresh_due (txid bigint PRIMARY KEY);
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_holder_counts_flush() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
DECLARE
  holders bigint[];
BEGIN
  WITH taken AS (DELETE FROM holder_refresh_queue RETURNING holder) SELECT array_agg(holder ORDER BY holder) INTO holders FROM taken;
  DELETE FROM holder_refresh_due WHERE txid = txid_current();
  PERFORM pantau_holders_refresh(holders);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_holder_refresh_at_commit() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM pantau_holder_counts_flush();
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER holder_refresh_at_commit AFTER INSERT ON holder_refresh_due DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION pantau_holder_refresh_at_commit();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_permits_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO holder_refresh_queue SELECT DISTINCT coalesce(person_id, -id) FROM new_rows ORDER BY 1 ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO holder_refresh_queue SELECT DISTINCT coalesce(person_id, -id) FROM old_rows ORDER BY 1 ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO holder_refresh_queue SELECT h FROM (
      SELECT coalesce(person_id, -id) AS h FROM old_rows UNION SELECT coalesce(person_id, -id) FROM new_rows) x ORDER BY 1 ON CONFLICT DO NOTHING;
  END IF;
  INSERT INTO holder_refresh_due VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER permits_holder_counts_insert AFTER INSERT ON permits REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pantau_permits_changed();
--> statement-breakpoint
CREATE TRIGGER permits_holder_counts_update AFTER UPDATE ON permits REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pantau_permits_changed();
--> statement-breakpoint
CREATE TRIGGER permits_holder_counts_delete AFTER DELETE ON permits REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pantau_permits_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_permits_truncated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  TRUNCATE holder_spans, holder_count_changes, holder_count_months, holder_refresh_queue;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER permits_holder_counts_truncate AFTER TRUNCATE ON permits FOR EACH STATEMENT EXECUTE FUNCTION pantau_permits_truncated();
--> statement-breakpoint
-- Rebuilds everything from permits: the fill of this migration, and `verify-aggregates --rebuild`.
CREATE OR REPLACE FUNCTION pantau_holder_counts_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  TRUNCATE holder_spans, holder_count_changes, holder_count_months, holder_refresh_queue;
  PERFORM pantau_holders_refresh(ARRAY(SELECT DISTINCT coalesce(person_id, -id) FROM permits ORDER BY 1));
END $$;
--> statement-breakpoint
SELECT pantau_holder_counts_rebuild();
--> statement-breakpoint
-- The scoped role reads the counts of its areas only, as it reads permits (0005), and never writes them.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON holder_spans, holder_count_changes, holder_count_months, holder_refresh_queue, holder_refresh_due FROM pantau_app;
--> statement-breakpoint
ALTER TABLE holder_spans ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE holder_count_changes ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE holder_count_months ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_code_in_scope(code text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT current_user <> 'pantau_app' OR current_setting('pantau.scope', true) = '*'
    OR split_part(code, '.', 1) = ANY (string_to_array(current_setting('pantau.scope', true), ','))
    OR (split_part(code, '.', 1) || '.' || split_part(code, '.', 2)) = ANY (string_to_array(current_setting('pantau.scope', true), ','))
    OR code = ANY (string_to_array(current_setting('pantau.scope', true), ','))
$$;
--> statement-breakpoint
CREATE POLICY holder_spans_scope ON holder_spans USING (pantau_code_in_scope(code));
--> statement-breakpoint
CREATE POLICY holder_count_changes_scope ON holder_count_changes USING (pantau_code_in_scope(code));
--> statement-breakpoint
CREATE POLICY holder_count_months_scope ON holder_count_months USING (pantau_code_in_scope(code));
--> statement-breakpoint
-- People waiting for a permit on day D have an application open on D: applied on or before it, not decided
-- by then. As a range ([applied_on, decided_on), unbounded while undecided) a GiST index finds the few open
-- on a day without reading every application ever made. A decision dated before the application is an
-- empty range, as the two comparisons it replaces would say.
CREATE OR REPLACE FUNCTION pantau_open_span(applied_on date, decided_on date) RETURNS daterange LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT daterange(applied_on, CASE WHEN decided_on IS NULL THEN NULL ELSE greatest(decided_on, applied_on) END, '[)') $$;
--> statement-breakpoint
CREATE INDEX permit_applications_open_idx ON permit_applications USING gist (pantau_open_span(applied_on, decided_on));
