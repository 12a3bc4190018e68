// Issue 19 item 6: search that misleads. "morowali" answered "no results" to the division head of
// Bangka Belitung (it lies outside the work area: say so, with the area's public name only); "batam"
// offered Bakam and Pangkal Balam (exact and prefix matches first, fuzzy only when none, stricter).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp } from '../../../../test/apps.js';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';

interface SearchAnswer {
  areas: Array<{ code: string; name: string; level: string }>;
  companies?: unknown[];
  places?: unknown[];
  outsideScope: Array<{ name: string; level: string; parentName: string | null }>;
}

describe.each(testBackends())('search on %s', (backend) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof as>;
  let division: ReturnType<typeof as>;
  const search = async (client: ReturnType<typeof as>, q: string) => {
    const response = await client.request(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(response.status, q).toBe(200);
    return (await response.json()) as SearchAnswer;
  };

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    const app = testApp(t.database);
    admin = as(app, await signedInAccount(t.database, 'admin'));
    division = as(app, await signedInAccount(t.database, 'division_head', '19'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('"morowali" for the division head of Bangka Belitung: no area, no record, and the answer names Morowali as outside the work area', async () => {
    const answer = await search(division, 'morowali');
    expect(answer.areas).toEqual([]);
    expect(answer.companies).toEqual([]);
    expect(answer.places).toEqual([]);
    expect(answer.outsideScope[0]).toEqual({ name: 'Kabupaten Morowali', level: 'regency', parentName: 'Sulawesi Tengah' });
    // Only names: no code, id or position of anything outside the scope.
    expect(answer.outsideScope.every((a) => Object.keys(a).sort().join() === 'level,name,parentName')).toBe(true);
  });

  test('an area inside the work area is found as before, with nothing said about outside', async () => {
    const answer = await search(division, 'bangka tengah');
    expect(answer.areas[0]).toMatchObject({ code: '19.04', name: 'Kabupaten Bangka Tengah' });
    expect(answer.outsideScope).toEqual([]);
  });

  test('"batam" answers Kota Batam first and neither Bakam nor Pangkal Balam', async () => {
    const answer = await search(admin, 'batam');
    expect(answer.areas[0]).toMatchObject({ code: '21.71', name: 'Kota Batam' });
    const names = answer.areas.map((a) => a.name.toLowerCase());
    expect(names.filter((name) => /bakam|balam/.test(name))).toEqual([]);
    expect(names.every((name) => name.includes('batam'))).toBe(true);
  });

  test('prefixes come before fuzzy matches, and a typo with no exact or prefix match is still found', async () => {
    const prefix = await search(admin, 'morow');
    expect(prefix.areas.map((a) => a.name).slice(0, 2)).toEqual(['Kabupaten Morowali', 'Kabupaten Morowali Utara']);
    const typo = await search(admin, 'bangka tengha');
    expect(typo.areas[0]).toMatchObject({ code: '19.04' });
  });
});
