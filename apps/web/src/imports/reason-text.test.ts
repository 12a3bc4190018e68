import { IMPORT_NOTE_CODES, IMPORT_REASON_CODES, importNote, importReason } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { createI18n } from '../i18n/i18n.js';
import dataEn from '../i18n/locales/en/data.json';
import dataId from '../i18n/locales/id/data.json';
import { issueReasonText, noteText } from './reason-text.js';

const dataT = (lang: 'id' | 'en') => createI18n(lang).getFixedT(lang, 'data');
const originLabel = (origin: string) => (origin === 'demo' ? 'DEMO-ORIGIN' : `LABEL(${origin})`);
const hasKey = (messages: Record<string, string>, code: string) => code in messages || (`${code}_one` in messages && `${code}_other` in messages);

describe('import reasons in the page language', () => {
  test.each(IMPORT_REASON_CODES)('the reason %s is worded in Indonesian and English', (code) => {
    expect(hasKey(dataId.reasons, code)).toBe(true);
    expect(hasKey(dataEn.reasons, code)).toBe(true);
  });

  test.each(IMPORT_NOTE_CODES)('the note %s is worded in Indonesian and English', (code) => {
    expect(code in dataId.notes).toBe(true);
    expect(code in dataEn.notes).toBe(true);
  });

  test('a reason reads in Indonesian with its parameters, and the English page keeps the English sentence', () => {
    const issue = importReason('expiry_not_after_issue', { expiresOn: '2023-06-13', issuedOn: '2024-06-13' });
    expect(issueReasonText(dataT('id'), issue, originLabel)).toBe('tanggal berakhir (2023-06-13) tidak sesudah tanggal terbit (2024-06-13)');
    expect(issueReasonText(dataT('en'), issue, originLabel)).toBe(issue.reason);
  });

  test('area levels, origins and nested list items are worded too', () => {
    const unknown = importReason('area_name_unknown', { level: 'regency', name: 'Atlantis', closest: '' });
    expect(issueReasonText(dataT('id'), unknown, originLabel)).toBe('kabupaten/kota «Atlantis» tidak dikenal');
    const closest = importReason('area_name_unknown', { level: 'district', name: 'Kobaa', closest: 'Koba (19.04.01)' });
    expect(issueReasonText(dataT('id'), closest, originLabel)).toBe('kecamatan «Kobaa» tidak dikenal; yang paling mirip: Koba (19.04.01)');
    expect(issueReasonText(dataT('id'), importReason('already_in_pantau', { origin: 'demo' }), originLabel)).toBe('sudah ada di Pantau (DEMO-ORIGIN)');
    const inner = importReason('unknown_action', { expected: 'deportation, fine' });
    const item = importReason('list_item', { index: 2, item: 'usir', reason: inner.reason, inner: inner.code, ...inner.params });
    expect(issueReasonText(dataT('id'), item, originLabel)).toBe('butir ke-2 («usir»): tindakan administratif (TAK) tidak dikenal (salah satu dari: deportation, fine)');
  });

  test('English counts take their singular form', () => {
    const one = importReason('outcome_no_violation_counted', { violations: 1 });
    expect(issueReasonText(dataT('en'), one, originLabel)).toBe('says no violation, but 1 violation is counted');
    expect(issueReasonText(dataT('en'), importReason('outcome_no_violation_counted', { violations: 3 }), originLabel)).toBe('says no violation, but 3 violations are counted');
  });

  test('a reason stored before codes existed, or with a code the page does not know, shows its English sentence', () => {
    expect(issueReasonText(dataT('id'), { reason: 'required, empty' }, originLabel)).toBe('required, empty');
    expect(issueReasonText(dataT('id'), { code: 'a_future_code', params: {}, reason: 'something new' }, originLabel)).toBe('something new');
  });

  test('a note on the file reads in Indonesian', () => {
    expect(noteText(dataT('id'), importNote('placed_at_label_point', { records: 'company_sites' }))).toBe(
      'Sebagian lokasi perusahaan tidak punya koordinat: ditempatkan di titik label kecamatan atau kabupaten/kotanya.',
    );
  });
});
