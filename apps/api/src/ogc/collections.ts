// The OGC API – Features collections: the point and polygon layers the map already serves, with the
// same sources (tiles/layers.ts: scope, counts, no personal data) and what OGC adds to each: how
// `datetime` applies to it, how a feature is named, and the personal text a role may be given.
import { REQUEST_DATE_RANGE, type TileLayerName } from '@pantau/domain';
import type { RecordKind } from '@pantau/domain';
import { sql, type SQL } from '@pantau/db';
import { TILE_LAYER_BY_ID, type TileLayer } from '../tiles/layers.js';

/**
 * How `datetime` applies to a collection:
 * - `day`: the day the figures are for (areas: permit holders on the day; company sites: their active
 *   permits); an instant only, default today (WIB);
 * - `period`: the layer's own date (operation date, report received day, meeting date, risk-area
 *   validity), instant or interval; absent: all features;
 * - `none`: the layer has no time (entry points): every feature matches any datetime.
 */
export type TemporalRule = 'day' | 'period' | 'none';

export interface OgcCollection {
  id: TileLayerName;
  title: string;
  layer: TileLayer;
  temporal: TemporalRule;
  /** What the temporal rule reads, for the collection's description. */
  temporalNote: string;
  /** Areas are named by their official code (19.04); records by their numeric id. */
  featureId: 'code' | 'id';
  /**
   * Personal text that only roles allowed personal data get: a query of one row for the feature `f`
   * (its columns named as fields.ts names them, so the role's field rules remove them for the others).
   */
  personal?: { kind: RecordKind; select: SQL };
}

const layer = (id: TileLayerName): TileLayer => TILE_LAYER_BY_ID.get(id)!;

export const OGC_COLLECTIONS: readonly OgcCollection[] = [
  {
    id: 'provinces',
    title: 'Provinsi / Provinces',
    layer: layer('provinces'),
    temporal: 'day',
    temporalNote: 'datetime: the day the permit holders are counted on (an instant; default today, WIB).',
    featureId: 'code',
  },
  {
    id: 'regencies',
    title: 'Kabupaten/Kota / Regencies and cities',
    layer: layer('regencies'),
    temporal: 'day',
    temporalNote: 'datetime: the day the permit holders are counted on (an instant; default today, WIB).',
    featureId: 'code',
  },
  {
    id: 'districts',
    title: 'Kecamatan / Districts',
    layer: layer('districts'),
    temporal: 'day',
    temporalNote: 'datetime: the day the permit holders are counted on (an instant; default today, WIB).',
    featureId: 'code',
  },
  {
    id: 'company_sites',
    title: 'Lokasi perusahaan penjamin / Sponsor company sites',
    layer: layer('company_sites'),
    temporal: 'day',
    temporalNote: 'datetime: the day active_permits is counted on (an instant; default today, WIB). Every site matches.',
    featureId: 'id',
  },
  {
    id: 'operation_targets',
    title: 'Sasaran operasi gabungan / Joint operation targets',
    layer: layer('operation_targets'),
    temporal: 'period',
    temporalNote: 'datetime: the operation date (an instant or an interval; default all).',
    featureId: 'id',
    personal: { kind: 'operationTarget', select: sql`select x.findings from operation_targets x where x.id = f.id` },
  },
  {
    id: 'risk_areas',
    title: 'Potensi kerawanan / Risk areas',
    layer: layer('risk_areas'),
    temporal: 'period',
    temporalNote: 'datetime: the days the risk area is valid (valid at the instant, or at some time in the interval; default all).',
    featureId: 'id',
    personal: { kind: 'riskArea', select: sql`select x.description from risk_areas x where x.id = f.id` },
  },
  {
    id: 'entry_points',
    title: 'Tempat Pemeriksaan Imigrasi (TPI) / Immigration checkpoints',
    layer: layer('entry_points'),
    temporal: 'none',
    temporalNote: 'Entry points have no time: datetime is checked but every feature matches it.',
    featureId: 'id',
  },
  {
    id: 'reports',
    title: 'Laporan masyarakat / Public reports',
    layer: layer('reports'),
    temporal: 'period',
    temporalNote: 'datetime: the day the report was received (WIB; an instant or an interval; default all).',
    featureId: 'id',
    personal: { kind: 'report', select: sql`select x.summary, x.address, x.reporter_contact as "reporterContact" from reports x where x.id = f.id` },
  },
  {
    id: 'meetings',
    title: 'Rapat koordinasi Timpora / Coordination meetings',
    layer: layer('meetings'),
    temporal: 'period',
    temporalNote: 'datetime: the meeting date (an instant or an interval; default all).',
    featureId: 'id',
  },
];

export const OGC_COLLECTION_BY_ID: ReadonlyMap<string, OgcCollection> = new Map(OGC_COLLECTIONS.map((c) => [c.id, c]));

/** The widest period a request may name: an open end of an interval reaches this far. */
export const OPEN_PERIOD = { from: REQUEST_DATE_RANGE.min, to: REQUEST_DATE_RANGE.max } as const;
