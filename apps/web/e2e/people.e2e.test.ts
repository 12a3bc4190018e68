// The people register in Chromium (issue 20): an analyst finds a person by name typed without care for
// case, opens the person page and reads the timeline; the map of Lebong on 2016-11-17 shows the 11 Chinese
// workers waiting for their KITAS as pending people beside the holder counts, and the company page of one
// of their employers, opened from its panel, shows its waiting workers and the Hotel Asri check.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { e2eBrowser } from './browser-session.js';
import { screenshot, waitForMapAtRest } from './page-helpers.js';

type PersonHit = { id: number; name: string; matchedBy: string };
type PersonRecord = { name: string; permits: unknown[]; applications: unknown[]; movements: unknown[] };

describe('people register', () => {
  const { accounts, url, signedIn: openSignedIn } = e2eBrowser();
  const getJson = async <T>(page: Page, path: string): Promise<T> => {
    const response = await page.request.get(url(path));
    expect(response.status(), path).toBe(200);
    return (await response.json()) as T;
  };

  test('an analyst searches a person by name, opens the person page and sees the timeline', async () => {
    const signedIn = await openSignedIn(accounts.analyst);
    const { page } = signedIn;
    // A person of Bangka Belitung with a permit in their history, found through the API the page uses.
    let chosen: { hit: PersonHit; record: PersonRecord } | null = null;
    for (const surname of ['wang', 'li', 'zhang', 'chen', 'liu']) {
      const { items } = await getJson<{ items: PersonHit[] }>(page, `/api/v1/people?q=${surname}&limit=20`);
      for (const hit of items.filter((h) => h.matchedBy === 'name')) {
        const record = await getJson<PersonRecord>(page, `/api/v1/people/${hit.id}`);
        if (record.permits.length > 0 && record.movements.length > 0) {
          chosen = { hit, record };
          break;
        }
      }
      if (chosen) break;
    }
    expect(chosen, 'a person with permits and an arrival in Bangka Belitung').not.toBeNull();
    const { hit, record } = chosen!;

    await page.goto(url('/?region=19.04&asOf=2024-06-13'));
    await waitForMapAtRest(page);
    // The person search leads the filters sidebar. Lower case and doubled spaces: the search folds both.
    if (await page.getByTestId('person-search').isHidden()) await page.getByTestId('sidebar-toggle').click();
    await page.getByTestId('person-search').fill(hit.name.toLowerCase().replace(/ /g, '  '));
    const result = page.getByTestId('person-result').filter({ hasText: hit.name }).first();
    await result.waitFor({ timeout: 15_000 });
    await result.click();

    await page.getByTestId('person-page').waitFor();
    await expect.poll(() => page.getByTestId('person-name').innerText(), { timeout: 15_000 }).toBe(hit.name);
    expect(new URL(page.url()).searchParams.get('person')).toBe(String(hit.id));
    await page.getByTestId('person-timeline').waitFor();
    expect(await page.getByTestId('timeline-issued').count()).toBe(record.permits.length);
    expect(await page.getByTestId('timeline-applied').count()).toBe(record.applications.length);
    expect(await page.getByTestId('timeline-arrival').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('timeline-issued').first().innerText()).toMatch(/terbit, berlaku sampai/);
    expect(await page.getByTestId('person-passports').innerText()).toContain('berlaku');
    await screenshot(page, 'person-page');

    // The same page in English.
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('timeline-issued').first().innerText()).toMatch(/issued, valid until/);
  }, 120_000);

  test('an agency member has no person search, and a person link tells them the page is not for their role', async () => {
    const signedIn = await openSignedIn(accounts.agency_member);
    const { page } = signedIn;
    await page.goto(url('/?region=19.04&asOf=2024-06-13'));
    await waitForMapAtRest(page);
    if (await page.locator('#sidebar').isHidden()) await page.getByTestId('sidebar-toggle').click();
    await page.getByTestId('level-control').waitFor();
    expect(await page.getByTestId('person-search').count()).toBe(0);
    await page.goto(url('/?page=person&person=1'));
    await page.getByTestId('forbidden-page').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('person-page').count()).toBe(0);
  }, 60_000);

  test("Lebong on 2016-11-17: the area panel shows the 11 people waiting for a permit, and an employer's page shows its waiting workers and the Hotel Asri check", async () => {
    const signedIn = await openSignedIn(accounts.admin);
    const { page } = signedIn;
    await page.goto(url('/?region=17.07&asOf=2016-11-17'));
    await waitForMapAtRest(page);
    await expect.poll(() => page.getByTestId('detail-pending').innerText(), { timeout: 20_000 }).toBe('11');
    // Permits beside the people: the panel says how many permits the holders hold.
    const summary = await getJson<{ holders: { total: number; permits: number; pending: number } }>(page, '/api/v1/areas/17.07/summary?asOf=2016-11-17');
    expect(summary.holders.pending).toBe(11);
    expect(await page.getByTestId('detail-permits').innerText()).toBe(String(summary.holders.permits));
    expect(await page.getByTestId('detail-total').innerText()).toBe(String(summary.holders.total));
    await screenshot(page, 'lebong-pending');

    const { companies } = await getJson<{ companies: Array<{ id: number; name: string }> }>(page, '/api/v1/search?q=energy%20sakti');
    const employer = companies.find((c) => /Energy Sakti Sentosa/i.test(c.name));
    expect(employer, 'PT Energy Sakti Sentosa').toBeTruthy();
    await page.goto(url(`/?region=17.07&asOf=2016-11-17&select=company:${employer!.id}`));
    await waitForMapAtRest(page);
    const link = page.getByTestId('open-company-page');
    await link.waitFor({ timeout: 20_000 });
    await link.click();
    await page.getByTestId('company-page').waitFor();
    await expect.poll(() => page.getByTestId('company-name').innerText(), { timeout: 15_000 }).toMatch(/Energy Sakti Sentosa/);
    const pending = Number(await page.getByTestId('company-pending').innerText());
    expect(pending).toBeGreaterThan(0);
    expect(pending).toBeLessThan(11);
    expect(await page.getByTestId('company-workers').locator('tbody tr').count()).toBeGreaterThanOrEqual(pending);
    expect(await page.getByTestId('company-checks').innerText()).toMatch(/Asri/);
    await screenshot(page, 'company-page');
  }, 120_000);
  test('the area panel lists who is over their permit and whose permit ends within 30, 60 or 90 days, names opening the person page; a viewer sees no names', async () => {
    const signedIn = await openSignedIn(accounts.division_head);
    const { page } = signedIn;
    type Overstays = { counts: { total: number }; items: Array<{ personId: number; name: string }> };
    type Expiring = { counts: { people: number; notRenewedPeople: number }; items: Array<{ personId: number | null; name: string }> };
    // The figures the panel must show, read from the API for the same day (people, not permits).
    // Overstays are rare: the demo seed decides which provinces have any on the day. The admin reads the
    // first province (Bangka Belitung first) that has some, the division head's own when it does.
    const admin = await openSignedIn(accounts.admin);
    let overstayProvince = '';
    let overstays: Overstays | null = null;
    for (const code of ['19', '31', '51', '72', '21', '17', '64', '32']) {
      overstays = await getJson<Overstays>(admin.page, `/api/v1/areas/${code}/overstays?asOf=2024-06-13`);
      overstayProvince = code;
      if (overstays.counts.total > 0) break;
    }
    expect(overstays!.counts.total, `people over their permit in province ${overstayProvince} on 2024-06-13`).toBeGreaterThan(0);
    const expiring90 = await getJson<Expiring>(page, '/api/v1/areas/19.04/expiring?asOf=2024-06-13&within=90');
    const expiring30 = await getJson<Expiring>(page, '/api/v1/areas/19.04/expiring?asOf=2024-06-13&within=30');
    expect(expiring90.counts.people).toBeGreaterThan(expiring30.counts.people);

    const overstayPage = overstayProvince === '19' ? page : admin.page;
    await overstayPage.goto(url(`/?region=${overstayProvince}&asOf=2024-06-13`));
    const overstayBlock = overstayPage.getByTestId('detail-overstays');
    await expect
      .poll(
        () =>
          overstayBlock
            .getByTestId('overstays-total')
            .innerText()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toBe(String(overstays!.counts.total));
    expect(await overstayBlock.getByTestId('overstays-list').locator('li').count()).toBe(Math.min(10, overstays!.items.length));
    expect(await overstayBlock.getByTestId('overstays-list').innerText()).toContain(overstays!.items[0]!.name);

    await page.goto(url('/?region=19.04&asOf=2024-06-13'));
    const expiringBlock = page.getByTestId('detail-expiring');
    await expect
      .poll(
        () =>
          expiringBlock
            .getByTestId('expiring-people')
            .innerText()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toBe(String(expiring30.counts.people));
    await expiringBlock.getByTestId('expiring-within-90').click();
    await expect.poll(() => expiringBlock.getByTestId('expiring-people').innerText(), { timeout: 30_000 }).toBe(String(expiring90.counts.people));
    expect(await expiringBlock.getByTestId('expiring-not-renewed').innerText()).toBe(String(expiring90.counts.notRenewedPeople));
    await screenshot(page, 'area-panel-people-lists');
    // A name opens the person page.
    const first = expiring90.items.find((item) => item.personId !== null)!;
    await expiringBlock.getByTestId('expiring-list').getByRole('link', { name: first.name }).first().click();
    await expect.poll(() => new URL(page.url()).searchParams.get('person'), { timeout: 30_000 }).toBe(String(first.personId));
    await expect
      .poll(
        () =>
          page
            .getByTestId('person-page')
            .innerText()
            .catch(() => ''),
        { timeout: 30_000 },
      )
      .toContain(first.name);

    // A viewer of Bangka Tengah: counts at most, never a name.
    const viewer = await openSignedIn(accounts.viewer);
    await viewer.page.goto(url('/?region=19.04&asOf=2024-06-13'));
    await viewer.page.getByTestId('detail-itas').waitFor({ timeout: 30_000 });
    await viewer.page.waitForLoadState('networkidle');
    expect(await viewer.page.getByTestId('expiring-list').count()).toBe(0);
    expect(await viewer.page.getByTestId('overstays-list').count()).toBe(0);
    expect(await viewer.page.locator('.panel').last().innerText()).not.toContain(first.name);
  });
});
