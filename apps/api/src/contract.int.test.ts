// The API contract (issue 21): every GET route of the OpenAPI document, called on the demo data as
// each role, answers 200 with a body its declared response schema accepts whole (no field missing,
// of another type, or left undeclared), or refuses with 403/404 and the error body. The schemas come
// from the app's own route definitions, so a new route is covered by them; the request table below
// must name it (the first test fails otherwise).
import type { RouteConfig } from '@hono/zod-openapi';
import { addApiToken, addReportAttachment, createMeeting, createPlan, createRiskArea, replayAndSave, updateRiskArea, writeReports } from '@pantau/data';
import { insertBriefing, planningCandidates, queryOne, sql } from '@pantau/db';
import { briefingFromTemplate, ROLES, type Role } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { onePixelPng } from '../../../test/images.js';
import { signedInAccount, type TestAccount, BANGKA_TENGAH_SCOPES } from '../../../test/sessions.js';
import { API_PREFIX, createApp } from './app.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };

/** Every account sees Bangka Tengah (19.04), the area the requests name. */
const SCOPES = BANGKA_TENGAH_SCOPES;

/** Records in Bangka Tengah found or made in the fixture, and the caller's own import. */
interface Ids {
  attachment: number;
  company: number;
  operation: number;
  riskArea: number;
  editedRiskArea: number;
  entryPoint: number;
  meeting: number;
  report: number;
  person: number;
  plan: number;
  briefing: number;
  importJob: string;
}

/** One request per GET route of the OpenAPI document (its path as the document names it). */
const REQUESTS: Record<string, (ids: Ids) => string> = {
  '/health': () => '/health',
  '/auth/me': () => '/auth/me',
  '/users': () => '/users',
  '/admin/tokens': () => '/admin/tokens',
  '/audit': () => '/audit?limit=20',
  '/audit/verify': () => '/audit/verify',
  '/meta': () => '/meta',
  '/areas': () => '/areas?level=district&parent=19.04',
  '/areas/geometry': () => '/areas/geometry?level=district&parent=19.04',
  '/areas/{code}': () => '/areas/19.04.01',
  '/offices': () => '/offices?province=19',
  '/areas/{code}/summary': () => '/areas/19.04/summary?asOf=2024-06-13',
  '/areas/{code}/trend': () => '/areas/19.04/trend?asOf=2024-06-13&months=12',
  '/areas/{code}/arrivals': () => '/areas/19.04/arrivals?asOf=2024-06-13&months=12',
  '/areas/{code}/compare': () => '/areas/19.04/compare?a=2023-06-13&b=2024-06-13',
  '/areas/{code}/overstays': () => '/areas/19.04/overstays?asOf=2024-06-13',
  '/areas/{code}/expiring': () => '/areas/19.04/expiring?asOf=2024-06-13&within=60',
  '/stats/permits': () => '/stats/permits?level=district&parent=19.04&asOf=2024-06-13',
  '/companies': () => '/companies?area=19.04',
  '/operations': () => '/operations?area=19.04',
  '/risk-areas': () => '/risk-areas?area=19.04&geometry=true',
  '/entry-points': () => '/entry-points?area=19.04',
  '/meetings': () => '/meetings?area=19.04',
  '/reports': () => '/reports?area=19.04',
  '/companies/{id}': (ids) => `/companies/${ids.company}?asOf=2024-06-13`,
  '/operations/{id}': (ids) => `/operations/${ids.operation}`,
  '/risk-areas/{id}': (ids) => `/risk-areas/${ids.riskArea}`,
  '/risk-areas/{id}/versions': (ids) => `/risk-areas/${ids.editedRiskArea}/versions`,
  '/entry-points/{id}': (ids) => `/entry-points/${ids.entryPoint}`,
  '/meetings/{id}': (ids) => `/meetings/${ids.meeting}`,
  '/follow-ups/overdue': () => '/follow-ups/overdue?area=19.04&asOf=2024-07-01',
  '/reports/{id}': (ids) => `/reports/${ids.report}`,
  '/reports/{id}/history': (ids) => `/reports/${ids.report}/history`,
  '/reports/{id}/attachments': (ids) => `/reports/${ids.report}/attachments`,
  '/reports/{id}/attachments/{attachmentId}': (ids) => `/reports/${ids.report}/attachments/${ids.attachment}`,
  '/people': () => '/people?q=li',
  '/people/{id}': (ids) => `/people/${ids.person}`,
  '/companies/{id}/workers': (ids) => `/companies/${ids.company}/workers?asOf=2024-06-13`,
  '/search': () => '/search?q=bangka',
  '/imports': () => '/imports',
  '/imports/{id}': (ids) => `/imports/${ids.importJob}`,
  '/exports/{file}': () => '/exports/companies.csv?area=19.04',
  '/planning/candidates': () => '/planning/candidates?area=19.04&asOf=2024-06-13&limit=10',
  '/planning/coverage-gaps': () => '/planning/coverage-gaps?area=19.04&asOf=2024-06-13',
  '/planning/hot-spots': () => '/planning/hot-spots?area=19.04&asOf=2024-06-13',
  '/planning/plans': () => '/planning/plans?area=19.04',
  '/planning/plans/{id}': (ids) => `/planning/plans/${ids.plan}`,
  '/planning/plans/{id}/targets.csv': (ids) => `/planning/plans/${ids.plan}/targets.csv`,
  '/planning/plans/{id}/targets.xlsx': (ids) => `/planning/plans/${ids.plan}/targets.xlsx`,
  '/planning/plans/{id}/plan.pdf': (ids) => `/planning/plans/${ids.plan}/plan.pdf`,
  '/planning/skill': () => '/planning/skill',
  '/briefings': () => '/briefings',
  '/briefings/{id}': (ids) => `/briefings/${ids.briefing}`,
  '/briefings/{id}/briefing.pdf': (ids) => `/briefings/${ids.briefing}/briefing.pdf`,
};

