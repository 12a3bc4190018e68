import { describe, expect, it } from 'vitest';
import type { SearchResults } from '../api/panels-api.js';
import { groupSearchResults, optionCount, stepIndex } from './search-results.js';

const results: SearchResults = {
  areas: [
    { code: '19.04', name: 'Kabupaten Bangka Tengah', nameEn: 'Bangka Tengah Regency', level: 'regency', parentName: 'Kepulauan Bangka Belitung' },
    { code: '19', name: 'Kepulauan Bangka Belitung', nameEn: 'Bangka Belitung Islands', level: 'province', parentName: null },
  ],
  companies: [],
  places: [{ kind: 'entry_point', id: 282, name: 'TPI Bandara Bangkalan', lng: 112.93, lat: -7.04 }],
  outsideScope: [],
};

describe('grouping search results', () => {
  it('keeps the order areas, companies, places, leaves empty groups out and numbers options across groups', () => {
    const groups = groupSearchResults(results, 'id');
    expect(groups.map((group) => group.key)).toEqual(['areas', 'places']);
    expect(groups.flatMap((group) => group.options.map((option) => option.index))).toEqual([0, 1, 2]);
    expect(optionCount(groups)).toBe(3);
  });

  it('names areas and their parents in the UI language', () => {
    const [indonesian] = groupSearchResults(results, 'id');
    expect(indonesian!.options[0]).toMatchObject({ label: 'Kabupaten Bangka Tengah', parentName: 'Kepulauan Bangka Belitung', level: 'regency' });
    const [english] = groupSearchResults(results, 'en');
    expect(english!.options[0]).toMatchObject({ label: 'Bangka Tengah Regency', parentName: 'Bangka Belitung Islands' });
  });

  it('turns each result into the selection the map needs', () => {
    const options = groupSearchResults(results, 'id').flatMap((group) => group.options);
    expect(options[0]!.selection).toEqual({ kind: 'area', code: '19.04' });
    expect(options[2]!.selection).toEqual({ kind: 'place', placeKind: 'entry_point', id: 282, lng: 112.93, lat: -7.04 });
  });

  it('steps through the options with the arrow keys, wrapping at both ends', () => {
    expect(stepIndex(-1, 1, 3)).toBe(0);
    expect(stepIndex(-1, -1, 3)).toBe(2);
    expect(stepIndex(2, 1, 3)).toBe(0);
    expect(stepIndex(0, -1, 3)).toBe(2);
    expect(stepIndex(0, 1, 0)).toBe(-1);
  });
});
