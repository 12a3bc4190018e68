// Spellings officers use for closed vocabularies, mapped to Pantau's values. Data, not code.

/** Nationality spellings the country-name tables miss (normalised: lower case, no accents). */
export const NATIONALITY_ALIASES: Readonly<Record<string, string>> = {
  tiongkok: 'CHN', cina: 'CHN', china: 'CHN', rrt: 'CHN', rrc: 'CHN', 'republik rakyat tiongkok': 'CHN', prc: 'CHN', 'tiongkok (rrt)': 'CHN',
  taiwan: 'TWN', 'hong kong': 'HKG', hongkong: 'HKG',
  korea: 'KOR', korsel: 'KOR', 'korea selatan': 'KOR', 'south korea': 'KOR', 'republic of korea': 'KOR', 'korea utara': 'PRK',
  inggris: 'GBR', 'britania raya': 'GBR', uk: 'GBR', 'united kingdom': 'GBR', england: 'GBR', britain: 'GBR',
  amerika: 'USA', 'amerika serikat': 'USA', as: 'USA', usa: 'USA', 'united states': 'USA', 'united states of america': 'USA',
  rusia: 'RUS', russia: 'RUS', vietnam: 'VNM', 'viet nam': 'VNM', 'timor leste': 'TLS', 'timor-leste': 'TLS', belanda: 'NLD', jerman: 'DEU',
  prancis: 'FRA', perancis: 'FRA', filipina: 'PHL', jepang: 'JPN', 'selandia baru': 'NZL', 'papua nugini': 'PNG', turki: 'TUR', turkey: 'TUR',
};

export const PERMIT_TYPE_ALIASES: Readonly<Record<string, 'itas' | 'itap' | 'visit'>> = {
  itas: 'itas', kitas: 'itas', 'e-itas': 'itas', 'izin tinggal terbatas': 'itas', 'limited stay permit': 'itas', 'kitas elektronik': 'itas',
  itap: 'itap', kitap: 'itap', 'e-itap': 'itap', 'izin tinggal tetap': 'itap', 'permanent stay permit': 'itap',
  visit: 'visit', itk: 'visit', 'izin tinggal kunjungan': 'visit', 'visa kunjungan': 'visit', voa: 'visit', 'visa on arrival': 'visit', 'visit permit': 'visit', kunjungan: 'visit',
};

export const PURPOSE_ALIASES: Readonly<Record<string, 'work' | 'family' | 'investment' | 'study' | 'retirement'>> = {
  work: 'work', kerja: 'work', bekerja: 'work', pekerja: 'work', tka: 'work', 'tenaga kerja asing': 'work', 'tenaga ahli': 'work', expert: 'work', employment: 'work',
  family: 'family', keluarga: 'family', 'penyatuan keluarga': 'family', 'kawin campur': 'family', 'perkawinan campuran': 'family', spouse: 'family',
  investment: 'investment', investasi: 'investment', investor: 'investment', 'penanam modal': 'investment',
  study: 'study', studi: 'study', belajar: 'study', pelajar: 'study', mahasiswa: 'study', student: 'study', pendidikan: 'study',
  retirement: 'retirement', lansia: 'retirement', pensiun: 'retirement', 'wisatawan lanjut usia': 'retirement', retiree: 'retirement',
};

export const SEX_ALIASES: Readonly<Record<string, 'male' | 'female'>> = {
  l: 'male', lk: 'male', 'laki-laki': 'male', 'laki laki': 'male', pria: 'male', m: 'male', male: 'male',
  p: 'female', pr: 'female', perempuan: 'female', wanita: 'female', f: 'female', female: 'female', w: 'female',
};

/** Lower case, accents dropped, inner spaces collapsed. */
/**
 * Entry-point kinds as ministries' registers and portals name them: the whole value, or its first
 * words ("Pelabuhan Utama", "Bandar Udara Internasional …", "PLBN Entikong"). Longer prefixes first.
 */
export const ENTRY_POINT_KIND_PREFIXES: ReadonlyArray<readonly [string, 'airport' | 'seaport' | 'land_border']> = [
  ['pos pemeriksaan lintas batas', 'land_border'], ['pos lintas batas negara', 'land_border'], ['pos lintas batas', 'land_border'], ['plbn', 'land_border'], ['pplb', 'land_border'],
  ['lintas batas darat', 'land_border'], ['land border', 'land_border'], ['darat', 'land_border'],
  ['terminal untuk kepentingan sendiri', 'seaport'], ['terminal khusus', 'seaport'], ['tuks', 'seaport'], ['tersus', 'seaport'], ['pelabuhan', 'seaport'], ['seaport', 'seaport'], ['sea port', 'seaport'], ['port', 'seaport'], ['laut', 'seaport'], ['tpi laut', 'seaport'],
  ['bandar udara', 'airport'], ['bandara', 'airport'], ['airport', 'airport'], ['udara', 'airport'], ['tpi udara', 'airport'],
];

export function normaliseValue(value: string): string {
  return value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
