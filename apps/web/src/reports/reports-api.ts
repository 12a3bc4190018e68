// Typed calls for the public-report triage page (issue 22): the queue, one report with its history,
// recording a report and changing its status. Answers are checked against the API's schemas.
import {
  reportAttachmentSchema,
  reportAttachmentsSchema,
  reportDetailSchema,
  reportHistorySchema,
  reportPageSchema,
  type ReportAttachmentAnswer,
  type ReportAttachmentsAnswer,
  type ReportCategory,
  type ReportChannel,
  type ReportDetailAnswer,
} from '@pantau/domain';
import { answerOf, fetchAnswer, sendForm, sendJson, urlFor } from '../api/api-client.js';

export type ReportPage = ReturnType<typeof reportPageSchema.parse>;
export type ReportHistory = ReturnType<typeof reportHistorySchema.parse>;

/** The scope's (or the area's) new reports, oldest received first. */
export function getReportQueue(area: string | null, signal?: AbortSignal): Promise<ReportPage> {
  return fetchAnswer(reportPageSchema, '/api/v1/reports', { status: 'new', sort: 'received', limit: '100', area }, signal);
}

export function getReportHistory(id: number, signal?: AbortSignal): Promise<ReportHistory> {
  return fetchAnswer(reportHistorySchema, `/api/v1/reports/${id}/history`, {}, signal);
}

export interface NewReport {
  channel: ReportChannel;
  category: ReportCategory;
  summary: string;
  /** The place: a point picked or typed, or else the district (the report then stands at its point on the surface). */
  districtCode?: string;
  lat?: number;
  lng?: number;
  address?: string;
  reporterContact?: string;
}

export async function recordReport(report: NewReport): Promise<ReportDetailAnswer> {
  return answerOf(reportDetailSchema, await sendJson('POST', '/api/v1/reports', report), 'POST /api/v1/reports');
}

export async function changeReportStatus(id: number, status: 'verified' | 'dismissed', reason?: string): Promise<ReportDetailAnswer> {
  return answerOf(
    reportDetailSchema,
    await sendJson('PATCH', `/api/v1/reports/${id}`, { status, ...(reason ? { reason } : {}) }),
    `PATCH /api/v1/reports/${id}`,
  );
}

/** The photos of a report (roles allowed personal data). */
export function getReportPhotos(id: number, signal?: AbortSignal): Promise<ReportAttachmentsAnswer> {
  return fetchAnswer(reportAttachmentsSchema, `/api/v1/reports/${id}/attachments`, {}, signal);
}

/** Attaches one photo; the server checks its type by content and its size. */
export async function addReportPhoto(id: number, file: File): Promise<ReportAttachmentAnswer> {
  const form = new FormData();
  form.set('file', file);
  return answerOf(reportAttachmentSchema, await sendForm(`/api/v1/reports/${id}/attachments`, form), `POST /api/v1/reports/${id}/attachments`);
}

/** The address of one photo, for an <img> (the session cookie goes with it). */
export const reportPhotoUrl = (reportId: number, attachmentId: number): string => urlFor(`/api/v1/reports/${reportId}/attachments/${attachmentId}`);
