import type { Plan } from '@pantau/domain';
import type { PlanningCandidate } from './planning-api.js';

/** What the plan shows of a target: as saved in the plan, else as the current ranking has it. */
export function planTargetInfo(
  candidateId: string,
  savedTargets: ReadonlyMap<string, Plan['targets'][number]>,
  candidateById: ReadonlyMap<string, PlanningCandidate>,
) {
  const saved = savedTargets.get(candidateId);
  const candidate = candidateById.get(candidateId);
  return {
    name: saved?.name ?? candidate?.name ?? candidateId,
    kind: saved?.kind ?? candidate?.kind ?? 'company_site',
    expected: saved?.expectedForeigners ?? Number(candidate?.raw.activeHolders ?? 0),
    explanation: saved?.explanation ?? candidate?.explanation ?? null,
    score: saved?.score ?? candidate?.score ?? null,
  };
}

export type PlanTargetInfo = ReturnType<typeof planTargetInfo>;
