import { serializeViewState, type ViewState } from '../state/view-state.js';

/** The dashboard link of a record the API names (`/api/v1/companies/12` → `?select=company:12`). */
export function recordHref(view: ViewState, apiPath: string): string | null {
  const match = /\/api\/v1\/(companies|operations|risk-areas|areas)\/([\w.]+)$/.exec(apiPath);
  if (!match) return null;
  const [, kind, id] = match;
  const base = { ...view, page: 'map' as const, plan: null, weights: {}, select: null };
  if (kind === 'areas') return `${window.location.pathname}${serializeViewState({ ...base, region: id ?? null })}`;
  const recordKind = kind === 'companies' ? 'company' : kind === 'operations' ? 'operation' : 'risk_area';
  return `${window.location.pathname}${serializeViewState({ ...base, select: { kind: recordKind, id: Number(id) } })}`;
}
