// Closed vocabularies of the domain. Values are the names used in code, the database and the API;
// labels for the UI live in the web app's i18n files.

export const AREA_LEVELS = ['province', 'regency', 'district'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export const PERMIT_TYPES = ['itas', 'itap', 'visit'] as const;
export type PermitType = (typeof PERMIT_TYPES)[number];

export const PERMIT_PURPOSES = ['work', 'family', 'investment', 'study', 'retirement'] as const;
export type PermitPurpose = (typeof PERMIT_PURPOSES)[number];

export const SEXES = ['male', 'female'] as const;
export type Sex = (typeof SEXES)[number];

export const OFFICE_CLASSES = ['I', 'I TPI', 'II', 'II TPI', 'III'] as const;
export type OfficeClass = (typeof OFFICE_CLASSES)[number];

export const TARGET_KINDS = ['company_site', 'lodging', 'mine', 'plantation', 'port', 'tourist_spot', 'residence', 'other'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** What the team concluded at a target. */
export const TARGET_OUTCOMES = ['no_violation', 'violation', 'not_found'] as const;
export type TargetOutcome = (typeof TARGET_OUTCOMES)[number];

/** Tindakan Administratif Keimigrasian (TAK). */
export const ACTION_KINDS = ['deportation', 'entry_ban', 'detention', 'permit_cancellation', 'fine'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Potensi kerawanan. */
export const RISK_CATEGORIES = [
  'illegal_work',
  'overstay',
  'social_conflict',
  'illegal_emigration_route',
  'illegal_entry_point',
  'visit_permit_misuse',
] as const;
export type RiskCategory = (typeof RISK_CATEGORIES)[number];

/**
 * Whether a risk category is about foreigners (what a Timpora operation checks) or about others: an
 * illegal emigration route concerns Indonesians leaving (PMI nonprosedural), so it says nothing about
 * where foreigners break the rules. Planning scores only the former by default (weight
 * `riskNotForeigners`, 0 unless a user raises it; docs/planning.md).
 */
export const RISK_CATEGORY_CONCERNS_FOREIGNERS: Readonly<Record<RiskCategory, boolean>> = Object.freeze({
  illegal_work: true,
  overstay: true,
  social_conflict: true,
  illegal_entry_point: true,
  visit_permit_misuse: true,
  illegal_emigration_route: false,
});
export const riskCategoryConcernsForeigners = (category: RiskCategory): boolean => RISK_CATEGORY_CONCERNS_FOREIGNERS[category];

export const RISK_SEVERITIES = ['low', 'medium', 'high'] as const;
export type RiskSeverity = (typeof RISK_SEVERITIES)[number];

/** Tempat Pemeriksaan Imigrasi (TPI). */
export const ENTRY_POINT_KINDS = ['airport', 'seaport', 'land_border'] as const;
export type EntryPointKind = (typeof ENTRY_POINT_KINDS)[number];

export const REPORT_CHANNELS = ['apoa', 'whatsapp', 'phone', 'walk_in', 'letter'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

/** A meeting follow-up's status (issue 22): open until its agency reports back, or dropped. */
export const FOLLOW_UP_STATUSES = ['open', 'done', 'dropped'] as const;
export const REPORT_STATUSES = ['new', 'verified', 'dismissed', 'acted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const REPORT_CATEGORIES = ['illegal_work', 'overstay', 'suspicious_activity', 'unreported_residence', 'permit_misuse', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

export const COMPANY_SECTORS = [
  'mining_smelting',
  'manufacturing',
  'construction',
  'energy',
  'trade',
  'hospitality_tourism',
  'services',
  'agriculture_plantation',
  'fisheries_maritime',
  'education',
] as const;
export type CompanySector = (typeof COMPANY_SECTORS)[number];

/**
 * Where a row came from. `reference` = a real event from the public sources; `demo` = synthetic;
 * otherwise the id of the import batch (`batch:<uuid>`), so every figure can name its source.
 */
export const ORIGIN_KINDS = ['reference', 'demo', 'import'] as const;
export type OriginKind = (typeof ORIGIN_KINDS)[number];

/** Indonesia, with a margin: used for TileJSON bounds and to reject swapped or foreign coordinates. */
export const INDONESIA_BBOX = [94.7, -11.2, 141.2, 6.3] as const;

/** Area codes are dotted text: `17`, `17.07`, `17.07.01`. Never numbers. */
export const AREA_CODE_PATTERN = /^\d{2}(\.\d{2}(\.\d{2})?)?$/;

/** An office's work area as a planning area: `office:<office key>` (e.g. `office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang`). */
export const OFFICE_AREA_PATTERN = /^office:[A-Za-z0-9:._-]{1,160}$/;
export const OFFICE_AREA_PREFIX = 'office:';

/** The office key of an `office:<key>` planning area, or null for an area code (or anything else). */
export function officeKeyOfArea(area: string): string | null {
  return OFFICE_AREA_PATTERN.test(area) ? area.slice(OFFICE_AREA_PREFIX.length) : null;
}

export function levelOfCode(code: string): AreaLevel {
  const parts = code.split('.').length;
  return AREA_LEVELS[parts - 1] ?? 'district';
}

export function parentCodeOf(code: string): string | null {
  const i = code.lastIndexOf('.');
  return i < 0 ? null : code.slice(0, i);
}
