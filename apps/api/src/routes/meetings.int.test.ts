// Coordination meetings end to end on the fixture (issue 22): the office head of Pangkalpinang records
// the Rakor Timpora of 2024-06-13 in Bangka Tengah with two decisions and a follow-up for Disnaker,
// Disnaker's task goes overdue, is done, and the overdue list as of each day says so.
import { VectorTile } from '@mapbox/vector-tile';
import { readAudit, signIn } from '@pantau/data';
import { queryOne, sql } from '@pantau/db';
import type { FollowUpAnswer, MeetingAnswer, MeetingDetail, OverdueFollowUps } from '@pantau/domain';
import { PbfReader } from 'pbf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../../test/backends.js';
import { as, signedInAccount, type TestAccount, jsonWrite } from '../../../../test/sessions.js';
import { tileQuery } from '../../../../test/tile-query.js';
import { createApp } from '../app.js';
import { TILE_LAYER_BY_ID } from '../tiles/layers.js';

const OFFICE = 'ref:office:kantor-imigrasi-kelas-i-tpi-pangkalpinang';
const write = jsonWrite;
type Client = ReturnType<typeof as>;
interface ErrorAnswer {
  error: { code: string; message: string; details?: Array<{ parameter: string }> };
}

/** Tile x/y of a point at zoom z. */
function tileOf(lng: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [Math.floor(((lng + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n)];
}

describe.each(testBackends())('coordination meetings on %s', (backend) => {
  let t: TestDatabase;
  let app: ReturnType<typeof createApp>;
  // The day moves forward through the file: follow-ups change on the days they change.
  let now = new Date('2024-06-13T05:00:00Z');
  let head: Client;
  let headEmail: string;
  let analystJakarta: Client;
  let member: Client;
  let viewer: Client;
  /** Koba, Bangka Tengah: a point inside a district of 19.04. */
  let koba: { lng: number; lat: number };
  /** A point inside Jakarta Pusat (31.71). */
  let jakarta: { lng: number; lat: number };
  let meeting: MeetingDetail;
  const accounts: Record<'head' | 'member' | 'viewer', TestAccount | null> = { head: null, member: null, viewer: null };

  /** Moves the day on; sessions last 12 hours, so everyone signs in again (the same accounts). */
  const advanceTo = async (day: Date) => {
    now = day;
    const again = async (account: TestAccount) => {
      const result = await signIn(t.database.orm, { email: account.email, password: account.password, address: 'test', now });
      if (!result.ok) throw new Error(`sign-in failed: ${result.code}`);
      return as(app, { cookie: `pantau_session=${result.token}` });
    };
    head = await again(accounts.head!);
    member = await again(accounts.member!);
    viewer = await again(accounts.viewer!);
  };

  const meetingCount = async () => Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from meetings`))!.n);
  const followUpCount = async () => Number((await queryOne<{ n: number }>(t.database.orm, sql`select count(*)::int as n from meeting_follow_ups`))!.n);
  const rakor = (over: Record<string, unknown> = {}) => ({
    date: '2024-06-13',
    title: 'Rapat TIMPORA Kabupaten Bangka Tengah',
    venueName: 'Soll Marina Hotel dan Conference Center Bangka',
    venue: koba,
    officeKey: OFFICE,
    attendance: [
      { agency: 'imigrasi', names: ['Kepala Kantor Imigrasi Pangkalpinang'] },
      { agency: 'disnaker', names: ['Kabid Pengawasan'], unit: 'Disnaker Bangka Tengah' },
      { agency: 'polri', names: [], unit: 'Polres Bangka Tengah' },
    ],
    agenda: ['Peta konsentrasi pemegang ITAS dan ITAP', 'Tindakan administratif keimigrasian 2024', 'Potensi kerawanan', 'Lokasi operasi gabungan'],
    notes: ['22 pemegang ITAS, 6 pemegang ITAP'],
    decisions: [{ text: 'Operasi gabungan ke lokasi tambang di Koba besok' }, { text: 'Disnaker memeriksa RPTKA perusahaan yang mempekerjakan TKA' }],
    followUps: [{ task: 'Periksa RPTKA perusahaan tambang di Koba', ownerAgency: 'disnaker', dueDate: '2024-06-27', decision: 2 }],
    ...over,
  });

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    app = createApp({ database: t.database, config: { trustProxy: false, logLevel: 'warn' }, clock: { now: () => now }, log: () => {} });
    accounts.head = await signedInAccount(t.database, 'office_head', `office:${OFFICE}`, now);
    head = as(app, accounts.head);
    headEmail = accounts.head.email;
    analystJakarta = as(app, await signedInAccount(t.database, 'analyst', '19.04,31.71', now));
    accounts.member = await signedInAccount(t.database, 'agency_member', '19.04', now);
    member = as(app, accounts.member);
    accounts.viewer = await signedInAccount(t.database, 'viewer', '19.04', now);
    viewer = as(app, accounts.viewer);
    const point = async (code: string) => {
      const row = await queryOne<{ lng: number; lat: number }>(
        t.database.orm,
        sql`select ST_X(label) as lng, ST_Y(label) as lat from areas where level = 'district' and code like ${`${code}.%`} order by code limit 1`,
      );
      return { lng: Number(row!.lng), lat: Number(row!.lat) };
    };
    koba = await point('19.04');
    jakarta = await point('31.71');
  });
  afterAll(async () => {
    await t?.dispose();
  });

  test('the office head records the Rakor of 2024-06-13 in Bangka Tengah with two decisions and a follow-up for Disnaker', async () => {
    const response = await head.request('/api/v1/meetings', write('POST', rakor()));
    expect(response.status).toBe(201);
    meeting = (await response.json()) as MeetingDetail;
    expect(meeting).toMatchObject({
      date: '2024-06-13',
      title: 'Rapat TIMPORA Kabupaten Bangka Tengah',
      venue: 'Soll Marina Hotel dan Conference Center Bangka',
      regencyCode: '19.04',
      officeKey: OFFICE,
      organiser: expect.stringMatching(/pangkalpinang/i),
      origin: 'app',
      openFollowUps: 1,
      attendees: ['Kantor Imigrasi', 'Disnaker Bangka Tengah', 'Polres Bangka Tengah'],
      notes: ['22 pemegang ITAS, 6 pemegang ITAP'],
    });
    expect(meeting.venuePoint!.lng).toBeCloseTo(koba.lng, 5);
    expect(meeting.decisions.map((d) => [d.ordinal, d.operationId])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(meeting.followUps).toHaveLength(1);
    expect(meeting.followUps[0]).toMatchObject({
      meetingId: meeting.id,
      decision: 2,
      ownerAgency: 'disnaker',
      dueDate: '2024-06-27',
      status: 'open',
      history: [{ status: 'open', note: null, by: headEmail, at: '2024-06-13T05:00:00Z' }],
    });
    const audit = await readAudit(t.database.orm, { action: 'meeting.create', limit: 5 });
    expect(audit.find((row) => row.target === `meeting:${meeting.id}`)).toMatchObject({ actor: headEmail, areaCode: '19.04' });
    // The list shows the same meeting with its open follow-up.
    const list = (await (await head.request('/api/v1/meetings?area=19.04&from=2024-06-13&to=2024-06-13')).json()) as { items: MeetingAnswer[] };
    expect(list.items.find((m) => m.id === meeting.id)).toMatchObject({ openFollowUps: 1, agenda: expect.arrayContaining(['Potensi kerawanan']) });
  });

  test('bad input is refused with the field named and nothing written', async () => {
    const meetings = await meetingCount();
    const followUps = await followUpCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ followUps: [{ task: 'Terlambat', ownerAgency: 'disnaker', dueDate: '2024-06-12' }] }, 'followUps.0.dueDate'],
      [{ followUps: [{ task: 'Siapa', ownerAgency: 'bea_cukai', dueDate: '2024-06-20' }] }, 'followUps.0.ownerAgency'],
      [{ followUps: [{ task: 'Keputusan', ownerAgency: 'polri', dueDate: '2024-06-20', decision: 3 }] }, 'followUps.0.decision'],
      [{ date: '2024-02-30' }, 'date'],
      [{ venue: { lng: 120, lat: 20 } }, 'venue.lat'],
      // In Indonesia's bounding box but at sea (the Java Sea): no district holds it.
      [{ venue: { lng: 108.5, lat: -5.2 } }, 'venue'],
      [{ officeKey: 'ref:office:tidak-ada' }, 'officeKey'],
      // The organising office is required: left out or null, the body is refused before anything is looked up.
      [{ officeKey: undefined }, 'officeKey'],
      [{ officeKey: null }, 'officeKey'],
      [{ briefingId: 99_999_999 }, 'briefingId'],
      [{ decisions: [{ text: 'Operasi', operationId: 99_999_999 }], followUps: [] }, 'decisions.0.operationId'],
    ];
    for (const [over, parameter] of cases) {
      const response = await head.request('/api/v1/meetings', write('POST', rakor(over)));
      expect(response.status, parameter).toBe(400);
      const body = (await response.json()) as ErrorAnswer;
      expect(body.error.code, parameter).toBe('invalid_parameter');
      expect(
        body.error.details?.map((d) => d.parameter),
        parameter,
      ).toContain(parameter);
    }
    expect(await meetingCount()).toBe(meetings);
    expect(await followUpCount()).toBe(followUps);
  });

  test('the OpenAPI document says POST /meetings needs the organising office, and PATCH may leave it out', async () => {
    type Schema = { $ref?: string; required?: string[]; properties?: Record<string, unknown> };
    const doc = (await (await head.request('/api/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { requestBody: { content: { 'application/json': { schema: Schema } } } }>>;
      components?: { schemas?: Record<string, Schema> };
    };
    const bodyOf = (path: string, method: string): Schema => {
      const schema = doc.paths[path]![method]!.requestBody.content['application/json'].schema;
      return schema.$ref ? doc.components!.schemas![schema.$ref.split('/').pop()!]! : schema;
    };
    expect(bodyOf('/meetings', 'post').required).toEqual(expect.arrayContaining(['date', 'title', 'venue', 'officeKey']));
    expect(bodyOf('/meetings/{id}', 'patch').properties).toHaveProperty('officeKey');
    expect(bodyOf('/meetings/{id}', 'patch').required ?? []).not.toContain('officeKey');
  });

  test('a venue outside the scope answers like no area, and a role that may not write is refused before its body is read', async () => {
    const meetings = await meetingCount();
    const outside = await head.request('/api/v1/meetings', write('POST', rakor({ venue: jakarta })));
    expect(outside.status).toBe(404);
    expect(((await outside.json()) as ErrorAnswer).error.code).toBe('area_not_found');
    // The same venue is fine for an analyst whose scope holds Jakarta Pusat.
    const jakartaMeeting = await analystJakarta.request('/api/v1/meetings', write('POST', rakor({ venue: jakarta, followUps: [] })));
    expect(jakartaMeeting.status).toBe(201);
    const jakartaId = ((await jakartaMeeting.json()) as MeetingDetail).id;
    expect((await head.request(`/api/v1/meetings/${jakartaId}`)).status).toBe(404);
    expect((await head.request(`/api/v1/meetings/${jakartaId}`, write('PATCH', { title: 'Diubah' }))).status).toBe(404);
    expect(
      (await head.request(`/api/v1/meetings/${jakartaId}/follow-ups`, write('POST', { task: 'x', ownerAgency: 'polri', dueDate: '2024-06-20' }))).status,
    ).toBe(404);
    for (const client of [member, viewer]) {
      expect((await client.request('/api/v1/meetings', write('POST', { nonsense: true }))).status).toBe(403);
      expect((await client.request(`/api/v1/follow-ups/${meeting.followUps[0]!.id}`, write('PATCH', { status: 'done' }))).status).toBe(403);
    }
    expect(await meetingCount()).toBe(meetings + 1);
  });

  test('the overdue list counts a follow-up open at the end of the day by its history, per area and per office', async () => {
    const followUp = meeting.followUps[0]!;
    const overdue = async (query: string) => {
      const response = await head.request(`/api/v1/follow-ups/overdue?${query}`);
      expect(response.status, query).toBe(200);
      return ((await response.json()) as OverdueFollowUps).items.filter((i) => i.meeting.id === meeting.id);
    };
    // Due 2024-06-27: not overdue on its own day, overdue the day after.
    expect(await overdue('area=19.04&asOf=2024-06-27')).toEqual([]);
    expect(await overdue('area=19.04&asOf=2024-06-28')).toEqual([expect.objectContaining({ id: followUp.id, ownerAgency: 'disnaker', daysOverdue: 1 })]);
    // Disnaker reports back on 2024-07-03 (WIB afternoon).
    await advanceTo(new Date('2024-07-03T08:00:00Z'));
    const done = await head.request(`/api/v1/follow-ups/${followUp.id}`, write('PATCH', { status: 'done', note: 'RPTKA 3 perusahaan sesuai' }));
    expect(done.status).toBe(200);
    const answer = (await done.json()) as FollowUpAnswer;
    expect(answer.status).toBe('done');
    expect(answer.history.map((h) => [h.status, h.by, h.at])).toEqual([
      ['open', headEmail, '2024-06-13T05:00:00Z'],
      ['done', headEmail, '2024-07-03T08:00:00Z'],
    ]);
    // On a day before it was done it stays overdue; from that day on it is not.
    expect((await overdue('area=19.04&asOf=2024-07-02')).map((i) => i.daysOverdue)).toEqual([5]);
    expect(await overdue('area=19.04&asOf=2024-07-03')).toEqual([]);
    expect(await overdue(`office=${OFFICE}&asOf=2024-07-02`)).toHaveLength(1);
    expect(await overdue('asOf=2024-07-02')).toHaveLength(1);
    const detail = (await (await head.request(`/api/v1/meetings/${meeting.id}`)).json()) as MeetingDetail;
    // The map's panel asks for a record with the day and language of the map, as for every record kind.
    expect((await head.request(`/api/v1/meetings/${meeting.id}?asOf=2024-06-13&lang=id`)).status).toBe(200);
    expect(detail.openFollowUps).toBe(0);
    // Outside the scope: like no area at all; both office and area: 400.
    expect((await head.request('/api/v1/follow-ups/overdue?area=31.71')).status).toBe(404);
    expect((await head.request('/api/v1/follow-ups/overdue?area=99.99')).status).toBe(404);
    expect((await head.request(`/api/v1/follow-ups/overdue?area=19.04&office=${OFFICE}`)).status).toBe(400);
  });

  test('an agency member reads decisions and follow-ups but not the notes that may name people', async () => {
    const detail = (await (await member.request(`/api/v1/meetings/${meeting.id}`)).json()) as MeetingDetail;
    expect(detail).not.toHaveProperty('notes');
    expect(detail.decisions).toHaveLength(2);
    expect(detail.followUps[0]!.task).toBe('Periksa RPTKA perusahaan tambang di Koba');
    expect(detail.followUps[0]!.history.map((h) => Object.keys(h).sort())).toEqual([
      ['at', 'by', 'status'],
      ['at', 'by', 'status'],
    ]);
    expect((await viewer.request(`/api/v1/meetings/${meeting.id}`)).status).toBe(403);
  });

  test('follow-ups added later and meeting changes keep their rules: due dates, decisions by position, nothing half-saved', async () => {
    const added = await head.request(
      `/api/v1/meetings/${meeting.id}/follow-ups`,
      write('POST', { task: 'Laporkan hasil operasi', ownerAgency: 'polri', dueDate: '2024-06-20', decision: 1 }),
    );
    expect(added.status).toBe(201);
    const polri = (await added.json()) as FollowUpAnswer;
    expect(polri).toMatchObject({ decision: 1, status: 'open', history: [{ status: 'open' }] });
    const early = await head.request(
      `/api/v1/meetings/${meeting.id}/follow-ups`,
      write('POST', { task: 'Terlambat', ownerAgency: 'polri', dueDate: '2024-06-01' }),
    );
    expect(early.status).toBe(400);
    // Moving the meeting past a follow-up's due date is refused, and nothing of the patch is kept.
    const late = await head.request(`/api/v1/meetings/${meeting.id}`, write('PATCH', { date: '2024-06-25', title: 'Tidak tersimpan' }));
    expect(late.status).toBe(400);
    expect(((await late.json()) as ErrorAnswer).error.details?.map((d) => d.parameter)).toEqual(['date']);
    const kept = (await (await head.request(`/api/v1/meetings/${meeting.id}`)).json()) as MeetingDetail;
    expect(kept).toMatchObject({ date: '2024-06-13', title: 'Rapat TIMPORA Kabupaten Bangka Tengah' });
    // One decision left: the follow-up of decision 2 keeps no decision; that of decision 1 keeps its link.
    const patched = await head.request(`/api/v1/meetings/${meeting.id}`, write('PATCH', { decisions: [{ text: 'Operasi gabungan ke Koba' }] }));
    expect(patched.status).toBe(200);
    const after = (await patched.json()) as MeetingDetail;
    expect(after.decisions.map((d) => d.text)).toEqual(['Operasi gabungan ke Koba']);
    expect(after.followUps.map((f) => [f.ownerAgency, f.decision])).toEqual([
      ['polri', 1],
      ['disnaker', null],
    ]);
    expect(after.openFollowUps).toBe(1);
    // A note without a status, and a status outside the list, are refused.
    expect((await head.request(`/api/v1/follow-ups/${polri.id}`, write('PATCH', { note: 'catatan', task: 'Baru' }))).status).toBe(400);
    expect((await head.request(`/api/v1/follow-ups/${polri.id}`, write('PATCH', { status: 'closed' }))).status).toBe(400);
    expect((await head.request('/api/v1/follow-ups/99999999', write('PATCH', { status: 'done' }))).status).toBe(404);
  });

  test('a meetings spreadsheet imports through the same pipeline: the regency by name, the venue point, lists split on semicolons, a bad row named', async () => {
    const csv = [
      'Tanggal,Judul,Tempat,Penyelenggara,Kabupaten,Peserta,Agenda,Lat,Lon',
      `13/06/2024,Rapat TIMPORA Impor,Aula Kantor Bupati,Kantor Imigrasi Kelas I TPI Pangkalpinang,Bangka Tengah,"Kesbangpol Bangka Tengah; Polres Bangka Tengah","Peta konsentrasi; Potensi kerawanan",${koba.lat},${koba.lng}`,
      '14/06/2024,Rapat Tanpa Wilayah,Aula,Kantor Imigrasi Kelas I TPI Pangkalpinang,Kabupaten Tidak Ada,,,,',
      // The venue point lies in Jakarta, the regency named is Bangka Tengah: refused, not moved.
      `15/06/2024,Rapat Titik Salah,Aula,Kantor Imigrasi Kelas I TPI Pangkalpinang,Bangka Tengah,,,${jakarta.lat},${jakarta.lng}`,
    ].join('\n');
    const importFile = async (text: string) => {
      const form = new FormData();
      form.set('kind', 'meetings');
      form.set('file', new File([text], 'rapat.csv', { type: 'text/csv' }));
      const started = await head.request('/api/v1/imports', { method: 'POST', headers: { origin: 'http://localhost' }, body: form });
      expect(started.status).toBe(202);
      const { id } = (await started.json()) as { id: string };
      for (let i = 0; i < 2000; i++) {
        const job = (await (await head.request(`/api/v1/imports/${id}`)).json()) as {
          status: string;
          report?: { imported: number; rejected: number; issues: Array<{ row: number; field: string }> };
          error?: unknown;
        };
        if (job.status !== 'running') return job;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error('the import did not finish');
    };
    const before = await meetingCount();
    const refused = await importFile(csv);
    // A point outside its regency refuses the whole batch (the write path checks it); nothing is kept.
    expect(refused.status).toBe('failed');
    expect(await meetingCount()).toBe(before);
    const job = await importFile(csv.split('\n').slice(0, 3).join('\n'));
    expect(job).toMatchObject({ status: 'done', report: { imported: 1, rejected: 1 } });
    expect(job.report!.issues.map((i) => [i.row, i.field])).toEqual([[3, 'regency']]);
    const list = (await (await head.request('/api/v1/meetings?area=19.04&from=2024-06-13&to=2024-06-13')).json()) as { items: MeetingAnswer[] };
    const imported = list.items.find((m) => m.title === 'Rapat TIMPORA Impor')!;
    expect(imported).toMatchObject({
      regencyCode: '19.04',
      venue: 'Aula Kantor Bupati',
      attendees: ['Kesbangpol Bangka Tengah', 'Polres Bangka Tengah'],
      agenda: ['Peta konsentrasi', 'Potensi kerawanan'],
      officeKey: OFFICE,
      openFollowUps: 0,
      origin: expect.stringMatching(/^batch:/),
    });
    expect(imported.venuePoint!.lat).toBeCloseTo(koba.lat, 5);
  });

  test('the meetings layer shows the meeting at its venue with its open follow-ups', async () => {
    const [x, y] = tileOf(koba.lng, koba.lat, 12);
    const response = await head.request(
      `/tiles/meetings/12/${x}/${y}.mvt${tileQuery(TILE_LAYER_BY_ID.get('meetings')!, { from: '2024-06-13', to: '2024-06-13' })}`,
    );
    expect(response.status).toBe(200);
    const layer = new VectorTile(new PbfReader(new Uint8Array(await response.arrayBuffer()))).layers.meetings!;
    const features = Array.from({ length: layer.length }, (_, i) => layer.feature(i));
    const ours = features.find((f) => f.id === meeting.id);
    expect(ours?.properties).toMatchObject({ open_follow_ups: 1, regency_code: '19.04' });
    // Dropping the last open one changes the tile (a new data version, not a cached one).
    const polri = ((await (await head.request(`/api/v1/meetings/${meeting.id}`)).json()) as MeetingDetail).followUps.find((f) => f.status === 'open')!;
    expect((await head.request(`/api/v1/follow-ups/${polri.id}`, write('PATCH', { status: 'dropped', note: 'Digabung ke operasi berikutnya' }))).status).toBe(
      200,
    );
    const again = await head.request(
      `/tiles/meetings/12/${x}/${y}.mvt${tileQuery(TILE_LAYER_BY_ID.get('meetings')!, { from: '2024-06-13', to: '2024-06-13' })}`,
    );
    const layerAgain = new VectorTile(new PbfReader(new Uint8Array(await again.arrayBuffer()))).layers.meetings!;
    const oursAgain = Array.from({ length: layerAgain.length }, (_, i) => layerAgain.feature(i)).find((f) => f.id === meeting.id);
    expect(oursAgain?.properties.open_follow_ups).toBe(0);
  });
});
