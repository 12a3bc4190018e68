// Issue 19 item 15, "Indonesian first, everywhere", as the user sees it in Chromium: import reasons in
// the page's language (with readable values and field names, an ASCII file read as UTF-8), source lines
// that name the import's file instead of its batch id, reference and demo records in the UI's language
// (an Indonesian page showed "non-procedural emigration …", an English one "Jalur PMI nonprosedural …"),
// meeting notes without the source's keys, and trend marks that no longer read as a date.
import { briefingFromTemplate, type BriefingContent } from '@pantau/domain';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { openSignedInPage, signIn } from './page-helpers.js';
import { saveScreenshots } from './screenshots.js';

// Pure ASCII. Row 3 repeats row 2, row 4 lies in Jakarta (outside the analyst's Bangka Belitung), row 5
// ends before it starts.
const REASONS_CSV = [
  'No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kode Kabupaten',
  'LANG-E2E-1;ITAS;WANG WEI;CHN;2024-06-13;2025-06-13;19.04',
  'LANG-E2E-1;ITAS;WANG WEI;CHN;2024-06-13;2025-06-13;19.04',
  'LANG-E2E-2;ITAS;LI NA;CHN;2024-06-13;2025-06-13;31.71',
  'LANG-E2E-3;ITAS;ZHANG SAN;CHN;2024-06-13;2023-06-13;19.04',
  '',
].join('\n');

