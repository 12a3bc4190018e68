// Why an import refuses a row, or what it notes about a file: a stable code with its parameters, and
// the English sentence the CLI prints and the API sends beside them. The web page words each code in
// the app's language (apps/web/src/i18n/locales/{id,en}/data.json, `reasons` and `notes`); the codes
// never change meaning, so reports stored with earlier batches still read right.

type Params = Record<string, string | number | boolean>;

/** Area levels as the import names them (`level` parameter). */
type Level = 'province' | 'regency' | 'district';

/** "itas, itap, visit" */
const list = (values: readonly string[]) => values.join(', ');

/** Every row-level reason: code → its English sentence. */
const REASONS = {
  required_empty: () => 'required, empty',
  empty: () => 'empty',
  not_a_date: () => 'not a date (accepted: 13/06/2024, 2024-06-13, 13-Jun-2024, 13 Juni 2024)',
  two_digit_year: () => 'two-digit year: write the year in full (e.g. 13/06/2024)',
  unknown_nationality: () => 'unknown nationality (a country name in Indonesian or English, or an ISO code such as CHN or CN)',
  unknown_permit_type: (p: { expected: string }) => `unknown permit type (expected one of: ${p.expected})`,
  unknown_purpose: (p: { expected: string }) => `unknown purpose (expected one of: ${p.expected})`,
  unknown_sex: (p: { expected: string }) => `unknown sex (expected one of: ${p.expected})`,
  unknown_sector: (p: { expected: string }) => `unknown sector (one of: ${p.expected}, or words such as tambang, manufaktur, perkebunan)`,
  unknown_risk_category: (p: { expected: string }) => `unknown risk category (one of: ${p.expected})`,
  unknown_severity: () => 'unknown severity (rendah/sedang/tinggi or low/medium/high)',
  unknown_action: (p: { expected: string }) => `unknown enforcement action (TAK) (one of: ${p.expected})`,
  unknown_target_kind: (p: { expected: string }) => `unknown kind of place (one of: ${p.expected})`,
  unknown_outcome: (p: { expected: string }) => `unknown outcome (one of: ${p.expected})`,
  unknown_entry_point_kind: (p: { expected: string }) => `unknown entry point kind (one of: ${p.expected})`,
  unknown_channel: (p: { expected: string }) => `unknown channel (one of: ${p.expected})`,
  unknown_report_status: (p: { expected: string }) => `unknown status (one of: ${p.expected})`,
  unknown_report_category: (p: { expected: string }) => `unknown category (one of: ${p.expected})`,
  not_whole_number: () => 'not a whole number ≥ 0',
  not_positive_whole_number: () => 'not a whole number ≥ 1',
  list_item: (p: { index: number; item: string; reason: string; inner: string } & Params) => `item ${p.index} ("${p.item}"): ${p.reason}`,
  action_counts_mismatch: (p: { counts: number; actions: number }) => `${p.counts} counts for ${p.actions} actions`,
  action_nationalities_mismatch: (p: { nationalities: number; actions: number }) => `${p.nationalities} nationalities for ${p.actions} actions`,
  action_empty_item: () => 'an empty item in the list of actions',
  violations_over_checked: (p: { violations: number; checked: number }) => `more violations (${p.violations}) than foreigners checked (${p.checked})`,
  outcome_no_violation_counted: (p: { violations: number }) => `says no violation, but ${p.violations} violation(s) are counted`,
  area_code_unknown: (p: { level: Level; code: string }) => `no ${p.level} with code ${p.code}`,
  area_name_ambiguous: (p: { level: Level; name: string; candidates: string }) =>
    `ambiguous ${p.level} name "${p.name}": ${p.candidates}; give the code or the parent area`,
  area_name_unknown: (p: { level: Level; name: string; closest: string }) => `unknown ${p.level} "${p.name}"${p.closest ? `; closest: ${p.closest}` : ''}`,
  district_outside_regency: (p: { district: string; regency: string }) => `district ${p.district} is not in ${p.regency}`,
  no_area: () => 'no area: give a district or regency (code or name), or coordinates',
  no_label_point: () => 'the area has no label point',
  coordinates_incomplete: () => 'give both latitude and longitude',
  coordinates_not_number: () => 'not a number in decimal degrees',
  coordinates_swapped: (p: { lat: string; lng: string }) => `latitude and longitude look swapped (${p.lat}, ${p.lng})`,
  coordinates_outside_indonesia: (p: { bbox: string }) => `outside Indonesia (${p.bbox})`,
  coordinates_zero: () => '0, 0 is a placeholder, not a place: give the real coordinates',
  coordinates_swapped_fixed: (p: { lat: string; lng: string }) => `latitude and longitude were the other way round: read as ${p.lat}, ${p.lng}`,
  coordinates_sexagesimal_read: (p: { lat: string; lng: string }) => `degrees, minutes and seconds read as ${p.lat}, ${p.lng}`,
  geometry_not_point: () => "the feature's geometry is not a point",
  point_in_no_district: () => 'the point lies in no district (at sea?)',
  expiry_not_after_issue: (p: { expiresOn: string; issuedOn: string }) => `expiry (${p.expiresOn}) is not after issue (${p.issuedOn})`,
  cancelled_before_issue: (p: { cancelledOn: string; issuedOn: string }) => `cancellation (${p.cancelledOn}) is before issue (${p.issuedOn})`,
  geometry_missing: () => 'no geometry: a GeoJSON polygon feature, or a WKT column (POLYGON((…)))',
  geometry_not_wkt: (p: { detail: string }) => `not WKT (${p.detail})`,
  geometry_not_polygon: () => 'not a Polygon or MultiPolygon',
  valid_to_before_from: (p: { validTo: string; validFrom: string }) => `end (${p.validTo}) before start (${p.validFrom})`,
  duplicate_in_file: (p: { firstRow: number }) => `duplicate of row ${p.firstRow} in this file`,
  already_in_pantau: (p: { origin: string }) => `already in Pantau (${p.origin})`,
  operation_already_in_pantau: (p: { origin: string }) => `already in Pantau (${p.origin}, the operation)`,
  registration_number_in_use: (p: { origin: string }) => `already in Pantau (${p.origin}, registration number already used)`,
  conflicts_outside_scope: () => 'conflicts with a record you cannot see; ask an administrator',
  unknown_direction: () => 'unknown direction (arrival/kedatangan or departure/keberangkatan)',
  unknown_entry_point: (p: { closest: string }) =>
    `no entry point (TPI) of this name in Pantau${p.closest ? `; closest: ${p.closest}` : ''}: import the entry points first, or write the name as Pantau has it`,
  not_a_month: () => 'not a month (accepted: 2024-06, 06/2024, Juni 2024, Jun 2024, or a date in the month)',
  person_without_name: () => "a passport Pantau does not know yet: give the holder's name to register the person",
  movement_count_missing: () => 'no count: give arrivals or departures (kedatangan/keberangkatan), or a direction and a count',
  outside_work_area: () => 'outside your work area: you may import only rows located in it',
} satisfies Record<string, (params: never) => string>;

