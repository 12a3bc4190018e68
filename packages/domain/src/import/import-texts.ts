// The words of import reasons and notes in both languages, for every place that shows them: the web
// import page and the command line (`pnpm pantau import … --lang id|en`). A reason is a stable code
// with parameters (import-reasons.ts); its text is worded here from the code, `{{name}}` taking a
// parameter and `_one`/`_other` the plural form of a count (English; Indonesian has one form).
import type { ImportNote, ImportReason } from './import-reasons.js';

export type ImportTextLang = 'id' | 'en';

export const IMPORT_TEXTS = {
  id: {
    reasons: {
      required_empty: 'wajib diisi, kosong',
      empty: 'kosong',
      not_a_date: 'bukan tanggal (yang diterima: 13/06/2024, 2024-06-13, 13-Jun-2024, 13 Juni 2024)',
      two_digit_year: 'tahun dua angka: tulis tahun lengkap (misalnya 13/06/2024)',
      unknown_nationality: 'kewarganegaraan tidak dikenal (nama negara dalam bahasa Indonesia atau Inggris, atau kode ISO seperti CHN atau CN)',
      unknown_permit_type: 'jenis izin tidak dikenal (salah satu dari: {{expected}})',
      unknown_purpose: 'tujuan tinggal tidak dikenal (salah satu dari: {{expected}})',
      unknown_sex: 'jenis kelamin tidak dikenal (salah satu dari: {{expected}})',
      unknown_sector: 'sektor tidak dikenal (salah satu dari: {{expected}}, atau kata seperti tambang, manufaktur, perkebunan)',
      unknown_risk_category: 'kategori kerawanan tidak dikenal (salah satu dari: {{expected}})',
      unknown_severity: 'tingkat tidak dikenal (rendah/sedang/tinggi atau low/medium/high)',
      unknown_action: 'tindakan administratif (TAK) tidak dikenal (salah satu dari: {{expected}})',
      unknown_target_kind: 'jenis sasaran tidak dikenal (salah satu dari: {{expected}})',
      unknown_outcome: 'hasil tidak dikenal (salah satu dari: {{expected}})',
      unknown_entry_point_kind: 'jenis TPI tidak dikenal (salah satu dari: {{expected}})',
      unknown_channel: 'saluran tidak dikenal (salah satu dari: {{expected}})',
      unknown_report_status: 'status tidak dikenal (salah satu dari: {{expected}})',
      unknown_report_category: 'kategori tidak dikenal (salah satu dari: {{expected}})',
      not_whole_number: 'bukan bilangan bulat ≥ 0',
      not_positive_whole_number: 'bukan bilangan bulat ≥ 1',
      list_item: 'butir ke-{{index}} («{{item}}»): {{reason}}',
      action_counts_mismatch: '{{counts}} jumlah untuk {{actions}} tindakan',
      action_nationalities_mismatch: '{{nationalities}} kewarganegaraan untuk {{actions}} tindakan',
      action_empty_item: 'ada butir kosong dalam daftar tindakan',
      violations_over_checked: 'pelanggaran ({{violations}}) lebih banyak daripada WNA diperiksa ({{checked}})',
      outcome_no_violation_counted: 'tertulis tidak ada pelanggaran, tetapi tercatat {{violations}} pelanggaran',
      area_code_unknown: 'tidak ada {{level}} dengan kode {{code}}',
      area_name_ambiguous: 'nama {{level}} «{{name}}» bermakna ganda: {{candidates}}; tulis kodenya atau wilayah induknya',
      area_name_unknown: '{{level}} «{{name}}» tidak dikenal',
      area_name_unknown_closest: '{{level}} «{{name}}» tidak dikenal; yang paling mirip: {{closest}}',
      district_outside_regency: 'kecamatan {{district}} tidak berada di {{regency}}',
      no_area: 'tanpa wilayah: isi kecamatan atau kabupaten/kota (kode atau nama), atau koordinat',
      no_label_point: 'wilayah ini tidak punya titik label',
      coordinates_incomplete: 'isi lintang dan bujur sekaligus',
      coordinates_not_number: 'bukan angka dalam derajat desimal',
      coordinates_swapped: 'lintang dan bujur tampaknya tertukar ({{lat}}, {{lng}})',
      coordinates_zero: '0, 0 hanyalah pengisi, bukan tempat: isi koordinat yang sebenarnya',
      coordinates_swapped_fixed: 'lintang dan bujur tertukar: dibaca sebagai {{lat}}, {{lng}}',
      coordinates_sexagesimal_read: 'derajat, menit, detik dibaca sebagai {{lat}}, {{lng}}',
      geometry_not_point: 'geometri fitur ini bukan titik',
      coordinates_outside_indonesia: 'di luar Indonesia ({{bbox}})',
      point_in_no_district: 'titik ini tidak berada di kecamatan mana pun (di laut?)',
      expiry_not_after_issue: 'tanggal berakhir ({{expiresOn}}) tidak sesudah tanggal terbit ({{issuedOn}})',
      cancelled_before_issue: 'tanggal pembatalan ({{cancelledOn}}) sebelum tanggal terbit ({{issuedOn}})',
      geometry_missing: 'tanpa geometri: fitur poligon GeoJSON, atau kolom WKT (POLYGON((…)))',
      geometry_not_wkt: 'bukan WKT ({{detail}})',
      geometry_not_polygon: 'bukan Polygon atau MultiPolygon',
      valid_to_before_from: 'akhir ({{validTo}}) sebelum awal ({{validFrom}})',
      duplicate_in_file: 'sama dengan baris {{firstRow}} dalam berkas ini',
      already_in_pantau: 'sudah ada di Pantau ({{origin}})',
      operation_already_in_pantau: 'operasinya sudah ada di Pantau ({{origin}})',
      registration_number_in_use: 'nomor NIB/NPWP sudah dipakai perusahaan lain di Pantau ({{origin}})',
      conflicts_outside_scope: 'bentrok dengan data yang tidak dapat Anda lihat; hubungi administrator',
      unknown_direction: 'arah tidak dikenal (kedatangan/arrival atau keberangkatan/departure)',
      unknown_entry_point: 'tidak ada TPI dengan nama ini di Pantau: impor dahulu TPI-nya, atau tulis namanya seperti di Pantau',
      unknown_entry_point_closest: 'tidak ada TPI dengan nama ini di Pantau; yang paling mirip: {{closest}}',
      not_a_month: 'bukan bulan (yang diterima: 2024-06, 06/2024, Juni 2024, Jun 2024, atau tanggal dalam bulan itu)',
      person_without_name: 'paspor yang belum dikenal Pantau: isi nama pemegangnya untuk mendaftarkan orangnya',
      movement_count_missing: 'tanpa jumlah: isi kedatangan atau keberangkatan, atau arah dan jumlahnya',
      outside_work_area: 'di luar wilayah kerja Anda: Anda hanya boleh mengimpor baris yang berlokasi di dalamnya',
      orCoordinates: '; atau isi lintang dan bujur',
    },
    notes: {
      purpose_missing: 'Sebagian baris tidak menyebut tujuan tinggal: diimpor sebagai «bekerja».',
      sponsor_not_found:
        'Penjamin tidak ditemukan di antara perusahaan (diimpor tanpa penjamin; impor dulu daftar perusahaan): misalnya «{{name}}» di baris {{row}}.',
      office_not_found: 'Kantor tidak ditemukan di antara kantor imigrasi Pantau (operasi diimpor tanpa kantor): misalnya «{{name}}».',
      placed_at_label_point: 'Sebagian {{records}} tidak punya koordinat: ditempatkan di titik label kecamatan atau kabupaten/kotanya.',
      entry_points_unplaced: 'TPI yang berjarak lebih dari {{km}} km dari semua wilayah diimpor tanpa wilayah (periksa koordinatnya): {{names}}.',
      imported_before: 'Berkas ini sudah pernah diimpor sebagai batch {{batch}}; tidak ada yang berubah.',
      header_row_found: 'Judul kolom diambil dari baris {{rows}}; {{above}} baris di atasnya dilewati.',
      table_footer: 'Tabel berakhir di baris {{row}} («{{text}}»): baris itu dan {{after}} baris di bawahnya tidak diimpor.',
      unmapped_values:
        'Nilai {{field}} yang tidak dikenal kosakata Pantau (barisnya ditolak; tambahkan ejaannya ke kosakata atau perbaiki berkas): {{values}}.',
      passport_other_person:
        'Baris {{row}}: paspor {{passport}} ({{nationality}}) di Pantau milik «{{held}}», baris ini menulis «{{given}}»; izinnya dikaitkan dengan pemegang paspor: periksa mana yang benar.',
      coordinates_reprojected: 'Koordinat diproyeksikan ulang dari {{from}} (berkas .prj shapefile) ke WGS 84.',
      no_prj_degrees: 'Shapefile {{layer}} tidak punya berkas .prj: koordinatnya, derajat di dalam wilayah Indonesia, dibaca sebagai WGS 84.',
      point_far_from_regency:
        'Baris {{row}}: titiknya {{km}} km di luar {{named}} ({{namedCode}}), kabupaten/kota yang disebut baris itu; titik itu jatuh di {{found}} ({{foundCode}}) dan diimpor di sana: periksa koordinat atau kabupaten/kotanya.',
      point_far_from_regency_nowhere:
        'Baris {{row}}: titiknya {{km}} km di luar {{named}} ({{namedCode}}), kabupaten/kota yang disebut baris itu, dan tidak jatuh di kabupaten/kota mana pun: periksa koordinat atau kabupaten/kotanya.',
      person_not_identified:
        '{{count}} izin tanpa nomor paspor tidak cocok dengan nomor izin sebelumnya: orangnya tidak teridentifikasi (masing-masing dihitung satu orang), misalnya baris {{row}}.',
    },
    reasonLevels: {
      province: 'provinsi',
      regency: 'kabupaten/kota',
      district: 'kecamatan',
    },
    noteRecords: {
      company_sites: 'lokasi perusahaan',
      entry_points: 'TPI',
      reports: 'laporan',
    },
  },
  en: {
    reasons: {
      required_empty: 'required, empty',
      empty: 'empty',
      not_a_date: 'not a date (accepted: 13/06/2024, 2024-06-13, 13-Jun-2024, 13 Juni 2024)',
      two_digit_year: 'two-digit year: write the year in full (e.g. 13/06/2024)',
      unknown_nationality: 'unknown nationality (a country name in Indonesian or English, or an ISO code such as CHN or CN)',
      unknown_permit_type: 'unknown permit type (expected one of: {{expected}})',
      unknown_purpose: 'unknown purpose (expected one of: {{expected}})',
      unknown_sex: 'unknown sex (expected one of: {{expected}})',
      unknown_sector: 'unknown sector (one of: {{expected}}, or words such as tambang, manufaktur, perkebunan)',
      unknown_risk_category: 'unknown risk category (one of: {{expected}})',
      unknown_severity: 'unknown severity (rendah/sedang/tinggi or low/medium/high)',
      unknown_action: 'unknown administrative action (TAK) (one of: {{expected}})',
      unknown_target_kind: 'unknown kind of place (one of: {{expected}})',
      unknown_outcome: 'unknown outcome (one of: {{expected}})',
      unknown_entry_point_kind: 'unknown checkpoint kind (one of: {{expected}})',
      unknown_channel: 'unknown channel (one of: {{expected}})',
      unknown_report_status: 'unknown status (one of: {{expected}})',
      unknown_report_category: 'unknown category (one of: {{expected}})',
      not_whole_number: 'not a whole number ≥ 0',
      not_positive_whole_number: 'not a whole number ≥ 1',
      list_item: 'item {{index}} (“{{item}}”): {{reason}}',
      action_counts_mismatch_one: '{{counts}} count for {{actions}} actions',
      action_counts_mismatch_other: '{{counts}} counts for {{actions}} actions',
      action_nationalities_mismatch_one: '{{nationalities}} nationality for {{actions}} actions',
      action_nationalities_mismatch_other: '{{nationalities}} nationalities for {{actions}} actions',
      action_empty_item: 'an empty item in the list of actions',
      violations_over_checked: 'more violations ({{violations}}) than foreigners checked ({{checked}})',
      outcome_no_violation_counted_one: 'says no violation, but {{violations}} violation is counted',
      outcome_no_violation_counted_other: 'says no violation, but {{violations}} violations are counted',
      area_code_unknown: 'no {{level}} with code {{code}}',
      area_name_ambiguous: 'ambiguous {{level}} name “{{name}}”: {{candidates}}; give the code or the parent area',
      area_name_unknown: 'unknown {{level}} “{{name}}”',
      area_name_unknown_closest: 'unknown {{level}} “{{name}}”; closest: {{closest}}',
      district_outside_regency: 'district {{district}} is not in {{regency}}',
      no_area: 'no area: give a district or regency (code or name), or coordinates',
      no_label_point: 'the area has no label point',
      coordinates_incomplete: 'give both latitude and longitude',
      coordinates_not_number: 'not a number in decimal degrees',
      coordinates_swapped: 'latitude and longitude look swapped ({{lat}}, {{lng}})',
      coordinates_zero: '0, 0 is a placeholder, not a place: give the real coordinates',
      coordinates_swapped_fixed: 'latitude and longitude were the other way round: read as {{lat}}, {{lng}}',
      coordinates_sexagesimal_read: 'degrees, minutes and seconds read as {{lat}}, {{lng}}',
      geometry_not_point: "the feature's geometry is not a point",
      coordinates_outside_indonesia: 'outside Indonesia ({{bbox}})',
      point_in_no_district: 'the point lies in no district (at sea?)',
      expiry_not_after_issue: 'expiry ({{expiresOn}}) is not after issue ({{issuedOn}})',
      cancelled_before_issue: 'cancellation ({{cancelledOn}}) is before issue ({{issuedOn}})',
      geometry_missing: 'no geometry: a GeoJSON polygon feature, or a WKT column (POLYGON((…)))',
      geometry_not_wkt: 'not WKT ({{detail}})',
      geometry_not_polygon: 'not a Polygon or MultiPolygon',
      valid_to_before_from: 'end ({{validTo}}) before start ({{validFrom}})',
      duplicate_in_file: 'duplicate of row {{firstRow}} in this file',
      already_in_pantau: 'already in Pantau ({{origin}})',
      operation_already_in_pantau: 'the operation is already in Pantau ({{origin}})',
      registration_number_in_use: 'registration number already used by another company in Pantau ({{origin}})',
      conflicts_outside_scope: 'conflicts with a record you cannot see; ask an administrator',
      unknown_direction: 'unknown direction (arrival/kedatangan or departure/keberangkatan)',
      unknown_entry_point: 'no entry point (checkpoint) of this name in Pantau: import the entry points first, or write the name as Pantau has it',
      unknown_entry_point_closest: 'no entry point (checkpoint) of this name in Pantau; closest: {{closest}}',
      not_a_month: 'not a month (accepted: 2024-06, 06/2024, Juni 2024, Jun 2024, or a date in the month)',
      person_without_name: "a passport Pantau does not know yet: give the holder's name to register the person",
      movement_count_missing: 'no count: give arrivals or departures (kedatangan/keberangkatan), or a direction and a count',
      outside_work_area: 'outside your work area: you may import only rows located in it',
      orCoordinates: '; or give latitude and longitude',
    },
    notes: {
      purpose_missing: 'Some rows give no purpose: they are imported as “work” (bekerja).',
      sponsor_not_found: 'Sponsors not found among the companies (imported without sponsor; import the companies first): e.g. “{{name}}” on row {{row}}.',
      office_not_found: "Offices not found among Pantau's immigration offices (operations imported without office): e.g. “{{name}}”.",
      placed_at_label_point: 'Some {{records}} have no coordinates: they are placed at the label point of their district or regency.',
      entry_points_unplaced: 'Checkpoints more than {{km}} km from every area, imported without an area (check their coordinates): {{names}}.',
      imported_before: 'This file was imported before as batch {{batch}}; nothing changed.',
      header_row_found: 'Header taken from row {{rows}}; {{above}} row(s) above it left out.',
      table_footer: 'The table ends at row {{row}} ("{{text}}"): that row and the {{after}} row(s) below it were not imported.',
      unmapped_values: 'Values of {{field}} that no vocabulary maps (rows refused; add a spelling to the vocabulary or fix the file): {{values}}.',
      passport_other_person:
        "Row {{row}}: passport {{passport}} ({{nationality}}) belongs to “{{held}}” in Pantau, the row says “{{given}}”; the permit is linked to the passport's holder: check which is right.",
      coordinates_reprojected: "Coordinates reprojected from {{from}} (the shapefile's .prj) to WGS 84.",
      no_prj_degrees: 'The shapefile {{layer}} has no .prj: its coordinates, degrees within Indonesia, were read as WGS 84.',
      point_far_from_regency:
        'Row {{row}}: the point lies {{km}} km outside {{named}} ({{namedCode}}), the regency the row names; it falls in {{found}} ({{foundCode}}), where it is imported: check the coordinates or the regency.',
      point_far_from_regency_nowhere:
        'Row {{row}}: the point lies {{km}} km outside {{named}} ({{namedCode}}), the regency the row names, and falls in no regency: check the coordinates or the regency.',
      person_not_identified:
        '{{count}} permit(s) without a passport number match no earlier permit number: person not identified (each counts as one holder), e.g. row {{row}}.',
    },
    reasonLevels: {
      province: 'province',
      regency: 'regency/city',
      district: 'district',
    },
    noteRecords: {
      company_sites: 'company sites',
      entry_points: 'checkpoints',
      reports: 'reports',
    },
  },
} as const;

