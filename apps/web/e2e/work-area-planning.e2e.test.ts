// Planning an office's work area end to end, as the head of Kanim Pangkalpinang: the planning page opens
// on the office's work area, ranks candidates of Bangka Tengah and Kota Pangkalpinang together, shows the
// coverage gaps of the work area, and saves a plan of one target in each regency, which the list, the
// print page and plan.pdf show as the office's, and which the list of either regency shows too.
import * as mupdf from 'mupdf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchChromium } from './browser.js';
import { PANGKALPINANG_OFFICE } from './e2e-accounts.js';
import { expectOnlyOwnHost, openSignedInPage, screenshot } from './page-helpers.js';

const rowsOf = (page: Page) =>
  page.locator('[data-testid="candidate-row"]').evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-candidate') ?? '',
      regency: row.getAttribute('data-regency') ?? '',
    })),
  );
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('planning a work area', () => {
  let browser: Browser;
  let page: Page;
  let requestedUrls: string[];
  const baseUrl = inject('e2eBaseUrl');

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, requestedUrls } = await openSignedInPage(browser, baseUrl, inject('e2eAccounts').office_head, { width: 1440, height: 900 }));
  });

  afterAll(async () => {
    if (page) await expectOnlyOwnHost(page, requestedUrls, baseUrl);
    await browser?.close();
  });

  test('the office head plans the work area by default and saves two targets from its two regencies', async () => {
    await page.goto(new URL('/?page=planning&asOf=2024-06-14', baseUrl).href);
    await page.getByTestId('planning-page').waitFor({ timeout: 30_000 });
    // The office's own work area, chosen without asking, and named in the link.
    await expect.poll(() => new URL(page.url()).searchParams.get('area'), { timeout: 30_000 }).toBe(`office:${PANGKALPINANG_OFFICE}`);
    await expect.poll(() => page.getByTestId('planning-office').inputValue(), { timeout: 30_000 }).toBe(PANGKALPINANG_OFFICE);
    await expect
      .poll(() => page.getByTestId('planning-office').locator('option:checked').innerText(), { timeout: 30_000 })
      .toMatch(/Kantor Imigrasi .*Pangkalpinang/);

    // Candidates of both regencies, ranked together under the office's name.
    await expect.poll(async () => new Set((await rowsOf(page)).map((row) => row.regency)), { timeout: 60_000 }).toEqual(new Set(['19.04', '19.71']));
    expect(await page.getByTestId('planning-error').count()).toBe(0);
    expect(await page.locator('.planning-heading').first().innerText()).toMatch(/Pangkalpinang/);
    const rows = await rowsOf(page);
    await screenshot(page, 'work-area-candidates');
    expect(rows.every((row) => row.regency === '19.04' || row.regency === '19.71')).toBe(true);

    // The map outlines the work area and numbers the candidates shown.
    await expect.poll(() => page.getByTestId('plan-marker').count(), { timeout: 30_000 }).toBeGreaterThan(1);

    // The work area's coverage gaps, under the office.
    const gaps = page.getByTestId('coverage-gap-list');
    await expect.poll(() => gaps.getByTestId('coverage-gap-office').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await gaps.getByTestId('coverage-gap-office').first().innerText()).toMatch(/Pangkalpinang/);

    // One target in each regency.
    const picks = ['19.04', '19.71'].map((regency) => rows.find((row) => row.regency === regency)!);
    for (const pick of picks) await page.locator(`[data-testid="candidate-row"][data-candidate="${pick.id}"] [data-testid="add-to-plan"]`).click();
    await expect.poll(() => page.getByTestId('plan-target').count()).toBe(2);
    const names = await Promise.all(
      picks.map((pick) => page.locator(`[data-testid="candidate-row"][data-candidate="${pick.id}"] [data-testid="candidate-name"]`).innerText()),
    );
    await page.getByTestId('plan-title').fill('Operasi wilayah kerja Kanim Pangkalpinang — uji e2e');
    await page.getByTestId('plan-save').click();
    await expect.poll(() => page.getByTestId('plan-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('draft');
    const planId = new URL(page.url()).searchParams.get('plan');
    expect(planId).toMatch(/^\d+$/);
    await expect
      .poll(() => page.getByTestId('plan-list-item').allInnerTexts(), { timeout: 30_000 })
      .toContain('Operasi wilayah kerja Kanim Pangkalpinang — uji e2e');
    await screenshot(page, 'work-area-planning');

    // What the server stored: the office's plan, one target in each regency.
    const saved = (await page.evaluate(async (id) => (await fetch(`/api/v1/planning/plans/${id}`)).json(), planId)) as {
      areaCode: string;
      areaName: string;
      workAreaCodes: string[];
      targets: Array<{ areaCodes: { regency: string } }>;
    };
    expect(saved).toMatchObject({
      areaCode: `office:${PANGKALPINANG_OFFICE}`,
      areaName: expect.stringMatching(/Pangkalpinang/),
      workAreaCodes: ['19.04', '19.71'],
    });
    expect(saved.targets.map((target) => target.areaCodes.regency).sort()).toEqual(['19.04', '19.71']);

    // Approved, then printed: the print page names the work area and draws both targets; plan.pdf has them.
    await page.getByTestId('plan-approve').click();
    await expect.poll(() => page.getByTestId('plan-status').getAttribute('data-status'), { timeout: 30_000 }).toBe('approved');
    const print = await page.context().newPage();
    await print.goto(new URL(`/?page=plan-print&area=office:${PANGKALPINANG_OFFICE}&plan=${planId}`, baseUrl).href);
    await print.waitForFunction(
      () => document.documentElement.hasAttribute('data-print-ready') || document.documentElement.hasAttribute('data-print-error'),
      undefined,
      { timeout: 60_000 },
    );
    expect(await print.evaluate(() => document.documentElement.getAttribute('data-print-error'))).toBeNull();
    expect(await print.getByTestId('plan-marker').count()).toBe(2);
    expect(await print.locator('.print-header').innerText()).toMatch(/Wilayah kerja .*Pangkalpinang.*19\.04, 19\.71/);
    await print.close();

    const pdf = await page.evaluate(async (id) => {
      const response = await fetch(`/api/v1/planning/plans/${id}/plan.pdf?lang=id`);
      return { status: response.status, bytes: Array.from(new Uint8Array(await response.arrayBuffer())) };
    }, planId);
    expect(pdf.status).toBe(200);
    const pdfDocument = mupdf.Document.openDocument(new Uint8Array(pdf.bytes), 'application/pdf');
    const text = squash(
      Array.from({ length: pdfDocument.countPages() }, (_, i) => pdfDocument.loadPage(i).toStructuredText('preserve-whitespace').asText()).join('\n'),
    );
    expect(text).toContain('Operasi wilayah kerja Kanim Pangkalpinang — uji e2e');
    for (const name of names) expect(text).toContain(squash(name));

    // One regency of the work area: its own candidates, and its plans include the work area's.
    expect(await page.getByTestId('planning-province').count()).toBe(0);
    await page.getByTestId('planning-regency').selectOption('19.71');
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe('19.71');
    expect(await page.getByTestId('planning-office').inputValue()).toBe('');
    await expect.poll(async () => new Set((await rowsOf(page)).map((row) => row.regency)), { timeout: 60_000 }).toEqual(new Set(['19.71']));
    await expect
      .poll(() => page.getByTestId('plan-list-item').allInnerTexts(), { timeout: 30_000 })
      .toContain('Operasi wilayah kerja Kanim Pangkalpinang — uji e2e');
  });
});
