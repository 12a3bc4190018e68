// The agencies a Timpora brings together, as accounts, meeting attendance and follow-up owners name
// them: the immigration office leads; police, armed forces, prosecutors, manpower, national unity and
// politics, population registry and the regional government are the members seen in the source
// articles' meetings. `other` covers the rest (BIN, Kemenag, port authorities…), named in free text.
// planning/agencies.ts keeps the finer list a plan's teams are made of.

export const AGENCIES = ['imigrasi', 'polri', 'tni', 'kejaksaan', 'disnaker', 'kesbangpol', 'dukcapil', 'pemda', 'other'] as const;
export type Agency = (typeof AGENCIES)[number];

/** Names as written on meeting minutes (id) and in English (en). */
export const AGENCY_NAMES: Record<Agency, { id: string; en: string }> = {
  imigrasi: { id: 'Imigrasi', en: 'Immigration' },
  polri: { id: 'Polri', en: 'Police (Polri)' },
  tni: { id: 'TNI', en: 'Armed forces (TNI)' },
  kejaksaan: { id: 'Kejaksaan', en: 'Prosecutor (Kejaksaan)' },
  disnaker: { id: 'Disnaker', en: 'Manpower office (Disnaker)' },
  kesbangpol: { id: 'Kesbangpol', en: 'National unity and politics (Kesbangpol)' },
  dukcapil: { id: 'Dukcapil', en: 'Population registry (Dukcapil)' },
  pemda: { id: 'Pemda', en: 'Regional government (Pemda)' },
  other: { id: 'Lainnya', en: 'Other' },
};

export const isAgency = (value: string): value is Agency => (AGENCIES as readonly string[]).includes(value);