type Params = Record<string, string | number | boolean>;
type Messages = Readonly<Record<string, string>>;

/** How an origin a reason names ("already in Pantau (…)") reads: the demo, the reference data, an import's file and date. */
export type ImportOriginLabel = (origin: string) => string;

/** Reasons whose text counts something: the parameter that chooses the plural form. */
const PLURAL_COUNTS: Record<string, string> = {
  action_counts_mismatch: 'counts',
  action_nationalities_mismatch: 'nationalities',
  outcome_no_violation_counted: 'violations',
};

function fill(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (values[name] === undefined ? whole : String(values[name])));
}

/** The message `key` in `messages`, in its plural form for `count` where it has one; undefined when absent. */
function message(lang: ImportTextLang, messages: Messages, key: string, count: number | undefined): string | undefined {
  if (count !== undefined) {
    const plural = messages[`${key}_${new Intl.PluralRules(lang).select(count)}`] ?? messages[`${key}_other`];
    if (plural !== undefined) return plural;
  }
  return messages[key];
}

function reasonText(lang: ImportTextLang, code: string, params: Params, fallback: string, originLabel: ImportOriginLabel): string {
  const texts = IMPORT_TEXTS[lang];
  const values: Record<string, unknown> = { ...params };
  if (typeof params.level === 'string') values.level = (texts.reasonLevels as Messages)[params.level] ?? params.level;
  if (typeof params.origin === 'string') values.origin = originLabel(params.origin);
  if (code === 'list_item' && typeof params.inner === 'string')
    values.reason = reasonText(lang, params.inner, params, String(params.reason ?? ''), originLabel);
  const countOf = PLURAL_COUNTS[code];
  const count = countOf !== undefined && typeof params[countOf] === 'number' ? params[countOf] : undefined;
  const key = (code === 'area_name_unknown' || code === 'unknown_entry_point') && params.closest ? `${code}_closest` : code;
  const template = message(lang, texts.reasons, key, count);
  if (template === undefined) return fallback;
  const text = fill(template, values);
  return params.orCoordinates === true ? `${text}${texts.reasons.orCoordinates}` : text;
}

/**
 * Why the import refused a row, in `lang`. A report stored before codes existed, or a code this
 * version does not know, keeps the English sentence it came with.
 */
export function importReasonText(
  lang: ImportTextLang,
  issue: Pick<ImportReason, 'reason'> & { code?: string; params?: Params },
  originLabel: ImportOriginLabel = (origin) => origin,
): string {
  if (!issue.code) return issue.reason;
  return reasonText(lang, issue.code, issue.params ?? {}, issue.reason, originLabel);
}

/** A note on the whole file, in `lang` (its English sentence for a code this version does not know). */
export function importNoteText(lang: ImportTextLang, note: Pick<ImportNote, 'params' | 'message'> & { code: string }): string {
  const texts = IMPORT_TEXTS[lang];
  const values: Record<string, unknown> = { ...note.params };
  if (typeof note.params.records === 'string') values.records = (texts.noteRecords as Messages)[note.params.records] ?? note.params.records;
  const key = note.code === 'point_far_from_regency' && !note.params.foundCode ? 'point_far_from_regency_nowhere' : note.code;
  const template = (texts.notes as Messages)[key];
  return template === undefined ? note.message : fill(template, values);
}
