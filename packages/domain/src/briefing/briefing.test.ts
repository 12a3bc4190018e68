import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { permissionsOf, ROLES } from '../access.js';
import { NATIONALITIES } from '../nationalities.js';
import { PERMIT_PURPOSES, PERMIT_TYPES } from '../constants.js';
import { briefingForAudience, panelHasPersonalData, slideForAudience } from './audience.js';
import { BRIEFING_TEMPLATES, briefingFromTemplate, duplicateSlide, moveSlide, newSlideId } from './templates.js';
import { briefingContentSchema, SLIDE_LAYERS, SLIDE_LEVELS, type BriefingContent, type Slide, type SlidePanel, type SlideView } from './types.js';
import { normalizeSlideView, slideViewFromQuery, slideViewToQuery } from './view-url.js';

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const code = fc.oneof(
  fc.integer({ min: 11, max: 99 }).map(String),
  fc.tuple(fc.integer({ min: 11, max: 99 }), fc.integer({ min: 1, max: 99 })).map(([p, r]) => `${p}.${String(r).padStart(2, '0')}`),
);
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const slideView: fc.Arbitrary<SlideView> = fc.record({
  region: fc.option(code),
  level: fc.option(fc.constantFrom(...SLIDE_LEVELS)),
  map: fc.option(
    fc.record({
      zoom: fc.double({ min: 0, max: 22, noNaN: true }),
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lng: fc.double({ min: -180, max: 180, noNaN: true }),
    }),
  ),
  layers: subset(SLIDE_LAYERS),
  permitTypes: subset(PERMIT_TYPES),
  nationalities: subset(NATIONALITIES.slice(0, 12).map((n) => n.code)),
  purposes: subset(PERMIT_PURPOSES),
  from: fc.option(day),
  to: fc.option(day),
  asOf: fc.option(day),
  measure: fc.constantFrom('count' as const, 'density' as const),
});
const panel: fc.Arbitrary<SlidePanel> = fc.oneof(
  fc.constant({ kind: 'figures' as const }),
  fc.constant({ kind: 'trend' as const }),
  fc.integer({ min: 1, max: 20 }).map((limit) => ({ kind: 'candidates' as const, limit })),
  fc.record({ limit: fc.integer({ min: 1, max: 20 }), findings: fc.boolean() }).map((rest) => ({ kind: 'operations' as const, ...rest })),
);
const slides: fc.Arbitrary<Slide[]> = fc
  .array(
    fc.record({
      title: fc.string({ maxLength: 40 }),
      note: fc.string({ maxLength: 80 }),
      view: slideView.map(normalizeSlideView),
      panels: fc.uniqueArray(panel, { selector: (p) => p.kind, maxLength: 4 }),
    }),
    { maxLength: 6 },
  )
  .map((list) => list.map((slide, index) => ({ id: `s${index + 1}`, ...slide })));
const briefing: fc.Arbitrary<BriefingContent> = fc.record({
  title: fc
    .string({ minLength: 1, maxLength: 60 })
    .filter((s) => s.trim().length > 0)
    .map((s) => s.trim()),
  date: day,
  venue: fc.string({ maxLength: 40 }),
  audience: fc.constantFrom('internal' as const, 'mixed_agency' as const),
  lang: fc.constantFrom('id' as const, 'en' as const),
  areaCode: fc.option(code),
  slides,
});

describe('a slide view in the dashboard URL', () => {
  test('round-trips through the query string (after the URL rounding of the map position)', () => {
    fc.assert(
      fc.property(slideView, (view) => {
        const normal = normalizeSlideView(view);
        expect(slideViewFromQuery(slideViewToQuery(normal))).toEqual(normal);
        expect(slideViewToQuery(normal)).toBe(slideViewToQuery(view));
      }),
    );
  });

  test('uses the dashboard parameter names', () => {
    const query = slideViewToQuery({
      ...normalizeSlideView(slideViewFromQuery('')),
      region: '19.04',
      asOf: '2024-06-13',
      layers: ['risk', 'sites'],
      map: { zoom: 9.123, lat: -2.35678, lng: 106.21 },
    });
    expect(query).toBe('region=19.04&map=9.12/-2.3568/106.21&layers=sites,risk&asOf=2024-06-13');
  });

  test('keeps the good parameters of a link with a bad one', () => {
    expect(slideViewFromQuery('region=19.04&asOf=2024-13-45&layers=sites,nope')).toMatchObject({ region: '19.04', asOf: null, layers: ['sites'] });
    expect(slideViewFromQuery('region=19.04&map=9/95/106')).toMatchObject({ region: '19.04', map: null });
    expect(slideViewFromQuery('map=9/-2.5/106.1')).toMatchObject({ map: { zoom: 9, lat: -2.5, lng: 106.1 } });
  });
});

