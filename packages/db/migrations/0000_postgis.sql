-- PostGIS first: every later migration uses its geometry type.
CREATE EXTENSION IF NOT EXISTS postgis;