describe('the app in its language', () => {
  let browser: Browser;
  const baseUrl = inject('e2eBaseUrl');
  const accounts = inject('e2eAccounts');

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The check result of REASONS_CSV on the import page in `lang`: each issue's cells. */
  async function checkedIssues(page: Page, lang: 'id' | 'en'): Promise<string[][]> {
    await page.goto(new URL(`/?page=import${lang === 'en' ? '&lang=en' : ''}`, baseUrl).href);
    await page.getByTestId('import-page').waitFor();
    await page.getByTestId('import-file').setInputFiles({ name: 'izin-bahasa-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(REASONS_CSV, 'utf8') });
    await expect.poll(() => page.getByTestId('import-detected').innerText(), { timeout: 20_000 }).toMatch(/^CSV · /);
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-check-result').waitFor({ timeout: 30_000 });
    const rows = page.getByTestId('import-issue');
    const issues: string[][] = [];
    for (let i = 0; i < (await rows.count()); i++) issues.push(await rows.nth(i).locator('td').allInnerTexts());
    return issues;
  }

  test('import reasons, fields and values read in Indonesian on the Indonesian page and in English on the English one; an ASCII file is UTF-8', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.analyst, { width: 1366, height: 768 });
    const id = await checkedIssues(page, 'id');
    expect(await page.getByTestId('import-detected').innerText()).toBe('CSV · UTF-8 · pemisah «;» · 7 kolom');
    expect(id).toEqual([
      ['3', 'Seluruh baris', 'LANG-E2E-1 (ITAS)', 'sama dengan baris 2 dalam berkas ini'],
      ['4', 'Wilayah', '31.71', 'di luar wilayah kerja Anda: Anda hanya boleh mengimpor baris yang berlokasi di dalamnya'],
      ['5', 'Tanggal berakhir\nkolom «Tgl Berakhir»', '2023-06-13', 'tanggal berakhir (2023-06-13) tidak sesudah tanggal terbit (2024-06-13)'],
    ]);
    expect(await page.getByTestId('import-summary').innerText()).toBe('4 baris dibaca · 1 siap diimpor · 3 ditolak (termasuk 1 duplikat)');
    await page.getByTestId('import-check-result').scrollIntoViewIfNeeded();
    await saveScreenshots(page, 'import-reasons-id');

    const en = await checkedIssues(page, 'en');
    expect(await page.getByTestId('import-detected').innerText()).toMatch(/^CSV · UTF-8 · /);
    expect(en).toEqual([
      ['3', 'Whole row', 'LANG-E2E-1 (ITAS)', 'duplicate of row 2 in this file'],
      ['4', 'Area', '31.71', 'outside your work area: you may import only rows located in it'],
      ['5', 'Expiry date\ncolumn “Tgl Berakhir”', '2023-06-13', 'expiry (2023-06-13) is not after issue (2024-06-13)'],
    ]);
    // One duplicate, one row: singular in English.
    expect(await page.getByTestId('import-summary').innerText()).toBe('4 rows read · 1 ready to import · 3 refused (including 1 duplicate)');
    expect(await page.getByTestId('import-commit').innerText()).toBe('Import 1 row');
    await page.getByTestId('import-check-result').scrollIntoViewIfNeeded();
    await saveScreenshots(page, 'import-reasons-en');
    await page.context().close();
  }, 180_000);

  test('a source line names the import by its file, not its batch id', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.admin, { width: 1366, height: 768 });
    const origin = new URL(baseUrl).origin;
    const csv =
      'No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kode Kabupaten\nSRC-E2E-1;ITAS;CHEN LI;CHN;2024-01-02;2026-01-02;19.04\n';
    const started = await page.request.post(new URL('/api/v1/imports', baseUrl).href, {
      headers: { origin },
      multipart: { kind: 'permits', file: { name: 'izin-bangka-tengah-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') } },
    });
    expect(started.status()).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let batchId: string | null = null;
    await expect
      .poll(
        async () => {
          const job = (await (await page.request.get(new URL(`/api/v1/imports/${id}`, baseUrl).href)).json()) as {
            status: string;
            report?: { batchId: string | null };
          };
          batchId = job.report?.batchId ?? null;
          return job.status;
        },
        { timeout: 30_000 },
      )
      .toBe('done');
    try {
      // Rolled back below: the shared fixture's Bangka Tengah keeps its 22 ITAS for the other tests.
      await page.goto(new URL('/?region=19.04&asOf=2024-06-13&lang=id', baseUrl).href);
      const sources = page.locator('.panel .panel-source');
      await expect
        .poll(async () => (await sources.allInnerTexts()).join('\n'), { timeout: 30_000 })
        .toMatch(/impor berkas izin-bangka-tengah-e2e\.csv · 1 izin · izin terbit s\.d\. 2 Jan 2024 · dimuat \d{1,2} \w{3} \d{4}/);
      expect((await sources.allInnerTexts()).join('\n')).not.toMatch(/impor [0-9a-f]{8}\b/);
      await saveScreenshots(page, 'area-panel-import-source');
    } finally {
      const rolledBack = await page.request.post(new URL(`/api/v1/imports/${batchId}/rollback`, baseUrl).href, { headers: { origin } });
      expect(rolledBack.status()).toBe(200);
      await page.context().close();
    }
  }, 180_000);

  test('a reference risk area and meeting read in the UI language, both in their panels and in the area panel', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.admin, { width: 1366, height: 768 });
    const risks = (await (await page.request.get(new URL('/api/v1/risk-areas?area=19.04&limit=50', baseUrl).href)).json()) as {
      items: Array<{ id: number; origin: string }>;
    };
    const risk = risks.items.find((r) => r.origin === 'reference')!;
    const meetings = (await (await page.request.get(new URL('/api/v1/meetings?area=19.04&from=2024-06-13&to=2024-06-13', baseUrl).href)).json()) as {
      items: Array<{ id: number; origin: string }>;
    };
    const meeting = meetings.items.find((m) => m.origin === 'reference')!;
    const panel = page.locator('.panel').last();

    await page.goto(new URL(`/?region=19.04&asOf=2024-06-13&select=risk_area:${risk.id}`, baseUrl).href);
    await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toContain('Jalur PMI nonprosedural — Rapat TIMPORA Kabupaten Bangka Tengah');
    expect(await panel.innerText()).toContain('warga berangkat bekerja ke luar negeri secara ilegal');
    expect(await panel.innerText()).not.toContain('non-procedural');
    await saveScreenshots(page, 'risk-panel-id');

    await page.goto(new URL(`/?region=19.04&asOf=2024-06-13&select=risk_area:${risk.id}&lang=en`, baseUrl).href);
    await expect
      .poll(() => panel.innerText(), { timeout: 30_000 })
      .toContain('Non-procedural emigration of Indonesian workers — Rapat TIMPORA Kabupaten Bangka Tengah');
    expect(await panel.innerText()).not.toContain('Jalur PMI nonprosedural —');
    await saveScreenshots(page, 'risk-panel-en');

    // The language chosen stays with the browser: the Indonesian page is asked for by name.
    await page.goto(new URL(`/?region=19.04&asOf=2024-06-13&select=meeting:${meeting.id}&lang=id`, baseUrl).href);
    await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toContain('Pemegang ITAS (di dalam negeri): 22');
    expect(await panel.innerText()).not.toMatch(/itas_holders|itap_holders|Risk \(/);
    await saveScreenshots(page, 'meeting-panel-id');

    // The area panel: its risk list and its trend marks ("28 orang, Jun 2024", not "Terendah 1 Jul 2019").
    await page.goto(new URL('/?region=19.04&asOf=2024-06-13&lang=en', baseUrl).href);
    const areaPanel = page.locator('.panel').last();
    await expect.poll(() => areaPanel.innerText(), { timeout: 30_000 }).toContain('Non-procedural emigration of Indonesian workers — Rapat TIMPORA');
    const marks = page.locator('[data-testid="trend-sparkline"] .panel-trend-marks dd');
    await marks.first().waitFor({ timeout: 30_000 });
    for (const text of await marks.allInnerTexts()) expect(text).toMatch(/^\d[\d,]* (person|people), [A-Z][a-z]+ \d{4}$/);
    await page.goto(new URL('/?region=19.04&asOf=2024-06-13&lang=id', baseUrl).href);
    await expect.poll(() => areaPanel.innerText(), { timeout: 30_000 }).toContain('Jalur PMI nonprosedural — Rapat TIMPORA');
    await page.locator('[data-testid="trend-sparkline"] .panel-trend-marks dd').first().waitFor({ timeout: 30_000 });
    for (const text of await page.locator('[data-testid="trend-sparkline"] .panel-trend-marks dd').allInnerTexts())
      expect(text).toMatch(/^\d[\d.]* orang, [A-Z][a-z]+ \d{4}$/);
    await saveScreenshots(page, 'area-panel-id');
    await page.context().close();
  }, 180_000);

  test("the API answers in the page's language, not the browser's: a briefing's operation findings on an Indonesian browser in English and the other way round", async () => {
    // The slide panels read record texts from the API, which follows Accept-Language: the page sends its
    // own language, so an English browser on the Indonesian page no longer shows English findings.
    const cases = [
      { locale: 'id-ID', lang: 'en', shown: /waiting for new KITAS/, hidden: /menunggu penerbitan KITAS/ },
      { locale: 'en-US', lang: 'id', shown: /menunggu penerbitan KITAS/, hidden: /waiting for new KITAS/ },
    ] as const;
    for (const { locale, lang, shown, hidden } of cases) {
      const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await signIn(page, baseUrl, accounts.admin);
      const base = briefingFromTemplate('enforcement', { areaCode: '17.07', areaName: 'Kabupaten Lebong', date: '2016-11-17', lang });
      const slide = base.slides.find((candidate) => candidate.panels.some((panel) => panel.kind === 'operations'))!;
      const content: BriefingContent = { ...base, audience: 'internal', slides: [{ ...slide, panels: [{ kind: 'operations', limit: 10, findings: true }] }] };
      const created = await page.request.post(new URL('/api/v1/briefings', baseUrl).href, { data: content, headers: { origin: new URL(baseUrl).origin } });
      expect(created.status()).toBe(201);
      const id = ((await created.json()) as { briefing: { id: number } }).briefing.id;
      const languages: string[] = [];
      page.on('request', (request) => {
        if (new URL(request.url()).pathname.startsWith('/api/v1/operations')) languages.push(request.headers()['accept-language'] ?? '');
      });
      await page.goto(new URL(`/?page=briefing&briefing=${id}&lang=${lang}`, baseUrl).href);
      const panel = page.getByTestId('panel-operations');
      await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toMatch(shown);
      expect(await panel.innerText()).not.toMatch(hidden);
      expect(languages.length).toBeGreaterThan(0);
      expect(new Set(languages)).toEqual(new Set([lang]));
      await context.close();
    }
  }, 120_000);

  test('a demo company site reads in English on the English page', async () => {
    const { page } = await openSignedInPage(browser, baseUrl, accounts.admin, { width: 1366, height: 768 });
    const companies = (await (await page.request.get(new URL('/api/v1/companies?area=19.04&asOf=2024-06-13&lang=id', baseUrl).href)).json()) as {
      items: Array<{ id: number; origin: string; sites: Array<{ name: string }> }>;
    };
    const company = companies.items.find((c) => c.origin === 'demo' && c.sites[0]?.name === 'Kantor dan lokasi utama')!;
    const panel = page.locator('.panel').last();
    await page.goto(new URL(`/?region=19.04&asOf=2024-06-13&select=company:${company.id}&lang=en`, baseUrl).href);
    await expect.poll(() => panel.innerText(), { timeout: 30_000 }).toContain('Main office and site');
    expect(await panel.innerText()).not.toContain('Kantor dan lokasi utama');
    await saveScreenshots(page, 'company-panel-en');
    await page.context().close();
  }, 120_000);
});
