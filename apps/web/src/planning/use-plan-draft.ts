import type { Plan } from '@pantau/domain';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { dataOf, invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import type { PageView } from '../state/navigation.js';
import type { UpdateRoute } from '../state/router.js';
import { draftOf, type DraftPlan } from './plan-draft.js';
import { getPlan, listPlans, type PlanningCandidate } from './planning-api.js';
import { previewRoute } from './planning-model.js';

export const emptyDraft = (date: string): DraftPlan => ({ id: null, title: '', date, notes: '', teams: [], targets: [] });

interface PlanDraftInput {
  view: PageView<'planning'>;
  updateView: UpdateRoute<'planning'>;
  /** The planned area (`office:<key>` for a work area); `null` before one is chosen. */
  area: string | null;
  asOf: string | null;
  candidateById: ReadonlyMap<string, PlanningCandidate>;
  canRead: boolean;
  canWrite: boolean;
}

/**
 * The area's plans and the plan being made: the open plan (from the URL) or a new draft for the
 * planning date, its picked targets, where they lie and the order a team visits them in.
 */
export function usePlanDraft({ view, updateView, area, asOf, candidateById, canRead, canWrite }: PlanDraftInput) {
  // Plans of the area, and the plan open.
  const plans = useApiRequest(area === null || !canRead ? null : `plans:${area}`, (signal) => listPlans(area ?? '', signal));
  const [openPlan, setOpenPlan] = useState<Plan | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);
  const loadedPlan = useApiRequest(view.plan === null ? null : `plan:${view.plan}:${view.lang}`, (signal) => getPlan(view.plan ?? 0, signal, view.lang));
  const [draft, setDraft] = useState<DraftPlan>(() => emptyDraft(asOf ?? ''));
  useEffect(() => {
    const loaded = dataOf(loadedPlan);
    if (!loaded) return;
    setOpenPlan(loaded);
    setDraft(draftOf(loaded));
  }, [loadedPlan]);
  useEffect(() => {
    if (view.plan === null) setOpenPlan(null);
  }, [view.plan]);
  // A new plan is for the planning date: the candidates, their reasons and the plan's date are one day.
  // It was set once from the date the page opened with (the map's), so a plan opened from the 13 June
  // map and planned for 14 June kept 13 June and was saved, printed and recorded for the meeting day.
  useEffect(() => {
    if (asOf && draft.id === null && draft.date !== asOf) setDraft((current) => (current.id === null ? { ...current, date: asOf } : current));
  }, [asOf, draft.id, draft.date]);
  // Changing a new plan's date in the plan form changes the planning date with it (and so the candidates).
  const changeDraft = useCallback(
    (next: DraftPlan) => {
      if (next.id === null && next.date !== '' && next.date !== asOf) updateView({ asOf: next.date }, 'replace');
      setDraft(next);
    },
    [asOf, updateView],
  );

  const editable = canWrite && (openPlan === null || openPlan.status === 'draft');
  const picked = useMemo(() => new Set(draft.targets.map((target) => target.candidateId)), [draft.targets]);
  const togglePick = (candidate: PlanningCandidate) => {
    setDraft((current) =>
      current.targets.some((target) => target.candidateId === candidate.id)
        ? { ...current, targets: current.targets.filter((target) => target.candidateId !== candidate.id) }
        : { ...current, targets: [...current.targets, { candidateId: candidate.id, teamKey: null, notes: '' }] },
    );
  };

  const onSaved = useCallback(
    (plan: Plan | null) => {
      // The area's plan list and every cached copy of a plan (any language, the print page's too) are asked again.
      void invalidateApiAnswers('plans');
      void invalidateApiAnswers('plan');
      if (plan === null) {
        setOpenPlan(null);
        setDraft(emptyDraft(asOf ?? ''));
        updateView({ plan: null });
        return;
      }
      setOpenPlan(plan);
      setDraft(draftOf(plan));
      if (view.plan !== plan.id) updateView({ plan: plan.id });
    },
    [asOf, updateView, view.plan],
  );

  // Where the picked targets lie: the saved plan's, else the candidates'.
  const targetPlaces = useMemo(() => {
    const saved = new Map(openPlan?.targets.map((target) => [target.candidateId, target]) ?? []);
    return draft.targets.flatMap((target) => {
      const place = saved.get(target.candidateId) ?? candidateById.get(target.candidateId);
      return place ? [{ candidateId: target.candidateId, name: place.name, location: place.location }] : [];
    });
  }, [draft.targets, openPlan, candidateById]);
  // Route order: the server's for a saved plan whose targets did not change, else a preview.
  const savedUnchanged =
    openPlan !== null &&
    openPlan.targets.length === draft.targets.length &&
    draft.targets.every((target) => openPlan.targets.some((saved) => saved.candidateId === target.candidateId));
  const route = useMemo(() => {
    if (savedUnchanged && openPlan) {
      const ordered = [...openPlan.targets].sort((a, b) => a.order - b.order);
      return {
        ids: ordered.map((target) => target.candidateId),
        legKm: new Map(ordered.map((target) => [target.candidateId, target.legKm])),
        totalKm: openPlan.route.totalKm,
        preview: false,
      };
    }
    const preview = previewRoute(targetPlaces.map((place) => place.location));
    return {
      ids: preview.order.map((index) => targetPlaces[index]?.candidateId ?? ''),
      legKm: new Map(targetPlaces.map((place, index) => [place.candidateId, preview.legKm[index] ?? null])),
      totalKm: preview.totalKm,
      preview: true,
    };
  }, [savedUnchanged, openPlan, targetPlaces]);
  const routeOrder = useMemo(() => new Map(route.ids.map((id, index) => [id, index + 1])), [route]);
  const newPlan = () => {
    setOpenPlan(null);
    setDraft(emptyDraft(asOf ?? ''));
    updateView({ plan: null });
  };
  const routeLine = route.ids.flatMap((id) => targetPlaces.find((place) => place.candidateId === id)?.location ?? []);

  return {
    plans,
    loadedPlan,
    openPlan,
    planError,
    setPlanError,
    draft,
    setDraft,
    changeDraft,
    editable,
    picked,
    togglePick,
    onSaved,
    targetPlaces,
    route,
    routeOrder,
    routeLine,
    newPlan,
  };
}
