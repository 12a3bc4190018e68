// Issue 19 item 15: reference and demo records carry both languages (migration 0012, text_en) and the
// API serves the one the request asks for: `lang`, else Accept-Language, else Indonesian. An Indonesian
// page showed "non-procedural emigration of Indonesian workers — …", an English one "Jalur PMI nonprosedural …".
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

interface Page<T> { items: T[] }
interface RiskArea { id: number; name: string; description: string | null; origin: string }
interface Meeting { id: number; date: string; title: string; notes: string[]; regencyCode: string; origin: string }

describe.each(testBackends())('records in both languages on %s', (backend) => {
  let t: TestDatabase;
  let admin: ReturnType<typeof as>;
  const get = async <T>(path: string, headers: Record<string, string> = {}) => {
    const response = await admin.request(path, { headers });
    expect(response.status, path).toBe(200);
    return await response.json() as T;
  };

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    const app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock: { now: () => new Date('2024-06-13T03:00:00Z') }, log: () => {} });
    admin = as(app, await signedInAccount(t.database, 'admin'));
  });
  afterAll(async () => { await t?.dispose(); });

  const referenceRisk = (page: Page<RiskArea>) => page.items.find((r) => r.origin === 'reference')!;

  test('the Bangka Tengah meeting\'s risk reads in Indonesian by default and in English with lang=en', async () => {
    const id = referenceRisk(await get<Page<RiskArea>>('/api/v1/risk-areas?area=19.04'));
    expect(id).toMatchObject({ name: 'Jalur PMI nonprosedural — Rapat TIMPORA Kabupaten Bangka Tengah', description: 'warga berangkat bekerja ke luar negeri secara ilegal, terutama ke Kamboja dan Thailand' });
    const en = await get<RiskArea>(`/api/v1/risk-areas/${id.id}?lang=en`);
    expect(en).toMatchObject({ name: 'Non-procedural emigration of Indonesian workers — Rapat TIMPORA Kabupaten Bangka Tengah', description: 'residents leaving to work abroad illegally, mainly to Cambodia and Thailand' });
  });

  test('without lang, Accept-Language chooses; lang wins over it; an English browser on the Indonesian page still gets Indonesian with lang=id', async () => {
    const en = referenceRisk(await get<Page<RiskArea>>('/api/v1/risk-areas?area=19.04', { 'accept-language': 'en-GB,en;q=0.9' }));
    expect(en.name).toMatch(/^Non-procedural emigration/);
    const id = referenceRisk(await get<Page<RiskArea>>('/api/v1/risk-areas?area=19.04&lang=id', { 'accept-language': 'en-GB,en;q=0.9' }));
    expect(id.name).toMatch(/^Jalur PMI nonprosedural/);
    const bad = await admin.request('/api/v1/risk-areas?area=19.04&lang=fr');
    expect(bad.status).toBe(400);
  });

  test('the area panel\'s summary follows the language: risk names and the last meeting', async () => {
    type Summary = { riskAreas: Array<{ name: string; origin: string }>; lastMeeting: { title: string } | null };
    const id = await get<Summary>('/api/v1/areas/19.04/summary?asOf=2024-06-13');
    const en = await get<Summary>('/api/v1/areas/19.04/summary?asOf=2024-06-13&lang=en');
    expect(id.riskAreas.find((r) => r.origin === 'reference')!.name).toMatch(/^Jalur PMI nonprosedural/);
    expect(en.riskAreas.find((r) => r.origin === 'reference')!.name).toMatch(/^Non-procedural emigration/);
    expect(id.lastMeeting?.title).toBe('Rapat TIMPORA Kabupaten Bangka Tengah');
  });

  test('a reference meeting\'s notes: Indonesian labels for the figures, never the source\'s keys', async () => {
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
});
