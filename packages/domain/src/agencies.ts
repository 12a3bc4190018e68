// The agencies a Timpora brings together, one list for accounts, meeting attendance, follow-up owners
// and plan teams: planning/agencies.ts (the immigration office leads; police, armed forces,
// prosecutors, manpower, national unity and politics, civil registry, regional government, BIN,
// religious affairs, and `lainnya` for the rest). These names are the meetings' view of it.
import { isTimporaAgency, TIMPORA_AGENCIES, TIMPORA_AGENCY_CODES, type TimporaAgencyCode } from './planning/agencies.js';

export const AGENCIES = TIMPORA_AGENCY_CODES;
export type Agency = TimporaAgencyCode;

/** Names as written on meeting minutes (id) and in English (en). */
export const AGENCY_NAMES = Object.fromEntries(TIMPORA_AGENCIES.map((agency) => [agency.code, { id: agency.id, en: agency.en }])) as Record<
  Agency,
  { id: string; en: string }
>;

export const isAgency = isTimporaAgency;
