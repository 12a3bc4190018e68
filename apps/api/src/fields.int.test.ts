// Which fields each role gets, on every path that serves them (issue 18, items 2, 3 and 8):
// - free text that may name people (operation findings and notes, meeting notes, report text, risk-area
//   descriptions, plan notes) never reaches a role without personal data: not in lists, records,
//   exports (CSV, XLSX, GeoJSON), plan files, tiles or search;
// - the aggregates-only viewer gets area search results and counts, never record ids, names or places;
// - /meta counts only what the caller's scope holds and names no server path.
// The per-role field snapshots below are the table in docs/access-control.md.
import { VectorTile } from '@mapbox/vector-tile';
import { createMeeting, createPlan, updateFollowUp, updateRiskArea, writeMeetings, writeOperations, writeReports, writeRiskAreas } from '@pantau/data';
import { planningCandidates, queryOne, sql } from '@pantau/db';
import { ROLES, type Permissions, type Role } from '@pantau/domain';
import ExcelJS from 'exceljs';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { as, jsonWrite, signedInAccount, BANGKA_TENGAH_SCOPES } from '../../../test/sessions.js';
import { tileQuery } from '../../../test/tile-query.js';
import { createApp } from './app.js';
import { TILE_LAYER_BY_ID } from './tiles/layers.js';

const clock = { now: () => new Date('2024-06-13T03:00:00Z') };

/** Every account sees Bangka Tengah (19.04). */
const SCOPES = BANGKA_TENGAH_SCOPES;

/** A name, a passport and a permit number, as officers type them into free text. */
const PERSON = 'Zhang Wei Fieldtest';
const FREE_TEXT = `WNA a.n. ${PERSON} paspor E12345678 ITAS 2C11AB1234`;
const PLACE = 'Penginapan Uji Kolom';

type Requester = ReturnType<typeof as>;

/** Field names of a JSON answer: top-level keys, and one level below (`key.sub`, `key[].sub` for lists of objects). */
function fieldsOf(value: Record<string, unknown>): string[] {
  const fields = new Set<string>();
  for (const [key, v] of Object.entries(value)) {
    fields.add(key);
    if (Array.isArray(v)) for (const item of v) if (item && typeof item === 'object') Object.keys(item).forEach((k) => fields.add(`${key}[].${k}`));
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.keys(v).forEach((k) => fields.add(`${key}.${k}`));
  }
  return [...fields].sort();
}

const sorted = (fields: string[]) => [...fields].sort();

/** What the search box gets (one search each for an area, a company and an operation target's place), per role. */
const SEARCH_AREAS = ['areas', 'areas[].code', 'areas[].level', 'areas[].name', 'areas[].nameEn', 'areas[].parentName', 'outsideScope'];
const SEARCH_RECORDS = [
  'companies',
  'companies[].id',
  'companies[].lat',
  'companies[].lng',
  'companies[].name',
  'companies[].regencyCode',
  'places',
  'places[].id',
  'places[].kind',
  'places[].lat',
  'places[].lng',
  'places[].name',
];
const SEARCH_FIELDS: Record<Role, string[]> = {
  admin: sorted([...SEARCH_AREAS, ...SEARCH_RECORDS]),
  division_head: sorted([...SEARCH_AREAS, ...SEARCH_RECORDS]),
  office_head: sorted([...SEARCH_AREAS, ...SEARCH_RECORDS]),
  analyst: sorted([...SEARCH_AREAS, ...SEARCH_RECORDS]),
  agency_member: sorted([...SEARCH_AREAS, ...SEARCH_RECORDS]),
  viewer: sorted(SEARCH_AREAS),
};

