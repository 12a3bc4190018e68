// Column helpers shared by the schema files.
import { customType, text } from 'drizzle-orm/pg-core';

/**
 * PostGIS geometry in EPSG:4326. Values travel as text (EWKT or hex EWKB) and are built and read
 * with SQL functions (ST_GeomFromGeoJSON, ST_AsGeoJSON) in the query modules, so the driver never
 * has to parse geometry.
 */
export const geometry = (name: string, type: 'Point' | 'MultiPolygon') =>
  customType<{ data: string; driverData: string }>({
    dataType: () => `geometry(${type},4326)`,
  })(name);

/** `reference`, `demo`, `batch:<uuid>` or `plan:<id>`: where a row came from (see @pantau/domain `origin`). */
export const originColumn = () => text('origin').notNull();

/** Binary content (bytea). Written and read as base64 text in SQL (decode/encode), the same on both drivers. */
export const bytea = (name: string) =>
  customType<{ data: string; driverData: string }>({
    dataType: () => 'bytea',
  })(name);
