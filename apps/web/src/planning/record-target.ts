import type { RouteTarget } from '../state/navigation.js';

/** Where on the dashboard a record the API names opens (`/api/v1/companies/12` → `?select=company:12`). */
export function recordTarget(apiPath: string): RouteTarget | null {
  const match = /\/api\/v1\/(companies|operations|risk-areas|areas)\/([\w.]+)$/.exec(apiPath);
  if (!match) return null;
  const [, kind, id = ''] = match;
  if (kind === 'areas') return { page: 'map', region: id, select: null };
  const recordKind = kind === 'companies' ? 'company' : kind === 'operations' ? 'operation' : 'risk_area';
  return { page: 'map', select: { kind: recordKind, id: Number(id) } };
}
