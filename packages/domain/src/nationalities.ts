// ISO 3166-1 alpha-3 codes of the nationalities Pantau meets most, with Indonesian and English names.
// The import pipeline (issue 6) extends matching with aliases; this list is the UI's vocabulary.

export interface Nationality {
  code: string;
  id: string;
  en: string;
}

export const NATIONALITIES: readonly Nationality[] = [
  { code: 'CHN', id: 'Tiongkok', en: 'China' },
  { code: 'JPN', id: 'Jepang', en: 'Japan' },
  { code: 'KOR', id: 'Korea Selatan', en: 'South Korea' },
  { code: 'IND', id: 'India', en: 'India' },
  { code: 'MYS', id: 'Malaysia', en: 'Malaysia' },
  { code: 'PHL', id: 'Filipina', en: 'Philippines' },
  { code: 'USA', id: 'Amerika Serikat', en: 'United States' },
  { code: 'AUS', id: 'Australia', en: 'Australia' },
  { code: 'GBR', id: 'Inggris', en: 'United Kingdom' },
  { code: 'SGP', id: 'Singapura', en: 'Singapore' },
  { code: 'TWN', id: 'Taiwan', en: 'Taiwan' },
  { code: 'THA', id: 'Thailand', en: 'Thailand' },
  { code: 'VNM', id: 'Vietnam', en: 'Viet Nam' },
  { code: 'FRA', id: 'Prancis', en: 'France' },
  { code: 'DEU', id: 'Jerman', en: 'Germany' },
  { code: 'NLD', id: 'Belanda', en: 'Netherlands' },
  { code: 'RUS', id: 'Rusia', en: 'Russia' },
  { code: 'ITA', id: 'Italia', en: 'Italy' },
  { code: 'CAN', id: 'Kanada', en: 'Canada' },
  { code: 'NZL', id: 'Selandia Baru', en: 'New Zealand' },
  { code: 'PAK', id: 'Pakistan', en: 'Pakistan' },
  { code: 'BGD', id: 'Bangladesh', en: 'Bangladesh' },
  { code: 'NGA', id: 'Nigeria', en: 'Nigeria' },
  { code: 'YEM', id: 'Yaman', en: 'Yemen' },
  { code: 'TUR', id: 'Turki', en: 'Türkiye' },
  { code: 'SAU', id: 'Arab Saudi', en: 'Saudi Arabia' },
  { code: 'TLS', id: 'Timor Leste', en: 'Timor-Leste' },
  { code: 'PNG', id: 'Papua Nugini', en: 'Papua New Guinea' },
  { code: 'UKR', id: 'Ukraina', en: 'Ukraine' },
  { code: 'ESP', id: 'Spanyol', en: 'Spain' },
];

const BY_CODE = new Map(NATIONALITIES.map((n) => [n.code, n]));

export function nationalityName(code: string, lang: 'id' | 'en'): string {
  return BY_CODE.get(code)?.[lang] ?? code;
}
