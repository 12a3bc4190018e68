import { normalizeSlideView } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import briefingEn from '../i18n/locales/en/briefing.json';
import briefingId from '../i18n/locales/id/briefing.json';
import { parseViewState } from '../state/view-state.js';
import { briefingFileName, offlineHtml } from './briefing-export.js';
import { slideAfterKey, stepAfterKey } from './present-mode.js';
import { slideClasses } from './slide-classes.js';
import { captureSlideView, dashboardHref } from './slide-view.js';

function keyPaths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keyPaths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('briefing in the web app', () => {
  test('the briefing namespace has the same keys in Indonesian and English (English plural forms aside)', () => {
    const base = (keys: string[]) => [...new Set(keys.map((key) => key.replace(/_(one|other)$/, '')))].sort();
    expect(base(keyPaths(briefingEn))).toEqual(base(keyPaths(briefingId)));
  });

  test('"add to briefing" captures the dashboard view, and the slide opens on the dashboard as it was', () => {
    const view = parseViewState('?region=19.04&map=9.5/-2.4/106.2&layers=sites,risk&permitType=itas&nationality=CHN&asOf=2024-06-13&select=company:3&lang=en');
    const slide = captureSlideView(view, '2026-11-23');
    expect(slide).toEqual(
      normalizeSlideView({
        region: '19.04',
        level: null,
        map: { zoom: 9.5, lat: -2.4, lng: 106.2 },
        layers: ['sites', 'risk'],
        permitTypes: ['itas'],
        nationalities: ['CHN'],
        purposes: [],
        from: null,
        to: null,
        asOf: '2024-06-13',
        measure: 'count',
      }),
    );
    expect(dashboardHref(slide, 'en')).toBe('/?region=19.04&map=9.5/-2.4/106.2&layers=sites,risk&permitType=itas&nationality=CHN&asOf=2024-06-13&lang=en');
    // Without a date in the URL the slide keeps the day the map showed, not "today" at the meeting.
    expect(captureSlideView(parseViewState('?region=19.04'), '2024-06-13').asOf).toBe('2024-06-13');
  });

  test('keys move through the slides as a clicker and a keyboard do, and stop at the ends', () => {
    expect([slideAfterKey('ArrowRight', 0, 3), slideAfterKey('PageDown', 2, 3), slideAfterKey(' ', 1, 3)]).toEqual([1, 2, 2]);
    expect([slideAfterKey('ArrowLeft', 0, 3), slideAfterKey('PageUp', 2, 3), slideAfterKey('Home', 2, 3), slideAfterKey('End', 0, 3)]).toEqual([0, 1, 0, 2]);
    expect(slideAfterKey('x', 1, 3)).toBeNull();
  });

  test('a slide in two parts: forward shows its second part before the next slide, back its first before the previous slide', () => {
    const size = { count: 3, parts: 2 };
    expect(stepAfterKey('ArrowRight', { index: 1, part: 0 }, size)).toEqual({ index: 1, part: 1 });
    expect(stepAfterKey('PageDown', { index: 1, part: 1 }, size)).toEqual({ index: 2, part: 0 });
    expect(stepAfterKey('ArrowLeft', { index: 1, part: 1 }, size)).toEqual({ index: 1, part: 0 });
    expect(stepAfterKey('PageUp', { index: 1, part: 0 }, size)).toEqual({ index: 0, part: 0 });
    // The last part of the last slide, the first of the first: the ends.
    expect(stepAfterKey(' ', { index: 2, part: 1 }, size)).toEqual({ index: 2, part: 1 });
    expect(stepAfterKey('ArrowUp', { index: 0, part: 0 }, size)).toEqual({ index: 0, part: 0 });
    expect(stepAfterKey('End', { index: 0, part: 1 }, size)).toEqual({ index: 2, part: 0 });
    expect(stepAfterKey('x', { index: 0, part: 0 }, size)).toBeNull();
  });

  test('the offline file escapes the text it embeds and names itself from its whole area and date', () => {
    const briefing = {
      id: 1,
      ownerId: 1,
      ownerEmail: 'a@b',
      createdAt: '',
      updatedAt: '',
      title: 'Rakor <Timpora> & "Bangka"',
      date: '2024-06-13',
      venue: '',
      audience: 'mixed_agency' as const,
      lang: 'id' as const,
      areaCode: '19.04',
      slides: [
        {
          id: 's1',
          title: '<script>alert(1)</script>',
          note: '',
          view: normalizeSlideView({
            region: '19.04',
            level: null,
            map: null,
            layers: [],
            permitTypes: [],
            nationalities: [],
            purposes: [],
            from: null,
            to: null,
            asOf: null,
            measure: 'count',
          }),
          panels: [],
        },
      ],
    };
    const map = {
      svg: '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path fill="#41b6c4" d="M0 0L10 0 10 10Z"/></svg>',
      width: 10,
      height: 10,
      legend: {
        title: 'Holders <ITAS>',
        rows: [
          { color: '#41b6c4', label: '0 – 12', shape: 'square' as const },
          { color: 'red;background:url(x)', label: 'no data', shape: 'square' as const },
        ],
        overlays: [{ title: 'Risk areas', rows: [{ color: '#d55e00', label: 'Overstay', shape: 'square' as const }] }],
        date: 'Data per 13 Juni 2024',
        source: 'Sumber: data demo Pantau (sintetis), dimuat 4 Desember 2026',
      },
    };
    const html = offlineHtml(briefing, [map], [[]], true, {
      demo: 'DATA DEMO',
      footer: (date) => `Data per ${date}`,
      continued: (title) => `${title} (lanjutan)`,
      areaName: 'Kabupaten Bangka Tengah',
    });
    // The map covers its frame (cropped, not banded) whatever the screen's shape.
    expect(html).toContain(
      '<figure class="map"><svg preserveAspectRatio="xMidYMid slice" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path fill="#41b6c4"',
    );
    expect(html).toContain('<h4>Risk areas</h4>');
    expect(html).toContain('Overstay');
    expect(html).toContain('Sumber: data demo Pantau (sintetis), dimuat 4 Desember 2026');
    expect(html).toContain('Holders &lt;ITAS&gt;');
    expect(html).not.toContain('url(x)');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Data per 2024-06-13');
    expect(html).toContain('DATA DEMO');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(briefingFileName(briefing, 'Kabupaten Bangka Tengah', 'pptx')).toBe('Pantau-Kabupaten-Bangka-Tengah-19.04-2024-06-13.pptx');
  });

  test("a density slide is classed by holders per 1,000 km², and waits for the areas' sizes", () => {
    const area = (code: string, total: number) => ({
      code,
      name: code,
      total,
      itas: total,
      itap: 0,
      visit: 0,
      permits: total,
      pending: 0,
      topNationalities: [],
    });
    // Pangkalpinang: few holders on a small city; Bangka: more holders on a large regency.
    const areas = [area('19.71', 100), area('19.01', 400), area('19.02', 0)];
    const sizes = [
      { code: '19.71', areaKm2: 100 },
      { code: '19.01', areaKm2: 3000 },
      { code: '19.02', areaKm2: 2000 },
    ];
    const counts = slideClasses('count', areas, null);
    expect(counts?.map((c) => [c.lower, c.upper])).toEqual([
      [0, 0],
      [1, 100],
      [101, 400],
    ]);
    expect(slideClasses('density', areas, null)).toBeNull();
    // In tenths of holders per 1,000 km²: 100 on 100 km² = 1,000.0 (10,000); 400 on 3,000 km² = 133.3 (1,333).
    const densities = slideClasses('density', areas, sizes);
    expect(densities?.map((c) => [c.lower, c.upper])).toEqual([
      [0, 0],
      [1, 1_333],
      [1_334, 10_000],
    ]);
  });
});
