// The briefing API (/api/v1/briefings): list, read, create, replace, delete.
// Answers are checked against the routes' schemas (@pantau/domain api/briefings.ts).
import { briefingListItemSchema, briefingResponseSchema, briefingSchema, type Briefing, type BriefingContent, type BriefingListItem } from '@pantau/domain';
import { z } from 'zod';
import { answerOf, fetchAnswer, sendJson } from '../api/api-client.js';

export type { BriefingListItem };

export async function listBriefings(signal?: AbortSignal): Promise<BriefingListItem[]> {
  return (await fetchAnswer(z.object({ items: z.array(briefingListItemSchema) }), '/api/v1/briefings', {}, signal)).items;
}

export async function getBriefing(id: number, signal?: AbortSignal): Promise<{ briefing: Briefing; canEdit: boolean }> {
  return fetchAnswer(briefingResponseSchema, `/api/v1/briefings/${id}`, {}, signal);
}

const savedBriefing = z.object({ briefing: briefingSchema });

const contentOf = (briefing: BriefingContent): BriefingContent => ({
  title: briefing.title,
  date: briefing.date,
  venue: briefing.venue,
  audience: briefing.audience,
  lang: briefing.lang,
  areaCode: briefing.areaCode,
  slides: briefing.slides,
});

export async function createBriefing(content: BriefingContent): Promise<Briefing> {
  return answerOf(savedBriefing, await sendJson('POST', '/api/v1/briefings', contentOf(content)), '/api/v1/briefings').briefing;
}

export async function saveBriefing(id: number, content: BriefingContent): Promise<Briefing> {
  const path = `/api/v1/briefings/${id}`;
  return answerOf(savedBriefing, await sendJson('PUT', path, contentOf(content)), path).briefing;
}

export async function deleteBriefing(id: number): Promise<void> {
  await sendJson('DELETE', `/api/v1/briefings/${id}`);
}

export const briefingPdfUrl = (id: number) => `/api/v1/briefings/${id}/briefing.pdf`;
