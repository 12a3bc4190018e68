// Search for the search box: areas by name (fuzzy, Indonesian and English), companies and places.
import { createRoute, z } from '@hono/zod-openapi';
import { listAreas, queryRows, scopeCondition, sql, type Orm } from '@pantau/db';
import { AREA_LEVELS, englishAreaName, inScope, NATIONAL_SCOPE, searchResponseSchema, searchResultsForRole, type AreaLevel, type Scope } from '@pantau/domain';
import { dbOf, principalOf, scopeOf } from '../auth/request-context.js';
import Fuse from 'fuse.js';
import type { AppDeps } from '../deps.js';
import { errorResponses } from './params.js';
import { createRouter } from './router.js';

interface AreaEntry {
  code: string;
  name: string;
  nameEn: string;
  level: AreaLevel;
  parentName: string | null;
}

const route = createRoute({
  method: 'get',
  path: '/search',
  tags: ['search'],
  summary: 'Areas (fuzzy, Indonesian and English names), companies and places by name',
  request: {
    query: z.object({
      q: z.string().trim().min(2, 'at least 2 characters').max(100).openapi({ example: 'bangka tengah' }),
      limit: z
        .string()
        .regex(/^\d+$/)
        .refine((v) => Number(v) >= 1 && Number(v) <= 50, 'between 1 and 50')
        .optional(),
    }),
  },
  responses: {
    200: { description: 'Matches by kind, best first.', content: { 'application/json': { schema: searchResponseSchema } } },
    ...errorResponses,
  },
});

export function searchRoutes(_deps: AppDeps) {
  // Areas change only when boundaries are reloaded: the index is built once, on first use.
  let areaIndex: Promise<AreaIndex> | null = null;
  const buildIndex = async (db: Orm) => {
    // Names of every area (public boundaries); results are narrowed to the caller's scope below.
    const all = (await Promise.all(AREA_LEVELS.map((level) => listAreas(db, { level }, NATIONAL_SCOPE)))).flat();
    const names = new Map(all.map((a) => [a.code, a.name]));
    const entries: AreaEntry[] = all.map((a) => ({
      code: a.code,
      name: a.name,
      nameEn: englishAreaName(a.code, a.name),
      level: a.level,
      parentName: a.parentCode ? (names.get(a.parentCode) ?? null) : null,
    }));
    return {
      entries,
      fuzzy: new Fuse(entries, {
        keys: [
          { name: 'name', weight: 2 },
          { name: 'nameEn', weight: 1.5 },
          { name: 'code', weight: 1 },
        ],
        threshold: FUZZY_THRESHOLD,
        ignoreLocation: true,
        includeScore: true,
      }),
    };
  };
  return createRouter().openapi(route, async (c) => {
    const { q, limit } = c.req.valid('query');
    const db = dbOf(c);
    const scope = scopeOf(c);
    const n = limit ? Number(limit) : 10;
    areaIndex ??= buildIndex(db).catch((error: unknown) => {
      areaIndex = null;
      throw error;
    });
    const matches = matchAreas(await areaIndex, q);
    const areas = matches.filter((a) => inScope(scope, a.code)).slice(0, n);
    // Nothing inside the scope: say where the name lies instead of "no results" (names only: area names
    // are public reference data; no record outside the scope is looked at).
    const outsideScope = areas.length === 0 ? matches.slice(0, 3).map(({ name, level, parentName }) => ({ name, level, parentName })) : [];
    const permissions = principalOf(c).permissions;
    // A role that reads no records gets areas only (searchResultsForRole): its record queries are not even run.
    const records = permissions.lists ? await recordsMatching(db, q, n, scope) : { companies: [], places: [] };
    return c.json({ ...searchResultsForRole({ areas, ...records }, permissions), outsideScope }, 200);
  });
}

interface AreaIndex {
  entries: AreaEntry[];
  fuzzy: Fuse<AreaEntry>;
}

/**
 * Fuse's threshold for the fuzzy pass, stricter than its default: at 0.35 "batam" matched Bakam and
 * Pangkal Balam. It only runs when no name is equal to or starts with what was typed.
 */
