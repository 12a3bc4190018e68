// What an officer reads in the panel for Bangka Tengah on 2024-06-13, rendered to HTML with the real
// locale files (the figures come from a fixture answer of the API, not from a server).
import { createInstance, type i18n as I18n } from 'i18next';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import panelsEn from '../i18n/locales/en/panels.json';
import panelsId from '../i18n/locales/id/panels.json';
import type { AreaComparison, AreaSummary } from '../api/panels-api.js';
import { AreaSummaryView } from './area-detail.js';
import { CompareTables } from './compare-block.js';
import compareFixture from './fixtures/area-compare-19.04.json';
import summaryFixture from './fixtures/area-summary-19.04.json';

const summary = summaryFixture as AreaSummary;
const comparison = compareFixture as AreaComparison;
const noop = () => {};

function i18nFor(lang: 'id' | 'en'): I18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    lng: lang,
    fallbackLng: 'id',
    ns: ['panels'],
    defaultNS: 'panels',
    resources: { id: { panels: panelsId }, en: { panels: panelsEn } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

function render(lang: 'id' | 'en', element: ReactElement): string {
  return renderToStaticMarkup(<I18nextProvider i18n={i18nFor(lang)}>{element}</I18nextProvider>);
}

function textOf(html: string, testId: string): string | undefined {
  return new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`).exec(html)?.[1];
}

const datasets = [{ name: 'reference', loadedAt: '2026-11-23T11:37:46Z' }];

describe('area detail panel', () => {
  it('shows the ITAS and ITAP holders of Bangka Tengah on 13 June 2024', () => {
    const html = render('id', <AreaSummaryView summary={summary} datasets={datasets} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />);
    expect(textOf(html, 'detail-itas')).toBe('22');
    expect(textOf(html, 'detail-itap')).toBe('6');
    // Beside the people: the permits they hold and the people waiting for one.
    expect(textOf(html, 'detail-permits')).toBe('28');
    expect(textOf(html, 'detail-pending')).toBe('0');
    expect(html).toContain('Menunggu izin');
    expect(html).toContain('Kabupaten Bangka Tengah');
    expect(html).toContain('per 13 Juni 2024');
    expect(html).toContain('Pemegang izin tinggal');
    expect(html).toContain('Kewarganegaraan terbanyak');
    expect(html).toContain('Tiongkok');
  });

  it('names where every block’s figures come from, when they were loaded, and marks demo items', () => {
    const html = render('id', <AreaSummaryView summary={summary} datasets={datasets} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />);
    expect(html).toContain('data demo');
    expect(html).toContain('dimuat 23 Nov 2026');
    expect(html).toContain('data rujukan'); // the reference meeting and risk area
    expect(html).toContain('>DEMO<');
  });

  it('translates operation outcomes and administrative actions (TAK)', () => {
    const indonesian = render('id', <AreaSummaryView summary={summary} datasets={[]} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />);
    expect(indonesian).toContain('Deportasi 1');
    expect(indonesian).toContain('Biaya beban 2');
    expect(indonesian).toContain('Ada pelanggaran');
    const english = render('en', <AreaSummaryView summary={summary} datasets={[]} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />);
    expect(english).toContain('Deportation (deportasi) 1');
    expect(english).toContain('Violation found');
    expect(english).toContain('13 June 2024');
  });

  it('tells the viewer that record blocks are hidden for its role and still shows the counts', () => {
    const { topSponsors: _s, riskAreas: _r, lastOperations: _o, lastMeeting: _m, ...aggregates } = summary;
    const counts: AreaSummary = { ...aggregates, openReports: { count: summary.openReports.count } };
    const html = render('en', <AreaSummaryView summary={counts} datasets={datasets} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />);
    expect(textOf(html, 'detail-itas')).toBe('22');
    expect(html.match(/Hidden for your role\./g)?.length).toBe(5);
    expect(html).not.toContain('No operation recorded yet.');
    expect(html).not.toContain('No company sponsor.');
  });

  it('counts an operation in English with singular and plural forms ("1 violation", not "1 violations")', () => {
    const single = { ...summary, lastOperations: [{ ...summary.lastOperations![0]!, targets: 1, foreignersChecked: 1, violations: 1 }] };
    const html = render('en', <AreaSummaryView summary={single} datasets={datasets} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />);
    expect(html).toContain('1 target · 1 foreigner checked · 1 violation<');
    const many = render('en', <AreaSummaryView summary={summary} datasets={datasets} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />);
    expect(many).toContain('2 targets · 9 foreigners checked · 3 violations');
    expect(many).toContain('>1 active permit<');
    expect(many).toContain('>4 active permits<');
    expect(
      render('id', <AreaSummaryView summary={single} datasets={datasets} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />),
    ).toContain('1 sasaran · 1 WNA diperiksa · 1 pelanggaran');
  });

  it('links each parent area in the breadcrumb', () => {
    const html = render('id', <AreaSummaryView summary={summary} datasets={[]} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />);
    expect(html).toMatch(/<nav aria-label="Wilayah induk">.*Kepulauan Bangka Belitung.*<\/nav>/);
  });

  it('shows the comparison block only when the view compares two dates', () => {
    const plain = render('id', <AreaSummaryView summary={summary} datasets={[]} filters={{ asOf: '2024-06-13' }} onClose={noop} onSelectArea={noop} />);
    expect(plain).not.toContain('data-testid="compare-block"');
    const compared = render(
      'id',
      <AreaSummaryView summary={summary} datasets={[]} filters={{ asOf: '2024-06-13', compareWith: '2023-06-13' }} onClose={noop} onSelectArea={noop} />,
    );
    expect(compared).toContain('data-testid="compare-block"');
  });
});

describe('two-date comparison', () => {
  it('gives the change in ITAS holders with a sign, an arrow and a word, not colour alone', () => {
    const html = render('id', <CompareTables comparison={comparison} />);
    const itasRow = /<tr[^>]*data-change-row="itas".*?<\/tr>/.exec(html)?.[0] ?? '';
    expect(itasRow).toContain('15');
    expect(itasRow).toContain('22');
    expect(itasRow).toContain('▲');
    expect(itasRow).toContain('naik');
    expect(itasRow).toContain('+7');
  });

  it('lists the nationalities that changed most, with decreases marked', () => {
    const html = render('en', <CompareTables comparison={comparison} />);
    expect(html).toContain('Netherlands');
    expect(html).toMatch(/China.*?▼.*?down.*?\u22121/);
    expect(html).not.toContain('Türkiye'); // unchanged
  });
});
