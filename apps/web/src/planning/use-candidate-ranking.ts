import { useEffect, useMemo, useState } from 'react';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import type { PageView } from '../state/navigation.js';
import { getCandidates } from './planning-api.js';
import { rankDeltas } from './planning-model.js';

/** Candidates asked for: enough to see how far a candidate moved; the table shows the first ones. */
const CANDIDATE_LIMIT = 200;

/**
 * The area's ranked candidates for the day with the view's weights, and how far each moved since the
 * last ranking. `weightsKey` is the view's weights as text (the cache key changes with them).
 */
export function useCandidateRanking(view: PageView<'planning'>, area: string | null, asOf: string | null, weightsKey: string) {
  const candidatesKey = area === null || asOf === null ? null : `candidates:${area}:${asOf}:${weightsKey}:${view.lang}`;
  const candidates = useApiRequest(candidatesKey, (signal) =>
    getCandidates({ area: area ?? '', asOf: asOf ?? '', limit: CANDIDATE_LIMIT, weights: view.weights, lang: view.lang }, signal),
  );
  const ranked = dataOf(candidates);
  // The last answer stays on screen while the next ranking loads, so the rows move instead of flashing.
  const [shownRanking, setShownRanking] = useState(ranked);
  useEffect(() => {
    if (ranked) setShownRanking(ranked);
  }, [ranked]);
  const items = useMemo(() => shownRanking?.items ?? [], [shownRanking]);
  const deltas = useMemo(() => rankDeltas(items), [items]);
  const candidateById = useMemo(() => new Map(items.map((item) => [item.id, item])), [items]);
  return { candidates, shownRanking, items, deltas, candidateById };
}
