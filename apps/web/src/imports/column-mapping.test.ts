import { describe, expect, test } from 'vitest';
import { assignField, headerOf, isEdited, missingGroups, proposedMapping, requiredGroups } from './column-mapping.js';
import type { ImportPreviewField } from '@pantau/domain';

const AREA = ['districtCode', 'district', 'regencyCode', 'regency', 'lat'];
const FIELDS: ImportPreviewField[] = [
  { name: 'permitNumber', required: true, alternatives: [] },
  { name: 'holderName', required: true, alternatives: [] },
  { name: 'sponsor', required: false, alternatives: [] },
  ...AREA.map((name) => ({ name, required: true, alternatives: AREA.filter((other) => other !== name) })),
  { name: 'lng', required: false, alternatives: [] },
];
const PREVIEW = {
  headers: ['No. Izin', 'Nama', 'Kabupaten', 'Catatan', ''],
  mapping: { 'No. Izin': 'permitNumber', Nama: 'holderName', Kabupaten: 'regency' },
};

describe('the column mapping of the import page', () => {
  test('starts from the proposal, every other named column ignored', () => {
    expect(proposedMapping(PREVIEW)).toEqual({ 'No. Izin': 'permitNumber', Nama: 'holderName', Kabupaten: 'regency', Catatan: '' });
  });

  test('a field goes to one column only: giving it to another ignores the first', () => {
    const mapping = assignField(proposedMapping(PREVIEW), 'Catatan', 'holderName');
    expect(mapping).toEqual({ 'No. Izin': 'permitNumber', Nama: '', Kabupaten: 'regency', Catatan: 'holderName' });
    expect(assignField(mapping, 'Kabupaten', '')).toMatchObject({ Kabupaten: '', Catatan: 'holderName' });
    expect(headerOf(mapping, 'holderName')).toBe('Catatan');
    expect(headerOf(mapping, 'sponsor')).toBeNull();
  });

  test('names each required group once, and the groups no column gives', () => {
    expect(requiredGroups(FIELDS)).toEqual([['permitNumber'], ['holderName'], AREA]);
    const mapping = proposedMapping(PREVIEW);
    expect(missingGroups(mapping, FIELDS)).toEqual([]);
    expect(missingGroups(assignField(mapping, 'Kabupaten', ''), FIELDS)).toEqual([AREA]);
    // Any one field of a group will do.
    expect(missingGroups(assignField(assignField(mapping, 'Kabupaten', ''), 'Catatan', 'lat'), FIELDS)).toEqual([]);
  });

  test('knows whether the user changed the proposal', () => {
    const mapping = proposedMapping(PREVIEW);
    expect(isEdited(mapping, PREVIEW)).toBe(false);
    expect(isEdited(assignField(mapping, 'Catatan', 'sponsor'), PREVIEW)).toBe(true);
  });
});
