import { useEffect, useState } from 'react';
import type { UpdateRoute } from '../state/router.js';
import type { PlanningParams } from '../state/routes.js';
import { effectiveWeights, overridesOf, parseOverrides, serializeOverrides, type WeightOverrides } from './planning-model.js';

const WEIGHTS_STORAGE_KEY = 'pantau.planning.weights';
const RERANK_DELAY_MS = 400;

function storedOverrides(): WeightOverrides {
  try {
    return parseOverrides(window.sessionStorage.getItem(WEIGHTS_STORAGE_KEY));
  } catch {
    // Storage refused (private mode, blocked): start from the default weights.
    return {};
  }
}

function storeOverrides(overrides: WeightOverrides): void {
  try {
    window.sessionStorage.setItem(WEIGHTS_STORAGE_KEY, serializeOverrides(overrides));
  } catch {
    // Private mode: the weights still live in the URL.
  }
}

/**
 * The weights the candidates are ranked with: the sliders move at once, the URL (and with it the
 * ranking asked for) follows after a pause, and this tab keeps them for the next visit.
 */
export function usePlanningWeights(view: Pick<PlanningParams, 'weights'>, updateView: UpdateRoute<'planning'>) {
  // Weights: the URL's, else this tab's last ones (sessionStorage), else the defaults.
  const [sliders, setSliders] = useState<WeightOverrides>(() => (Object.keys(view.weights).length > 0 ? view.weights : storedOverrides()));
  useEffect(() => {
    if (Object.keys(view.weights).length === 0 && Object.keys(sliders).length > 0) updateView({ weights: sliders }, 'replace');
    // Once, at start: a stored session's weights go into the URL (later changes go through the debounce below).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const weightsKey = JSON.stringify(view.weights);
  useEffect(() => {
    const handle = window.setTimeout(() => {
      const next = overridesOf(effectiveWeights(sliders));
      if (JSON.stringify(next) !== weightsKey) updateView({ weights: next }, 'replace');
      storeOverrides(next);
    }, RERANK_DELAY_MS);
    return () => window.clearTimeout(handle);
  }, [sliders, weightsKey, updateView]);
  return { sliders, setSliders, weightsKey };
}
