// UI text in Bahasa Indonesia (the default) and English. Every language has every key: the type of
// the Indonesian dictionary is the contract the English one must meet.

export const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];

const id = {
  title: 'Pantau',
  subtitle: 'Pemantauan Orang Asing — Timpora',
  asOfLabel: 'Data per',
  demoBadge: 'Data demo',
  demoBadgeTitle: 'Data sintetis untuk demonstrasi, bukan data sebenarnya',
  levelLabel: 'Tingkat wilayah',
  levelProvince: 'Provinsi',
  levelRegency: 'Kabupaten/Kota',
  mapLabel: 'Peta jumlah pemegang ITAS dan ITAP per wilayah',
  legendTitle: 'Pemegang ITAS + ITAP',
  legendMethod: (classCount: number) => `Kelas: Jenks (ckmeans), ${classCount} kelas`,
  noData: 'Tidak ada data',
  hoverHint: 'Arahkan kursor ke wilayah untuk melihat nama dan jumlahnya.',
  holders: 'pemegang ITAS/ITAP',
  itas: 'ITAS',
  itap: 'ITAP',
  topNationalities: 'Kewarganegaraan terbanyak',
  provinceOf: 'Provinsi',
  loading: 'Memuat peta…',
  errorTitle: 'Terjadi kesalahan',
  networkError: 'Tidak dapat menghubungi server.',
  badResponse: 'Jawaban server tidak dapat dibaca.',
  tilesError: 'Ubin peta wilayah tidak dapat dimuat.',
  invalidAsOf: (value: string) => `Tanggal "${value}" tidak valid (format YYYY-MM-DD); memakai tanggal hari ini.`,
};

export type Messages = typeof id;

const en: Messages = {
  title: 'Pantau',
  subtitle: 'Monitoring of Foreign Nationals — Timpora',
  asOfLabel: 'Data as of',
  demoBadge: 'Demo data',
  demoBadgeTitle: 'Synthetic data for demonstration, not real figures',
  levelLabel: 'Area level',
  levelProvince: 'Province',
  levelRegency: 'Regency/City',
  mapLabel: 'Map of ITAS and ITAP holders per area',
  legendTitle: 'ITAS + ITAP holders',
  legendMethod: (classCount: number) => `Classes: Jenks (ckmeans), ${classCount}`,
  noData: 'No data',
  hoverHint: 'Point at an area to see its name and count.',
  holders: 'ITAS/ITAP holders',
  itas: 'ITAS',
  itap: 'ITAP',
  topNationalities: 'Top nationalities',
  provinceOf: 'Province',
  loading: 'Loading map…',
  errorTitle: 'Something went wrong',
  networkError: 'Cannot reach the server.',
  badResponse: 'The server answered with something unreadable.',
  tilesError: 'The map tiles of the areas could not be loaded.',
  invalidAsOf: (value: string) => `"${value}" is not a valid date (YYYY-MM-DD); using today.`,
};

export const MESSAGES: Record<Lang, Messages> = { id, en };

/** BCP 47 locale for numbers and dates in each UI language. */
export const LOCALES: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };
