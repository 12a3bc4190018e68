// Issue 19 item 15: reference and demo records carry both languages (migration 0012, text_en) and the
// API serves the one the request asks for: `lang`, else Accept-Language, else Indonesian. An Indonesian
// page showed "non-procedural emigration of Indonesian workers — …", an English one "Jalur PMI nonprosedural …".
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp } from '../../../../test/apps.js';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';

interface Page<T> {
  items: T[];
}
interface RiskArea {
  id: number;
  name: string;
  description: string | null;
  source: string;
  origin: string;
}
interface Operation {
  id: number;
  date: string;
  notes: string | null;
  origin: string;
  targets: Array<{ place: string; findings: string | null }>;
}
interface Collection {
  features: Array<{ properties: Record<string, string | number | null> }>;
}

/** The z/x/y of the web-mercator tile holding a place. */
function tileOf(lng: number, lat: number, z: number): [number, number, number] {
  const n = 2 ** z;
  const phi = (lat * Math.PI) / 180;
  return [z, Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n)];
}

/** A source line that is a file name or an import's id rather than an outlet a reader can find. */
const RAW_SOURCE = /\d{3}_[0-9a-f]{16}\.txt|\bimpor [0-9a-f]{8}\b|\bimport [0-9a-f]{8}\b/;
interface Meeting {
  id: number;
  date: string;
  title: string;
  notes: string[];
  regencyCode: string;
  origin: string;
}

