// The briefing API (/api/v1/briefings): list, read, create, replace, delete.
import { isObject, type Briefing, type BriefingAudience, type BriefingContent, type BriefingLang } from '@pantau/domain';
import { ApiError, fetchJson, sendJson } from '../api/api-client.js';

export interface BriefingListItem {
  id: number; title: string; date: string; venue: string; audience: BriefingAudience; lang: BriefingLang;
  areaCode: string | null; ownerEmail: string; slideCount: number; updatedAt: string; canEdit: boolean;
}

const bad = (path: string) => new ApiError('bad_response', `${path}: unexpected answer`, null);

export async function listBriefings(signal?: AbortSignal): Promise<BriefingListItem[]> {
  const body = await fetchJson('/api/v1/briefings', {}, signal);
  if (!isObject(body) || !Array.isArray(body.items)) throw bad('/api/v1/briefings');
  return body.items as BriefingListItem[];
}

export async function getBriefing(id: number, signal?: AbortSignal): Promise<{ briefing: Briefing; canEdit: boolean }> {
  const path = `/api/v1/briefings/${id}`;
  const body = await fetchJson(path, {}, signal);
  if (!isObject(body) || !isObject(body.briefing) || !Array.isArray(body.briefing.slides)) throw bad(path);
  return body as unknown as { briefing: Briefing; canEdit: boolean };
}

const contentOf = (briefing: BriefingContent): BriefingContent => ({
  title: briefing.title, date: briefing.date, venue: briefing.venue, audience: briefing.audience, lang: briefing.lang, areaCode: briefing.areaCode, slides: briefing.slides,
});

export async function createBriefing(content: BriefingContent): Promise<Briefing> {
  const body = await sendJson('POST', '/api/v1/briefings', contentOf(content));
  if (!isObject(body) || !isObject(body.briefing)) throw bad('/api/v1/briefings');
  return body.briefing as unknown as Briefing;
}

export async function saveBriefing(id: number, content: BriefingContent): Promise<Briefing> {
  const path = `/api/v1/briefings/${id}`;
  const body = await sendJson('PUT', path, contentOf(content));
  if (!isObject(body) || !isObject(body.briefing)) throw bad(path);
  return body.briefing as unknown as Briefing;
}

export async function deleteBriefing(id: number): Promise<void> {
  await sendJson('DELETE', `/api/v1/briefings/${id}`);
}

export const briefingPdfUrl = (id: number) => `/api/v1/briefings/${id}/briefing.pdf`;
