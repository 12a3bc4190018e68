// Risk areas: GeoJSON polygons (the feature's geometry) or a WKT column in CSV/XLSX.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the untyped module's declaration must follow this file into every program (api, web tests)
/// <reference path="./terraformer-wkt.d.ts" />
import { expectedValues, normaliseValue, RISK_CATEGORIES, RISK_SEVERITIES, type RiskAreaRecord } from '@pantau/domain';
import { queryRows, riskAreas, sql } from '@pantau/db';
import { wktToGeoJSON } from '@terraformer/wkt';
import { jsonParam } from '../../write/area-lookup.js';
import { writeRiskAreas } from '../../write/write-events.js';
import { fail, parseDate, type Parsed } from '../normalise/dates.js';
import { cellOf, type ImportKindHandler } from '../types.js';
import { CellReader, nonEmptyText, text } from './cells.js';

const CATEGORY_WORDS: Record<string, (typeof RISK_CATEGORIES)[number]> = {
  'tka ilegal': 'illegal_work',
  'pekerja ilegal': 'illegal_work',
  'bekerja ilegal': 'illegal_work',
  'illegal work': 'illegal_work',
  overstay: 'overstay',
  'melebihi izin tinggal': 'overstay',
  'konflik sosial': 'social_conflict',
  'social conflict': 'social_conflict',
  kecemburuan: 'social_conflict',
  'pmi nonprosedural': 'illegal_emigration_route',
  'pmi ilegal': 'illegal_emigration_route',
  'jalur pmi nonprosedural': 'illegal_emigration_route',
  'emigrasi ilegal': 'illegal_emigration_route',
  'illegal emigration': 'illegal_emigration_route',
  'jalur tikus': 'illegal_entry_point',
  'pintu masuk ilegal': 'illegal_entry_point',
  'jalur masuk ilegal': 'illegal_entry_point',
  'illegal entry': 'illegal_entry_point',
  'penyalahgunaan izin kunjungan': 'visit_permit_misuse',
  'penyalahgunaan visa kunjungan': 'visit_permit_misuse',
  'visit permit misuse': 'visit_permit_misuse',
};
const SEVERITY_WORDS: Record<string, (typeof RISK_SEVERITIES)[number]> = {
  rendah: 'low',
  sedang: 'medium',
  tinggi: 'high',
  low: 'low',
  medium: 'medium',
  high: 'high',
};

function parseCategory(raw: unknown): Parsed<(typeof RISK_CATEGORIES)[number]> {
  const value = normaliseValue(String(raw ?? ''));
  const code = value.replace(/[\s-]+/g, '_');
  if ((RISK_CATEGORIES as readonly string[]).includes(code)) return { ok: true, value: code as (typeof RISK_CATEGORIES)[number] };
  const hit = Object.entries(CATEGORY_WORDS).find(([w]) => value.includes(w));
  return hit ? { ok: true, value: hit[1] } : fail('unknown_risk_category', { expected: expectedValues(RISK_CATEGORIES) });
}

function parseSeverity(raw: unknown): Parsed<(typeof RISK_SEVERITIES)[number]> {
  const value = SEVERITY_WORDS[normaliseValue(String(raw ?? ''))];
  return value ? { ok: true, value } : fail('unknown_severity');
}

function parseGeometry(raw: unknown): Parsed<RiskAreaRecord['geometry']> {
  let geometry: unknown = raw;
  if (typeof raw === 'string') {
    try {
      geometry = wktToGeoJSON(raw);
    } catch (error) {
      return fail('geometry_not_wkt', { detail: (error as Error).message });
    }
  }
  const g = geometry as { type?: string; coordinates?: unknown } | null;
  if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates)) return fail('geometry_not_polygon');
  return { ok: true, value: { type: g.type, coordinates: g.coordinates } };
}

export function riskAreasHandler(): ImportKindHandler<RiskAreaRecord> {
  return {
    kind: 'risk-areas',
    required: [['name'], ['category'], ['validFrom']],
    async toRecord(row, context) {
      const cells = new CellReader(row);
      const name = cells.required('name', nonEmptyText);
      const category = cells.required('category', parseCategory);
      const severity = cells.optional('severity', parseSeverity);
      const validFrom = cells.required('validFrom', parseDate);
      const validTo = cells.optional('validTo', parseDate);
      const geometry =
        row.geometry !== undefined && row.geometry !== null ? parseGeometry(row.geometry) : cells.has('wkt') ? parseGeometry(cells.raw('wkt')) : null;
      if (geometry === null) cells.issue('wkt', fail('geometry_missing'));
      else if (!geometry.ok)
        cells.issue(row.geometry ? 'geometry' : 'wkt', geometry, row.geometry ? JSON.stringify(row.geometry).slice(0, 60) : cells.raw('wkt').slice(0, 60));
      if (validFrom && validTo && validTo < validFrom) cells.issue('validTo', fail('valid_to_before_from', { validTo, validFrom }));
      if (cells.issues.length || !name || !category || severity === undefined || !validFrom || validTo === undefined || !geometry?.ok)
        return { issues: cells.issues };
      return {
        issues: [],
        record: {
          key: `${context.origin}:risk:${normaliseValue(name)}:${category}:${validFrom}`,
          name,
          category,
          severity: severity ?? 'medium',
          geometry: geometry.value,
          validFrom,
          validTo,
          source: text(cellOf(row, 'source')) || 'import',
          description: text(cellOf(row, 'description')) || null,
          origin: context.origin,
        },
      };
    },
    key: (r) => `${normaliseValue(r.name)}:${r.category}:${r.validFrom}`,
    describe: (r) => `${r.name} · ${r.validFrom}`,
    async existing({ tx }, records) {
      const rows = await queryRows<{ name: string; category: string; valid_from: string; origin: string; area: string | null }>(
        tx,
        sql`
        select name, category, valid_from::text as valid_from, origin, coalesce(regency_code, province_code) as area from ${riskAreas}
        where lower(name) in (select jsonb_array_elements_text(${jsonParam([...new Set(records.map((r) => r.name.toLowerCase()))])}))`,
      );
      return new Map(rows.map((r) => [`${normaliseValue(r.name)}:${r.category}:${r.valid_from}`, { origin: r.origin, areaCode: r.area }]));
    },
    write: ({ tx }, records) => writeRiskAreas(tx, records),
  };
}
