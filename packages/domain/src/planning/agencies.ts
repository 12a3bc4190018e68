// Members of a Timpora (Tim Pengawasan Orang Asing), as data: a plan's teams name them by code. The
// immigration office leads; the others are the members named by the Timpora regulations and seen in
// the reports of meetings and joint operations (Kesbangpol, Polres, Kodim, Kejaksaan Negeri, BIN…).

export interface TimporaAgency {
  code: string;
  /** Indonesian name, as it is written on meeting minutes. */
  id: string;
  en: string;
}

export const TIMPORA_AGENCIES = [
  { code: 'imigrasi', id: 'Kantor Imigrasi', en: 'Immigration office' },
  { code: 'pemda', id: 'Pemerintah Daerah', en: 'Regional government' },
  { code: 'kesbangpol', id: 'Badan Kesatuan Bangsa dan Politik (Kesbangpol)', en: 'National unity and politics agency (Kesbangpol)' },
  { code: 'polri', id: 'Kepolisian (Polres/Polsek)', en: 'Police (Polres/Polsek)' },
  { code: 'tni', id: 'TNI (Kodim/Koramil)', en: 'Armed forces (Kodim/Koramil)' },
  { code: 'kejaksaan', id: 'Kejaksaan Negeri', en: "District prosecutor's office" },
  { code: 'bin', id: 'Badan Intelijen Negara (Binda)', en: 'State intelligence agency (Binda)' },
  { code: 'disnaker', id: 'Dinas Tenaga Kerja (Disnaker)', en: 'Manpower office (Disnaker)' },
  { code: 'disdukcapil', id: 'Dinas Kependudukan dan Pencatatan Sipil (Disdukcapil)', en: 'Population and civil registry office (Disdukcapil)' },
  { code: 'kemenag', id: 'Kantor Kementerian Agama (Kemenag)', en: 'Religious affairs office (Kemenag)' },
  { code: 'lainnya', id: 'Instansi lain', en: 'Other agency' },
] as const satisfies readonly TimporaAgency[];

export type TimporaAgencyCode = (typeof TIMPORA_AGENCIES)[number]['code'];
export const TIMPORA_AGENCY_CODES = TIMPORA_AGENCIES.map((a) => a.code) as [TimporaAgencyCode, ...TimporaAgencyCode[]];

/** The agency of an account created without one: Pantau is run by immigration offices. */
export const DEFAULT_ACCOUNT_AGENCY: TimporaAgencyCode = 'imigrasi';

/** The agency's name in a language, for exports and prints ("made by … (Polri)"). */
export const agencyName = (code: string, lang: 'id' | 'en'): string => TIMPORA_AGENCIES.find((a) => a.code === code)?.[lang] ?? code;

export const isTimporaAgency = (code: string): code is TimporaAgencyCode => (TIMPORA_AGENCY_CODES as readonly string[]).includes(code);
