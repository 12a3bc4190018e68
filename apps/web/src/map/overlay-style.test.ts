import { describe, expect, test } from 'vitest';
import { CLICKABLE_OVERLAYS, OVERLAYS, overlayLayers, overlayOfLayerId, recordOfFeature } from './overlay-style.js';

describe('recordOfFeature', () => {
  test('a company site opens its company and an operation target its operation', () => {
    expect(recordOfFeature('sites', { id: 900, properties: { company_id: 12, name: 'PT A' } })).toEqual({ kind: 'company', id: 12 });
    expect(recordOfFeature('operations', { id: 5, properties: { operation_id: 3003 } })).toEqual({ kind: 'operation', id: 3003 });
  });

  test('reports, meetings, risk areas and entry points open the record of the feature id', () => {
    expect(recordOfFeature('reports', { id: 41, properties: { status: 'new' } })).toEqual({ kind: 'report', id: 41 });
    expect(recordOfFeature('risk', { id: 7, properties: {} })).toEqual({ kind: 'risk_area', id: 7 });
  });

  test('a merged point is a cluster, not a record', () => {
    expect(recordOfFeature('reports', { id: 41, properties: { point_count: 12 } })).toBe('cluster');
    expect(recordOfFeature('reports', { id: 41, properties: { point_count: 1 } })).toEqual({ kind: 'report', id: 41 });
  });
});

describe('overlayOfLayerId', () => {
  test('finds the overlay of a drawn layer', () => {
    expect(overlayOfLayerId('overlay-risk-fill')).toBe('risk');
    expect(overlayOfLayerId('province-fill')).toBeNull();
  });
});

describe('planning overlays', () => {
  test('the coverage legend has the month classes and "never checked"; the hot-spot legend the seven Gi* classes, hot to cold', () => {
    expect(OVERLAYS.gaps.legend.map((e) => e.key)).toEqual(['gaps.months_12', 'gaps.months_24', 'gaps.months_36', 'gaps.never']);
    expect(OVERLAYS.hotspots.legend.map((e) => e.key)).toEqual([
      'hotspot.hot_99',
      'hotspot.hot_95',
      'hotspot.hot_90',
      'hotspot.not_significant',
      'hotspot.cold_90',
      'hotspot.cold_95',
      'hotspot.cold_99',
    ]);
    expect(new Set(OVERLAYS.hotspots.legend.map((e) => e.color)).size).toBe(7);
    expect(OVERLAYS.hotspots.note).toBe('hotspot.method');
  });

  test('their polygons are not records: a click goes to the area below', () => {
    expect(recordOfFeature('gaps', { id: 1904010, properties: { code: '19.04.01' } })).toBeNull();
    expect(CLICKABLE_OVERLAYS).not.toContain('gaps');
    expect(CLICKABLE_OVERLAYS).not.toContain('hotspots');
    expect(CLICKABLE_OVERLAYS).toContain('sites');
  });

  test('the hot-spot fill colours each class as its legend does', () => {
    const fill = overlayLayers('hotspots', true)[0]!;
    const paint = (fill as { paint: Record<string, unknown> }).paint['fill-color'] as unknown[];
    for (const entry of OVERLAYS.hotspots.legend) {
      const cls = entry.key.replace('hotspot.', '');
      expect(paint[paint.indexOf(cls) + 1]).toBe(entry.color);
    }
  });
});

describe('risk areas keep the classes readable', () => {
  test('no translucent fill (a fill with opacity 0 is kept for clicks), a dashed outline over a white casing', () => {
    const layers = overlayLayers('risk', true);
    expect(layers.map((layer) => layer.id)).toEqual(['overlay-risk-fill', 'overlay-risk-casing', 'overlay-risk-line']);
    const paint = (id: string) => (layers.find((layer) => layer.id === id) as { paint: Record<string, unknown> }).paint;
    expect(paint('overlay-risk-fill')['fill-opacity']).toBe(0);
    expect(paint('overlay-risk-casing')['line-color']).toBe('#ffffff');
    expect(paint('overlay-risk-line')['line-dasharray']).toEqual([2, 1.5]);
  });
});
