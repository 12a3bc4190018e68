-- API tokens for channel systems (service accounts, issue 22): an APOA-like app posts public reports with
-- a bearer token instead of a session. Only the SHA-256 of the token is stored; the secret is shown once,
-- when the token is made. `prefix` is the token's visible start (pt_ + 8 hex digits), so a leaked token can
-- be recognised and looked up. The name is unique among active tokens: a revoked token's name may be reused.
CREATE TABLE api_tokens (
  id serial PRIMARY KEY,
  name text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9_-]{0,62}$'),
  prefix text NOT NULL CHECK (prefix ~ '^pt_[0-9a-f]{8}$'),
  token_hash text NOT NULL,
  -- Province or regency codes, checked against the boundaries by the write path (as users' scopes).
  scope_codes text[] NOT NULL CHECK (cardinality(scope_codes) > 0),
  -- The checked list of @pantau/domain TOKEN_CAPABILITIES; a new capability widens this check.
  capabilities text[] NOT NULL CHECK (cardinality(capabilities) > 0 AND capabilities <@ ARRAY['report:create']::text[]),
  created_by text NOT NULL,
  created_at timestamptz NOT NULL,
  last_used_at timestamptz,
  revoked_at timestamptz
);
--> statement-breakpoint
CREATE UNIQUE INDEX api_tokens_token_hash_key ON api_tokens (token_hash);
--> statement-breakpoint
CREATE UNIQUE INDEX api_tokens_prefix_key ON api_tokens (prefix);
--> statement-breakpoint
CREATE UNIQUE INDEX api_tokens_active_name_key ON api_tokens (name) WHERE revoked_at IS NULL;
--> statement-breakpoint
-- Credentials, like users and sessions: read by the authentication path (owner role), never by a scoped request.
REVOKE ALL ON api_tokens FROM pantau_app;
--> statement-breakpoint
REVOKE ALL ON SEQUENCE api_tokens_id_seq FROM pantau_app;
--> statement-breakpoint
ALTER TABLE api_tokens ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE api_tokens FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A second wall should a grant come back: the scoped application role sees no token rows.
CREATE POLICY api_tokens_owner_only ON api_tokens USING (current_user <> 'pantau_app') WITH CHECK (current_user <> 'pantau_app');
