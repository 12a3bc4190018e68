-- API tokens may attach photos (issue 22): a channel system that posts a report with its token posts the
-- report's photo with it (capability report:attach, POST /reports/{id}/attachments), but only to the
-- reports it posted itself. So a report made with a token records which token made it; the token's name
-- is not enough, since a revoked token's name may be given to a new token.
ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_capabilities_check;
--> statement-breakpoint
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_capabilities_check CHECK (cardinality(capabilities) > 0 AND capabilities <@ ARRAY['report:create', 'report:attach']::text[]);
--> statement-breakpoint
-- Null for reports recorded by an officer, imported or generated. Tokens are revoked, never deleted.
ALTER TABLE reports ADD COLUMN created_by_token_id integer REFERENCES api_tokens(id) ON DELETE SET NULL;
