// The plan's writes: save (create or update with the ranking's weights), approve or back to draft, delete;
// one at a time (busy), each failure shown on the page and each answer handed to the page.
import type { Plan, Weights } from '@pantau/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bodyOf, type DraftPlan } from './plan-draft.js';
import { createPlan, deletePlan, updatePlan } from './planning-api.js';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface PlanActionsInput {
  area: string;
  draft: DraftPlan;
  plan: Plan | null;
  weights: Weights;
  onSaved(plan: Plan | null): void;
  onError(message: string | null): void;
}

export function usePlanActions({ area, draft, plan, weights, onSaved, onError }: PlanActionsInput) {
  const { t } = useTranslation('planning');
  const [busy, setBusy] = useState(false);

  const run = async (action: () => Promise<Plan | null>) => {
    setBusy(true);
    onError(null);
    try {
      onSaved(await action());
    } catch (error) {
      onError(messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  const save = () =>
    run(() => {
      const body = bodyOf(draft);
      return draft.id === null ? createPlan({ ...body, areaCode: area, weights }) : updatePlan(draft.id, { ...body, weights });
    });
  const setStatus = (status: 'approved' | 'draft') => run(() => updatePlan(plan?.id ?? 0, { status }));
  const remove = () => {
    if (!plan || !window.confirm(t('plan.confirmDelete', { title: plan.title }))) return;
    void run(async () => {
      await deletePlan(plan.id);
      return null;
    });
  };

  return { busy, save, setStatus, remove };
}
