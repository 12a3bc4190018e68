// Who sees what, end to end: the sign-in page, an office head who sees only the office's work area,
// an agency member without the permits export, a viewer without layers, an admin adding a user — the
// built app, served by the real API over the PGlite fixture, in headless Chromium. Each test has its
// own browser context (its own cookies); every request must stay on the app's own host.
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { e2eBrowser } from './browser-session.js';
import { PANGKALPINANG_OFFICE } from './e2e-accounts.js';
import { screenshot, signIn, signInWithForm, waitForMapAtRest, waitForPaintedMap } from './page-helpers.js';

interface MapProbe {
  __pantauMap?: {
    querySourceFeatures(source: string, options: { sourceLayer: string }): Array<{ properties: Record<string, unknown> }>;
  } | null;
}

/** Codes of the regencies the map has features for, with their permit holders (the shaded ones). */
async function shadedRegencies(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const map = (window as MapProbe).__pantauMap;
    if (!map) throw new Error('no map on the page');
    const codes = map
      .querySourceFeatures('regency-areas', { sourceLayer: 'regencies' })
      .filter((feature) => typeof feature.properties.total === 'number')
      .map((feature) => String(feature.properties.code));
    return [...new Set(codes)].sort();
  });
}

async function searchLabels(page: Page, query: string): Promise<string[]> {
  await page.getByTestId('search-input').fill(query);
  await expect.poll(() => page.getByTestId('search-option').count(), { timeout: 10_000 }).toBeGreaterThan(0);
  return page.getByTestId('search-option').locator('.search-option-label').allInnerTexts();
}