describe.each(testBackends())('records in both languages on %s', (backend) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof as>;
  const get = async <T>(path: string, headers: Record<string, string> = {}) => {
    const response = await admin.request(path, { headers });
    expect(response.status, path).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    const app = testApp(t.database);
    admin = as(app, await signedInAccount(t.database, 'admin'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const referenceRisk = (page: Page<RiskArea>) => page.items.find((r) => r.origin === 'reference')!;

  test("the Bangka Tengah meeting's risk reads in Indonesian by default and in English with lang=en", async () => {
    const id = referenceRisk(await get<Page<RiskArea>>('/api/v1/risk-areas?area=19.04'));
    expect(id).toMatchObject({
      name: 'Jalur PMI nonprosedural — Rapat TIMPORA Kabupaten Bangka Tengah',
      description: 'warga berangkat bekerja ke luar negeri secara ilegal, terutama ke Kamboja dan Thailand',
    });
    const en = await get<RiskArea>(`/api/v1/risk-areas/${id.id}?lang=en`);
    expect(en).toMatchObject({
      name: 'Non-procedural emigration of Indonesian workers — Rapat TIMPORA Kabupaten Bangka Tengah',
      description: 'residents leaving to work abroad illegally, mainly to Cambodia and Thailand',
    });
  });

  test('without lang, Accept-Language chooses; lang wins over it; an English browser on the Indonesian page still gets Indonesian with lang=id', async () => {
    const en = referenceRisk(await get<Page<RiskArea>>('/api/v1/risk-areas?area=19.04', { 'accept-language': 'en-GB,en;q=0.9' }));
    expect(en.name).toMatch(/^Non-procedural emigration/);
    const id = referenceRisk(await get<Page<RiskArea>>('/api/v1/risk-areas?area=19.04&lang=id', { 'accept-language': 'en-GB,en;q=0.9' }));
    expect(id.name).toMatch(/^Jalur PMI nonprosedural/);
    const bad = await admin.request('/api/v1/risk-areas?area=19.04&lang=fr');
    expect(bad.status).toBe(400);
  });

  test("the area panel's summary follows the language: risk names and the last meeting", async () => {
    type Summary = { riskAreas: Array<{ name: string; origin: string }>; lastMeeting: { title: string } | null };
    const id = await get<Summary>('/api/v1/areas/19.04/summary?asOf=2024-06-13');
    const en = await get<Summary>('/api/v1/areas/19.04/summary?asOf=2024-06-13&lang=en');
    expect(id.riskAreas.find((r) => r.origin === 'reference')!.name).toMatch(/^Jalur PMI nonprosedural/);
    expect(en.riskAreas.find((r) => r.origin === 'reference')!.name).toMatch(/^Non-procedural emigration/);
    expect(id.lastMeeting?.title).toBe('Rapat TIMPORA Kabupaten Bangka Tengah');
  });

  test("a reference meeting's notes: Indonesian labels for the figures, never the source's keys", async () => {
    const meetings = await get<Page<Meeting>>('/api/v1/meetings?area=19.04&from=2024-06-13&to=2024-06-13&limit=50');
    const meeting = meetings.items.find((m) => m.origin === 'reference')!;
    expect(meeting.notes).toContain('Pemegang ITAS (di dalam negeri): 22');
    expect(meeting.notes.join('\n')).not.toMatch(/itas_holders|itap_holders|Risk \(|Agenda: Choice/);
    const en = await get<Meeting>(`/api/v1/meetings/${meeting.id}?lang=en`);
    expect(en.notes).toContain('ITAS holders (onshore): 22');
    expect(en.notes).toContain('Agenda: Choice of the joint-operation location for the next day');
  });

  test('demo records carry both too: a demo risk area and a company site name', async () => {
    const id = await get<Page<RiskArea>>('/api/v1/risk-areas?limit=200&category=illegal_emigration_route');
    const demo = id.items.find((r) => r.origin === 'demo')!;
    expect(demo.name).toMatch(/^Jalur PMI nonprosedural /);
    const en = await get<RiskArea>(`/api/v1/risk-areas/${demo.id}?lang=en`);
    expect(en.name).toBe(demo.name.replace('Jalur PMI nonprosedural', 'Non-procedural migrant worker route'));
    type Companies = Page<{ id: number; origin: string; sites: Array<{ name: string }> }>;
    const company = (await get<Companies>('/api/v1/companies?area=19.04&asOf=2024-06-13')).items.find((c) => c.origin === 'demo')!;
    const enCompany = await get<Companies['items'][number]>(`/api/v1/companies/${company.id}?asOf=2024-06-13&lang=en`);
    expect(company.sites[0]!.name).toBe('Kantor dan lokasi utama');
    expect(enCompany.sites[0]!.name).toBe('Main office and site');
  });

  test('planning candidates name company sites in the language asked for', async () => {
    type Candidates = { items: Array<{ id: string; name: string }> };
    const id = await get<Candidates>('/api/v1/planning/candidates?area=19.04&asOf=2024-06-13&kind=company_site');
    const en = await get<Candidates>('/api/v1/planning/candidates?area=19.04&asOf=2024-06-13&kind=company_site&lang=en');
    const main = id.items.find((c) => c.name.endsWith(' — Kantor dan lokasi utama'))!;
    expect(en.items.find((c) => c.id === main.id)!.name).toBe(main.name.replace(' — Kantor dan lokasi utama', ' — Main office and site'));
  });

  test('sources read as the outlet and month in the language asked for, never a file name: risk areas, meeting notes, operation notes', async () => {
    const id = referenceRisk(await get<Page<RiskArea>>('/api/v1/risk-areas?area=19.04'));
    expect(id.source).toBe('berita ANTARA News Bangka Belitung, Juni 2024');
    expect((await get<RiskArea>(`/api/v1/risk-areas/${id.id}?lang=en`)).source).toBe('ANTARA News Bangka Belitung article, June 2024');
    type Summary = { riskAreas: Array<{ source: string; origin: string }> };
    expect((await get<Summary>('/api/v1/areas/19.04/summary?asOf=2024-06-13&lang=en')).riskAreas.find((r) => r.origin === 'reference')!.source).toBe(
      'ANTARA News Bangka Belitung article, June 2024',
    );

    const meeting = (await get<Page<Meeting>>('/api/v1/meetings?area=19.04&from=2024-06-13&to=2024-06-13')).items.find((m) => m.origin === 'reference')!;
    expect(meeting.notes).toContain('Sumber: berita ANTARA News Bangka Belitung, Juni 2024');
    expect((await get<Meeting>(`/api/v1/meetings/${meeting.id}?lang=en`)).notes).toContain('Source: ANTARA News Bangka Belitung article, June 2024');

    const lebong = (await get<Page<Operation>>('/api/v1/operations?area=17.07&from=2016-11-17&to=2016-11-17')).items.find((o) => o.origin === 'reference')!;
    expect(lebong.notes).toMatch(/Sumber: laporan Kantor Imigrasi Kelas I Bengkulu, November 2016$/);
    const lebongEn = await get<Operation>(`/api/v1/operations/${lebong.id}?lang=en`);
    expect(lebongEn.notes).toMatch(/Source: report of Kantor Imigrasi Kelas I Bengkulu, November 2016$/);
    expect(lebongEn.targets[0]!.findings).toMatch(/^11 foreigners \(CHN\)/);

    // Demo risk areas name the demo, not a bare "demo".
    const demo = (await get<Page<RiskArea>>('/api/v1/risk-areas?limit=200')).items.find((r) => r.origin === 'demo')!;
    expect(demo.source).toBe('data demo Pantau (sintetis)');
    expect((await get<RiskArea>(`/api/v1/risk-areas/${demo.id}?lang=en`)).source).toBe('Pantau demo data (synthetic)');

    const everything = JSON.stringify([
      await get<Page<RiskArea>>('/api/v1/risk-areas?limit=500'),
      await get<Page<Meeting>>('/api/v1/meetings?limit=500'),
      await get<Page<Operation>>('/api/v1/operations?limit=500&from=2016-01-01&to=2016-12-31'),
    ]);
    expect(everything).not.toMatch(RAW_SOURCE);
  });

  test('risk-area tiles name the area in the language asked for (lang, else Accept-Language), for GIS clients and labels', async () => {
    const [z, x, y] = tileOf(106.25, -2.55, 9);
    const namesOf = async (query: string, headers: Record<string, string> = {}) => {
      const response = await admin.request(`/tiles/risk_areas/${z}/${x}/${y}.mvt?asOf=2024-06-13${query}`, { headers });
      expect(response.status).toBe(200);
      const layer = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer()))).layers.risk_areas!;
      return Array.from({ length: layer.length }, (_, i) => String(layer.feature(i).properties.name));
    };
    const id = await namesOf('');
    expect(id).toContain('Jalur PMI nonprosedural — Rapat TIMPORA Kabupaten Bangka Tengah');
    expect(id.join('\n')).not.toContain('Non-procedural');
    const en = await namesOf('&lang=en');
    expect(en).toContain('Non-procedural emigration of Indonesian workers — Rapat TIMPORA Kabupaten Bangka Tengah');
    expect(await namesOf('', { 'accept-language': 'en-US,en;q=0.9' })).toEqual(en);
    expect(await namesOf('&lang=id', { 'accept-language': 'en-US,en;q=0.9' })).toEqual(id);
    // The TileJSON passes the language on to its tile URLs.
    const tilejson = (await (await admin.request('/tiles/risk_areas.json?asOf=2024-06-13&lang=en')).json()) as { tiles: string[] };
    expect(tilejson.tiles[0]).toMatch(/[?&]lang=en\b/);
  });

  test('exports come in the language asked for: risk areas (name, source, description) and operations (notes, findings)', async () => {
    const risks = async (lang: string) =>
      (await get<Collection>(`/api/v1/exports/risk-areas.geojson?area=19.04&lang=${lang}`)).features
        .map((f) => f.properties)
        .find((p) => p.origin === 'reference')!;
    expect(await risks('id')).toMatchObject({
      name: 'Jalur PMI nonprosedural — Rapat TIMPORA Kabupaten Bangka Tengah',
      source: 'berita ANTARA News Bangka Belitung, Juni 2024',
      description: 'warga berangkat bekerja ke luar negeri secara ilegal, terutama ke Kamboja dan Thailand',
    });
    expect(await risks('en')).toMatchObject({
      name: 'Non-procedural emigration of Indonesian workers — Rapat TIMPORA Kabupaten Bangka Tengah',
      source: 'ANTARA News Bangka Belitung article, June 2024',
      description: 'residents leaving to work abroad illegally, mainly to Cambodia and Thailand',
    });
    const operations = async (lang: string) =>
      (await get<Collection>(`/api/v1/exports/operations.geojson?area=17.07&from=2016-11-17&to=2016-11-17&lang=${lang}`)).features
        .map((f) => f.properties)
        .find((p) => p.origin === 'reference')!;
    const [id, en] = [await operations('id'), await operations('en')];
    expect(String(id.findings)).toMatch(/^11 WNA CHN: TKA sedang menunggu/);
    expect(String(en.findings)).toMatch(/^11 foreigners \(CHN\)/);
    expect(String(en.operation_notes)).toMatch(/Source: report of Kantor Imigrasi Kelas I Bengkulu, November 2016$/);
    expect(JSON.stringify([id, en])).not.toMatch(RAW_SOURCE);
  });

  test("a saved plan keeps its targets' names in Indonesian and reads them in English with lang=en: the plan, its targets file", async () => {
    type Candidates = { items: Array<{ id: string; name: string }> };
    const candidates = await get<Candidates>('/api/v1/planning/candidates?area=19.04&asOf=2024-06-14&kind=company_site');
    const site = candidates.items.find((c) => c.name.endsWith(' — Kantor dan lokasi utama'))!;
    const created = await admin.request('/api/v1/planning/plans', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ title: 'Rencana dua bahasa', date: '2024-06-14', areaCode: '19.04', targets: [{ candidateId: site.id }] }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    type Plan = { targets: Array<{ name: string }> };
    expect((await get<Plan>(`/api/v1/planning/plans/${id}?lang=id`, { 'accept-language': 'en' })).targets[0]!.name).toBe(site.name);
    const english = site.name.replace(' — Kantor dan lokasi utama', ' — Main office and site');
    expect((await get<Plan>(`/api/v1/planning/plans/${id}?lang=en`)).targets[0]!.name).toBe(english);
    const csv = await (await admin.request(`/api/v1/planning/plans/${id}/targets.csv?lang=en`)).text();
    expect(csv).toContain(english);
    expect(await (await admin.request(`/api/v1/planning/plans/${id}/targets.csv?lang=id`)).text()).toContain(site.name);
    expect((await admin.request(`/api/v1/planning/plans/${id}`, { method: 'DELETE', headers: { origin: 'http://localhost' } })).status).toBe(204);
  });
});
