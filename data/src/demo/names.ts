// Synthetic names. They are obviously generated (a small vocabulary) and every row is marked demo.
import type { Random } from './random.js';

const PERSON_NAMES: Record<string, { family: string[]; given: string[]; familyFirst: boolean }> = {
  CHN: {
    family: ['WANG', 'LI', 'ZHANG', 'LIU', 'CHEN', 'YANG', 'HUANG', 'ZHAO', 'WU', 'ZHOU', 'XU', 'SUN'],
    given: ['WEI', 'FANG', 'JUN', 'LEI', 'MIN', 'YONG', 'JIE', 'TAO', 'HUI', 'QIANG', 'LING', 'HAO'],
    familyFirst: true,
  },
  TWN: { family: ['CHEN', 'LIN', 'HUANG', 'CHANG', 'LEE'], given: ['CHIH-MING', 'YU-TING', 'CHUN-HUNG', 'HSIN-YI'], familyFirst: true },
  JPN: {
    family: ['SATO', 'SUZUKI', 'TAKAHASHI', 'TANAKA', 'WATANABE', 'ITO', 'NAKAMURA'],
    given: ['HIROSHI', 'KENJI', 'YUKI', 'TAKESHI', 'AKIRA', 'NAOKO'],
    familyFirst: true,
  },
  KOR: {
    family: ['KIM', 'LEE', 'PARK', 'CHOI', 'JUNG', 'KANG', 'CHO'],
    given: ['MINJUN', 'SEOYEON', 'JIHOON', 'HYUNWOO', 'EUNJI', 'DONGHYUN'],
    familyFirst: true,
  },
  IND: {
    family: ['SHARMA', 'PATEL', 'SINGH', 'KUMAR', 'REDDY', 'NAIR', 'GUPTA'],
    given: ['RAHUL', 'PRIYA', 'AMIT', 'SANJAY', 'DEEPA', 'VIKRAM'],
    familyFirst: false,
  },
  MYS: { family: ['BIN AHMAD', 'BIN ISMAIL', 'TAN', 'LIM', 'BINTI ABDULLAH'], given: ['AHMAD', 'FARID', 'MEI LING', 'HAFIZ', 'NURUL'], familyFirst: false },
  PHL: { family: ['SANTOS', 'REYES', 'CRUZ', 'GARCIA', 'MENDOZA'], given: ['JOSE', 'MARIA', 'MARK', 'ANGELICA', 'RAMON'], familyFirst: false },
  VNM: { family: ['NGUYEN', 'TRAN', 'LE', 'PHAM'], given: ['VAN AN', 'THI MAI', 'MINH', 'DUC'], familyFirst: true },
};
const WESTERN = {
  family: ['SMITH', 'JONES', 'MARTIN', 'BROWN', 'MÜLLER', 'DUBOIS', 'ROSSI', 'DE VRIES', 'IVANOV', 'WILSON', 'TAYLOR', 'GARCÍA'],
  given: ['JAMES', 'EMMA', 'LUCAS', 'SOPHIE', 'DANIEL', 'ANNA', 'THOMAS', 'OLIVIA', 'PETER', 'CLAIRE'],
  familyFirst: false,
};

/** Syllables of Chinese given names (pinyin): two of them make a given name, as most have. */
const CHN_SYLLABLES = [
  'WEI',
  'FANG',
  'JUN',
  'LEI',
  'MIN',
  'YONG',
  'JIE',
  'TAO',
  'HUI',
  'QIANG',
  'LING',
  'HAO',
  'XIN',
  'YU',
  'MING',
  'HONG',
  'JIAN',
  'PING',
  'GANG',
  'LI',
  'HUA',
  'BIN',
  'FENG',
  'BO',
  'CHAO',
  'KAI',
  'LONG',
  'PENG',
  'QING',
  'RUI',
  'SHAN',
  'TING',
  'XIANG',
  'YAN',
  'YI',
  'ZHEN',
  'ZHI',
  'DONG',
  'GUO',
  'HAI',
  'AN',
  'CHENG',
  'DE',
  'FEI',
  'GUANG',
  'HENG',
  'JIA',
  'KANG',
  'LAN',
  'MEI',
  'NING',
  'QIAN',
  'SHENG',
  'WEN',
  'XIAO',
  'YANG',
  'YUAN',
  'ZE',
  'ZHONG',
  'ZI',
];
const CHN_FAMILY_MORE = ['MA', 'HU', 'GUO', 'HE', 'GAO', 'LIN', 'LUO', 'ZHENG', 'LIANG', 'XIE', 'SONG', 'TANG'];

/**
 * A holder's name. Pantau tells a renewal from a lapse by name and nationality, so names must rarely
 * collide among tens of thousands of holders: Chinese given names have two syllables, others a middle name.
 */
export function personName(nationality: string, random: Random): string {
  const names = PERSON_NAMES[nationality] ?? WESTERN;
  if (nationality === 'CHN') {
    const family = random.pick([...names.family, ...CHN_FAMILY_MORE]);
    return `${family} ${random.pick(CHN_SYLLABLES)}${random.pick(CHN_SYLLABLES).toLowerCase()}`.toUpperCase();
  }
  const family = random.pick(names.family);
  const given = `${random.pick(names.given)} ${random.pick([...names.given, ...WESTERN.given])}`;
  return names.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}

const COMPANY_WORDS = [
  'Sinar',
  'Mitra',
  'Jaya',
  'Abadi',
  'Nusantara',
  'Makmur',
  'Sentosa',
  'Karya',
  'Indo',
  'Persada',
  'Prima',
  'Mandiri',
  'Bumi',
  'Sejahtera',
  'Raya',
  'Utama',
  'Lestari',
  'Tirta',
  'Cahaya',
  'Gemilang',
  'Samudra',
  'Harapan',
  'Anugerah',
  'Perkasa',
  'Sukses',
  'Tunggal',
  'Baru',
  'Putra',
  'Mulia',
  'Agung',
];
const SECTOR_WORDS: Record<string, string[]> = {
  mining_smelting: ['Nikel', 'Metal', 'Tambang', 'Mineral', 'Smelter', 'Timah'],
  manufacturing: ['Industri', 'Manufaktur', 'Elektronik', 'Tekstil', 'Komponen'],
  construction: ['Konstruksi', 'Bangun', 'Teknik', 'Rekayasa'],
  energy: ['Energi', 'Daya', 'Power', 'Listrik'],
  trade: ['Niaga', 'Dagang', 'Trading', 'Distribusi'],
  hospitality_tourism: ['Resort', 'Wisata', 'Villa', 'Hospitality'],
  services: ['Solusi', 'Konsultan', 'Jasa', 'Layanan'],
  agriculture_plantation: ['Sawit', 'Agro', 'Perkebunan', 'Plantation'],
  fisheries_maritime: ['Bahari', 'Marine', 'Perikanan', 'Galangan'],
  education: ['Pendidikan', 'Edukasi', 'Sekolah'],
};

export function companyName(sector: string, random: Random): string {
  return `PT ${random.pick(COMPANY_WORDS)} ${random.pick(SECTOR_WORDS[sector] ?? COMPANY_WORDS)} ${random.pick(COMPANY_WORDS)}`;
}

/** Strips "Kabupaten"/"Kota" for short labels ("Timpora Bangka Tengah"). */
export function shortAreaName(name: string): string {
  return name.replace(/^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+/, '');
}
