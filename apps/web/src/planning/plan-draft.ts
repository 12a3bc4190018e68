// The plan as the page edits it before a save, what a save sends from it, and a saved plan made editable again.
import type { Plan, PlanTeam } from '@pantau/domain';

export interface DraftTarget {
  candidateId: string;
  teamKey: string | null;
  notes: string;
}

/** The plan as edited on the page, before it is saved. */
export interface DraftPlan {
  id: number | null;
  title: string;
  date: string;
  notes: string;
  teams: PlanTeam[];
  targets: DraftTarget[];
}

/** The content a save sends, from the draft. */
export function bodyOf(draft: DraftPlan) {
  return {
    title: draft.title.trim(),
    date: draft.date,
    notes: draft.notes.trim() === '' ? null : draft.notes.trim(),
    teams: draft.teams.map((team) => ({ key: team.key, name: team.name.trim(), agencies: [...team.agencies] })),
    targets: draft.targets.map((target) => ({
      candidateId: target.candidateId,
      teamKey: target.teamKey,
      notes: target.notes.trim() === '' ? null : target.notes.trim(),
    })),
  };
}

/** The saved plan as the panel edits it, targets in route order. */
export function draftOf(plan: Plan): DraftPlan {
  return {
    id: plan.id,
    title: plan.title,
    date: plan.date,
    notes: plan.notes ?? '',
    teams: plan.teams.map((team) => ({ ...team, agencies: [...team.agencies] })),
    targets: [...plan.targets]
      .sort((a, b) => a.order - b.order)
      .map((target) => ({ candidateId: target.candidateId, teamKey: target.teamKey, notes: target.notes ?? '' })),
  };
}
