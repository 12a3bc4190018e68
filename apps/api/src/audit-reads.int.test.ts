// Reads that were not audited before issue 18: operation findings (by roles that see them), plans,
// PDF renders, and refused attempts on personal-data routes; and the admin's chain check.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { queryRows, sql } from '@pantau/db';
import { briefingFromTemplate } from '@pantau/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { testApp } from '../../../test/apps.js';
import { openFixtureDatabase, testBackends, type TestDatabase } from '../../../test/backends.js';
import { as, jsonWrite, PERSONAL_DATA_ACCOUNTS, signInEach, type TestAccount } from '../../../test/sessions.js';
import { chromiumPdfRenderer, findChromium } from './print/pdf-renderer.js';

type Client = ReturnType<typeof as>;
type AuditRow = { action: string; area_code: string | null; target: string | null; details: Record<string, unknown> };

// The pages Chromium prints: a stand-in for the web app's print page that is ready at once, so the
// renderer is the real one and the test is about what the API records around it.
let pageServer: Server;
let pageBase = '';
beforeAll(async () => {
  pageServer = createServer((_, res) =>
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
      .end('<html><body><h1>Rencana</h1><script>document.documentElement.setAttribute("data-print-ready", "true")</script></body></html>'),
  );
  await new Promise<void>((done) => pageServer.listen(0, '127.0.0.1', () => done()));
  pageBase = `http://127.0.0.1:${(pageServer.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => pageServer.close(() => done())));

describe.each(testBackends())('audited reads on %s', (backend) => {
  let t: TestDatabase;
  let renderer: ReturnType<typeof chromiumPdfRenderer>;
  const accounts: Record<string, TestAccount> = {};
  const client: Record<string, Client> = {};
  let operationId: number;
  let planId: number;

  beforeAll(async () => {
    t = await openFixtureDatabase(backend);
    renderer = chromiumPdfRenderer({ executablePath: findChromium(undefined), baseUrl: () => pageBase });
    const app = testApp(t.database, { pdf: renderer });
    await signInEach(app, t.database, PERSONAL_DATA_ACCOUNTS, accounts, client);
    const operations = (await (await client.analyst!.request('/api/v1/operations?area=19.04&limit=1')).json()) as { items: Array<{ id: number }> };
    operationId = operations.items[0]!.id;
    const candidates = (await (await client.analyst!.request('/api/v1/planning/candidates?area=19.04&asOf=2024-06-14&kind=company_site&limit=2')).json()) as {
      items: Array<{ id: string }>;
    };
    const plan = await client.analyst!.request(
      '/api/v1/planning/plans',
      jsonWrite('POST', { title: 'Audit', date: '2024-06-14', areaCode: '19.04', targets: candidates.items.map((c) => ({ candidateId: c.id })) }),
    );
    expect(plan.status).toBe(201);
    planId = ((await plan.json()) as { id: number }).id;
  });
  afterAll(async () => {
    await renderer?.close();
    await t?.dispose();
  });

  const rowsOf = (name: string, action: string) =>
    queryRows<AuditRow>(
      t.database.orm,
      sql`
    select action, area_code, target, details from audit_log where actor = ${accounts[name]!.email} and action = ${action} order by id`,
    );

  test('a role that sees operation findings leaves a row for each list and record it reads; a role without them leaves none', async () => {
    expect((await client.analyst!.request('/api/v1/operations?area=19.04&limit=5')).status).toBe(200);
    expect((await client.analyst!.request(`/api/v1/operations/${operationId}`)).status).toBe(200);
    const lists = await rowsOf('analyst', 'read.operations');
    expect(lists.at(-1)).toMatchObject({ area_code: '19.04', details: { query: { area: '19.04', limit: '5' } } });
    expect(await rowsOf('analyst', 'read.operation')).toEqual([expect.objectContaining({ target: `operation:${operationId}` })]);

    expect((await client.member!.request('/api/v1/operations?area=19.04')).status).toBe(200);
    expect(await rowsOf('member', 'read.operations')).toEqual([]);
  });

  test('reading a plan and its target table is recorded', async () => {
    expect((await client.member!.request(`/api/v1/planning/plans/${planId}`)).status).toBe(200);
    expect((await client.analyst!.request(`/api/v1/planning/plans/${planId}/targets.csv`)).status).toBe(200);
    expect(await rowsOf('member', 'read.plan')).toEqual([expect.objectContaining({ target: `plan:${planId}` })]);
    expect(await rowsOf('analyst', 'export.plan_targets')).toEqual([expect.objectContaining({ target: `plan:${planId}` })]);
  });

  test('printing a plan or a briefing to PDF is recorded once the PDF is made', async () => {
    const plan = await client.analyst!.request(`/api/v1/planning/plans/${planId}/plan.pdf`);
    expect(plan.status).toBe(200);
    expect(
      Buffer.from(await plan.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
    expect(await rowsOf('analyst', 'render.plan_pdf')).toEqual([expect.objectContaining({ target: `plan:${planId}` })]);

    const content = briefingFromTemplate('enforcement', { areaCode: '19.04', areaName: 'Bangka Tengah', date: '2024-06-13', lang: 'id', venue: 'Aula' });
    const created = await client.analyst!.request('/api/v1/briefings', jsonWrite('POST', content));
    expect(created.status).toBe(201);
    const briefingId = ((await created.json()) as { briefing: { id: number } }).briefing.id;
    expect((await client.analyst!.request(`/api/v1/briefings/${briefingId}/briefing.pdf`)).status).toBe(200);
    expect(await rowsOf('analyst', 'render.briefing_pdf')).toEqual([expect.objectContaining({ target: `briefing:${briefingId}` })]);
  });

  test('refused attempts on personal-data routes are recorded with the status: a role without the right, and a record outside the scope', async () => {
    expect((await client.viewer!.request('/api/v1/operations?area=19.04')).status).toBe(403);
    expect((await client.member!.request('/api/v1/exports/permits.csv?area=19.04')).status).toBe(403);
    expect((await client.elsewhere!.request(`/api/v1/operations/${operationId}`)).status).toBe(404);
    expect((await client.elsewhere!.request(`/api/v1/planning/plans/${planId}/plan.pdf`)).status).toBe(404);
    expect(await rowsOf('viewer', 'access.refused')).toEqual([
      expect.objectContaining({ target: 'GET /operations', area_code: '19.04', details: expect.objectContaining({ status: 403, code: 'forbidden' }) }),
    ]);
    expect(await rowsOf('member', 'access.refused')).toEqual([
      expect.objectContaining({ target: 'GET /exports/permits.csv', details: expect.objectContaining({ status: 403, code: 'forbidden' }) }),
    ]);
    expect((await rowsOf('elsewhere', 'access.refused')).map((r) => [r.target, r.details.status, r.details.code])).toEqual([
      [`GET /operations/${operationId}`, 404, 'not_found'],
      [`GET /planning/plans/${planId}/plan.pdf`, 404, 'plan_not_found'],
    ]);
  });

  test('the admin checks the chain over HTTP; other roles may not', async () => {
    const response = await client.admin!.request('/api/v1/audit/verify');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: boolean; rows: number; headHash: string };
    expect(body.ok).toBe(true);
    expect(body.rows).toBeGreaterThan(0);
    expect(body.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await client.analyst!.request('/api/v1/audit/verify')).status).toBe(403);
  });
});
