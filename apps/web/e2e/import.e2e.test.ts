// The import page end to end, as an analyst uses it: a semicolon CSV of permits made here with one bad
// row, its preview and proposed mapping, one column mapped by hand, the check with the row-level error
// and its CSV, the import to 100 %, the batch in the history and its rollback — the built app, served
// by the real API over the PGlite fixture, in headless Chromium.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { expectOnlyOwnHost, openGuardedPage, RESULTS_DIR, screenshot, waitForPaintedMap } from './page-helpers.js';

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
  }
}

// "WN" is no synonym of any field: the page proposes to ignore it and the user maps it to the
// nationality. Row 4 has a two-digit year and a nationality that looks like a formula; the accents
// make the encoding recognisable as UTF-8 (an all-ASCII file reads the same in any encoding).
const FILE_NAME = 'daftar-itas-e2e.csv';
const CSV = [
  'No. Izin Tinggal;Jenis Izin;Nama;WN;Tgl Terbit;Tgl Berakhir;Kabupaten;Catatan',
  'E2E-IMP-001;KITAS;WANG WEI;TIONGKOK;13/06/2024;12/06/2025;Kab. Lebong;pindahan',
  'E2E-IMP-002;ITAS;JOSÉ GARCÍA;Spanyol;01/03/2024;01/03/2025;LEBONG;',
  'E2E-IMP-003;KITAS;LI NA;=Atlantis;13/06/24;13/06/2025;Kabupaten Lebong;',
  '',
].join('\n');

