// Public reports in Chromium, in Indonesian (issue 22): an analyst records a WhatsApp report in Bangka
// Tengah on the report page, verifies it from the queue, reads its history, and opens it on the map,
// where its panel shows it verified. An agency member sees the queue without the triage buttons.
import { describe, expect, test } from 'vitest';
import { e2eBrowser } from './browser-session.js';
import { onePixelPng } from '../../../test/images.js';
import { screenshot, waitForPaintedMap } from './page-helpers.js';

describe('public reports', () => {
  const { accounts, baseUrl, url, signedIn: openSignedIn } = e2eBrowser();

  test('an analyst records a WhatsApp report in Bangka Tengah, verifies it, and sees it verified on the map', async () => {
    const signedIn = await openSignedIn(accounts.analyst);
    const { page } = signedIn;
    await page.goto(url('/?page=reports&region=19.04'));
    await expect.poll(() => page.getByRole('heading', { name: 'Laporan masyarakat' }).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('report-regency').inputValue(), { timeout: 30_000 }).toBe('19.04');

    await page.getByTestId('report-channel').selectOption('whatsapp');
    await page.getByTestId('report-category').selectOption('illegal_work');
    // The districts of Bangka Tengah load for the chosen regency: Koba.
    await expect
      .poll(async () => (await page.getByTestId('report-district').locator('option').allTextContents()).some((name) => /koba/i.test(name)), { timeout: 30_000 })
      .toBe(true);
    const koba = await page.getByTestId('report-district').locator('option', { hasText: /koba/i }).first().getAttribute('value');
    expect(koba).toMatch(/^19\.04\.\d{2}$/);
    await page.getByTestId('report-district').selectOption(koba!);
    await page.getByTestId('report-summary').fill('Warga melaporkan WNA bekerja di pabrik kolang-kaling tanpa izin');
    await page.getByTestId('report-contact').fill('0812-0000-1111');
    // The resident's photo of the plant goes with the report.
    await page.getByTestId('report-form-photos').setInputFiles({ name: 'pabrik.png', mimeType: 'image/png', buffer: Buffer.from(onePixelPng()) });
    await page.getByTestId('report-submit').click();

    const handled = page.getByTestId('report-handled');
    await expect.poll(() => handled.textContent(), { timeout: 30_000 }).toMatch(/Laporan #\d+ tercatat di .*Koba/i);
    const id = Number(/#(\d+)/.exec((await handled.textContent()) ?? '')![1]);
    // Its photo shows, served by the API (the image decodes: it has a width).
    const photo = page.getByTestId('report-photos').locator('img').first();
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 30_000 }).toBe(1);
    expect(await photo.getAttribute('alt')).toBe(`Foto pabrik.png pada laporan #${id}`);
    // The new report waits in the queue, and leaves it once verified.
    await expect.poll(() => page.getByTestId(`queue-report-${id}`).isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId(`queue-report-${id}`).textContent()).toContain('WhatsApp');
    await page.getByTestId(`verify-${id}`).click();
    await expect.poll(() => handled.textContent(), { timeout: 30_000 }).toContain(`Laporan #${id} diverifikasi.`);
    await expect
      .poll(() => page.getByTestId('report-history').locator('li').allTextContents(), { timeout: 30_000 })
      .toEqual([expect.stringMatching(/^Baru — .*analis@e2e\.pantau\.test/), expect.stringMatching(/^Terverifikasi — .*analis@e2e\.pantau\.test/)]);
    await expect.poll(() => page.getByTestId(`queue-report-${id}`).count()).toBe(0);
    await screenshot(page, 'reports-verified');

    // On the map: the report's panel says it is verified.
    await page.getByTestId('report-map-link').click();
    const panel = page.getByTestId('detail-column');
    await expect.poll(() => panel.textContent(), { timeout: 60_000 }).toContain(`#${id}`);
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain('Terverifikasi');
    expect(new URL(page.url()).searchParams.get('select')).toBe(`report:${id}`);
  });

  test('a place pasted from a WhatsApp location lands in its district; a click on the map sets the point', async () => {
    const signedIn = await openSignedIn(accounts.analyst);
    const { page } = signedIn;
    await page.goto(url('/?page=reports&region=19.04'));
    await expect.poll(() => page.getByTestId('report-regency').inputValue(), { timeout: 30_000 }).toBe('19.04');
    // A click on the map (fitted to Bangka Tengah) fills the point field with coordinates inside the regency's extent.
    const map = page.getByTestId('report-place-map');
    await expect.poll(() => map.locator('canvas').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => map.getAttribute('data-fitted'), { timeout: 30_000 }).toMatch(/^105\.\d+,-2\.\d+,107\.\d+,-2\.\d+$/);
    const box = (await map.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.getByTestId('report-point').inputValue(), { timeout: 30_000 }).toMatch(/^-2\.\d{5}, 10[67]\.\d{5}$/);
    // Something not a place is said so; a Google Maps link of Koba is read, and the report lands in Koba.
    await page.getByTestId('report-point').fill('Koba');
    await expect.poll(() => page.getByText('Bukan koordinat di Indonesia').isVisible()).toBe(true);
    await page.getByTestId('report-point').fill('https://maps.google.com/?q=-2.4897,106.4142');
    await page.getByTestId('report-summary').fill('Lokasi dibagikan pelapor lewat WhatsApp');
    await page.getByTestId('report-submit').click();
    const handled = page.getByTestId('report-handled');
    await expect.poll(() => handled.textContent(), { timeout: 30_000 }).toMatch(/Laporan #\d+ tercatat di Koba\./);
    await expect.poll(() => page.getByTestId('report-point').inputValue()).toBe('');
  });

  test("a viewer and an agency member never see a report's text: not on the map, not on the report page, not from the API", async () => {
    // A report of its own (tests do not lean on each other's data), recorded by an analyst with a text.
    const analyst = await openSignedIn(accounts.analyst);
    await analyst.page.goto(url('/?page=reports&region=19.04'));
    const text = `WNA bekerja di gudang lada tanpa izin ${Date.now()}`;
    const created = await analyst.page.request.post(url('/api/v1/reports'), {
      data: { channel: 'whatsapp', category: 'illegal_work', summary: text, lat: -2.49, lng: 106.4 },
      headers: { origin: new URL(baseUrl).origin },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };

    const viewer = await openSignedIn(accounts.viewer);
    expect((await viewer.page.request.get(url(`/api/v1/reports/${id}`))).status()).toBe(403);
    await viewer.page.goto(url(`/?region=19.04&select=report:${id}`));
    await waitForPaintedMap(viewer.page);
    await viewer.page.goto(url('/?page=reports&region=19.04'));
    await expect.poll(() => viewer.page.locator('body').innerText(), { timeout: 30_000 }).not.toBe('');
    expect(await viewer.page.locator('body').innerText()).not.toContain(text);

    // An agency member reads the report on the map — its category and place — without the text.
    const member = await openSignedIn(accounts.agency_member);
    const answer = await member.page.request.get(url(`/api/v1/reports/${id}`));
    expect(answer.status()).toBe(200);
    expect(JSON.stringify(await answer.json())).not.toContain(text);
    await member.page.goto(url(`/?region=19.04&select=report:${id}`));
    const panel = member.page.getByTestId('detail-column');
    await expect.poll(() => panel.textContent(), { timeout: 60_000 }).toContain(`Laporan #${id}`);
    expect(await panel.textContent()).toContain('Bekerja tanpa izin');
    expect(await member.page.locator('body').innerText()).not.toContain(text);
    await member.page.goto(url('/?page=reports&region=19.04'));
    await expect.poll(() => member.page.getByTestId(`queue-report-${id}`).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await member.page.locator('body').innerText()).not.toContain(text);
  });

  test('an agency member sees the queue of Bangka Tengah without the form or the triage buttons', async () => {
    const signedIn = await openSignedIn(accounts.agency_member);
    const { page } = signedIn;
    await page.goto(url('/?page=reports&region=19.04'));
    await expect.poll(() => page.getByText('Peran Anda hanya dapat membaca laporan.').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('report-form').count()).toBe(0);
    expect(await page.locator('[data-testid^="verify-"]').count()).toBe(0);
  });
});
