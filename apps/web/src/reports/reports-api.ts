// Typed calls for the public-report triage page (issue 22): the queue, one report with its history,
// recording a report and changing its status. Answers are checked against the API's schemas.
import { reportDetailSchema, reportHistorySchema, reportPageSchema, type ReportCategory, type ReportChannel, type ReportDetailAnswer } from '@pantau/domain';
import { answerOf, fetchAnswer, sendJson } from '../api/api-client.js';

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
  districtCode: string;
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
