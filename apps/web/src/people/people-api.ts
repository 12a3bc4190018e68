// Typed calls to the people register (issue 20): person search, a person's record, a company's workers.
// Each checks the fields the pages rely on; the API refuses the first two to roles without personal data.
import { isObject } from '@pantau/domain';
import { ApiError, fetchJson } from '../api/api-client.js';

export interface PersonHit {
  id: number;
  name: string;
  nationality: string;
  sex: string | null;
  birthDate: string | null;
  passportNumber: string | null;
  regencyCode: string;
  matchedBy: 'name' | 'passport' | 'permit';
}

type Sponsor = { id: number; name: string } | null;

export interface PersonPage {
  id: number;
  name: string;
  sex: string | null;
  birthDate: string | null;
  nationality: string;
  regencyCode: string;
  districtCode: string | null;
  passports: Array<{ passportNumber: string; nationality: string; validFrom: string | null; current: boolean }>;
  applications: Array<{
    id: number;
    permitType: string;
    status: string;
    appliedOn: string;
    decidedOn: string | null;
    office: string | null;
    sponsor: Sponsor;
    purpose: string | null;
  }>;
  permits: Array<{
    id: number;
    permitNumber: string;
    permitType: string;
    purpose: string;
    issuedOn: string;
    expiresOn: string;
    cancelledOn: string | null;
    sponsor: Sponsor;
    regencyCode: string;
  }>;
  movements: Array<{ id: number; direction: string; date: string; entryPoint: { id: number; name: string } | null }>;
  lodgings: Array<{ id: number; place: string; address: string | null; fromOn: string; toOn: string | null; regencyCode: string }>;
  checks: Array<{ operationId: number; date: string; team: string; targetId: number; place: string; outcome: string; checked: boolean }>;
}

export type WorkerStatus = 'itap' | 'itas' | 'visit' | 'pending' | 'lapsed';

export interface CompanyWorkersPage {
  company: { id: number; name: string; sector: string | null; registrationNumber: string | null };
  asOf: string;
  sites: Array<{ id: number; name: string; regencyCode: string | null; districtCode: string | null; lng: number; lat: number }>;
  counts: { itas: number; itap: number; visit: number; validTotal: number; permits: number; expiringSoon: number; lapsed: number; pending: number };
  /** Absent for roles without personal data. */
  workers?: Array<{ personId: number | null; name: string; nationality: string; status: WorkerStatus; until: string | null; expiringSoon: boolean }>;
  checks: Array<{
    operationId: number;
    date: string;
    team: string;
    targetId: number;
    place: string;
    via: 'site' | 'workers';
    foreignersChecked: number;
    violations: number;
    outcome: string;
    findings?: string | null;
    workersChecked: number;
  }>;
}

const bad = (what: string) => new ApiError('bad_response', `unexpected answer from ${what}`, null);

/** The API's shortest search text. */
export const PERSON_SEARCH_MIN_LENGTH = 2;

export async function searchPeople(q: string, limit: number, signal?: AbortSignal): Promise<PersonHit[]> {
  const body = await fetchJson('/api/v1/people', { q, limit: String(limit) }, signal);
  if (!isObject(body) || !Array.isArray(body.items)) throw bad('/api/v1/people');
  return body.items as PersonHit[];
}

export async function getPerson(id: number, signal?: AbortSignal): Promise<PersonPage> {
  const path = `/api/v1/people/${id}`;
  const body = await fetchJson(path, {}, signal);
  const lists = ['passports', 'applications', 'permits', 'movements', 'lodgings', 'checks'];
  if (!isObject(body) || typeof body.name !== 'string' || lists.some((name) => !Array.isArray(body[name]))) throw bad(path);
  return body as unknown as PersonPage;
}

export async function getCompanyWorkers(id: number, asOf: string | null, signal?: AbortSignal): Promise<CompanyWorkersPage> {
  const path = `/api/v1/companies/${id}/workers`;
  const body = await fetchJson(path, { asOf }, signal);
  if (!isObject(body) || !isObject(body.company) || !isObject(body.counts) || !Array.isArray(body.sites) || !Array.isArray(body.checks)) throw bad(path);
  return body as unknown as CompanyWorkersPage;
}
