// The person search box's call (issue 20). Apart from people-api.ts because the box sits on the map's
// first screen: this module must not pull the record schemas into the initial JS.
import type { PersonHit, PersonSearchResponse } from '@pantau/domain';
import { ApiError, fetchTyped } from '../api/api-client.js';

export type { PersonHit } from '@pantau/domain';

/** The API's shortest search text. */
export const PERSON_SEARCH_MIN_LENGTH = 2;

/**
 * Typed, not parsed, so the initial JS stays without the schemas (the contract test checks the answer against the schema).
 */
export async function searchPeople(q: string, limit: number, signal?: AbortSignal): Promise<PersonHit[]> {
  const body = await fetchTyped<PersonSearchResponse>('/api/v1/people', { q, limit: String(limit) }, signal);
  if (!Array.isArray(body.items)) throw new ApiError('bad_response', 'unexpected answer from /api/v1/people', null);
  return body.items;
}
