// A refused risk area in words: the API's 422 codes (RISK_AREA_PROBLEMS), a 403, a 400, each with its
// message key in the `riskdraw` namespace; anything else as "could not save" with the server's message.
import { RISK_AREA_PROBLEMS } from '@pantau/domain';
import { ApiError } from '../api/api-client.js';

const KNOWN: readonly string[] = [...RISK_AREA_PROBLEMS, 'forbidden', 'invalid_parameter'];

export type RiskAreaSaveErrorKey = `errors.${(typeof RISK_AREA_PROBLEMS)[number] | 'forbidden' | 'invalid_parameter' | 'other'}`;

export function riskAreaSaveError(error: unknown): { key: RiskAreaSaveErrorKey; message: string } {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ApiError && KNOWN.includes(error.code)) return { key: `errors.${error.code}` as RiskAreaSaveErrorKey, message };
  return { key: 'errors.other', message };
}
