-- Person search by name (issue 20): names are compared folded (diacritics, case, spaces), and a search
-- for part of a name ("wei" in "Wang Wei") is a LIKE '%…%' over the folded name. A trigram index on the
-- folded name answers it without reading every person. The folding is one immutable function, the same
-- table of letters as nameKey() in packages/db/src/queries/people.ts, then the other diacritics dropped
-- after NFD (Vietnamese "ễ"), as nameKey does (a test compares the two).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION pantau_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ select regexp_replace(lower(regexp_replace(normalize(translate(name, 'ÀÁÂÃÄÅĀĂĄàáâãäåāăąÇĆČçćčĎďÈÉÊËĒĖĘĚèéêëēėęěĞğÌÍÎÏĪİìíîïīıŁłÑŃŇñńňÒÓÔÕÖØŌòóôõöøōŘřŚŞŠśşšŢŤţťÙÚÛÜŪŮùúûüūůÝŸýÿŹŻŽźżž', 'AAAAAAAAAaaaaaaaaaCCCcccDdEEEEEEEEeeeeeeeeGgIIIIIIiiiiiiLlNNNnnnOOOOOOOoooooooRrSSSsssTTttUUUUUUuuuuuuYYyyZZZzzz'), NFD), U&'[\0300-\036F]', '', 'g')), '\s+', '', 'g') $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS people_name_key_trgm ON people USING gin (pantau_name_key(name) gin_trgm_ops);
