// Column headers officers' spreadsheets use, per import kind and field. Data, not code: add a
// spelling here and every import understands it. Matching ignores case, spaces, dots, dashes,
// underscores and diacritics (see normaliseHeader).

export const IMPORT_KINDS = ['permits', 'companies', 'operations', 'risk-areas', 'entry-points', 'reports', 'movements', 'meetings'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

const COMMON_AREA = {
  districtCode: ['kode kecamatan', 'kode kec', 'district code', 'district_code', 'kd kec'],
  district: ['kecamatan', 'kec', 'district'],
  regencyCode: ['kode kabupaten', 'kode kab', 'kode kabupaten/kota', 'kode kab/kota', 'regency code', 'regency_code', 'kd kab'],
  regency: ['kabupaten', 'kabupaten/kota', 'kab/kota', 'kota', 'kab', 'regency', 'city', 'regency/city'],
  province: ['provinsi', 'prov', 'province'],
  lat: ['lat', 'latitude', 'lintang', 'y'],
  lng: ['lng', 'lon', 'long', 'longitude', 'bujur', 'x'],
};

export const HEADER_SYNONYMS: Record<ImportKind, Record<string, readonly string[]>> = {
  permits: {
    permitNumber: [
      'no izin tinggal',
      'nomor izin tinggal',
      'no. izin tinggal',
      'nomor itas',
      'no itas',
      'nomor itap',
      'no itap',
      'nomor kitas',
      'no kitas',
      'permit no',
      'permit_no',
      'permit number',
      'nomor izin',
      'no izin',
    ],
    permitType: ['jenis izin', 'jenis izin tinggal', 'tipe izin', 'permit type', 'permit_type', 'type', 'jenis'],
    purpose: ['tujuan', 'maksud', 'tujuan tinggal', 'purpose', 'keperluan'],
    nationality: ['kewarganegaraan', 'negara', 'warga negara', 'kebangsaan', 'nationality', 'citizenship', 'country'],
    sex: ['jenis kelamin', 'jk', 'l/p', 'kelamin', 'sex', 'gender'],
    holderName: ['nama', 'nama lengkap', 'nama pemegang', 'nama wna', 'name', 'full name', 'holder name', 'holder'],
    sponsor: ['penjamin', 'sponsor', 'nama penjamin', 'perusahaan', 'perusahaan penjamin', 'company', 'employer'],
    issuedOn: ['tgl terbit', 'tanggal terbit', 'tanggal penerbitan', 'tgl berlaku', 'berlaku dari', 'issued', 'issued on', 'issue date', 'valid from'],
    expiresOn: [
      'tgl berakhir',
      'tanggal berakhir',
      'berlaku sampai',
      'berlaku s/d',
      'masa berlaku',
      'expires',
      'expires on',
      'expiry date',
      'valid until',
      'valid to',
    ],
    cancelledOn: ['tgl pembatalan', 'tanggal pembatalan', 'tgl batal', 'dibatalkan', 'cancelled', 'cancelled on', 'cancellation date'],
    passportNumber: ['no paspor', 'nomor paspor', 'no. paspor', 'paspor', 'passport', 'passport no', 'passport number', 'passport_no'],
    holderBirthDate: ['tgl lahir', 'tanggal lahir', 'lahir', 'birth date', 'date of birth', 'dob', 'birth_date'],
    ...COMMON_AREA,
  },
  companies: {
    name: ['nama perusahaan', 'perusahaan', 'nama', 'company', 'company name', 'name'],
    registrationNumber: ['nib', 'no nib', 'nomor induk berusaha', 'npwp', 'registration number', 'registration_number', 'reg no'],
    sector: ['sektor', 'bidang usaha', 'sector', 'industry'],
    siteName: ['lokasi', 'nama lokasi', 'alamat lokasi', 'site', 'site name'],
    ...COMMON_AREA,
  },
  operations: {
    date: ['tanggal', 'tgl', 'tanggal operasi', 'tgl operasi', 'date', 'operation date'],
    team: ['tim', 'timpora', 'team'],
    office: ['kantor', 'kanim', 'kantor imigrasi', 'office'],
    operationNotes: ['catatan operasi', 'catatan', 'operation notes'],
    targetNumber: ['no sasaran', 'nomor sasaran', 'nomor urut sasaran', 'target no', 'target number'],
    place: ['tempat', 'lokasi', 'sasaran', 'target', 'place'],
    targetKind: ['jenis tempat', 'jenis sasaran', 'kind', 'place type'],
    foreignersChecked: ['jumlah wna diperiksa', 'wna diperiksa', 'diperiksa', 'foreigners checked', 'checked'],
    violations: ['pelanggaran', 'jumlah pelanggaran', 'violations'],
    outcome: ['kesimpulan', 'hasil pemeriksaan', 'outcome'],
    findings: ['temuan', 'hasil', 'keterangan', 'findings', 'notes'],
    // Several actions on one target: the three cells hold lists separated by ";" ("Deportasi; Detensi", "2; 1", "CHN; NGA").
    actionKind: ['tak', 'tindakan', 'tindakan administratif', 'action', 'enforcement action'],
    actionCount: ['jumlah tak', 'jumlah tindakan', 'action count'],
    actionNationality: ['kewarganegaraan pelanggar', 'negara pelanggar', 'violator nationality'],
    ...COMMON_AREA,
  },
  'risk-areas': {
    name: ['nama', 'nama kerawanan', 'name'],
    category: ['kategori', 'jenis kerawanan', 'potensi kerawanan', 'category'],
    severity: ['tingkat', 'tingkat kerawanan', 'severity', 'level'],
    validFrom: ['berlaku dari', 'tgl mulai', 'valid from', 'from'],
    validTo: ['berlaku sampai', 'tgl selesai', 'valid to', 'to'],
    source: ['sumber', 'source'],
    description: ['keterangan', 'uraian', 'description'],
    wkt: ['wkt', 'geometri', 'geometry', 'geom'],
    ...COMMON_AREA,
  },
  'entry-points': {
    name: ['nama', 'nama tpi', 'tpi', 'name', 'nama pelabuhan', 'nama bandara', 'nama bandar udara', 'nama plbn', 'nama lokasi', 'namobj', 'title'],
    kind: ['jenis', 'jenis tpi', 'kind', 'type', 'category', 'kategori', 'jenis pelabuhan', 'klasifikasi', 'kelas', 'fungsi'],
    ...COMMON_AREA,
  },
  reports: {
    receivedAt: ['tanggal', 'tgl laporan', 'tanggal laporan', 'waktu', 'received', 'received at', 'date'],
    channel: ['saluran', 'kanal', 'media', 'channel'],
    category: ['kategori', 'jenis laporan', 'category'],
    status: ['status', 'status laporan'],
    summary: ['ringkasan', 'isi laporan', 'uraian', 'summary'],
    ...COMMON_AREA,
  },
  // Coordination meetings (issue 22): one meeting per row; lists (attendees, agenda) separated by ; or new lines.
  meetings: {
    date: ['tanggal', 'tgl', 'tanggal rapat', 'tgl rapat', 'hari/tanggal', 'date', 'meeting date'],
    title: ['judul', 'nama rapat', 'acara', 'kegiatan', 'nama kegiatan', 'title', 'meeting'],
    venue: ['tempat', 'tempat rapat', 'lokasi', 'lokasi rapat', 'venue', 'place'],
    organiser: ['penyelenggara', 'kantor imigrasi', 'kanim', 'pelaksana', 'organiser', 'organizer'],
    attendees: ['peserta', 'instansi', 'instansi hadir', 'instansi peserta', 'yang hadir', 'hadir', 'attendees', 'participants'],
    agenda: ['agenda', 'pokok bahasan', 'materi', 'topik', 'topics'],
    notes: ['catatan', 'hasil', 'hasil rapat', 'kesimpulan', 'keterangan', 'notes', 'outcome'],
    ...COMMON_AREA,
  },
  // Two shapes (issue 20): one crossing per row (passport, direction, date, checkpoint), or monthly
  // counts per checkpoint and nationality (arrivals and departures columns, or a direction and a count).
  movements: {
    passportNumber: ['no paspor', 'nomor paspor', 'no. paspor', 'paspor', 'passport', 'passport no', 'passport number', 'passport_no', 'passport_number'],
    nationality: ['kewarganegaraan', 'negara', 'warga negara', 'kebangsaan', 'nationality', 'citizenship', 'country'],
    holderName: ['nama', 'nama lengkap', 'nama wna', 'name', 'full name', 'holder name', 'holder_name'],
    sex: ['jenis kelamin', 'jk', 'l/p', 'kelamin', 'sex', 'gender'],
    holderBirthDate: ['tgl lahir', 'tanggal lahir', 'lahir', 'birth date', 'date of birth', 'dob', 'birth_date'],
    direction: ['arah', 'jenis perlintasan', 'perlintasan', 'datang/berangkat', 'kedatangan/keberangkatan', 'direction', 'movement', 'in/out', 'arr/dep'],
    date: ['tanggal', 'tgl', 'tanggal perlintasan', 'tgl perlintasan', 'tanggal kedatangan', 'tanggal keberangkatan', 'date', 'crossing date', 'travel date'],
    entryPoint: [
      'tpi',
      'nama tpi',
      'tempat pemeriksaan imigrasi',
      'pelabuhan',
      'bandara',
      'bandar udara',
      'pos lintas batas',
      'plbn',
      'entry point',
      'entry_point',
      'checkpoint',
      'port',
    ],
    month: ['bulan', 'periode', 'bulan/tahun', 'month', 'period'],
    arrivals: ['kedatangan', 'jumlah kedatangan', 'datang', 'arrivals', 'arrival'],
    departures: ['keberangkatan', 'jumlah keberangkatan', 'berangkat', 'departures', 'departure'],
    count: ['jumlah', 'total', 'jumlah orang', 'count', 'persons', 'people'],
    ...COMMON_AREA,
  },
};

/** "No. Izin Tinggal" → "no izin tinggal"; "Kab/Kota" → "kab/kota"; accents dropped. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[._\-–—:()]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Field for each header of a file (undefined = unknown column), by the synonyms above. */
export function mapHeaders(kind: ImportKind, headers: readonly string[], overrides: Record<string, string> = {}): Array<string | undefined> {
  const lookup = new Map<string, string>();
  for (const [field, synonyms] of Object.entries(HEADER_SYNONYMS[kind])) {
    lookup.set(normaliseHeader(field), field);
    for (const s of synonyms) if (!lookup.has(normaliseHeader(s))) lookup.set(normaliseHeader(s), field);
  }
  const used = new Set<string>();
  return headers.map((header) => {
    const field = overrides[header] ?? lookup.get(normaliseHeader(header));
    if (!field || used.has(field)) return undefined;
    used.add(field);
    return field;
  });
}
