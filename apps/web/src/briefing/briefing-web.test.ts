import { normalizeSlideView } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import briefingEn from '../i18n/locales/en/briefing.json';
import briefingId from '../i18n/locales/id/briefing.json';
import { parseViewState } from '../state/view-state.js';
import { briefingFileName, offlineHtml } from './briefing-export.js';
import { slideAfterKey } from './present-mode.js';
import { captureSlideView, dashboardHref } from './slide-view.js';

function keyPaths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keyPaths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`]);
}

describe('briefing in the web app', () => {
  test('the briefing namespace has the same keys in Indonesian and English', () => {
    expect(keyPaths(briefingEn).sort()).toEqual(keyPaths(briefingId).sort());
  });

  test('"add to briefing" captures the dashboard view, and the slide opens on the dashboard as it was', () => {
    const view = parseViewState('?region=19.04&map=9.5/-2.4/106.2&layers=sites,risk&permitType=itas&nationality=CHN&asOf=2024-06-13&select=company:3&lang=en');
    const slide = captureSlideView(view, '2026-11-23');
    expect(slide).toEqual(normalizeSlideView({
      region: '19.04', level: null, map: { zoom: 9.5, lat: -2.4, lng: 106.2 }, layers: ['sites', 'risk'], permitTypes: ['itas'], nationalities: ['CHN'], purposes: [],
      from: null, to: null, asOf: '2024-06-13', measure: 'count',
    }));
    expect(dashboardHref(slide, 'en')).toBe('/?region=19.04&map=9.5/-2.4/106.2&layers=sites,risk&permitType=itas&nationality=CHN&asOf=2024-06-13&lang=en');
    // Without a date in the URL the slide keeps the day the map showed, not "today" at the meeting.
    expect(captureSlideView(parseViewState('?region=19.04'), '2024-06-13').asOf).toBe('2024-06-13');
  });

  test('keys move through the slides as a clicker and a keyboard do, and stop at the ends', () => {
    expect([slideAfterKey('ArrowRight', 0, 3), slideAfterKey('PageDown', 2, 3), slideAfterKey(' ', 1, 3)]).toEqual([1, 2, 2]);
    expect([slideAfterKey('ArrowLeft', 0, 3), slideAfterKey('PageUp', 2, 3), slideAfterKey('Home', 2, 3), slideAfterKey('End', 0, 3)]).toEqual([0, 1, 0, 2]);
    expect(slideAfterKey('x', 1, 3)).toBeNull();
  });

  test('the offline file escapes the text it embeds and names itself from the title', () => {
    const briefing = {
      id: 1, ownerId: 1, ownerEmail: 'a@b', createdAt: '', updatedAt: '', title: 'Rakor <Timpora> & "Bangka"', date: '2024-06-13', venue: '', audience: 'mixed_agency' as const, lang: 'id' as const, areaCode: '19.04',
      slides: [{ id: 's1', title: '<script>alert(1)</script>', note: '', view: normalizeSlideView({ region: '19.04', level: null, map: null, layers: [], permitTypes: [], nationalities: [], purposes: [], from: null, to: null, asOf: null, measure: 'count' }), panels: [] }],
    };
    const html = offlineHtml(briefing, ['data:image/png;base64,AAAA'], [[]], true, { demo: 'DATA DEMO', footer: (date) => `Data per ${date}` });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Data per 2024-06-13');
    expect(html).toContain('DATA DEMO');
    expect(html).not.toMatch(/(src|href)="https?:/);
    expect(briefingFileName(briefing, 'pptx')).toBe('Rakor-Timpora-Bangka-2024-06-13.pptx');
  });
});
