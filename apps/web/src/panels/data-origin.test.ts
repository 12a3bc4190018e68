import { describe, expect, it } from 'vitest';
import { distinctOrigins, loadedAtByOrigin, parseOrigin } from './data-origin.js';

describe('data origins', () => {
  it('tells demo, reference and import batches apart', () => {
    expect(parseOrigin('demo').kind).toBe('demo');
    expect(parseOrigin('reference').kind).toBe('reference');
    expect(parseOrigin('batch:1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed')).toEqual({
      origin: 'batch:1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed',
      kind: 'import',
      batch: '1b9d6bcd',
    });
  });

  it('lists each origin once, in order of first appearance', () => {
    expect(distinctOrigins([{ origin: 'demo' }, { origin: 'reference' }, { origin: 'demo' }])).toEqual(['demo', 'reference']);
  });

  it('takes load times from the area’s permit sources first, then from the data sets', () => {
    const loadedAt = loadedAtByOrigin(
      [{ origin: 'demo', permits: 204, loadedAt: '2026-11-23T11:38:00Z', lastIssued: '2026-10-31' }],
      [
        { name: 'demo', loadedAt: '2026-01-01T00:00:00Z' },
        { name: 'reference', loadedAt: '2026-11-23T11:37:46Z' },
      ],
    );
    expect(loadedAt.get('demo')).toBe('2026-11-23T11:38:00Z');
    expect(loadedAt.get('reference')).toBe('2026-11-23T11:37:46Z');
    expect(loadedAt.has('batch:x')).toBe(false);
  });
});