describe('the import page', () => {
  let browser: Browser;
  let page: Page;
  let requestedUrls: string[];
  const baseUrl = inject('e2eBaseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, requestedUrls } = await openGuardedPage(browser));
  });

  afterAll(async () => {
    if (page) await expectOnlyOwnHost(page, requestedUrls, baseUrl);
    await browser?.close();
  });

  /**
   * Waits for the element named; where the app asks who is there first (accounts, issue 7), the demo
   * admin signs in on the way: it may import and download every kind.
   */
  async function signInIfAsked(testId: string): Promise<void> {
    const signIn = page.getByTestId('sign-in-page');
    const target = page.getByTestId(testId);
    await Promise.race([signIn.waitFor({ timeout: 30_000 }), target.waitFor({ timeout: 30_000 })]);
    if (await signIn.isVisible()) {
      await page.getByTestId('sign-in-email').fill('admin@demo.pantau.id');
      await page.getByTestId('sign-in-password').fill('pantau-demo-2024');
      await page.getByTestId('sign-in-submit').click();
      await target.waitFor({ timeout: 30_000 });
    }
  }

  const mappingOf = (header: string) => page.locator(`[data-testid="import-mapping"][data-header="${header}"]`);

  test('a semicolon CSV with one bad row is previewed, mapped, checked, its error downloaded, imported to 100 % and rolled back', async () => {
    await page.goto(new URL('/?page=import&region=17.07', baseUrl).href);
    await signInIfAsked('import-page');
    expect(await page.getByRole('heading', { level: 2 }).first().innerText()).toBe('Impor data');

    await page.getByTestId('import-file').setInputFiles({ name: FILE_NAME, mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });

    // How the file was read, and its rows as written.
    await expect.poll(() => page.getByTestId('import-detected').innerText(), { timeout: 20_000 }).toContain('pemisah «;»');
    expect(await page.getByTestId('import-detected').innerText()).toBe('CSV · UTF-8 · pemisah «;» · 8 kolom');
    const previewRows = page.locator('[data-testid="import-preview"] tbody tr');
    expect(await previewRows.count()).toBe(3);
    expect(await previewRows.nth(2).innerText()).toContain('13/06/24');

    // The proposed mapping: known headers mapped, the others ignored, the nationality missing.
    expect(await mappingOf('No. Izin Tinggal').inputValue()).toBe('permitNumber');
    expect(await mappingOf('Tgl Terbit').inputValue()).toBe('issuedOn');
    expect(await mappingOf('Kabupaten').inputValue()).toBe('regency');
    expect(await mappingOf('WN').inputValue()).toBe('');
    expect(await mappingOf('Catatan').inputValue()).toBe('');
    expect(await page.getByTestId('import-missing').innerText()).toContain('Kewarganegaraan');
    expect(await page.getByTestId('import-check').isDisabled()).toBe(true);
    // What the vocabularies make of the shown spellings (issue 24), for the columns mapped.
    const vocabulary = await page.getByTestId('import-vocabulary').innerText();
    expect(vocabulary).toContain('«KITAS» → itas (2 baris)');
    expect(vocabulary).toContain('«ITAS» → itas (1 baris)');
    expect(vocabulary).not.toContain('TIONGKOK');

    // One mapping changed by hand.
    await mappingOf('WN').selectOption('nationality');
    await expect.poll(() => page.getByTestId('import-missing').count()).toBe(0);
    await screenshot(page, 'import-preview-mapping');

    // The check: a summary and the bad row with its field, value and reason.
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-check-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-summary').innerText()).toBe('3 baris dibaca · 2 siap diimpor · 1 ditolak');
    const issues = page.getByTestId('import-issue');
    expect(await issues.count()).toBe(2);
    const dateIssue = await issues.filter({ hasText: 'Tanggal terbit' }).locator('td').allInnerTexts();
    // The reasons in the page's language (issue 19 item 15: they were English on the Indonesian page).
    expect(dateIssue).toEqual(['4', 'Tanggal terbit\nkolom «Tgl Terbit»', '13/06/24', 'tahun dua angka: tulis tahun lengkap (misalnya 13/06/2024)']);
    const nationalityIssue = await issues.filter({ hasText: 'Kewarganegaraan' }).locator('td').allInnerTexts();
    expect(nationalityIssue.slice(0, 3)).toEqual(['4', 'Kewarganegaraan\nkolom «WN»', '=Atlantis']);
    expect(nationalityIssue[3]).toMatch(/^kewarganegaraan tidak dikenal \(/);

    // The errors as CSV, made in the browser, the formula-like value made safe.
    const download = page.waitForEvent('download');
    await page.getByTestId('import-download-issues').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('daftar-itas-e2e-kesalahan.csv');
    const csv = await readFile((await file.path())!, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('Baris,Kolom Pantau,Kolom berkas,Nilai,Alasan');
    expect(lines).toContain('4,Tanggal terbit,Tgl Terbit,13/06/24,tahun dua angka: tulis tahun lengkap (misalnya 13/06/2024)');
    expect(lines.find((line) => line.startsWith('4,Kewarganegaraan,'))).toMatch(/^4,Kewarganegaraan,WN,'=Atlantis,"kewarganegaraan tidak dikenal \(/);
    expect(lines).toHaveLength(3);

    // The import, to 100 %, and its batch at the top of the history.
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-result').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-progress').innerText()).toContain('100%');
    expect(await page.locator('[data-testid="import-progress"] progress').getAttribute('value')).toBe('100');
    expect(await page.getByTestId('import-result').innerText()).toMatch(/^Selesai: 2 baris diimpor sebagai batch [0-9a-f]{8}\.$/);
    const batch = page.getByTestId('import-batch').filter({ hasText: FILE_NAME }).first();
    await batch.waitFor({ timeout: 20_000 });
    expect(await batch.locator('td').allInnerTexts()).toEqual(expect.arrayContaining(['Izin tinggal', FILE_NAME, '3', '2', '1', 'tersimpan']));

    // Nothing sideways at 1366×768: wide tables scroll in their own box.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.screenshot({ path: join(RESULTS_DIR, 'import-done.png'), fullPage: true });

    // Rollback, confirmed first.
    await batch.getByTestId('import-rollback').click();
    expect(await batch.innerText()).toContain('Hapus 2 baris batch ini?');
    await batch.getByTestId('import-rollback-yes').click();
    await expect.poll(() => page.getByTestId('import-rollback-message').innerText(), { timeout: 20_000 }).toMatch(/dibatalkan: 2 baris dihapus/);
    await expect.poll(() => batch.getByTestId('import-batch-status').innerText()).toMatch(/^dibatalkan /);
    expect(await batch.getByTestId('import-rollback').count()).toBe(0);

    // Back to the map, the view kept.
    await page.getByTestId('back-to-map').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('page') === null);
    expect(new URL(page.url()).searchParams.get('region')).toBe('17.07');
  }, 120_000);

  test('a check of located rows shows them on a map before importing, coloured by outcome; the header row below a title is named', async () => {
    // Public reports as an office logs them, below a title line: row 3 stands in Koba (Bangka Tengah) but names
    // Pangkalpinang, about 52 km off (a warning); row 4 is fine; row 5 has a category no vocabulary knows (refused).
    const reports = [
      'REKAP LAPORAN MASYARAKAT JUNI 2024',
      'Tanggal;Saluran;Kategori;Kabupaten/Kota;Lintang;Bujur;Ringkasan',
      '13/06/2024 09:30;WA;TKA ilegal;Kota Pangkal Pinang;-2.53;106.45;Pekerja asing di Koba (e2e)',
      '13/06/2024 11:00;WA;overstay;Kota Pangkal Pinang;-2.111;106.114;Di dalam kota (e2e)',
      '13/06/2024 12:00;WA;bukan kategori;Bangka Tengah;-2.2;106.2;Ditolak (e2e)',
      '',
    ].join('\n');
    await page.goto(new URL('/?page=import', baseUrl).href);
    await signInIfAsked('import-page');
    await page.getByTestId('import-kind').selectOption('reports');
    await page.getByTestId('import-file').setInputFiles({ name: 'laporan-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(reports, 'utf8') });
    await expect.poll(() => page.getByTestId('import-header-row').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('import-header-row').innerText()).toContain('2');

    await page.getByTestId('import-check').click();
    await page.getByTestId('import-check-result').waitFor({ timeout: 30_000 });
    const map = page.getByTestId('import-preview-map');
    await map.waitFor({ timeout: 30_000 });
    expect(await map.getAttribute('data-points')).toBe('3');
    // Drawn by MapLibre, not only listed: the points rendered on the canvas, fitted to their bounds.
    await expect.poll(() => map.getAttribute('data-drawn'), { timeout: 30_000 }).toBe('3');
    const summary = await page.getByTestId('import-preview-summary').innerText();
    expect(summary).toContain('1 diimpor');
    expect(summary).toContain('1 dengan koreksi atau peringatan');
    expect(summary).toContain('1 ditolak');
    expect(await page.getByTestId('import-check-result').innerText()).toMatch(/Baris 3: titiknya 5\d[.,]\d km di luar Kota Pangkal Pinang/);
    await screenshot(page, 'import-preview-map');
  }, 120_000);

  test('the map links to the import page, and its sidebar offers the exports of the view with its filters', async () => {
    await page.goto(new URL('/?region=19.04&asOf=2024-06-13&nationality=CHN&purpose=work', baseUrl).href);
    await signInIfAsked('map');
    await waitForPaintedMap(page);

    // On a laptop the open detail panel folds the sidebar away: the user opens it again.
    if (await page.locator('#sidebar').isHidden()) await page.getByTestId('sidebar-toggle').click();
    const menu = page.getByTestId('export-menu');
    await menu.locator('summary').click();
    const permitsCsv = await page.getByTestId('export-permits-csv').getAttribute('href');
    expect(permitsCsv).toBe('/api/v1/exports/permits.csv?asOf=2024-06-13&permitType=itas,itap&nationality=CHN&purpose=work&area=19.04&lang=id');
    // Operations take only the area and period (and the language): the permit filters are not theirs.
    expect(await page.getByTestId('export-operations-geojson').getAttribute('href')).toBe('/api/v1/exports/operations.geojson?area=19.04&lang=id');
    // The permits of the view, as the map counts them (22 ITAS + 6 ITAP in Bangka Tengah, the Chinese working ones among them).
    const response = await page.request.get(new URL(permitsCsv!, baseUrl).href);
    expect(response.status()).toBe(200);
    const rows = (await response.text()).trim().split('\n').slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(28);
    expect(rows.every((row) => row.includes(',CHN,'))).toBe(true);

    // The header keeps to one line at 1366 px with the new link.
    expect(
      await page.evaluate(() => {
        const header = document.querySelector('.page-header');
        return header !== null && header.scrollWidth <= header.clientWidth && header.getBoundingClientRect().height < 70;
      }),
    ).toBe(true);
    await menu.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-export-menu');

    await page.getByTestId('open-import').click();
    await page.getByTestId('import-page').waitFor();
    const search = new URL(page.url()).searchParams;
    expect(search.get('page')).toBe('import');
    expect(search.get('region')).toBe('19.04');
  }, 120_000);
});