describe('a briefing as JSON', () => {
  test('round-trips through JSON and the schema unchanged', () => {
    fc.assert(
      fc.property(briefing, (content) => {
        expect(briefingContentSchema.parse(JSON.parse(JSON.stringify(content)))).toEqual(content);
      }),
    );
  });

  test('is refused with duplicate slide ids or panel kinds, naming the problem', () => {
    const [first] = briefingFromTemplate('concentration', { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13', lang: 'id' }).slides;
    const base = briefingFromTemplate('concentration', { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13', lang: 'id' });
    const twice = briefingContentSchema.safeParse({ ...base, slides: [first, first] });
    expect(twice.success).toBe(false);
    expect(JSON.stringify(twice.error?.issues)).toContain('slide ids must be unique');
    const panels = briefingContentSchema.safeParse({ ...base, slides: [{ ...first, panels: [{ kind: 'trend' }, { kind: 'trend' }] }] });
    expect(JSON.stringify(panels.error?.issues)).toContain('each panel kind at most once');
  });
});

describe('audience rules', () => {
  test('a mixed-agency audience never gets personal data, whatever the role', () => {
    fc.assert(
      fc.property(briefing, fc.constantFrom(...ROLES), (content, role) => {
        const shown = briefingForAudience({ ...content, audience: 'mixed_agency' }, permissionsOf(role));
        expect(shown.slides.flatMap((slide) => slide.panels).some(panelHasPersonalData)).toBe(false);
      }),
    );
  });

  test("an internal audience sees findings only when the presenter's role may see personal data", () => {
    const slide: Slide = {
      id: 's1',
      title: 'Operasi',
      note: '',
      view: normalizeSlideView(slideViewFromQuery('')),
      panels: [{ kind: 'operations', limit: 5, findings: true }, { kind: 'figures' }],
    };
    expect(slideForAudience(slide, 'internal', permissionsOf('office_head')).panels).toEqual(slide.panels);
    expect(slideForAudience(slide, 'internal', permissionsOf('agency_member')).panels).toEqual([
      { kind: 'operations', limit: 5, findings: false },
      { kind: 'figures' },
    ]);
    expect(slideForAudience(slide, 'mixed_agency', permissionsOf('admin')).panels).toEqual([
      { kind: 'operations', limit: 5, findings: false },
      { kind: 'figures' },
    ]);
    // The aggregates-only role gets no record panels at all.
    expect(slideForAudience(slide, 'internal', permissionsOf('viewer')).panels).toEqual([{ kind: 'figures' }]);
  });
});

describe('templates', () => {
  test.each(BRIEFING_TEMPLATES)('%s: a valid briefing for the regency on the day, every slide counting permits on that day', (template) => {
    const content = briefingFromTemplate(template, { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13', lang: 'id' });
    expect(briefingContentSchema.parse(content)).toEqual(content);
    expect(content.slides.length).toBeGreaterThanOrEqual(2);
    for (const slide of content.slides) expect(slide.view).toMatchObject({ region: '19.04', asOf: '2024-06-13' });
    expect(content.title).toContain('Bangka Tengah');
    expect(content.audience).toBe('mixed_agency');
  });

  test("speak the briefing's language", () => {
    const input = { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13' };
    expect(briefingFromTemplate('risks', { ...input, lang: 'id' }).slides[2]?.title).toBe('Usulan lokasi operasi');
    expect(briefingFromTemplate('risks', { ...input, lang: 'en' }).slides[2]?.title).toBe('Proposed operation site');
    expect(briefingFromTemplate('enforcement', { ...input, lang: 'id' }).slides[1]?.view).toMatchObject({
      from: '2024-01-01',
      to: '2024-06-13',
      layers: ['operations'],
    });
  });
});

describe('slide editing', () => {
  const three = briefingFromTemplate('concentration', { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13', lang: 'id' }).slides;
  test('moves, duplicates with a fresh id right after the original, and finds unused ids', () => {
    expect(moveSlide(three, 0, 2).map((s) => s.id)).toEqual(['s2', 's3', 's1']);
    expect(moveSlide(three, 0, 5).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    const copied = duplicateSlide(three, 0);
    expect(copied.map((s) => s.id)).toEqual(['s1', 's4', 's2', 's3']);
    expect(copied[1]).toEqual({ ...three[0], id: 's4' });
    expect(newSlideId([{ id: 's2' }])).toBe('s3');
    expect(newSlideId([{ id: 's2' }, { id: 's3' }])).toBe('s4');
  });
});
