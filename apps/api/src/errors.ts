// One error type, one list of codes, one status per code, one handler (app.ts).
import { z } from 'zod';

export const ERROR_CODES = [
  'invalid_parameter',
  'unknown_parameter',
  'invalid_file',
  'bad_request',
  'not_found',
  'area_not_found',
  'method_not_allowed',
  'payload_too_large',
  'unauthenticated',
  'invalid_credentials',
  'account_disabled',
  'forbidden',
  'rate_limited',
  'conflict',
  'unsupported_media_type',
  'database_unavailable',
  'database_in_use',
  'busy',
  'pdf_unavailable',
  'internal_error',
  'plan_not_found',
  'plan_not_draft',
  'plan_not_approved',
  'invalid_transition',
  'reason_required',
  'target_required',
  'target_not_found',
  'outside_indonesia',
  'outside_scope',
  // A drawn risk area refused (issue 22): what is wrong, each with its own code.
  'invalid_geometry',
  'geometry_too_small',
  'too_many_vertices',
  'invalid_period',
  // A report already holds the most photos it may (issue 22).
  'too_many_attachments',
  // An import job's rerun whose uploaded file was already removed (issue 24).
  'upload_gone',
] as const;
export const errorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCode>;

export const ERROR_STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503> = {
  invalid_parameter: 400,
  unknown_parameter: 400,
  invalid_file: 400,
  bad_request: 400,
  not_found: 404,
  area_not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  account_disabled: 403,
  forbidden: 403,
  rate_limited: 429,
  conflict: 409,
  unsupported_media_type: 415,
  database_unavailable: 503,
  database_in_use: 503,
  busy: 503,
  pdf_unavailable: 503,
  internal_error: 500,
  plan_not_found: 404,
  plan_not_draft: 409,
  plan_not_approved: 409,
  // Report triage (issue 22): a status change the triage does not allow, and a well-formed request the
  // rules refuse (a dismissal without a reason, a place outside Indonesia or the caller's areas).
  invalid_transition: 409,
  reason_required: 422,
  target_required: 422,
  target_not_found: 422,
  outside_indonesia: 422,
  outside_scope: 422,
  invalid_geometry: 422,
  geometry_too_small: 422,
  too_many_vertices: 422,
  invalid_period: 422,
  too_many_attachments: 409,
  upload_gone: 410,
};

export class AppError extends Error {
  readonly status: (typeof ERROR_STATUS)[ErrorCode];
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export const errorBody = z.object({
  error: z.object({ code: errorCode, message: z.string(), details: z.unknown().optional(), requestId: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;