const FUZZY_THRESHOLD = 0.25;

/** Lower case, no diacritics, single spaces. */
const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
/** "Kota Batam" is looked for as "batam", "Kabupaten Bangka Tengah" as "bangka tengah". */
const shortName = (name: string) => name.replace(/^(kabupaten|kab\.|kota administrasi|kota adm\.|kota|provinsi) /, '');

/** Provinces, then regencies, then districts: a short name is more often meant at the higher level. */
const LEVEL_ORDER: Record<AreaLevel, number> = { province: 0, regency: 1, district: 2 };

/**
 * Areas matching `q`, best first, over every area (the caller narrows to its scope): names equal to
 * it, then names starting with it, then names with a word starting with it; only when none of those
 * match, the fuzzy pass for typos.
 */
function matchAreas(index: AreaIndex, q: string): AreaEntry[] {
  const query = normalise(q);
  const tierOf = (entry: AreaEntry): number | null => {
    const names = [entry.name, entry.nameEn].map(normalise);
    const shorts = names.map(shortName);
    if (entry.code === query || names.includes(query) || shorts.includes(query)) return 0;
    if (shorts.some((name) => name.startsWith(query)) || names.some((name) => name.startsWith(query))) return 1;
    if (names.some((name) => name.split(/[ -]/).some((word) => word.startsWith(query)))) return 2;
    return null;
  };
  const direct = index.entries.flatMap((entry) => {
    const tier = tierOf(entry);
    return tier === null ? [] : [{ entry, tier }];
  });
  if (direct.length > 0) {
    return direct
      .sort(
        (a, b) =>
          a.tier - b.tier ||
          LEVEL_ORDER[a.entry.level] - LEVEL_ORDER[b.entry.level] ||
          a.entry.name.localeCompare(b.entry.name) ||
          a.entry.code.localeCompare(b.entry.code),
      )
      .map((m) => m.entry);
  }
  const rank: Record<AreaLevel, number> = { province: 0, regency: 0.01, district: 0.03 };
  return index.fuzzy
    .search(q, { limit: 2000 })
    .sort((a, b) => a.score! + rank[a.item.level] - (b.score! + rank[b.item.level]))
    .map((r) => r.item);
}

/** Companies (by name or registration number) and places (entry points, operation targets) in the scope. */
async function recordsMatching(db: Orm, q: string, n: number, scope: Scope) {
  const pattern = `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  const companies = await queryRows<{ id: number; name: string; regency_code: string | null; lng: number; lat: number }>(
    db,
    sql`
    select c.id, c.name, s.regency_code, ST_X(s.geom) as lng, ST_Y(s.geom) as lat
    from companies c join lateral (select * from company_sites s where s.company_id = c.id order by s.id limit 1) s on true
    where (c.name ilike ${pattern} or c.registration_number = ${q}) and ${scopeCondition(sql`s.regency_code`, scope)}
    order by c.name limit ${n}`,
  );
  const places = await queryRows<{ kind: string; id: number; name: string; lng: number; lat: number }>(
    db,
    sql`
    (select 'entry_point' as kind, id, name, ST_X(geom) as lng, ST_Y(geom) as lat from entry_points where name ilike ${pattern} and ${scopeCondition(sql`regency_code`, scope)} order by name limit ${n})
    union all
    (select 'operation_target', t.id, t.place, ST_X(t.geom), ST_Y(t.geom) from operation_targets t where t.place ilike ${pattern} and ${scopeCondition(sql`t.regency_code`, scope)} and t.geom is not null and t.kind <> 'company_site' order by t.place limit ${n})`,
  );
  return {
    companies: companies.map((r) => ({ id: Number(r.id), name: r.name, regencyCode: r.regency_code, lng: Number(r.lng), lat: Number(r.lat) })),
    places: places.slice(0, n).map((r) => ({ kind: r.kind, id: Number(r.id), name: r.name, lng: Number(r.lng), lat: Number(r.lat) })),
  };
}
