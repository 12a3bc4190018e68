// The reference events in both languages. shared/data/reference-events.json reports the articles in
// English (with some Indonesian terms kept as the articles wrote them); Pantau speaks Indonesian first,
// so each sentence a record shows has its Indonesian text here, and its English one where the source's
// mixes languages. A sentence missing here is found by the reference test (reference-text.test.ts),
// and until then reads as the source has it in both languages.

export interface BilingualText {
  id: string;
  en: string;
}

/** Source sentence → Indonesian (and English, where the source is not plain English). */
const TEXT: Record<string, string | BilingualText> = {
  // Offices' work areas.
  'the whole province of Bengkulu: 1 city and 9 regencies': 'seluruh Provinsi Bengkulu: 1 kota dan 9 kabupaten',
  'includes Kabupaten Bangka Tengah and Kota Pangkal Pinang (the articles name no other regency)':
    'meliputi Kabupaten Bangka Tengah dan Kota Pangkal Pinang (artikel tidak menyebut kabupaten/kota lain)',
  'six regencies/cities: Palembang, Prabumulih, Ogan Ilir, Ogan Komering Ilir, Banyuasin, Musi Banyuasin':
    'enam kabupaten/kota: Palembang, Prabumulih, Ogan Ilir, Ogan Komering Ilir, Banyuasin, Musi Banyuasin',
  "part of Sumatera Selatan outside the Palembang office's six; the article names Ogan Komering Ulu in its coordination visit":
    'sebagian Sumatera Selatan di luar enam wilayah Kanim Palembang; artikel menyebut Ogan Komering Ulu dalam kunjungan koordinasinya',
  'includes Kabupaten Banyuwangi': 'meliputi Kabupaten Banyuwangi',
  // Meetings: titles and organisers written in English.
  'Coordination visit on foreign-national supervision, Kabupaten Ogan Komering Ulu': 'Kunjungan koordinasi pengawasan orang asing, Kabupaten Ogan Komering Ulu',
  'Divisi Imigrasi Kanwil Kemenkumham Sumatera Selatan, with Kantor Imigrasi Kelas I Palembang and Kelas II Muara Enim':
    'Divisi Imigrasi Kanwil Kemenkumham Sumatera Selatan, bersama Kantor Imigrasi Kelas I Palembang dan Kelas II Muara Enim',
  // Meetings: agenda (the source mixes the two languages).
  'Peta konsentrasi tenaga kerja asing (ITAS and ITAP holders) in Bangka Tengah': {
    id: 'Peta konsentrasi tenaga kerja asing (pemegang ITAS dan ITAP) di Bangka Tengah',
    en: 'Concentration map of foreign workers (ITAS and ITAP holders) in Bangka Tengah',
  },
  'Tindakan administrasi keimigrasian in 2024': {
    id: 'Tindakan administratif keimigrasian tahun 2024',
    en: 'Immigration administrative actions (TAK) in 2024',
  },
  'Potensi kerawanan in Bangka Tengah': { id: 'Potensi kerawanan di Bangka Tengah', en: 'Risks (potensi kerawanan) in Bangka Tengah' },
  'Choice of the joint-operation location for the next day': 'Penentuan lokasi operasi gabungan untuk keesokan harinya',
  // Meetings: notes.
  'Follow-up of the TIMPORA teams and secretariats inaugurated on 2016-06-02 in Kota Bengkulu; the secretariat of each regency team sits at its Kesbangpol office.':
    'Tindak lanjut pengukuhan tim dan sekretariat TIMPORA pada 2016-06-02 di Kota Bengkulu; sekretariat tim tiap kabupaten berkedudukan di kantor Kesbangpol-nya.',
  'Visa-free visits for 169 countries call for stronger supervision.': 'Bebas visa kunjungan bagi 169 negara menuntut pengawasan yang lebih ketat.',
  'Several companies in Lebong employ Chinese foreign workers; Kesbangpol does not know how many because the companies do not coordinate with it.':
    'Beberapa perusahaan di Lebong mempekerjakan TKA asal Tiongkok; Kesbangpol tidak mengetahui jumlahnya karena perusahaan tidak berkoordinasi dengannya.',
  'Sumatera Selatan has 17 regencies/cities.': 'Sumatera Selatan memiliki 17 kabupaten/kota.',
  'Supervision targets places where foreigners are active and entry points such as airports and seaports.':
    'Pengawasan menyasar tempat kegiatan orang asing dan tempat pemeriksaan imigrasi seperti bandara dan pelabuhan.',
  'Enforcement focus: entry without passing an immigration checkpoint, misuse of visit permits (tourists found working at a company), overstay; violators are deported.':
    'Fokus penindakan: masuk tanpa melalui tempat pemeriksaan imigrasi, penyalahgunaan izin kunjungan (wisatawan kedapatan bekerja di perusahaan), overstay; pelanggar dideportasi.',
  "Public reporting channels: WhatsApp, a phone number for reporting foreigners, the 'kolang kaling' direct line to the office head, and the APOA (Aplikasi Pelaporan Orang Asing) barcode.":
    "Saluran pengaduan masyarakat: WhatsApp, nomor telepon pelaporan orang asing, layanan langsung 'kolang kaling' ke kepala kantor, dan barcode APOA (Aplikasi Pelaporan Orang Asing).",
  'Foreign arrivals in Banyuwangi rise every month.': 'Kedatangan orang asing di Banyuwangi meningkat setiap bulan.',
  'Supervision covers foreign workers, tourists, and foreigners with families or married to Indonesian citizens.':
    'Pengawasan mencakup TKA, wisatawan, serta orang asing yang berkeluarga atau menikah dengan WNI.',
  'Villages and districts (kelurahan, kecamatan) are the front line; no violations by foreigners reported so far.':
    'Kelurahan dan kecamatan menjadi garda terdepan; sejauh ini belum ada laporan pelanggaran oleh orang asing.',
  // Risks named at meetings.
  'non-procedural emigration of Indonesian workers': { id: 'Jalur PMI nonprosedural', en: 'Non-procedural emigration of Indonesian workers' },
  'residents leaving to work abroad illegally, mainly to Cambodia and Thailand':
    'warga berangkat bekerja ke luar negeri secara ilegal, terutama ke Kamboja dan Thailand',
  'social conflict': { id: 'Rawan konflik sosial', en: 'Social conflict' },
  'after the tin case, residents lost livelihoods and jobs are scarce: risk of conflict between residents and foreign workers from social and economic jealousy':
    'setelah kasus timah, warga kehilangan mata pencaharian dan lapangan kerja sulit: rawan konflik antara warga dan TKA karena kecemburuan sosial dan ekonomi',
  // Operations.
  'joint operation (operasi gabungan)': { id: 'Operasi gabungan', en: 'Joint operation (operasi gabungan)' },
  'location chosen at the meeting of 2024-06-13; results not reported': 'lokasi dipilih dalam rapat 2024-06-13; hasilnya tidak dilaporkan',
  'foreign workers (TKA) waiting for new KITAS at Kantor Imigrasi Kelas I Bengkulu':
    'TKA sedang menunggu penerbitan KITAS baru di Kantor Imigrasi Kelas I Bengkulu',
};

