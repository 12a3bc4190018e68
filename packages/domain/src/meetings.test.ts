import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { meetingCreateInput, meetingPatchInput } from './meetings.js';

const rakor = {
  date: '2024-06-13',
  title: 'Rapat TIMPORA Kabupaten Bangka Tengah',
  venue: { lng: 106.44, lat: -2.49 },
  officeKey: 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang',
};

describe('a meeting needs its organising office', () => {
  test('POST /meetings without the office, with null or with blanks is refused at officeKey', () => {
    for (const officeKey of [undefined, null, '', '   ']) {
      const result = meetingCreateInput.safeParse({ ...rakor, officeKey });
      expect(result.success, String(officeKey)).toBe(false);
      expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['officeKey']);
    }
    expect(meetingCreateInput.safeParse(rakor).success).toBe(true);
  });

  test('its JSON schema (the OpenAPI request body) lists officeKey as required; a change may leave it out but not clear it', () => {
    expect(z.toJSONSchema(meetingCreateInput, { io: 'input' }).required).toEqual(expect.arrayContaining(['date', 'title', 'venue', 'officeKey']));
    expect(meetingPatchInput.safeParse({ title: 'Rakor' }).success).toBe(true);
    expect(meetingPatchInput.safeParse({ officeKey: null }).success).toBe(false);
  });
});
