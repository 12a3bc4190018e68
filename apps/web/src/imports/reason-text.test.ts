import { IMPORT_NOTE_CODES, IMPORT_REASON_CODES, IMPORT_TEXTS, importNote, importReason } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { issueReasonText, noteText } from './reason-text.js';

const originLabel = (origin: string) => (origin === 'demo' ? 'DEMO-ORIGIN' : `LABEL(${origin})`);
const hasKey = (messages: Record<string, string>, code: string) => code in messages || (`${code}_one` in messages && `${code}_other` in messages);

describe('import reasons in the page language', () => {
  test.each(IMPORT_REASON_CODES)('the reason %s is worded in Indonesian and English', (code) => {
    expect(hasKey(IMPORT_TEXTS.id.reasons, code)).toBe(true);
    expect(hasKey(IMPORT_TEXTS.en.reasons, code)).toBe(true);
  });

  test.each(IMPORT_NOTE_CODES)('the note %s is worded in Indonesian and English', (code) => {
    expect(code in IMPORT_TEXTS.id.notes).toBe(true);
    expect(code in IMPORT_TEXTS.en.notes).toBe(true);
  });

  test('a reason reads in Indonesian with its parameters, and the English page keeps the English sentence', () => {
    const issue = importReason('expiry_not_after_issue', { expiresOn: '2023-06-13', issuedOn: '2024-06-13' });
    expect(issueReasonText('id', issue, originLabel)).toBe('tanggal berakhir (2023-06-13) tidak sesudah tanggal terbit (2024-06-13)');
    expect(issueReasonText('en', issue, originLabel)).toBe(issue.reason);
  });

  test('area levels, origins and nested list items are worded too', () => {
    const unknown = importReason('area_name_unknown', { level: 'regency', name: 'Atlantis', closest: '' });
    expect(issueReasonText('id', unknown, originLabel)).toBe('kabupaten/kota «Atlantis» tidak dikenal');
    const closest = importReason('area_name_unknown', { level: 'district', name: 'Kobaa', closest: 'Koba (19.04.01)' });
    expect(issueReasonText('id', closest, originLabel)).toBe('kecamatan «Kobaa» tidak dikenal; yang paling mirip: Koba (19.04.01)');
    expect(issueReasonText('id', importReason('already_in_pantau', { origin: 'demo' }), originLabel)).toBe('sudah ada di Pantau (DEMO-ORIGIN)');
    const inner = importReason('unknown_action', { expected: 'deportation, fine' });
    const item = importReason('list_item', { index: 2, item: 'usir', reason: inner.reason, inner: inner.code, ...inner.params });
    expect(issueReasonText('id', item, originLabel)).toBe(
      'butir ke-2 («usir»): tindakan administratif (TAK) tidak dikenal (salah satu dari: deportation, fine)',
    );
  });

  test('English counts take their singular form', () => {
    const one = importReason('outcome_no_violation_counted', { violations: 1 });
    expect(issueReasonText('en', one, originLabel)).toBe('says no violation, but 1 violation is counted');
    expect(issueReasonText('en', importReason('outcome_no_violation_counted', { violations: 3 }), originLabel)).toBe(
      'says no violation, but 3 violations are counted',
    );
  });

  test('a reason stored before codes existed, or with a code the page does not know, shows its English sentence', () => {
    expect(issueReasonText('id', { reason: 'required, empty' }, originLabel)).toBe('required, empty');
    expect(issueReasonText('id', { code: 'a_future_code', params: {}, reason: 'something new' }, originLabel)).toBe('something new');
  });

  test('a note on the file reads in Indonesian', () => {
    expect(noteText('id', importNote('placed_at_label_point', { records: 'company_sites' }))).toBe(
      'Sebagian lokasi perusahaan tidak punya koordinat: ditempatkan di titik label kecamatan atau kabupaten/kotanya.',
    );
  });
});