describe('access by role', () => {
  const { baseUrl, accounts, url, browser, signedIn: openSignedIn, anonymous } = e2eBrowser();

  test('without a session the link opens the sign-in page; a wrong password is refused, the right one opens the linked view', async () => {
    const { page } = await anonymous();
    await page.goto(url('/?region=19.04&asOf=2024-06-13'));
    await page.getByTestId('sign-in-page').waitFor();
    // Nothing but the sign-in page and the health check is served without a session.
    expect((await page.request.get(url('/api/v1/meta'))).status()).toBe(401);

    await signInWithForm(page, accounts.admin.email, 'not-the-password');
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('invalid_credentials');
    expect(await error.innerText()).toContain('Email atau kata sandi salah.');
    // The password field is emptied and focused for the next try.
    expect(await page.getByTestId('sign-in-password').inputValue()).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('sign-in-password');
    await screenshot(page, 'access-sign-in-wrong-password');

    // The page speaks English too, before signing in.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('sign-in-submit').innerText()).toBe('Sign in');

    await signInWithForm(page, accounts.admin.email, accounts.admin.password);
    await waitForMapAtRest(page);
    await expect.poll(() => page.getByTestId('detail-itas').innerText(), { timeout: 20_000 }).toBe('22');
    const search = new URL(page.url()).searchParams;
    expect(search.get('region')).toBe('19.04');
    expect(search.get('lang')).toBe('en');
  }, 90_000);

  test('after too many wrong passwords the form says how long to wait, counts down and keeps the button off', async () => {
    const { page } = await anonymous();
    // Its own account: five wrong passwords from this browser's address throttle it (2 minutes, growing), longer than this test needs.
    const { email } = inject('e2eLockoutAccount');
    await page.goto(url('/?asOf=2024-06-13'));
    await page.getByTestId('sign-in-page').waitFor();
    for (let attempt = 0; attempt < 5; attempt++) {
      const refused = await page.request.post(url('/api/v1/auth/sign-in'), {
        data: { email, password: 'wrong-password' },
        headers: { origin: new URL(baseUrl).origin },
      });
      expect(refused.status()).toBe(401);
    }
    await signInWithForm(page, email, 'wrong-password');
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('rate_limited');
    // Seconds and text read together, so a tick in between cannot split them.
    const shown = () =>
      page.getByTestId('sign-in-wait').evaluate((element) => ({ seconds: Number(element.getAttribute('data-seconds')), text: element.textContent }));
    const secondsShown = async () => (await shown()).seconds;
    const { seconds: first, text } = await shown();
    // The first throttle of an account from one address is 2 minutes from the latest failure.
    expect(first).toBeGreaterThan(60);
    expect(first).toBeLessThanOrEqual(900);
    expect(text).toBe(`Terlalu banyak percobaan masuk. Coba lagi dalam ${Math.floor(first / 60)} menit ${first % 60} detik.`);
    expect(await page.getByTestId('sign-in-submit').isDisabled()).toBe(true);
    await expect.poll(secondsShown, { timeout: 5_000 }).toBeLessThan(first);
    await screenshot(page, 'access-sign-in-rate-limited');
  }, 60_000);

  test('an office head of the Pangkalpinang office sees only Bangka Tengah and Pangkalpinang, shaded and searchable', async () => {
    const { page } = await anonymous();
    await page.goto(url('/?asOf=2024-06-13&level=regency'));
    await page.getByTestId('sign-in-page').waitFor();
    await signInWithForm(page, accounts.office_head.email, accounts.office_head.password);

    // Opened without an area, the map starts on the office's work area.
    const mapParam = () => (new URL(page.url()).searchParams.get('map') ?? '0/0/0').split('/').map(Number);
    await expect.poll(() => mapParam()[0], { timeout: 20_000 }).toBeGreaterThan(7);
    await waitForMapAtRest(page);
    const [, lat, lng] = mapParam();
    expect(lat).toBeCloseTo(-2.4, 0);
    expect(lng).toBeCloseTo(106.4, 0);
    await expect.poll(() => shadedRegencies(page), { timeout: 20_000 }).toEqual(['19.04', '19.71']);

    await page.getByTestId('user-menu-button').click();
    expect(await page.getByTestId('user-role').innerText()).toBe('Kepala Kantor Imigrasi');
    expect(await page.getByTestId('user-scope').innerText()).toBe('Kantor Imigrasi Kelas I TPI Pangkalpinang');
    // No admin pages for an office head.
    expect(await page.getByTestId('open-users').count()).toBe(0);
    await screenshot(page, 'access-office-head');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('user-menu').isVisible()).toBe(false);

    const bangka = await searchLabels(page, 'Bangka');
    expect(bangka).toContain('Kabupaten Bangka Tengah');
    expect(bangka.filter((label) => /^Kabupaten Bangka( Barat| Selatan)?$/.test(label))).toEqual([]);
    // Polled: while the next answer loads, the list still shows the previous query's options.
    await expect.poll(() => searchLabels(page, 'Pangkal'), { timeout: 15_000 }).toContain('Kota Pangkal Pinang');
    // Outside the work area: no option for it; the answer says it lies outside (issue 19 item 6).
    await page.getByTestId('search-input').fill('Belitung Timur');
    await expect
      .poll(
        async () =>
          /luar wilayah kerja/.test(
            await page
              .getByTestId('search-status')
              .innerText()
              .catch(() => ''),
          ) || (await page.getByTestId('search-option').count()) > 0,
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await page.getByTestId('search-option').locator('.search-option-label').allInnerTexts()).not.toContain('Kabupaten Belitung Timur');

    // An area outside the work area answers like one that does not exist…
    expect((await page.request.get(url('/api/v1/areas/19.01/summary?asOf=2024-06-13'))).status()).toBe(404);
    // …and a link to one (here the province above the office) shows the work area instead of an error.
    await page.goto(url('/?region=19&asOf=2024-06-13'));
    await expect.poll(() => new URL(page.url()).searchParams.get('region'), { timeout: 20_000 }).toBeNull();
    await expect.poll(() => mapParam()[0], { timeout: 20_000 }).toBeGreaterThan(7);
    await waitForMapAtRest(page);
    await expect.poll(() => shadedRegencies(page), { timeout: 20_000 }).toEqual(['19.04', '19.71']);

    // In Bangka Tengah's panel the province above is named, not offered as a link.
    await page.goto(url('/?region=19.04&asOf=2024-06-13'));
    await waitForMapAtRest(page);
    await expect.poll(() => page.getByTestId('detail-itas').innerText(), { timeout: 20_000 }).toBe('22');
    expect(await page.getByTestId('breadcrumb').getByRole('button', { name: 'Kepulauan Bangka Belitung' }).count()).toBe(0);
    expect(await page.getByTestId('breadcrumb').innerText()).toContain('Kepulauan Bangka Belitung');
  }, 90_000);

  test('an agency member is offered the exports of its role but not the permits (names and permit numbers)', async () => {
    const { page } = await openSignedIn(accounts.agency_member);
    // Without a selection the filters (and the export menu under them) stay open beside the map.
    await page.goto(url('/?asOf=2024-06-13'));
    await waitForPaintedMap(page);
    await page.getByTestId('export-menu').locator('summary').click();
    expect(await page.getByTestId('export-companies-csv').count()).toBe(1);
    for (const format of ['csv', 'xlsx', 'geojson']) expect(await page.getByTestId(`export-permits-${format}`).count()).toBe(0);
    expect(await page.locator('a[href*="/exports/permits"]').count()).toBe(0);
    // No import for a read-only role.
    expect(await page.getByTestId('open-import').count()).toBe(0);
    await screenshot(page, 'access-agency-member-exports');
    // The API refuses the file too, whatever the page offers.
    expect((await page.request.get(url('/api/v1/exports/permits.csv?area=19.04&asOf=2024-06-13'))).status()).toBe(403);
    expect((await page.request.get(url('/api/v1/exports/companies.csv?area=19.04'))).status()).toBe(200);
  }, 90_000);

  test('a viewer gets the aggregates only: no point layer, no company filter, no exports', async () => {
    const { page, requestedUrls } = await openSignedIn(accounts.viewer);
    await page.goto(url('/?region=19.04&asOf=2024-06-13&layers=sites,risk'));
    await waitForMapAtRest(page);
    await expect.poll(() => page.getByTestId('detail-itas').innerText(), { timeout: 20_000 }).toBe('22');
    // The only layer offered is the overstay counts by district (aggregates, issue 20).
    const toggles = await page
      .getByTestId('layer-list')
      .locator('[data-testid^="layer-toggle-"]')
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
    expect(toggles).toEqual(['layer-toggle-overstays']);
    expect(await page.getByTestId('export-menu').count()).toBe(0);
    // The layers the link names are not loaded for this role.
    expect(requestedUrls.filter((requested) => /\/tiles\/(company_sites|risk_areas)\.json/.test(requested))).toEqual([]);
    await screenshot(page, 'access-viewer');
  }, 90_000);

  test('an admin opens the users page, adds an office head and sees the generated password once; the audit trail records it', async () => {
    const { page } = await openSignedIn(accounts.admin);
    await page.goto(url('/?asOf=2024-06-13'));
    await waitForPaintedMap(page);
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('open-users').click();
    await page.getByTestId('users-table').waitFor();
    expect(new URL(page.url()).searchParams.get('page')).toBe('users');
    const emails = await page.getByTestId('user-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-email')));
    expect(emails).toEqual(expect.arrayContaining(Object.values(accounts).map((account) => account.email)));

    const email = 'kakanim.baru@e2e.pantau.test';
    await page.getByTestId('add-user').click();
    await page.getByTestId('user-form-email').fill(email);
    await page.getByTestId('user-form-role').selectOption('office_head');
    await page.getByTestId('user-form-scope-office').check();
    await page.getByTestId('user-form-office').fill(PANGKALPINANG_OFFICE);
    await page.getByTestId('user-form-submit').click();
    const password = await page.getByTestId('new-password').innerText();
    expect(password.length).toBeGreaterThanOrEqual(10);
    const row = page.locator(`[data-testid="user-row"][data-email="${email}"]`);
    await row.waitFor();
    expect(await row.getByTestId('user-row-role').innerText()).toBe('Kepala Kantor Imigrasi');
    expect(await row.innerText()).toContain('Kantor Imigrasi Kelas I TPI Pangkalpinang');
    await screenshot(page, 'access-admin-users');
    // Shown once: gone when dismissed, and nowhere else on the page.
    await page.getByTestId('password-done').click();
    expect(await page.getByTestId('new-password').count()).toBe(0);
    expect(await page.content()).not.toContain(password);

    // The new account signs in with that password.
    const fresh: BrowserContext = await browser().newContext();
    const freshPage = await fresh.newPage();
    await signIn(freshPage, baseUrl, { email, password });
    await fresh.close();

    await page.getByTestId('admin-tab-audit').click();
    const added = page.locator('[data-testid="audit-row"][data-action="user.add"]', { hasText: email });
    await added.waitFor();
    expect(await added.innerText()).toContain(accounts.admin.email);
    await screenshot(page, 'access-admin-audit');
  }, 90_000);

  test('an admin makes an API token for a channel system on the users page, sees its secret once, and revokes it', async () => {
    const { page } = await openSignedIn(accounts.admin);
    await page.goto(url('/?page=users'));
    const section = page.getByTestId('tokens-section');
    await section.waitFor();
    const name = `apoa-e2e-${Date.now()}`;
    await section.getByLabel('Nama', { exact: true }).fill(name);
    await section.getByLabel('Wilayah (kode provinsi/kabupaten)').fill('19.04');
    await section.getByRole('button', { name: 'Buat token' }).click();
    const secret = await page.getByTestId('token-secret').innerText();
    expect(secret).toMatch(/^pt_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    const row = page.locator(`[data-testid="token-row"][data-name="${name}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('report:create, report:attach');
    expect(await row.innerText()).toContain(secret.slice(0, 11));
    // The secret is a working token: a channel system may post a report with it.
    const post = () =>
      page.request.post(url('/api/v1/reports'), {
        headers: { authorization: `Bearer ${secret}` },
        data: { channel: 'apoa', category: 'illegal_work', summary: 'Laporan uji token', districtCode: '19.04.01' },
      });
    expect((await post()).status()).toBe(201);
    page.once('dialog', (dialog) => void dialog.accept());
    await row.getByTestId('token-revoke').click();
    await expect.poll(() => row.innerText(), { timeout: 30_000 }).toContain('Dicabut');
    expect((await post()).status()).toBe(401);
  }, 90_000);

  test('signing out everywhere ends the sessions in the other browsers too', async () => {
    const first = await openSignedIn(accounts.analyst);
    const second = await openSignedIn(accounts.analyst);
    for (const { page } of [first, second]) {
      await page.goto(url('/?asOf=2024-06-13'));
      await waitForPaintedMap(page);
    }
    await first.page.getByTestId('user-menu-button').click();
    await first.page.getByTestId('sign-out-everywhere').click();
    await first.page.getByTestId('sign-in-page').waitFor();
    expect(await first.page.getByTestId('sign-in-notice').innerText()).toContain('Anda telah keluar');
    await second.page.reload();
    await second.page.getByTestId('sign-in-page').waitFor();
  }, 90_000);

  test('a user changes their own password in the user menu: the form checks it, the old password stops working, the other browser is signed out, this one stays', async () => {
    const account = inject('e2ePasswordChangeAccount');
    const here = await openSignedIn(account);
    const elsewhere = await openSignedIn(account);
    await here.page.goto(url('/?asOf=2024-06-13&lang=id'));
    await waitForPaintedMap(here.page);
    await here.page.getByTestId('user-menu-button').click();
    await here.page.getByTestId('change-password-open').click();
    const form = here.page.getByTestId('change-password-form');
    await form.waitFor();
    const error = here.page.getByTestId('change-password-error');
    const newPassword = 'Sandi-baru-rakor-2024!';

    // The form's own rule, before anything is sent: the two new passwords differ.
    await here.page.getByTestId('change-password-current').fill(account.password);
    await here.page.getByTestId('change-password-new').fill(newPassword);
    await here.page.getByTestId('change-password-repeat').fill(`${newPassword}x`);
    await here.page.getByTestId('change-password-submit').click();
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('mismatch');

    // The server's rule: a wrong current password is refused, in Indonesian.
    await here.page.getByTestId('change-password-current').fill('bukan-sandi-yang-benar');
    await here.page.getByTestId('change-password-repeat').fill(newPassword);
    await here.page.getByTestId('change-password-submit').click();
    await expect.poll(() => error.getAttribute('data-code'), { timeout: 15_000 }).toBe('wrongCurrent');
    expect(await error.innerText()).toMatch(/sandi/i);
    await screenshot(here.page, 'access-change-password-refused');

    await here.page.getByTestId('change-password-current').fill(account.password);
    await here.page.getByTestId('change-password-submit').click();
    await here.page.getByTestId('change-password-done').waitFor();
    await screenshot(here.page, 'access-change-password-done');

    const signInWith = (password: string) =>
      here.page.request.post(url('/api/v1/auth/sign-in'), { data: { email: account.email, password }, headers: { origin: new URL(baseUrl).origin } });
    expect((await signInWith(account.password)).status()).toBe(401);
    // This browser keeps its session; the other one is signed out.
    expect((await here.page.request.get(url('/api/v1/meta'))).status()).toBe(200);
    await elsewhere.page.goto(url('/?asOf=2024-06-13'));
    await elsewhere.page.getByTestId('sign-in-page').waitFor();
    await signInWithForm(elsewhere.page, account.email, newPassword);
    // The form stays up while the sign-in is answered; a refusal shows its reason instead of leaving.
    await elsewhere.page
      .getByTestId('sign-in-page')
      .waitFor({ state: 'detached', timeout: 30_000 })
      .catch(async () => {
        const refusal = elsewhere.page.getByTestId('sign-in-error');
        throw new Error(`the new password did not sign in: ${(await refusal.count()) > 0 ? await refusal.innerText() : 'the form is still shown'}`);
      });
    await waitForPaintedMap(elsewhere.page);
  }, 120_000);
});