/** No Chromium in these tests: a PDF route a role may call answers 503 pdf_unavailable, never 200. */
const PDF_ROUTES = ['/planning/plans/{id}/plan.pdf', '/briefings/{id}/briefing.pdf'];

/** Where the answer differs from what its schema declares: the schema's complaints, then the fields it does not declare. */
function contractProblems(schema: z.ZodType, body: unknown): string[] {
  const result = schema.safeParse(body);
  if (!result.success) return result.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`);
  // z.object drops the keys it does not declare: what the parse lost, the schema does not describe.
  return undeclaredFields(body, result.data, '')
    .slice(0, 5)
    .map((path) => `${path}: not in the schema`);
}

function undeclaredFields(given: unknown, parsed: unknown, path: string): string[] {
  if (Array.isArray(given) && Array.isArray(parsed)) return given.flatMap((item, i) => undeclaredFields(item, parsed[i], `${path}.${i}`));
  if (given && typeof given === 'object' && parsed && typeof parsed === 'object') {
    return Object.entries(given).flatMap(([key, value]) =>
      key in parsed ? undeclaredFields(value, (parsed as Record<string, unknown>)[key], path ? `${path}.${key}` : key) : [path ? `${path}.${key}` : key],
    );
  }
  return [];
}

/** The declared 200 answer of each GET route (`/api/v1/…` as mounted), from the app's route definitions. */
function declaredAnswers(app: ReturnType<typeof createApp>): Map<string, Record<string, { schema: unknown }>> {
  const answers = new Map<string, Record<string, { schema: unknown }>>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const route: RouteConfig = definition.route;
    if (route.method !== 'get' || !route.path.startsWith(API_PREFIX)) continue;
    const ok = route.responses[200];
    answers.set(route.path.slice(API_PREFIX.length), (ok && 'content' in ok ? (ok.content ?? {}) : {}) as Record<string, { schema: unknown }>);
  }
  return answers;
}

describe.each(testBackends())('API contract on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  let answers: Map<string, Record<string, { schema: unknown }>>;
  const accounts = new Map<Role, TestAccount>();
  const idsOf = new Map<Role, Ids>();

  const get = (role: Role, path: string) => app.request(`${API_PREFIX}${path}`, { headers: { cookie: accounts.get(role)!.cookie } });

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    answers = declaredAnswers(app);
    for (const role of ROLES) accounts.set(role, await signedInAccount(t.database, role, SCOPES[role]));
    const orm = t.database.orm;
    // A report in Bangka Tengah whatever the demo drew there, through the write path.
    const site = await queryOne<{ lng: number; lat: number }>(
      orm,
      sql`select ST_X(geom) as lng, ST_Y(geom) as lat from company_sites where regency_code = '19.04' order by id limit 1`,
    );
    await orm.transaction((tx) =>
      writeReports(tx, [
        {
          key: 'test:contract:report',
          receivedAt: '2024-06-01T10:00:00+07:00',
          channel: 'apoa',
          category: 'illegal_work',
          status: 'verified',
          position: [Number(site!.lng), Number(site!.lat)],
          summary: null,
          origin: 'demo',
        },
      ]),
    );
    const first = async (table: string, column = 'regency_code') => {
      const row = await queryOne<{ id: number }>(orm, sql`select id from ${sql.raw(table)} where ${sql.raw(column)} = '19.04' order by id limit 1`);
      expect(row?.id, `${table} in 19.04`).toBeTruthy();
      return Number(row!.id);
    };
    const company = await queryOne<{ id: number }>(orm, sql`select company_id as id from company_sites where regency_code = '19.04' order by id limit 1`);
    const [candidate] = await planningCandidates(orm, '19.04', '2024-06-14', null);
    expect(candidate, 'a planning candidate in 19.04').toBeTruthy();
    const system = { scope: null, actor: { userId: null, actor: 'test' }, mayApprove: true };
    const plan = await createPlan(
      orm,
      { title: 'Kontrak', date: '2024-06-14', areaCode: '19.04', targets: [{ candidateId: candidate!.id }], notes: 'catatan' },
      system,
    );
    // A saved backtest (half a year, so the replay is quick), so the skill card's run is checked, not only its null.
    await replayAndSave(t.database, { from: '2024-01-01', to: '2024-06-30', ks: [5, 10], ranAt: clock.now() });
    const admin = accounts.get('admin')!;
    const adminId = (await queryOne<{ id: number }>(orm, sql`select id from users where email = ${admin.email}`))!.id;
    // A meeting with decisions and a follow-up (with its history), so their schemas are checked too; overdue on 2024-07-01.
    const meeting = await createMeeting(
      orm,
      {
        date: '2024-06-13',
        title: 'Rapat Timpora Kontrak',
        venue: { lng: Number(site!.lng), lat: Number(site!.lat) },
        officeKey: 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang',
        attendance: [{ agency: 'disnaker', names: ['Kepala Bidang'] }],
        agenda: ['Peta konsentrasi'],
        notes: ['catatan'],
        decisions: [{ text: 'Operasi gabungan besok' }],
        followUps: [{ task: 'Periksa RPTKA', ownerAgency: 'disnaker', dueDate: '2024-06-20', decision: 1 }],
      },
      system,
    );
    const briefing = await insertBriefing(
      orm,
      { id: adminId, email: admin.email },
      briefingFromTemplate('concentration', { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13', lang: 'id' }),
      clock.now(),
    );
    // A risk area drawn around Koba and then moved, so its history has a create and an update with a geometry before.
    const koba = (w: number) => ({
      type: 'Polygon' as const,
      coordinates: [
        [
          [w, -2.52],
          [w + 0.05, -2.52],
          [w + 0.05, -2.46],
          [w, -2.46],
          [w, -2.52],
        ],
      ],
    });
    const editedRiskArea = await createRiskArea(
      orm,
      { name: 'Kontrak Koba', category: 'illegal_work', source: 'uji', description: 'catatan', validFrom: '2024-06-01', geometry: koba(106.38) },
      system,
    );
    await updateRiskArea(orm, editedRiskArea, { geometry: koba(106.36) }, system);
    // A token, so the list of tokens has a row whose fields are checked.
    await addApiToken(orm, { name: 'kontrak', scope: ['19'], capabilities: ['report:create', 'report:attach'] }, system.actor, clock.now());
    const report = await first('reports');
    const { attachment } = await addReportAttachment(
      orm,
      report,
      { name: 'foto.png', data: onePixelPng() },
      { ...system, personalData: true, now: clock.now(), maxBytes: 1024 * 1024 },
    );
    const shared = {
      attachment: attachment.id,
      editedRiskArea,
      company: Number(company!.id),
      operation: await first('operations'),
      riskArea: await first('risk_areas'),
      entryPoint: await first('entry_points'),
      meeting,
      report,
      person: await first('people'),
      plan,
      briefing: briefing.id,
    };
    // An import is seen by whoever started it: each role that may import starts a dry run of one permit and waits for its report.
    for (const role of ROLES) {
      const form = new FormData();
      form.set('kind', 'permits');
      form.set('dryRun', 'true');
      form.set(
        'file',
        new File(
          ['No. Izin Tinggal;Jenis Izin;Nama;Kewarganegaraan;Tgl Terbit;Tgl Berakhir;Kabupaten\nK-1;KITAS;Kontrak;Tiongkok;13/06/2024;13/06/2025;19.04\n'],
          'izin.csv',
          { type: 'text/csv' },
        ),
      );
      const started = await app.request(`${API_PREFIX}/imports`, {
        method: 'POST',
        body: form,
        headers: { cookie: accounts.get(role)!.cookie, origin: 'http://localhost' },
      });
      let importJob = '00000000-0000-4000-8000-000000000000';
      if (started.status === 202) {
        importJob = ((await started.json()) as { id: string }).id;
        for (let i = 0; i < 300; i++) {
          const job = (await (await get(role, `/imports/${importJob}`)).json()) as { status: string };
          if (job.status !== 'running') break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      idsOf.set(role, { ...shared, importJob });
    }
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('every GET route of the OpenAPI document has a request here and a declared 200 answer', async () => {
    const doc = (await (await get('admin', '/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    const routes = Object.entries(doc.paths)
      .filter(([, methods]) => 'get' in methods)
      .map(([path]) => path);
    expect(
      routes.filter((route) => !(route in REQUESTS)),
      'GET routes without a request',
    ).toEqual([]);
    expect(
      Object.keys(REQUESTS).filter((route) => !routes.includes(route)),
      'requests of no route',
    ).toEqual([]);
    expect(
      routes.filter((route) => Object.keys(answers.get(route) ?? {}).length === 0),
      'routes without a declared 200 answer',
    ).toEqual([]);
    // The shared answers are named components (@pantau/domain api/, `.meta({ id })`), as the web app names their types.
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        'AreaSummary',
        'Company',
        'PlanningCandidates',
        'CoverageGaps',
        'HotSpots',
        'Plan',
        'Briefing',
        'ImportPreview',
        'ImportJob',
        'User',
        'AuditRow',
      ]),
    );
  });

  test('a wrong answer fails the check: a field missing, of another type, or not declared', async () => {
    const schema = answers.get('/areas/{code}/summary')!['application/json']!.schema as z.ZodType;
    const body = (await (await get('admin', REQUESTS['/areas/{code}/summary']!(idsOf.get('admin')!))).json()) as {
      holders: Record<string, unknown>;
      area: Record<string, unknown>;
    };
    expect(contractProblems(schema, body)).toEqual([]);
    expect(contractProblems(schema, { ...body, holders: { ...body.holders, total: '28' } })).toEqual([
      'holders.total: Invalid input: expected number, received string',
    ]);
    const { asOf: _asOf, ...withoutAsOf } = body as unknown as Record<string, unknown>;
    expect(contractProblems(schema, withoutAsOf)).toEqual(['asOf: Invalid input: expected string, received undefined']);
    expect(contractProblems(schema, { ...body, area: { ...body.area, population: 1 } })).toEqual(['area.population: not in the schema']);
  });

  const served = new Map<string, Set<Role>>();
  test.each(ROLES)('%s: every GET answer matches its declared schema, or is a refusal with the error body', async (role) => {
    const problems: string[] = [];
    for (const [route, request] of Object.entries(REQUESTS)) {
      const path = request(idsOf.get(role)!);
      const response = await get(role, path);
      const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
      if (response.status !== 200) {
        const refused = [403, 404].includes(response.status) || (PDF_ROUTES.includes(route) && response.status === 503);
        const body = type === 'application/json' ? ((await response.json()) as { error?: { code?: unknown; message?: unknown } }) : null;
        if (!refused || typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
          problems.push(`${route} (${path}): ${response.status} ${JSON.stringify(body)}`);
        continue;
      }
      served.set(route, (served.get(route) ?? new Set()).add(role));
      const declared = answers.get(route) ?? {};
      const content = Object.entries(declared).find(([declaredType]) => declaredType.split(';')[0]!.trim() === type);
      if (!content) {
        problems.push(`${route}: answered ${type}, declared ${Object.keys(declared).join(', ')}`);
        continue;
      }
      if (!type.endsWith('json')) continue;
      for (const problem of contractProblems(content[1].schema as z.ZodType, await response.json())) problems.push(`${route} (${path}): ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  test('every route but the PDFs was answered and checked, and the admin got every one of them', () => {
    const unserved = Object.keys(REQUESTS).filter((route) => !PDF_ROUTES.includes(route) && !served.get(route)?.has('admin'));
    expect(unserved, 'routes the admin did not get a 200 from').toEqual([]);
  });
});
