import { describe, expect, test } from 'vitest';
import { permissionsOf, ROLES } from './access.js';
import {
  areaSummaryForRole,
  fieldRulesOf,
  hiddenExportColumns,
  PERSONAL_EXPORT_COLUMNS,
  PERSONAL_TEXT_FIELDS,
  recordForRole,
  searchResultsForRole,
} from './fields.js';

const operation = { id: 1, team: 'Timpora', notes: 'a.n. X', targets: [{ id: 2, place: 'Hotel', findings: 'WNA a.n. X' }] };

describe('field rules', () => {
  test('roles with personal data get every field; the others none of the free text, nested targets included', () => {
    for (const role of ROLES) {
      const shown = recordForRole('operation', operation, permissionsOf(role));
      if (permissionsOf(role).personalData) expect(shown).toEqual(operation);
      else expect(shown).toEqual({ id: 1, team: 'Timpora', targets: [{ id: 2, place: 'Hotel' }] });
    }
  });

  test('every personal export column names a personal text field, and is hidden exactly when that field is', () => {
    for (const [kind, columns] of Object.entries(PERSONAL_EXPORT_COLUMNS)) {
      for (const [, [recordKind, field]] of Object.entries(columns)) expect(PERSONAL_TEXT_FIELDS[recordKind]).toContain(field);
      expect(hiddenExportColumns(kind, { personalData: true })).toEqual([]);
      expect(hiddenExportColumns(kind, { personalData: false }).sort()).toEqual(Object.keys(columns).sort());
    }
  });

  test('the viewer gets area search results and summary counts only', () => {
    const viewer = permissionsOf('viewer');
    expect(searchResultsForRole({ areas: [1], companies: [2], places: [3] }, viewer)).toEqual({ areas: [1] });
    const summary = {
      area: {},
      asOf: '2024-06-13',
      holders: {},
      sources: [],
      topSponsors: [{ id: 1 }],
      riskAreas: [],
      lastOperations: [],
      lastMeeting: null,
      openReports: { count: 3, items: [{ id: 9 }] },
    };
    expect(areaSummaryForRole(summary, viewer)).toEqual({ area: {}, asOf: '2024-06-13', holders: {}, sources: [], openReports: { count: 3 } });
    expect(areaSummaryForRole(summary, permissionsOf('agency_member'))).toEqual(summary);
  });

  test('the rule table hides free text from the agency member and the viewer only', () => {
    expect(fieldRulesOf('agency_member').operationTarget).toEqual(['findings']);
    expect(fieldRulesOf('analyst').operationTarget).toEqual([]);
  });
});
