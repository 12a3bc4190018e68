-- People waiting for a permit, pre-aggregated like the holders (issue 20, issue 25). "Pending" on day D:
-- a person with an application open on D (applied on or before, not decided by then) in the area, and no
-- valid permit anywhere on D. Counted directly it needs the applications open on D, and under row security
-- the GiST index of 0017 cannot serve the scoped role (the range operator is not leakproof, so PostgreSQL
-- filters every application by scope first): a national count read all 1.2 M applications at demo scale 10.
--
-- The pending spans live in the same tables as the holders' spans, told apart by the type bits: a holder
-- has bits 1/2/4 (visit/ITAS/ITAP held), a pending person bits 8/16/32 (visit/ITAS/ITAP applied for) and
-- never a low bit, because pending means holding nothing. So every reader of holder counts (mask <= 7)
-- ignores them unchanged, and the triggers, the commit-time refresh and the rebuild keep both exact.
--
-- An undecided application is open without end: its last span ends on 'infinity'. Such spans stay in
-- holder_spans only (no day delta, no month checkpoint, which would have to run forever) and a count reads
-- them there, through the partial index below; they are as many as the people waiting today.

-- The pending spans of a set of people, computed from their applications and permits: the days where an
-- application opens or closes, or any of the person's permits starts or ends, cut the timeline; a piece
-- counts when an application is open on its first day and no permit is valid then.
--
-- No nested loops: inside a load's transaction the tables have no statistics yet and `person_id = ANY
-- (holders)` is guessed at a few rows, so the planner would scan the permits of every person once per piece
-- (a scale-1 demo load's commit ran for more than half an hour); hash and merge joins keep it linear.
CREATE OR REPLACE FUNCTION pantau_pending_spans_of(holders bigint[]) RETURNS SETOF holder_spans LANGUAGE sql STABLE
  SET search_path = pg_catalog, public SET enable_nestloop = off AS $$
  WITH a AS (
    SELECT person_id AS holder, id, permit_type, nationality, applied_on, applied_on AS s,
      CASE WHEN decided_on IS NULL THEN 'infinity'::date ELSE decided_on END AS e,
      province_code, regency_code, district_code
    FROM permit_applications
    WHERE person_id = ANY (holders) AND (decided_on IS NULL OR decided_on > applied_on)
  ), v AS (
    SELECT person_id AS holder, issued_on AS s, least(expires_on, coalesce(cancelled_on, expires_on)) AS e
    FROM permits
    WHERE person_id = ANY (holders) AND issued_on < least(expires_on, coalesce(cancelled_on, expires_on))
  ), placed AS (
    SELECT a.*, 'nation' AS level, 'ID' AS code FROM a
    UNION ALL SELECT a.*, 'province', province_code FROM a
    UNION ALL SELECT a.*, 'regency', regency_code FROM a
    UNION ALL SELECT a.*, 'district', district_code FROM a WHERE district_code IS NOT NULL
  ), keys AS (
    SELECT DISTINCT holder, level, code FROM placed
  ), bounds AS (
    SELECT holder, level, code, s AS day FROM placed
    UNION SELECT holder, level, code, e FROM placed
    UNION SELECT k.holder, k.level, k.code, v.s FROM keys k JOIN v ON v.holder = k.holder
    UNION SELECT k.holder, k.level, k.code, v.e FROM keys k JOIN v ON v.holder = k.holder
  ), pieces AS (
    SELECT holder, level, code, day AS starts_on, lead(day) OVER (PARTITION BY holder, level, code ORDER BY day) AS ends_on FROM bounds
  ), counted AS (
    SELECT x.holder, x.level, x.code, x.starts_on, x.ends_on,
      (array_agg(q.nationality ORDER BY CASE q.permit_type WHEN 'itap' THEN 3 WHEN 'itas' THEN 2 ELSE 1 END DESC, q.applied_on DESC, q.id))[1] AS nationality,
      (bit_or(CASE q.permit_type WHEN 'itap' THEN 32 WHEN 'itas' THEN 16 ELSE 8 END))::smallint AS types
    FROM pieces x
    JOIN placed q ON q.holder = x.holder AND q.level = x.level AND q.code = x.code AND q.s <= x.starts_on AND q.e > x.starts_on
    WHERE x.ends_on IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM v WHERE v.holder = x.holder AND v.s <= x.starts_on AND v.e > x.starts_on)
    GROUP BY x.holder, x.level, x.code, x.starts_on, x.ends_on
  )
  SELECT holder, level, code, starts_on, ends_on, nationality, types, 0, 0, 0 FROM counted
$$;
--> statement-breakpoint
-- The same guard for the holders' spans of 0017.
ALTER FUNCTION pantau_holder_spans_of(bigint[]) SET enable_nestloop = off;
--> statement-breakpoint
-- As in 0017, but spans without end (an undecided application) are left out of the deltas and checkpoints.
CREATE OR REPLACE FUNCTION pantau_holder_counts_add(holders bigint[], sign integer) RETURNS void LANGUAGE plpgsql
  SET search_path = pg_catalog, public AS $$
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
  INSERT INTO holder_count_months AS c (level, month, code, nationality, types, people, permits_visit, permits_itas, permits_itap)
  SELECT level, m::date, code, nationality, types, sum(sign)::int, sum(sign * permits_visit)::int, sum(sign * permits_itas)::int, sum(sign * permits_itap)::int
  FROM holder_spans, generate_series(date_trunc('month', starts_on::timestamp) + interval '1 month', ends_on::timestamp, interval '1 month') m
  WHERE holder = ANY (holders) AND ends_on < 'infinity'
  GROUP BY level, m, code, nationality, types
  ORDER BY level, m, code, nationality, types
  ON CONFLICT (level, month, code, nationality, types) DO UPDATE SET people = c.people + excluded.people,
    permits_visit = c.permits_visit + excluded.permits_visit, permits_itas = c.permits_itas + excluded.permits_itas,
    permits_itap = c.permits_itap + excluded.permits_itap;
  IF sign < 0 THEN
    DELETE FROM holder_count_changes c USING (
      SELECT level, starts_on AS day, code FROM holder_spans WHERE holder = ANY (holders) AND ends_on < 'infinity'
      UNION SELECT level, ends_on, code FROM holder_spans WHERE holder = ANY (holders) AND ends_on < 'infinity') t
      WHERE c.level = t.level AND c.day = t.day AND c.code = t.code
        AND c.people = 0 AND c.permits_visit = 0 AND c.permits_itas = 0 AND c.permits_itap = 0;
    DELETE FROM holder_count_months c USING (
      SELECT DISTINCT level, m::date AS month, code
      FROM holder_spans, generate_series(date_trunc('month', starts_on::timestamp) + interval '1 month', ends_on::timestamp, interval '1 month') m
      WHERE holder = ANY (holders) AND ends_on < 'infinity') t
      WHERE c.level = t.level AND c.month = t.month AND c.code = t.code
        AND c.people = 0 AND c.permits_visit = 0 AND c.permits_itas = 0 AND c.permits_itap = 0;
  END IF;
END $$;
--> statement-breakpoint
-- Holders and pending people together: a person's permits and applications move both.
CREATE OR REPLACE FUNCTION pantau_holders_refresh(holders bigint[]) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  IF holders IS NULL OR cardinality(holders) = 0 THEN RETURN; END IF;
  PERFORM pantau_holder_counts_add(holders, -1);
  DELETE FROM holder_spans WHERE holder = ANY (holders);
  INSERT INTO holder_spans SELECT * FROM pantau_holder_spans_of(holders);
  INSERT INTO holder_spans SELECT * FROM pantau_pending_spans_of(holders);
  PERFORM pantau_holder_counts_add(holders, 1);
END $$;
--> statement-breakpoint
-- Applications queue their person, as permits queue their holder (0017): the refresh runs once, at commit.
CREATE OR REPLACE FUNCTION pantau_applications_changed() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO holder_refresh_queue SELECT DISTINCT person_id FROM new_rows ORDER BY 1 ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO holder_refresh_queue SELECT DISTINCT person_id FROM old_rows ORDER BY 1 ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO holder_refresh_queue SELECT h FROM (
      SELECT person_id AS h FROM old_rows UNION SELECT person_id FROM new_rows) x ORDER BY 1 ON CONFLICT DO NOTHING;
  END IF;
  INSERT INTO holder_refresh_due VALUES (txid_current()) ON CONFLICT DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_pending_counts_insert AFTER INSERT ON permit_applications REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pantau_applications_changed();
--> statement-breakpoint
CREATE TRIGGER applications_pending_counts_update AFTER UPDATE ON permit_applications REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pantau_applications_changed();
--> statement-breakpoint
CREATE TRIGGER applications_pending_counts_delete AFTER DELETE ON permit_applications REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION pantau_applications_changed();
--> statement-breakpoint
-- Emptying the applications empties the pending spans only; the holders' spans stay.
CREATE OR REPLACE FUNCTION pantau_applications_truncated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  PERFORM pantau_holders_refresh(ARRAY(SELECT DISTINCT holder FROM holder_spans WHERE types >= 8 ORDER BY 1));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER applications_pending_counts_truncate AFTER TRUNCATE ON permit_applications FOR EACH STATEMENT EXECUTE FUNCTION pantau_applications_truncated();
--> statement-breakpoint
-- Emptying the permits (0017 empties every count) must keep the people still waiting: rebuild them.
CREATE OR REPLACE FUNCTION pantau_permits_truncated() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  TRUNCATE holder_spans, holder_count_changes, holder_count_months, holder_refresh_queue;
  PERFORM pantau_holders_refresh(ARRAY(SELECT DISTINCT person_id FROM permit_applications ORDER BY 1));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_holder_counts_rebuild() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
BEGIN
  TRUNCATE holder_spans, holder_count_changes, holder_count_months, holder_refresh_queue;
  PERFORM pantau_holders_refresh(ARRAY(
    SELECT coalesce(person_id, -id) FROM permits UNION SELECT person_id FROM permit_applications ORDER BY 1));
END $$;
--> statement-breakpoint
-- The spans without end, read directly by a count (people waiting on an undecided application).
CREATE INDEX holder_spans_open_ended_idx ON holder_spans (level, starts_on) WHERE ends_on = 'infinity';
--> statement-breakpoint
SELECT pantau_holder_counts_rebuild();
