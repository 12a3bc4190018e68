// Briefings over HTTP: the owner builds, others in the area read (without personal data when the
// audience or their role says so), others elsewhere get 404, the viewer only reads; every change audited.
import { queryRows, sql } from '@pantau/db';
import { briefingFromTemplate, type Briefing, type BriefingContent } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount } from '../../../../test/sessions.js';
import { createApp } from '../app.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };
const send = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', origin: 'http://localhost' },
  body: JSON.stringify(body),
});
const template = (lang: 'id' | 'en' = 'id') =>
  briefingFromTemplate('enforcement', { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13', lang, venue: 'Hotel Santika Bangka' });

describe.each(testBackends())('briefings on %s', (backend) => {
  let t: TestDatabase;
  let owner: ReturnType<typeof as>;
  let analyst: ReturnType<typeof as>;
  let agency: ReturnType<typeof as>;
  let viewer: ReturnType<typeof as>;
  let bengkulu: ReturnType<typeof as>;

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    const app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    owner = as(app, await signedInAccount(t.database, 'office_head', '19.04'));
    analyst = as(app, await signedInAccount(t.database, 'analyst', '19'));
    agency = as(app, await signedInAccount(t.database, 'agency_member', '19.04'));
    viewer = as(app, await signedInAccount(t.database, 'viewer', '19.04'));
    bengkulu = as(app, await signedInAccount(t.database, 'division_head', '17'));
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const create = async (content: BriefingContent) => {
    const response = await owner.request('/api/v1/briefings', send('POST', content));
    expect(response.status).toBe(201);
    return ((await response.json()) as { briefing: Briefing }).briefing;
  };

  test('the owner creates a briefing from a template; it is stored as sent and audited', async () => {
    const briefing = await create(template());
    expect(briefing).toMatchObject({
      title: 'Tindakan administratif keimigrasian tahun 2024 — Bangka Tengah',
      venue: 'Hotel Santika Bangka',
      audience: 'mixed_agency',
      areaCode: '19.04',
    });
    expect(briefing.slides.map((s) => s.id)).toEqual(['s1', 's2']);
    const got = (await (await owner.request(`/api/v1/briefings/${briefing.id}`)).json()) as { briefing: Briefing; canEdit: boolean };
    expect(got.canEdit).toBe(true);
    expect(got.briefing.slides).toEqual(template().slides);
    const audit = await queryRows<{ action: string; area_code: string }>(
      t.database.orm,
      sql`select action, area_code from audit_log where target = ${`briefing:${briefing.id}`}`,
    );
    expect(audit).toEqual([{ action: 'briefing.create', area_code: '19.04' }]);
  });

  test('others whose scope covers the area read it but may not change it; outside the area it does not exist', async () => {
    const briefing = await create(template('en'));
    for (const reader of [analyst, agency, viewer]) {
      const response = await reader.request(`/api/v1/briefings/${briefing.id}`);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { canEdit: boolean }).canEdit).toBe(false);
      const list = (await (await reader.request('/api/v1/briefings')).json()) as { items: Array<{ id: number; canEdit: boolean; slideCount: number }> };
      expect(list.items.find((item) => item.id === briefing.id)).toMatchObject({ canEdit: false, slideCount: 2 });
    }
    const put = await analyst.request(`/api/v1/briefings/${briefing.id}`, send('PUT', template()));
    expect(put.status).toBe(403);
    expect(((await put.json()) as { error: { message: string } }).error.message).toContain('Only the owner');
    expect((await viewer.request('/api/v1/briefings', send('POST', template()))).status).toBe(403);
    const elsewhere = await bengkulu.request(`/api/v1/briefings/${briefing.id}`);
    expect(elsewhere.status).toBe(404);
    const nonexistent = await bengkulu.request('/api/v1/briefings/99999999');
    expect(await elsewhere.text()).toBe(await nonexistent.text());
    const list = (await (await bengkulu.request('/api/v1/briefings')).json()) as { items: Array<{ id: number }> };
    expect(list.items.some((item) => item.id === briefing.id)).toBe(false);
    expect((await bengkulu.request(`/api/v1/briefings/${briefing.id}`, { method: 'DELETE', headers: { origin: 'http://localhost' } })).status).toBe(404);
  });

  test('bad input is refused with a 400 naming the field, and nothing is stored', async () => {
    const before = await queryRows(t.database.orm, sql`select id from briefings`);
    const cases: Array<[unknown, string]> = [
      [{ ...template(), title: ' ' }, 'title'],
      [{ ...template(), date: '2024-02-30' }, 'date'],
      [{ ...template(), audience: 'public' }, 'audience'],
      [{ ...template(), slides: [{ ...template().slides[0], view: { ...template().slides[0]!.view, asOf: 'yesterday' } }] }, 'slides.0.view.asOf'],
      [{ ...template(), slides: [template().slides[0], template().slides[0]] }, 'slides'],
      [{ ...template(), areaCode: '31.71' }, 'areaCode'],
      [{ ...template(), areaCode: '19.04.01' }, 'areaCode'],
      [{ ...template(), areaCode: null }, 'areaCode'],
    ];
    for (const [body, field] of cases) {
      const response = await owner.request('/api/v1/briefings', send('POST', body));
      expect(response.status, field).toBe(400);
      const error = ((await response.json()) as { error: { code: string; details: Array<{ parameter: string }> } }).error;
      expect(error.code).toBe('invalid_parameter');
      expect(
        error.details.map((d) => d.parameter),
        field,
      ).toContain(field);
    }
    expect(await queryRows(t.database.orm, sql`select id from briefings`)).toEqual(before);
  });

  test('a mixed-agency briefing keeps no personal data; an internal one shows findings only to roles with personal data', async () => {
    const content = template();
    const withFindings = {
      ...content,
      slides: content.slides.map((s) => ({ ...s, panels: s.panels.map((p) => (p.kind === 'operations' ? { ...p, findings: true } : p)) })),
    };
    const mixed = await create(withFindings);
    expect(mixed.slides[1]?.panels).toEqual([{ kind: 'operations', limit: 10, findings: false }]);
    const internal = await create({ ...withFindings, audience: 'internal' });
    const panelsAs = async (who: typeof owner) =>
      ((await (await who.request(`/api/v1/briefings/${internal.id}`)).json()) as { briefing: Briefing }).briefing.slides[1]?.panels;
    expect(await panelsAs(owner)).toEqual([{ kind: 'operations', limit: 10, findings: true }]);
    expect(await panelsAs(analyst)).toEqual([{ kind: 'operations', limit: 10, findings: true }]);
    expect(await panelsAs(agency)).toEqual([{ kind: 'operations', limit: 10, findings: false }]);
    expect(await panelsAs(viewer)).toEqual([]);
  });

  test('the owner reorders and renames slides, then deletes the briefing; both audited', async () => {
    const briefing = await create(template());
    const changed = { ...template(), title: 'Rakor Timpora Bangka Tengah', slides: [...template().slides].reverse() };
    const put = await owner.request(`/api/v1/briefings/${briefing.id}`, send('PUT', changed));
    expect(put.status).toBe(200);
    const saved = ((await put.json()) as { briefing: Briefing }).briefing;
    expect(saved.title).toBe('Rakor Timpora Bangka Tengah');
    expect(saved.slides.map((s) => s.id)).toEqual(['s2', 's1']);
    expect((await owner.request(`/api/v1/briefings/${briefing.id}`, { method: 'DELETE', headers: { origin: 'http://localhost' } })).status).toBe(204);
    expect((await owner.request(`/api/v1/briefings/${briefing.id}`)).status).toBe(404);
    const audit = await queryRows<{ action: string }>(
      t.database.orm,
      sql`select action from audit_log where target = ${`briefing:${briefing.id}`} order by id`,
    );
    expect(audit.map((row) => row.action)).toEqual(['briefing.create', 'briefing.update', 'briefing.delete']);
  });
});