/** What an import notes about a file as a whole (imported, but worth a look). */
const NOTES = {
  purpose_missing: () => 'Some rows give no purpose: they are imported as "work" (bekerja).',
  sponsor_not_found: (p: { name: string; row: number }) =>
    `Sponsors not found among the companies (imported without sponsor; import the companies first): e.g. "${p.name}" on row ${p.row}.`,
  office_not_found: (p: { name: string }) => `Offices not found among Pantau's immigration offices (operations imported without office): e.g. "${p.name}".`,
  placed_at_label_point: (p: { records: 'company_sites' | 'entry_points' | 'reports' }) =>
    `Some ${p.records.replace('_', ' ')} have no coordinates: they are placed at the label point of their district or regency.`,
  entry_points_unplaced: (p: { km: number; names: string }) =>
    `Entry points more than ${p.km} km from every area, imported without an area (check their coordinates): ${p.names}.`,
  imported_before: (p: { batch: string }) => `This file was imported before as batch ${p.batch}; nothing changed.`,
  header_row_found: (p: { rows: string; given: boolean; above: number; title: string }) =>
    `${p.given ? 'Header taken from' : 'Header found on'} row ${p.rows}${p.above ? `; the ${p.above} row(s) above it were left out${p.title ? ` (beginning "${p.title}")` : ''}` : ''}.`,
  table_footer: (p: { row: number; text: string; after: number }) =>
    `The table ends at row ${p.row} ("${p.text}"): that row${p.after ? ` and the ${p.after} row(s) below it` : ''} were not imported.`,
  unmapped_values: (p: { field: string; values: string }) =>
    `Values of ${p.field} that no vocabulary maps (rows refused; add a spelling to the vocabulary or fix the file): ${p.values}.`,
  passport_other_person: (p: { row: number; passport: string; nationality: string; field: 'holderName' | 'holderBirthDate'; held: string; given: string }) =>
    `Row ${p.row}: passport ${p.passport} (${p.nationality}) belongs to "${p.held}" in Pantau, the row says "${p.given}" (${p.field === 'holderName' ? 'name' : 'birth date'}); the permit is linked to the passport's holder: check which is right.`,
  coordinates_reprojected: (p: { from: string }) => `Coordinates reprojected from ${p.from} (the shapefile's .prj) to WGS 84.`,
  no_prj_degrees: (p: { layer: string }) => `The shapefile ${p.layer} has no .prj: its coordinates, degrees within Indonesia, were read as WGS 84.`,
  point_far_from_regency: (p: { row: number; km: number; named: string; namedCode: string; found: string; foundCode: string }) =>
    `Row ${p.row}: the point lies ${p.km} km outside ${p.named} (${p.namedCode}), the regency the row names; ${p.foundCode ? `it falls in ${p.found} (${p.foundCode}), where it is imported` : 'it falls in no regency'}: check the coordinates or the regency.`,
  person_not_identified: (p: { count: number; row: number }) =>
    `${p.count} permit(s) without a passport number match no earlier permit number: person not identified (each counts as one holder), e.g. row ${p.row}.`,
} satisfies Record<string, (params: never) => string>;