/** The area panel (GET /areas/{code}/summary), per role. */
const SUMMARY_AGGREGATES = [
  'area',
  'area.bbox',
  'area.centroid',
  'area.code',
  'area.label',
  'area.level',
  'area.name',
  'area.parentCode',
  'area.parents',
  'area.areaKm2',
  'asOf',
  'holders',
  'holders.byNationality',
  'holders.byPurpose',
  'holders.itap',
  'holders.itas',
  'holders.pending',
  'holders.permits',
  'holders.total',
  'holders.visit',
  'openReports',
  'openReports.count',
  'sources',
  'sources[].lastIssued',
  'sources[].loadedAt',
  'sources[].origin',
  'sources[].permits',
];
const SUMMARY_RECORDS = [
  'lastMeeting',
  'lastMeeting.date',
  'lastMeeting.id',
  'lastMeeting.organiser',
  'lastMeeting.origin',
  'lastMeeting.regencyCode',
  'lastMeeting.title',
  'lastMeeting.venue',
  'lastOperations',
  'lastOperations[].actions',
  'lastOperations[].date',
  'lastOperations[].foreignersChecked',
  'lastOperations[].id',
  'lastOperations[].origin',
  'lastOperations[].outcomes',
  'lastOperations[].targets',
  'lastOperations[].team',
  'lastOperations[].violations',
  'openReports.items',
  'riskAreas',
  'riskAreas[].category',
  'riskAreas[].id',
  'riskAreas[].name',
  'riskAreas[].origin',
  'riskAreas[].severity',
  'riskAreas[].source',
  'riskAreas[].validFrom',
  'riskAreas[].validTo',
  'topSponsors',
  'topSponsors[].activePermits',
  'topSponsors[].id',
  'topSponsors[].name',
  'topSponsors[].origin',
  'topSponsors[].sector',
];
const SUMMARY_FIELDS: Record<Role, string[]> = {
  admin: sorted([...SUMMARY_AGGREGATES, ...SUMMARY_RECORDS]),
  division_head: sorted([...SUMMARY_AGGREGATES, ...SUMMARY_RECORDS]),
  office_head: sorted([...SUMMARY_AGGREGATES, ...SUMMARY_RECORDS]),
  analyst: sorted([...SUMMARY_AGGREGATES, ...SUMMARY_RECORDS]),
  agency_member: sorted([...SUMMARY_AGGREGATES, ...SUMMARY_RECORDS]),
  viewer: sorted(SUMMARY_AGGREGATES),
};

/** Tile x/y of a point at zoom z. */
function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

function tileStrings(buffer: Uint8Array): string[] {
  const tile = new VectorTile(new PbfReader(buffer));
  return Object.values(tile.layers).flatMap((layer) =>
    Array.from({ length: layer.length }, (_, i) => Object.values(layer.feature(i).properties).map(String)).flat(),
  );
}

async function xlsxText(buffer: ArrayBuffer): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer);
  const cells: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        cells.push(String(cell.value));
      }),
    ),
  );
  return cells.join('\n');
}

