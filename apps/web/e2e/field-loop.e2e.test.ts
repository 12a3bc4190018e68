// The field loop's screens in Chromium, in Indonesian (issue 22): a division head draws a risk area around
// Koba on the map and sees it saved and shown; records the Rakor of Bangka Tengah with a decision and a
// follow-up for Disnaker, and marks the follow-up done. Each step is checked through the API too.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eBrowser } from './browser-session.js';
import { PANGKALPINANG_OFFICE } from './e2e-accounts.js';
import { clickPlace, screenshot, waitForMapAtRest, waitForPaintedMap } from './page-helpers.js';

interface MapProbe {
  __pantauMap?: {
    querySourceFeatures(source: string, options: { sourceLayer: string }): Array<{ id?: number | string; properties: Record<string, unknown> }>;
    getSource(id: string): unknown;
  } | null;
}

describe('the field loop', () => {
  const { accounts, url, signedIn: openSignedIn } = e2eBrowser();
  const getJson = async (page: Page, path: string) => {
    const response = await page.request.get(url(path));
    expect(response.status(), path).toBe(200);
    return (await response.json()) as unknown;
  };

  test('a division head draws a risk area around Koba, saves it, sees it on the map and from the API, and sees it raise the candidates inside it', async () => {
    const signedIn = await openSignedIn(accounts.division_head);
    const { page } = signedIn;
    // Today's candidates of Bangka Tengah before the area exists (the drawn area is valid from today).
    type Candidate = {
      id: string;
      name: string;
      location: { lng: number; lat: number };
      factors: { risk: number };
      raw: { riskAreas: Array<{ category: string; severity: string }> };
      score: number;
    };
    const candidates = async () => ((await getJson(page, '/api/v1/planning/candidates?area=19.04&limit=200')) as { items: Candidate[] }).items;
    const before = await candidates();
    // The candidate nearest Koba town: the outline retyped below is drawn around it.
    const koba = { lng: 106.4, lat: -2.49 };
    const target = [...before].sort(
      (a, b) => Math.hypot(a.location.lng - koba.lng, a.location.lat - koba.lat) - Math.hypot(b.location.lng - koba.lng, b.location.lat - koba.lat),
    )[0]!;
    const around = (d: number) => ({ lat: Number((target.location.lat + d).toFixed(3)), lng: Number((target.location.lng + d).toFixed(3)) });
    const [low, high] = [around(-0.03), around(0.03)];
    const typedCorners = [
      [high.lat, low.lng],
      [high.lat, high.lng],
      [low.lat, high.lng],
      [low.lat, low.lng],
    ] as const;
    // Koba, Bangka Tengah (19.04), close enough that the corners lie well apart on the screen.
    await page.goto(url('/?map=11/-2.49/106.40'));
    await waitForPaintedMap(page);
    await waitForMapAtRest(page);

    await page.getByRole('button', { name: 'Gambar area rawan' }).click();
    const panel = page.getByTestId('draw-panel');
    await expect.poll(() => panel.isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('draw-hint').textContent()).toContain('Klik di peta');

    const corners: Array<[number, number]> = [
      [106.36, -2.47],
      [106.4, -2.44],
      [106.44, -2.47],
      [106.43, -2.53],
      [106.37, -2.53],
    ];
    for (const corner of corners) await clickPlace(page, corner);
    // Clicking the first corner again closes the polygon.
    await clickPlace(page, corners[0]!);
    await expect.poll(() => page.getByTestId('draw-size').textContent(), { timeout: 30_000 }).toMatch(/^5 titik sudut, [\d.,]+ km²$/);
    expect(await page.getByTestId('draw-problem').count()).toBe(0);

    const name = `Kawasan tambang Koba ${Date.now()}`;
    await page.getByLabel('Nama area', { exact: true }).fill(name);
    await page.getByTestId('risk-category').selectOption('illegal_work');
    await page.getByTestId('risk-severity').selectOption('high');
    await page.getByTestId('risk-description').fill('Laporan warga: TKA bekerja di tambang timah tanpa RPTKA');
    await page.getByTestId('risk-source').fill('Rakor Timpora Bangka Tengah');
    await page.getByRole('button', { name: 'Simpan area rawan' }).click();

    const notice = page.getByTestId('draw-notice');
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toMatch(/^Area rawan #\d+ ".*" tersimpan\.$/);
    const id = Number(/#(\d+)/.exec((await notice.textContent()) ?? '')![1]);
    expect(await panel.count()).toBe(0);

    // The API has it in Bangka Tengah, with the five corners drawn.
    const saved = (await getJson(page, `/api/v1/risk-areas/${id}`)) as {
      name: string;
      category: string;
      severity: string;
      regencyCode: string;
      version: number;
      geometry: { type: string; coordinates: number[][][][] };
    };
    expect(saved).toMatchObject({ name, category: 'illegal_work', severity: 'high', regencyCode: '19.04', version: 1 });
    // Stored as a MultiPolygon of one part: the five corners and the first again.
    expect(saved.geometry.type).toBe('MultiPolygon');
    expect(saved.geometry.coordinates).toHaveLength(1);
    expect(saved.geometry.coordinates[0]![0]).toHaveLength(6);
    const list = (await getJson(page, '/api/v1/risk-areas?area=19.04&limit=500')) as { items: Array<{ id: number }> };
    expect(list.items.map((item) => item.id)).toContain(id);

    // On the map: the risk layer is switched on and its tiles carry the new area; its panel is open.
    expect(new URL(page.url()).searchParams.get('layers')?.split(',')).toContain('risk');
    expect(new URL(page.url()).searchParams.get('select')).toBe(`risk_area:${id}`);
    await expect
      .poll(
        () =>
          page.evaluate((wanted) => {
            const map = (window as MapProbe).__pantauMap;
            if (!map?.getSource('overlay-risk')) return false;
            return map.querySourceFeatures('overlay-risk', { sourceLayer: 'risk_areas' }).some((feature) => feature.properties.name === wanted);
          }, name),
        { timeout: 60_000 },
      )
      .toBe(true);
    await expect.poll(() => page.getByTestId('detail-column').textContent(), { timeout: 60_000 }).toContain(name);
    await screenshot(page, 'risk-area-drawn');

    // Changed from the map: the outline opens in the tool, the level goes down, the old one is kept as a version.
    await page.getByRole('button', { name: 'Ubah batas area rawan' }).click();
    await expect.poll(() => page.getByTestId('draw-size').textContent(), { timeout: 30_000 }).toMatch(/^5 titik sudut/);
    await expect.poll(() => page.getByLabel('Nama area', { exact: true }).inputValue()).toBe(name);
    await page.getByTestId('risk-severity').selectOption('medium');
    // Without a mouse: the corners open as lines to type over; a line that is not a place is named, four typed corners replace the five.
    await page.getByText('Ketik titik sudut (tanpa tetikus)').focus();
    await page.keyboard.press('Enter');
    const cornerField = page.getByTestId('draw-corners');
    await expect.poll(() => cornerField.inputValue()).toMatch(/^(-2\.\d{5}, 106\.\d{5}\n){4}-2\.\d{5}, 106\.\d{5}$/);
    await cornerField.fill('-2.47, 106.36\nKoba\n-2.53, 106.43');
    await page.getByTestId('draw-corners-apply').click();
    await expect.poll(() => page.getByText('Baris 2 bukan koordinat di Indonesia').isVisible()).toBe(true);
    await cornerField.fill('');
    await cornerField.pressSequentially(typedCorners.map(([lat, lng]) => `${lat}, ${lng}`).join('\n'));
    await page.getByTestId('draw-corners-apply').press('Enter');
    await expect.poll(() => page.getByTestId('draw-size').textContent(), { timeout: 30_000 }).toMatch(/^4 titik sudut, [\d.,]+ km²$/);
    expect(await page.getByTestId('draw-problem').count()).toBe(0);
    await page.getByRole('button', { name: 'Simpan area rawan' }).click();
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toBe(`Area rawan #${id} "${name}" tersimpan.`);
    const retyped = (await getJson(page, `/api/v1/risk-areas/${id}`)) as { geometry: { coordinates: number[][][][] } };
    // The four typed corners and the first again (in whichever direction the server stores the ring).
    const ring = retyped.geometry.coordinates[0]![0]!;
    expect(ring).toHaveLength(5);
    expect(
      ring
        .slice(0, 4)
        .map(([lng, lat]) => `${lat}, ${lng}`)
        .sort(),
    ).toEqual(typedCorners.map(([lat, lng]) => `${lat}, ${lng}`).sort());
    const versions = (await getJson(page, `/api/v1/risk-areas/${id}/versions`)) as {
      currentVersion: number;
      items: Array<{ version: number; action: string; changedBy: string; before: { severity: string } | null }>;
    };
    expect(versions.currentVersion).toBe(2);
    expect(versions.items[0]).toMatchObject({ version: 2, action: 'update', changedBy: accounts.division_head.email, before: { severity: 'high' } });
    expect(((await getJson(page, `/api/v1/risk-areas/${id}`)) as { severity: string }).severity).toBe('medium');

    // Planning: the candidate the outline now surrounds carries an illegal-work risk it did not have, and
    // its score rose; candidates far outside it are as they were.
    const after = new Map((await candidates()).map((c) => [c.id, c]));
    const raised = after.get(target.id)!;
    expect(raised.raw.riskAreas.filter((r) => r.category === 'illegal_work').length).toBe(
      target.raw.riskAreas.filter((r) => r.category === 'illegal_work').length + 1,
    );
    expect(raised.factors.risk).toBeGreaterThan(target.factors.risk);
    expect(raised.score).toBeGreaterThan(target.score);
    for (const c of before)
      if (Math.abs(c.location.lng - target.location.lng) > 0.1 || Math.abs(c.location.lat - target.location.lat) > 0.1)
        expect(after.get(c.id)?.factors.risk, c.name).toBe(c.factors.risk);
    // On the planning page its explanation says it lies in an illegal-work risk area.
    await page.goto(url('/?page=planning&region=19.04'));
    const row = page.locator(`[data-testid="candidate-row"][data-candidate="${target.id}"]`);
    await expect.poll(() => row.count(), { timeout: 60_000 }).toBe(1);
    await row.getByTestId('candidate-name').click();
    await expect.poll(() => page.getByTestId('candidate-explanation').first().textContent(), { timeout: 30_000 }).toContain('di dalam area rawan TKA ilegal');
    await screenshot(page, 'risk-area-raises-candidate');
  });

  test('a division head records the Rakor of Bangka Tengah with a decision and a follow-up for Disnaker, then marks it done', async () => {
    const signedIn = await openSignedIn(accounts.division_head);
    const { page } = signedIn;
    await page.goto(url('/?region=19.04'));
    await waitForPaintedMap(page);
    // From the account menu.
    await page.getByTestId('user-menu-button').click();
    await page.getByRole('link', { name: 'Rapat koordinasi', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Rapat koordinasi Timpora' }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(new URL(page.url()).searchParams.get('page')).toBe('meetings');

    const form = page.getByTestId('meeting-form');
    await expect.poll(() => form.isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByLabel('Tanggal rapat').fill('2024-06-13');
    const title = `Rakor Timpora Kabupaten Bangka Tengah ${Date.now()}`;
    await page.getByLabel('Nama rapat').fill(title);
    await expect
      .poll(
        async () =>
          await page
            .getByTestId('meeting-office')
            .locator('option')
            .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value)),
        {
          timeout: 30_000,
        },
      )
      .toContain(PANGKALPINANG_OFFICE);
    await page.getByLabel('Kantor Imigrasi penyelenggara').selectOption(PANGKALPINANG_OFFICE);
    await expect.poll(() => page.getByTestId('meeting-regency').inputValue(), { timeout: 30_000 }).toBe('19.04');
    await expect
      .poll(async () => (await page.getByTestId('meeting-district').locator('option').allTextContents()).some((text) => /koba/i.test(text)), {
        timeout: 30_000,
      })
      .toBe(true);
    const koba = await page.getByTestId('meeting-district').locator('option', { hasText: /koba/i }).first().getAttribute('value');
    await page.getByLabel('Kecamatan tempat rapat').selectOption(koba!);
    // The district alone puts the venue at its label point; a click on the small map (fitted to Koba) moves it there.
    const venuePoint = page.getByTestId('meeting-venue-point');
    await expect.poll(() => venuePoint.inputValue(), { timeout: 30_000 }).toMatch(/^-2\.\d{5}, 106\.\d{5}$/);
    const labelPoint = await venuePoint.inputValue();
    const venueMap = page.getByTestId('meeting-venue-map');
    await expect.poll(() => venueMap.locator('canvas').count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => venueMap.getAttribute('data-fitted'), { timeout: 30_000 }).toMatch(/^106\.\d+,-2\.\d+,106\.\d+,-2\.\d+$/);
    const mapBox = (await venueMap.boundingBox())!;
    await page.mouse.click(mapBox.x + mapBox.width * 0.45, mapBox.y + mapBox.height * 0.55);
    await expect.poll(() => venuePoint.inputValue(), { timeout: 30_000 }).not.toBe(labelPoint);
    const clicked = (await venuePoint.inputValue()).split(', ').map(Number) as [number, number];
    expect(clicked[0]).toBeGreaterThan(-3);
    expect(clicked[0]).toBeLessThan(-2);
    expect(clicked[1]).toBeGreaterThan(106);
    expect(clicked[1]).toBeLessThan(107);
    // Something not a place is said so, and the clicked point is typed back in (as a WhatsApp share would be pasted).
    await venuePoint.fill('Koba');
    await expect.poll(() => page.getByText('Bukan koordinat di Indonesia').isVisible()).toBe(true);
    await venuePoint.fill(`${clicked[0]}, ${clicked[1]}`);
    await page.getByLabel('Nama tempat (gedung, hotel)').fill('Soll Marina Hotel, Bangka Tengah');
    await page.getByLabel('Agenda (satu butir per baris)').fill('Peta konsentrasi pemegang ITAS dan ITAP\nPotensi kerawanan');
    await page.getByTestId('attend-imigrasi').check();
    await page.getByTestId('attend-disnaker').check();
    await page.getByLabel('Nama/jabatan yang hadir (Dinas Tenaga Kerja (Disnaker))').fill('Kabid Pengawasan');
    await page.getByLabel('Keputusan 1', { exact: true }).fill('Disnaker memeriksa RPTKA perusahaan tambang di Koba');
    await page.getByRole('button', { name: 'Tambah tindak lanjut', exact: true }).click();
    await page.getByLabel('Tugas tindak lanjut 1').fill('Periksa RPTKA perusahaan tambang di Koba');
    await page.getByLabel('Instansi penanggung jawab 1').selectOption('disnaker');
    await page.getByLabel('Tenggat 1').fill('2024-06-27');
    await page.getByLabel('Untuk keputusan (nomor) 1').fill('1');
    await screenshot(page, 'meeting-form-filled');
    await page.getByRole('button', { name: 'Simpan rapat', exact: true }).click();

    const notice = page.getByTestId('meetings-notice');
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toMatch(/^Rapat #\d+ tersimpan\.$/);
    const id = Number(/#(\d+)/.exec((await notice.textContent()) ?? '')![1]);
    const detail = page.getByTestId('meeting-detail');
    await expect.poll(() => detail.textContent(), { timeout: 30_000 }).toContain(title);
    await expect
      .poll(() => page.getByTestId('meeting-decisions').locator('li').allTextContents())
      .toEqual(['Disnaker memeriksa RPTKA perusahaan tambang di Koba']);

    type Meeting = {
      regencyCode: string;
      venuePoint: { lng: number; lat: number };
      officeKey: string;
      attendance: Array<{ agency: string; names: string[] }>;
      agenda: string[];
      decisions: Array<{ text: string }>;
      followUps: Array<{
        id: number;
        ownerAgency: string;
        dueDate: string;
        decision: number | null;
        status: string;
        history: Array<{ status: string; by: string }>;
      }>;
    };
    const recorded = (await getJson(page, `/api/v1/meetings/${id}`)) as Meeting;
    expect(recorded).toMatchObject({
      regencyCode: '19.04',
      officeKey: PANGKALPINANG_OFFICE,
      agenda: ['Peta konsentrasi pemegang ITAS dan ITAP', 'Potensi kerawanan'],
      attendance: [
        { agency: 'imigrasi', names: [] },
        { agency: 'disnaker', names: ['Kabid Pengawasan'] },
      ],
      decisions: [{ text: 'Disnaker memeriksa RPTKA perusahaan tambang di Koba' }],
    });
    // The venue is the point clicked on the map, not the district's label point.
    expect(recorded.venuePoint.lat).toBeCloseTo(clicked[0], 5);
    expect(recorded.venuePoint.lng).toBeCloseTo(clicked[1], 5);
    expect(recorded.followUps).toHaveLength(1);
    const followUp = recorded.followUps[0]!;
    expect(followUp).toMatchObject({ ownerAgency: 'disnaker', dueDate: '2024-06-27', decision: 1, status: 'open' });
    // The meeting is listed with its open follow-up.
    await expect.poll(() => page.getByTestId(`meeting-row-${id}`).textContent(), { timeout: 30_000 }).toContain(title);

    // Disnaker reports back: the follow-up is done, with a note.
    await page.getByTestId(`follow-up-note-${followUp.id}`).fill('RPTKA lengkap untuk 6 TKA');
    await page.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect.poll(() => page.getByTestId(`follow-up-status-${followUp.id}`).textContent(), { timeout: 30_000 }).toBe('Selesai');
    await expect.poll(() => notice.textContent()).toBe(`Tindak lanjut #${followUp.id}: Selesai.`);
    const done = (await getJson(page, `/api/v1/meetings/${id}`)) as Meeting;
    expect(done.followUps[0]).toMatchObject({ id: followUp.id, status: 'done' });
    expect(done.followUps[0]!.history.map((change) => [change.status, change.by])).toEqual([
      ['open', accounts.division_head.email],
      ['done', accounts.division_head.email],
    ]);
    await expect.poll(() => page.getByTestId(`meeting-row-${id}`).locator('td').nth(4).textContent()).toBe('0');
    await screenshot(page, 'meeting-follow-up-done');
  });
});