export type ImportReasonCode = keyof typeof REASONS;
export type ImportNoteCode = keyof typeof NOTES;
export type ImportReasonParams<C extends ImportReasonCode> = Parameters<(typeof REASONS)[C]> extends [infer P] ? P : Record<string, never>;
export type ImportNoteParams<C extends ImportNoteCode> = Parameters<(typeof NOTES)[C]> extends [infer P] ? P : Record<string, never>;

export const IMPORT_REASON_CODES = Object.keys(REASONS) as ImportReasonCode[];
export const IMPORT_NOTE_CODES = Object.keys(NOTES) as ImportNoteCode[];

/** A refusal: its code and parameters, and the English sentence (`reason`). */
export interface ImportReason {
  code: ImportReasonCode;
  params: Params;
  reason: string;
}

/** A note on the file: its code and parameters, and the English sentence (`message`). */
export interface ImportNote {
  code: ImportNoteCode;
  params: Params;
  message: string;
}

/** A refusal with its English sentence. */
export function importReason<C extends ImportReasonCode>(
  code: C,
  ...params: Record<never, never> extends ImportReasonParams<C> ? [params?: ImportReasonParams<C>] : [params: ImportReasonParams<C>]
): ImportReason {
  const given = (params[0] ?? {}) as Params;
  return { code, params: given, reason: (REASONS[code] as (p: Params) => string)(given) };
}

/** A note with its English sentence. */
export function importNote<C extends ImportNoteCode>(
  code: C,
  ...params: Record<never, never> extends ImportNoteParams<C> ? [params?: ImportNoteParams<C>] : [params: ImportNoteParams<C>]
): ImportNote {
  const given = (params[0] ?? {}) as Params;
  return { code, params: given, message: (NOTES[code] as (p: Params) => string)(given) };
}

/** "a, b, c" for an `expected` parameter. */
export const expectedValues = (values: readonly string[]) => list([...new Set(values)]);
