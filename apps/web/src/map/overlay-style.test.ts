import { describe, expect, test } from 'vitest';
import { overlayOfLayerId, recordOfFeature } from './overlay-style.js';

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
