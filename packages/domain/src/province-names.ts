// English names of provinces, for search in the UI's second language. Indonesian names come from
// the boundary data; these are the common English renderings.
export const PROVINCE_NAMES_EN: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'North Sumatra',
  '13': 'West Sumatra',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'South Sumatra',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Bangka Belitung Islands',
  '21': 'Riau Islands',
  '31': 'Jakarta',
  '32': 'West Java',
  '33': 'Central Java',
  '34': 'Yogyakarta',
  '35': 'East Java',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'West Nusa Tenggara',
  '53': 'East Nusa Tenggara',
  '61': 'West Kalimantan',
  '62': 'Central Kalimantan',
  '63': 'South Kalimantan',
  '64': 'East Kalimantan',
  '65': 'North Kalimantan',
  '71': 'North Sulawesi',
  '72': 'Central Sulawesi',
  '73': 'South Sulawesi',
  '74': 'Southeast Sulawesi',
  '75': 'Gorontalo',
  '76': 'West Sulawesi',
  '81': 'Maluku',
  '82': 'North Maluku',
  '91': 'Papua',
  '92': 'West Papua',
  '93': 'South Papua',
  '94': 'Central Papua',
  '95': 'Highland Papua',
  '96': 'Southwest Papua',
};

/** "Kabupaten Bangka Tengah" → "Bangka Tengah Regency"; "Kota Pangkal Pinang" → "Pangkal Pinang City". */
export function englishAreaName(code: string, name: string): string {
  if (!code.includes('.')) return PROVINCE_NAMES_EN[code] ?? name;
  const regency = /^Kabupaten (Administrasi )?(.+)$/.exec(name);
  if (regency) return `${regency[2]} Regency`;
  const city = /^Kota (Administrasi )?(.+)$/.exec(name);
  if (city) return `${city[2]} City`;
  return name;
}
