ALTER TABLE "audit_log" ADD COLUMN "prev_id" bigint;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
-- Issue 18: the audit trail could be erased by the role the API connects as (TRUNCATE, or dropping
-- 0004's row trigger). From here on:
-- * Rows are appended only through pantau_audit_append(), a SECURITY DEFINER function owned by the
--   NOLOGIN role pantau_audit_writer, which may only INSERT into audit_log (and move the chain head).
--   A function rather than `SET LOCAL ROLE pantau_audit_writer` around each insert because writers
--   call it from three contexts: owner transactions, the scoped pantau_app transactions of reads and
--   exports (a role switch there would have to be undone back to pantau_app), and outside any
--   transaction (sign-in refusals), where SET LOCAL does nothing. One statement works in all three,
--   on PGlite (single superuser) and on a PostgreSQL 15 server alike. pantau_app keeps SELECT only.
-- * TRUNCATE is refused by a statement trigger, for every role including the owner.
-- * Every row carries prev_id and hash = sha256(previous hash || canonical content), computed by a
--   BEFORE INSERT trigger under a row lock on the one-row audit_chain_head, so concurrent writers on
--   the server append one after the other (ids follow chain order) and never fork the chain.
--   sha256(bytea) is built into PostgreSQL >= 11, so pgcrypto is not needed (PGlite has none).
-- The table owner and superusers can still do DDL (disable triggers, rewrite rows): the chain is
-- what detects it (`pnpm pantau audit verify`, GET /api/v1/audit/verify).
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pantau_audit_writer') THEN
    CREATE ROLE pantau_audit_writer NOLOGIN;
  END IF;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  -- A non-superuser owner must be a member to hand functions over to the role; a superuser already may.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT pantau_audit_writer TO %I', current_user);
  END IF;
END $$;
--> statement-breakpoint
CREATE TABLE audit_chain_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id bigint,
  last_hash text
);
--> statement-breakpoint
-- The canonical content of a row: a JSON array with a fixed order; the time in UTC with microseconds
-- so the session's TimeZone cannot change it, jsonb's own normalised text for the details.
CREATE OR REPLACE FUNCTION pantau_audit_content(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_array(r.id, r.prev_id, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), r.user_id, r.actor, r.action, r.area_code, r.target, r.request_id, r.details)::text
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_audit_digest(prev_hash text, r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(coalesce(prev_hash, '') || public.pantau_audit_content(r), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_audit_chain() RETURNS trigger LANGUAGE plpgsql SET search_path = pg_catalog, public, pg_temp AS $$
DECLARE
  head_id bigint;
  head_hash text;
BEGIN
  -- The row lock is held until commit: the next writer waits here and then reads this row's hash.
  SELECT last_id, last_hash INTO head_id, head_hash FROM public.audit_chain_head FOR UPDATE;
  -- The id is taken under the lock (not from the sequence) so that id order is chain order.
  NEW.id := coalesce(head_id, 0) + 1;
  NEW.prev_id := head_id;
  NEW.hash := public.pantau_audit_digest(head_hash, NEW);
  UPDATE public.audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash;
  RETURN NEW;
END
$$;
--> statement-breakpoint
-- The chain of the rows written before this migration, in id order.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
DO $$
DECLARE
  r audit_log;
  v_prev_id bigint;
  v_prev_hash text;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    r.prev_id := v_prev_id;
    r.hash := pantau_audit_digest(v_prev_hash, r);
    UPDATE audit_log SET prev_id = r.prev_id, hash = r.hash WHERE id = r.id;
    v_prev_id := r.id;
    v_prev_hash := r.hash;
  END LOOP;
  INSERT INTO audit_chain_head (singleton, last_id, last_hash) VALUES (true, v_prev_id, v_prev_hash);
END $$;
--> statement-breakpoint
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION pantau_audit_chain();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION pantau_audit_append_only();
--> statement-breakpoint
-- The head moves forward only (the chain trigger's UPDATE); it is never deleted or emptied.
CREATE TRIGGER audit_chain_head_keep BEFORE DELETE ON audit_chain_head FOR EACH ROW EXECUTE FUNCTION pantau_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_chain_head_no_truncate BEFORE TRUNCATE ON audit_chain_head FOR EACH STATEMENT EXECUTE FUNCTION pantau_audit_append_only();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_audit_append(p_at timestamptz, p_user_id integer, p_actor text, p_action text, p_area_code text, p_target text, p_request_id text, p_details jsonb)
RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $$
  -- No RETURNING: that would need SELECT on audit_log, which the writer role does not have.
  INSERT INTO public.audit_log (at, user_id, actor, action, area_code, target, request_id, details)
  VALUES (p_at, p_user_id, p_actor, p_action, p_area_code, p_target, p_request_id, coalesce(p_details, '{}'::jsonb))
$$;
--> statement-breakpoint
-- pantau_audit_writer may append and move the head, nothing else: it owns neither table, so it can
-- neither drop nor disable their triggers, and it has no UPDATE, DELETE or TRUNCATE on audit_log.
GRANT USAGE ON SCHEMA public TO pantau_audit_writer;
--> statement-breakpoint
GRANT INSERT ON audit_log TO pantau_audit_writer;
--> statement-breakpoint
GRANT SELECT, UPDATE ON audit_chain_head TO pantau_audit_writer;
--> statement-breakpoint
-- The id column's default (nextval) is still evaluated for the inserting role before the chain trigger replaces it.
GRANT USAGE ON SEQUENCE audit_log_id_seq TO pantau_audit_writer;
--> statement-breakpoint
-- Handing a function to a role needs that role to be able to create in the schema (PostgreSQL 15
-- no longer grants CREATE on public to everyone): granted for the hand-over only.
GRANT CREATE ON SCHEMA public TO pantau_audit_writer;
--> statement-breakpoint
ALTER FUNCTION pantau_audit_append(timestamptz, integer, text, text, text, text, text, jsonb) OWNER TO pantau_audit_writer;
--> statement-breakpoint
REVOKE CREATE ON SCHEMA public FROM pantau_audit_writer;
--> statement-breakpoint
REVOKE ALL ON FUNCTION pantau_audit_append(timestamptz, integer, text, text, text, text, text, jsonb) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION pantau_audit_append(timestamptz, integer, text, text, text, text, text, jsonb) TO pantau_app;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT EXECUTE ON FUNCTION pantau_audit_append(timestamptz, integer, text, text, text, text, text, jsonb) TO %I', current_user);
END $$;
--> statement-breakpoint
-- The application role reads the trail, appends only through the function, and never touches the
-- head (0004's default privileges would have given it every right on the new table).
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM pantau_app;
--> statement-breakpoint
REVOKE ALL ON audit_chain_head FROM pantau_app;
