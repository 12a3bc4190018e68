import { RISK_AREA_PROBLEMS } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { ApiError } from '../api/api-client.js';
import en from '../i18n/locales/en/riskdraw.json';
import id from '../i18n/locales/id/riskdraw.json';
import { riskAreaSaveError } from './save-error.js';

describe('a refused risk area in words', () => {
  test.each(RISK_AREA_PROBLEMS)('the 422 %s has its own message in both languages', (code) => {
    const { key, message } = riskAreaSaveError(new ApiError(code, 'server says', 422));
    expect(key).toBe(`errors.${code}`);
    expect(message).toBe('server says');
    expect(id.errors[code]).toBeTruthy();
    expect(en.errors[code]).toBeTruthy();
  });

  test('a 403 and a 400 are named; a network failure or an unknown code is "could not save" with what happened', () => {
    expect(riskAreaSaveError(new ApiError('forbidden', 'no', 403)).key).toBe('errors.forbidden');
    expect(riskAreaSaveError(new ApiError('invalid_parameter', 'name: must not be empty', 400))).toEqual({
      key: 'errors.invalid_parameter',
      message: 'name: must not be empty',
    });
    expect(riskAreaSaveError(new ApiError('network', 'offline', null))).toEqual({ key: 'errors.other', message: 'offline' });
    expect(riskAreaSaveError(new Error('boom'))).toEqual({ key: 'errors.other', message: 'boom' });
  });
});
