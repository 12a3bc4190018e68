// /meta names the box of the caller's work area, so the map can start on it before its first paint
// (issue 19 item 13: an office head landed on South-East Asia with the work area a speck).
import { ROLES } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { as, signedInAccount } from '../../../test/sessions.js';
import { createApp } from './app.js';

type Bbox = [number, number, number, number];
const PANGKALPINANG_OFFICE = 'office:ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang';

describe.each(testBackends())('the scope box in /meta on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({
      database: t.database,
      config: { trustProxy: false, logLevel: 'warn' },
      clock: { now: () => new Date('2024-06-13T03:00:00Z') },
      log: () => {},
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const metaBbox = async (role: (typeof ROLES)[number], scope?: string) => {
    const response = await as(app, await signedInAccount(t.database, role, scope)).request('/api/v1/meta');
    expect(response.status).toBe(200);
    return ((await response.json()) as { scopeBbox: Bbox | null }).scopeBbox;
  };
  const areaBbox = async (code: string) => {
    const response = await as(app, await signedInAccount(t.database, 'admin')).request(`/api/v1/areas/${code}`);
    return ((await response.json()) as { bbox: Bbox }).bbox;
  };

  test("an office head gets the box around the office's regencies, Bangka Tengah and Pangkalpinang", async () => {
    const [bangkaTengah, pangkalpinang] = [await areaBbox('19.04'), await areaBbox('19.71')];
    expect(await metaBbox('office_head', PANGKALPINANG_OFFICE)).toEqual([
      Math.min(bangkaTengah[0], pangkalpinang[0]),
      Math.min(bangkaTengah[1], pangkalpinang[1]),
      Math.max(bangkaTengah[2], pangkalpinang[2]),
      Math.max(bangkaTengah[3], pangkalpinang[3]),
    ]);
  });

  test("a division head gets the province's box, a viewer of one regency that regency's", async () => {
    expect(await metaBbox('division_head', '19')).toEqual(await areaBbox('19'));
    expect(await metaBbox('viewer', '19.04')).toEqual(await areaBbox('19.04'));
  });

  test('the national scope has none: the map shows the whole country', async () => {
    expect(await metaBbox('admin')).toBeNull();
  });
});