/** The figures a meeting reported, by their key in the source. */
const FIGURES: Record<string, BilingualText> = {
  itas_holders_onshore: { id: 'Pemegang ITAS (di dalam negeri)', en: 'ITAS holders (onshore)' },
  itas_holders: { id: 'Pemegang ITAS', en: 'ITAS holders' },
  itap_holders: { id: 'Pemegang ITAP', en: 'ITAP holders' },
};

/** Whether the reference sentence has its Indonesian text here. */
export const hasIndonesian = (source: string): boolean => source in TEXT;

/** A reference sentence in both languages (as the source has it, in both, when this table lacks it). */
export function bilingual(source: string): BilingualText {
  const known = TEXT[source];
  if (known === undefined) return { id: source, en: source };
  return typeof known === 'string' ? { id: known, en: source } : known;
}

/** A reported figure's label (the key itself, in both, for a figure this table lacks). */
export function figureLabel(key: string): BilingualText {
  return FIGURES[key] ?? { id: key, en: key };
}

/**
 * The articles under shared/sources/, cited as a reader can find them: the outlet (or the office that
 * reported) and the month of the event it reports. The reference file names each record's source by
 * its file name, which means nothing to a meeting room ("Sumber: 001_9026980282b54d67.txt").
 */
const SOURCES: Record<string, BilingualText> = {
  '000_313fcf2ded63358c.txt': {
    id: 'laporan Kantor Imigrasi Kelas I Bengkulu, November 2016',
    en: 'report of Kantor Imigrasi Kelas I Bengkulu, November 2016',
  },
  '001_9026980282b54d67.txt': { id: 'berita ANTARA News Bangka Belitung, Juni 2024', en: 'ANTARA News Bangka Belitung article, June 2024' },
  '002_d2533bf4eef0f54f.txt': { id: 'berita ANTARA, September 2021', en: 'ANTARA article, September 2021' },
  '003_f7873f2d16cb0bba.txt': { id: 'berita KILASBABEL.COM, Desember 2024', en: 'KILASBABEL.COM article, December 2024' },
  '004_e14532aada5b6310.txt': { id: 'berita enewsindo.co.id, Agustus 2023', en: 'enewsindo.co.id article, August 2023' },
};

/** The files a record's `source` names: one, or several separated by commas. */
const sourceFiles = (source: string): string[] =>
  source
    .split(',')
    .map((file) => file.trim())
    .filter(Boolean);

/** Whether every file the source names has its citation here. */
export const hasSourceCitation = (source: string): boolean => sourceFiles(source).every((file) => file in SOURCES);

/** How a record cites its source articles, in both languages (a file this table lacks keeps its name, in both). */
export function sourceCitation(source: string): BilingualText {
  const citations = sourceFiles(source).map((file) => SOURCES[file] ?? { id: file, en: file });
  return { id: citations.map((c) => c.id).join('; '), en: citations.map((c) => c.en).join('; ') };
}

/** Whether the figure has its labels here. */
export const hasFigureLabel = (key: string): boolean => key in FIGURES;