describe.each(testBackends())('fields per role on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  const clients = new Map<Role, Requester & { permissions: Permissions }>();
  const ids = { operation: 0, meeting: 0, recordedMeeting: 0, riskArea: 0, plan: 0, report: 0, recordedReport: 0 };
  let site = { lng: 0, lat: 0 };
  let companyName = '';

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock, log: () => {} });
    for (const role of ROLES) {
      const client = as(app, await signedInAccount(t.database, role, SCOPES[role]));
      const me = (await (await client.request('/api/v1/auth/me')).json()) as { permissions: Permissions };
      clients.set(role, { ...client, permissions: me.permissions });
    }
    const row = await queryOne<{ lng: number; lat: number; name: string }>(
      t.database.orm,
      sql`
      select ST_X(s.geom) as lng, ST_Y(s.geom) as lat, c.name from company_sites s join companies c on c.id = s.company_id
      where s.regency_code = '19.04' order by s.id limit 1`,
    );
    site = { lng: Number(row!.lng), lat: Number(row!.lat) };
    companyName = row!.name;
    // Records in Bangka Tengah whose free text names a person, written through the import path.
    const d = 0.01;
    const square = {
      type: 'Polygon' as const,
      coordinates: [
        [
          [site.lng - d, site.lat - d],
          [site.lng + d, site.lat - d],
          [site.lng + d, site.lat + d],
          [site.lng - d, site.lat + d],
          [site.lng - d, site.lat - d],
        ],
      ],
    };
    await t.database.orm.transaction(async (tx) => {
      await writeOperations(tx, [
        {
          key: 'test:fields:operation',
          date: '2024-06-12',
          officeKey: null,
          team: 'Timpora Uji',
          regencyCode: '19.04',
          notes: `Operasi atas laporan tentang ${FREE_TEXT}`,
          targets: [
            {
              place: PLACE,
              kind: 'lodging',
              position: [site.lng, site.lat],
              siteKey: null,
              foreignersChecked: 2,
              violations: 1,
              outcome: 'violation',
              findings: FREE_TEXT,
              actions: [],
            },
          ],
          origin: 'demo',
        },
      ]);
      await writeMeetings(tx, [
        {
          key: 'test:fields:meeting',
          date: '2024-06-12',
          title: 'Rapat Timpora Uji',
          venue: 'Aula',
          regencyCode: '19.04',
          organiser: 'Kantor Imigrasi',
          attendees: ['Kesbangpol'],
          notes: [`Dibahas: ${FREE_TEXT}`],
          origin: 'demo',
        },
      ]);
      await writeReports(tx, [
        {
          key: 'test:fields:report',
          receivedAt: '2024-06-10T10:00:00+07:00',
          channel: 'whatsapp',
          category: 'illegal_work',
          status: 'new',
          position: [site.lng, site.lat],
          summary: `Pelapor melihat ${FREE_TEXT}`,
          origin: 'demo',
        },
      ]);
      await writeRiskAreas(tx, [
        {
          key: 'test:fields:risk',
          name: 'Area Uji',
          category: 'illegal_work',
          severity: 'high',
          geometry: square,
          validFrom: '2024-01-01',
          validTo: null,
          source: 'test',
          description: `Tempat kerja ${FREE_TEXT}`,
          origin: 'demo',
        },
      ]);
    });
    const id = async (table: string, key: string) =>
      Number((await queryOne<{ id: number }>(t.database.orm, sql`select id from ${sql.raw(table)} where key = ${key}`))!.id);
    ids.operation = await id('operations', 'test:fields:operation');
    ids.meeting = await id('meetings', 'test:fields:meeting');
    ids.riskArea = await id('risk_areas', 'test:fields:risk');
    // A meeting recorded in the app whose follow-up was closed with a note naming the person.
    const system = { scope: null, actor: { userId: null, actor: 'test' } };
    ids.recordedMeeting = await createMeeting(
      t.database.orm,
      {
        date: '2024-06-12',
        title: 'Rakor Uji',
        venue: site,
        officeKey: 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang',
        notes: [`Dibahas: ${FREE_TEXT}`],
        decisions: [{ text: 'Periksa penginapan' }],
        followUps: [{ task: 'Periksa tamu penginapan', ownerAgency: 'polri', dueDate: '2024-06-14', decision: 1 }],
      },
      system,
    );
    const followUp = await queryOne<{ id: number }>(t.database.orm, sql`select id from meeting_follow_ups where meeting_id = ${ids.recordedMeeting}`);
    await updateFollowUp(t.database.orm, Number(followUp!.id), { status: 'done', note: `Diperiksa: ${FREE_TEXT}` }, system);
    ids.report = await id('reports', 'test:fields:report');
    // The triage's reason may name people too; a report recorded in the app keeps its address and reporter.
    const admin = client('admin');
    expect((await admin.request(`/api/v1/reports/${ids.report}`, jsonWrite('PATCH', { status: 'verified', reason: `Benar ada ${FREE_TEXT}` }))).status).toBe(
      200,
    );
    const recorded = await admin.request(
      '/api/v1/reports',
      jsonWrite('POST', {
        channel: 'whatsapp',
        category: 'illegal_work',
        summary: `Laporan WA: ${FREE_TEXT}`,
        lat: site.lat,
        lng: site.lng,
        address: `Rumah ${PERSON}`,
        reporterContact: `${PERSON} 0812`,
      }),
    );
    expect(recorded.status).toBe(201);
    ids.recordedReport = ((await recorded.json()) as { id: number }).id;
    // Edited in the app: its history keeps the area as it was, the description (free text naming the person) too.
    await updateRiskArea(t.database.orm, ids.riskArea, { source: 'Rapat Timpora Uji' }, { scope: null, actor: { userId: null, actor: 'test' } });
    const [candidate] = await planningCandidates(t.database.orm, '19.04', '2024-06-14', null);
    ids.plan = await createPlan(
      t.database.orm,
      {
        title: 'Rencana Uji',
        date: '2024-06-14',
        areaCode: '19.04',
        notes: `Cari ${FREE_TEXT}`,
        targets: [{ candidateId: candidate!.id, notes: `Tanya ${FREE_TEXT}` }],
      },
      { scope: null, actor: { userId: null, actor: 'test' }, mayApprove: true },
    );
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const client = (role: Role) => clients.get(role)!;
  const text = async (role: Role, path: string) => {
    const response = await client(role).request(path);
    return {
      status: response.status,
      body: response.headers.get('content-type')?.includes('spreadsheetml') ? await xlsxText(await response.arrayBuffer()) : await response.text(),
    };
  };

  describe('free text that may name people', () => {
    const PATHS = (): string[] => [
      '/api/v1/operations?area=19.04&from=2024-06-12&to=2024-06-12',
      `/api/v1/operations/${ids.operation}`,
      '/api/v1/meetings?area=19.04&from=2024-06-12&to=2024-06-12',
      `/api/v1/meetings/${ids.meeting}`,
      `/api/v1/meetings/${ids.recordedMeeting}`,
      '/api/v1/risk-areas?area=19.04',
      `/api/v1/risk-areas/${ids.riskArea}`,
      `/api/v1/risk-areas/${ids.riskArea}/versions`,
      '/api/v1/reports?area=19.04&from=2024-06-10&to=2024-06-10',
      `/api/v1/reports/${ids.report}`,
      `/api/v1/reports/${ids.report}/history`,
      `/api/v1/reports/${ids.recordedReport}`,
      ...['csv', 'xlsx', 'geojson'].flatMap((f) => [
        `/api/v1/exports/operations.${f}?area=19.04&from=2024-06-12&to=2024-06-12`,
        `/api/v1/exports/reports.${f}?area=19.04&from=2024-06-10&to=2024-06-10`,
        `/api/v1/exports/risk-areas.${f}?area=19.04`,
      ]),
      `/api/v1/planning/plans/${ids.plan}`,
      `/api/v1/planning/plans/${ids.plan}/targets.csv`,
      `/api/v1/planning/plans/${ids.plan}/targets.xlsx`,
      '/api/v1/areas/19.04/summary?asOf=2024-06-13',
      `/api/v1/search?q=${encodeURIComponent(PLACE)}`,
    ];

    test.each(ROLES)('%s gets the person named in free text on every path only when its role may see personal data', async (role) => {
      const personal = client(role).permissions.personalData;
      const problems: string[] = [];
      for (const path of PATHS()) {
        const { status, body } = await text(role, path);
        if (status === 403) continue;
        expect(status, path).toBe(200);
        const named = body.includes(PERSON);
        // Roles with personal data see it on every path that carries the field (the summary, search and report list carry none).
        const carriesField = !path.includes('/summary') && !path.includes('/search') && !path.startsWith('/api/v1/reports?');
        if (personal && carriesField && !named) problems.push(`${path}: the free text is missing`);
        if (!personal && named) problems.push(`${path}: names a person`);
      }
      expect(problems).toEqual([]);
    });

    test('an agency member gets operations, meetings, risk areas and plans without the free-text fields, and the rest of each record', async () => {
      const member = client('agency_member');
      const operation = (await (await member.request(`/api/v1/operations/${ids.operation}`)).json()) as Record<string, unknown> & {
        targets: Array<Record<string, unknown>>;
      };
      expect(operation).not.toHaveProperty('notes');
      expect(operation.targets[0]).not.toHaveProperty('findings');
      expect(operation.targets[0]).toMatchObject({ place: PLACE, foreignersChecked: 2, violations: 1, outcome: 'violation' });
      const meeting = (await (await member.request(`/api/v1/meetings/${ids.meeting}`)).json()) as Record<string, unknown>;
      expect(meeting).not.toHaveProperty('notes');
      expect(meeting).toMatchObject({ title: 'Rapat Timpora Uji', attendees: ['Kesbangpol'] });
      // A recorded meeting: decisions and follow-ups, each status change with who and when but not its note.
      const recorded = (await (await member.request(`/api/v1/meetings/${ids.recordedMeeting}`)).json()) as Record<string, unknown> & {
        followUps: Array<{ task: string; history: Array<Record<string, unknown>> }>;
      };
      expect(recorded).not.toHaveProperty('notes');
      expect(recorded.followUps[0]!.task).toBe('Periksa tamu penginapan');
      expect(recorded.followUps[0]!.history.map((h) => Object.keys(h).sort())).toEqual([
        ['at', 'by', 'status'],
        ['at', 'by', 'status'],
      ]);
      const risk = (await (await member.request(`/api/v1/risk-areas/${ids.riskArea}`)).json()) as Record<string, unknown>;
      expect(risk).not.toHaveProperty('description');
      expect(risk).toMatchObject({ name: 'Area Uji' });
      const versions = (await (await member.request(`/api/v1/risk-areas/${ids.riskArea}/versions`)).json()) as {
        items: Array<{ before: Record<string, unknown> | null }>;
      };
      expect(versions.items[0]!.before).not.toHaveProperty('description');
      expect(versions.items[0]!.before).toMatchObject({ name: 'Area Uji', category: 'illegal_work' });
      const plan = (await (await member.request(`/api/v1/planning/plans/${ids.plan}`)).json()) as Record<string, unknown> & {
        targets: Array<Record<string, unknown>>;
      };
      expect(plan).not.toHaveProperty('notes');
      expect(plan.targets[0]).not.toHaveProperty('notes');
      const csv = await (await member.request('/api/v1/exports/operations.csv?area=19.04&from=2024-06-12&to=2024-06-12')).text();
      const header = csv
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)[0]!
        .split(',');
      expect(header).not.toContain('findings');
      expect(header).not.toContain('operation_notes');
      expect(header).toContain('place');
    });

    test('no tile property carries free text, for any role', async () => {
      const [x, y] = tileOf(site.lng, site.lat, 14);
      for (const role of ROLES) {
        for (const layer of ['operation_targets', 'reports', 'meetings', 'risk_areas']) {
          const response = await client(role).request(
            `/tiles/${layer}/14/${x}/${y}.mvt${tileQuery(TILE_LAYER_BY_ID.get(layer)!, { asOf: '2024-06-13', from: '2024-01-01' })}`,
          );
          // 403: a layer the role may not read; 204: nothing there. Anything else (a 400) would hide a leak.
          expect([200, 204, 403], `${role} ${layer}`).toContain(response.status);
          if (response.status !== 200) continue;
          const strings = tileStrings(new Uint8Array(await response.arrayBuffer()));
          expect(
            strings.filter((s) => s.includes(PERSON)),
            `${role} ${layer}`,
          ).toEqual([]);
        }
      }
    });
  });

  describe('per-role field snapshot of search and area summaries', () => {
    test.each(ROLES)('%s: search answers with the fields of the table', async (role) => {
      const fields = new Set<string>();
      for (const q of ['bangka tengah', companyName, PLACE]) {
        const response = await client(role).request(`/api/v1/search?q=${encodeURIComponent(q)}`);
        expect(response.status).toBe(200);
        fieldsOf((await response.json()) as Record<string, unknown>).forEach((f) => fields.add(f));
      }
      expect([...fields].sort()).toEqual(SEARCH_FIELDS[role]);
    });

    test.each(ROLES)('%s: the area summary answers with the fields of the table', async (role) => {
      const response = await client(role).request('/api/v1/areas/19.04/summary?asOf=2024-06-13');
      expect(response.status).toBe(200);
      expect(fieldsOf((await response.json()) as Record<string, unknown>)).toEqual(SUMMARY_FIELDS[role]);
    });

    test('the viewer gets the same counts as the other roles', async () => {
      const summaryOf = async (role: Role) =>
        (await (await client(role).request('/api/v1/areas/19.04/summary?asOf=2024-06-13')).json()) as { holders: unknown; openReports: { count: number } };
      const [viewer, analyst] = await Promise.all([summaryOf('viewer'), summaryOf('analyst')]);
      expect(viewer.holders).toEqual(analyst.holders);
      expect(viewer.openReports.count).toBe(analyst.openReports.count);
      expect(viewer.openReports.count).toBeGreaterThan(0);
    });
  });

  describe('/meta', () => {
    const metaOf = async (role: Role) =>
      (await (await client(role).request('/api/v1/meta')).json()) as {
        demo: boolean;
        today: string;
        datasets: Array<{ name: string; loadedAt: string } & Record<string, unknown>>;
      };

    test.each(ROLES)('%s: meta names no server path and keeps what the web app reads', async (role) => {
      const meta = await metaOf(role);
      expect(meta).toMatchObject({ demo: true, today: '2024-06-13' });
      expect(meta.datasets.map((d) => d.name)).toEqual(expect.arrayContaining(['boundaries', 'demo', 'reference']));
      for (const dataset of meta.datasets) {
        expect(dataset.loadedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
        expect(dataset).not.toHaveProperty('params');
      }
      const body = JSON.stringify(meta);
      expect(body).not.toMatch(/boundaries"?\s*:\s*"?\//);
      expect(body).not.toMatch(/"\/[^"]*"|[A-Za-z]:\\\\/);
    });

    test("counts are those of the caller's scope: a Bangka Tengah scope gets Bangka Tengah's demo permits, the national scope all of them", async () => {
      const permitsIn = async (where: string) =>
        Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from permits where origin = 'demo' and ${sql.raw(where)}`))!.n);
      const regencies = async (where: string) =>
        Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from areas where level = 'regency' and ${sql.raw(where)}`))!.n);
      const counts = (meta: Awaited<ReturnType<typeof metaOf>>, name: string) => meta.datasets.find((d) => d.name === name)!.counts as Record<string, number>;
      for (const role of ['viewer', 'agency_member', 'analyst'] as const) {
        const meta = await metaOf(role);
        expect(counts(meta, 'demo').permits, role).toBe(await permitsIn(`regency_code = '19.04'`));
        expect(counts(meta, 'boundaries').regency, role).toBe(1);
      }
      const national = await metaOf('admin');
      expect(counts(national, 'demo').permits).toBe(await permitsIn('true'));
      expect(counts(national, 'boundaries').regency).toBe(await regencies('true'));
      const province = await metaOf('division_head');
      expect(counts(province, 'demo').permits).toBe(await permitsIn(`regency_code like '19.%'`));
      expect(counts(province, 'boundaries').regency).toBe(await regencies(`code like '19.%'`));
    });
  });
});
