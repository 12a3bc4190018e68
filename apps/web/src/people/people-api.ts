// Typed calls to the people register (issue 20): a person's record and a company's workers (the search
// box's call is in person-search-api.ts, on the map's first screen). The types are the routes' own
// response schemas (@pantau/domain); the API refuses a person's record to roles without personal data.
import { companyWorkersResponseSchema, personRecordResponseSchema, type CompanyWorkersResponse, type PersonRecordResponse } from '@pantau/domain';
import { fetchAnswer } from '../api/api-client.js';

export type { WorkerStatus } from '@pantau/domain';
export type PersonPage = PersonRecordResponse;
export type CompanyWorkersPage = CompanyWorkersResponse;

/** The person and company pages load lazily, so their answers are checked against the schema. */
export const getPerson = (id: number, signal?: AbortSignal): Promise<PersonPage> => fetchAnswer(personRecordResponseSchema, `/api/v1/people/${id}`, {}, signal);

export const getCompanyWorkers = (id: number, asOf: string | null, signal?: AbortSignal): Promise<CompanyWorkersPage> =>
  fetchAnswer(companyWorkersResponseSchema, `/api/v1/companies/${id}/workers`, { asOf }, signal);
