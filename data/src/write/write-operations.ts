// Joint operations with their targets and enforcement actions (TAK), written together.
import { operationRecord, type OperationRecord } from '@pantau/domain';
import { companySites, expectWritten, insertRows, operationTargets, operations, queryRows, sql, withRows, type BulkColumn, type Orm } from '@pantau/db';
import { districtOf, jsonParam, knownAreaCodes } from './area-lookup.js';
import { officeIdsByKey } from './write-organisation.js';
import { refuse, validateRecords, type RecordIssue } from './validate.js';

const CHUNK = 1000;

const TARGET_COLUMNS: readonly BulkColumn[] = [
  { name: 'seq', type: 'int' },
  { name: 'operation_id', type: 'int' },
  { name: 'place', type: 'text' },
  { name: 'kind', type: 'text' },
  { name: 'lng', type: 'float8' },
  { name: 'lat', type: 'float8' },
  { name: 'site_id', type: 'int' },
  { name: 'checked', type: 'int' },
  { name: 'violations', type: 'int' },
  { name: 'outcome', type: 'text' },
  { name: 'findings', type: 'text' },
  { name: 'regency_code', type: 'text' },
  { name: 'origin', type: 'text' },
  { name: 'text_en', type: 'jsonb' },
];
const ACTION_COLUMNS: readonly BulkColumn[] = [
  { name: 'target_id', type: 'int' },
  { name: 'kind', type: 'text' },
  { name: 'count', type: 'int' },
  { name: 'nationality', type: 'text' },
  { name: 'origin', type: 'text' },
];

export async function writeOperations(tx: Orm, records: readonly OperationRecord[]): Promise<{ operations: number; targets: number; actions: number }> {
  const valid = validateRecords('operations', operationRecord, records);
  const totals = { operations: 0, targets: 0, actions: 0 };
  if (!valid.length) return totals;
  const regencies = await knownAreaCodes(
    tx,
    valid.map((o) => o.regencyCode),
  );
  const officeIds = await officeIdsByKey(
    tx,
    valid.flatMap((o) => (o.officeKey ? [o.officeKey] : [])),
  );
  const siteKeys = [...new Set(valid.flatMap((o) => o.targets.flatMap((t) => (t.siteKey ? [t.siteKey] : []))))];
  const sites = new Map<string, number>();
  for (let i = 0; i < siteKeys.length; i += 5000) {
    const rows = await queryRows<{ id: number; key: string }>(
      tx,
      sql`select id, key from ${companySites} where key in (select jsonb_array_elements_text(${jsonParam(siteKeys.slice(i, i + 5000))}))`,
    );
    for (const r of rows) sites.set(r.key, Number(r.id));
  }
  const issues: RecordIssue[] = [];
  valid.forEach((o, i) => {
    if (!regencies.has(o.regencyCode) || o.regencyCode.split('.').length !== 2)
      issues.push({ record: i + 1, field: 'regencyCode', value: o.regencyCode, reason: 'no regency with this code' });
    if (o.officeKey && !officeIds.has(o.officeKey)) issues.push({ record: i + 1, field: 'officeKey', value: o.officeKey, reason: 'no office with this key' });
    o.targets.forEach((t, j) => {
      if (t.siteKey && !sites.has(t.siteKey))
        issues.push({ record: i + 1, field: `targets.${j}.siteKey`, value: t.siteKey, reason: 'no company site with this key' });
    });
  });
  refuse('operations', issues);

  for (let i = 0; i < valid.length; i += CHUNK) {
    const chunk = valid.slice(i, i + CHUNK);
    const opRows = chunk.map((o) => ({
      key: o.key,
      date: o.date,
      office_id: o.officeKey ? officeIds.get(o.officeKey)! : null,
      team: o.team,
      regency_code: o.regencyCode,
      notes: o.notes,
      origin: o.origin,
      text_en: o.textEn ?? null,
    }));
    const ops = await tx
      .insert(operations)
      .values(
        opRows.map((r) => ({
          key: r.key,
          date: r.date,
          officeId: r.office_id,
          team: r.team,
          regencyCode: r.regency_code,
          notes: r.notes,
          origin: r.origin,
          textEn: r.text_en,
        })),
      )
      .returning({ id: operations.id, key: operations.key });
    expectWritten('operations', chunk.length, ops.length);
    const opIds = new Map(ops.map((o) => [o.key, o.id]));

    const targetRows = chunk.flatMap((o) =>
      o.targets.map((t, j) => ({
        ref: `${o.key}#${j}`,
        seq: 0,
        operation_id: opIds.get(o.key)!,
        place: t.place,
        kind: t.kind,
        lng: t.position?.[0] ?? null,
        lat: t.position?.[1] ?? null,
        site_id: t.siteKey ? sites.get(t.siteKey)! : null,
        checked: t.foreignersChecked,
        violations: t.violations,
        outcome: t.outcome,
        findings: t.findings,
        regency_code: o.regencyCode,
        origin: o.origin,
        text_en: t.textEn ?? null,
      })),
    );
    if (!targetRows.length) {
      totals.operations += ops.length;
      continue;
    }
    targetRows.forEach((t, k) => {
      t.seq = k;
    });
    const point = sql`case when r.lng is null then null else ST_SetSRID(ST_MakePoint(r.lng, r.lat), 4326) end`;
    const targets = await withRows<{ id: number }>(
      tx,
      TARGET_COLUMNS,
      targetRows,
      (source) => sql`
      with input as (
        select r.*, ${point} as geom from ${source}
      ), located as (
        select i.*, case when i.geom is null then null else ${districtOf(sql`i.geom`)} end as district_code from input i
      ), inserted as (
        insert into ${operationTargets} (operation_id, place, kind, geom, company_site_id, foreigners_checked, violations, outcome, findings,
          district_code, regency_code, province_code, origin, text_en)
        select operation_id, place, kind, geom, site_id, checked, violations, outcome, findings,
          district_code, coalesce(substr(district_code, 1, 5), regency_code), substr(coalesce(district_code, regency_code), 1, 2), origin, text_en
        from located order by seq
        returning id)
      select id from inserted order by id`,
    );
    expectWritten('operation targets', targetRows.length, targets.length);
    // Serial ids are drawn in insertion order, which is `seq` order: the k-th id is the k-th target.
    const targetIdByRef = new Map(targetRows.map((t, k) => [t.ref, Number(targets[k]!.id)]));

    const actionRows = chunk.flatMap((o) =>
      o.targets.flatMap((t, j) =>
        t.actions.map((a) => ({
          target_id: targetIdByRef.get(`${o.key}#${j}`)!,
          kind: a.kind,
          count: a.count,
          nationality: a.nationality,
          origin: o.origin,
        })),
      ),
    );
    await insertRows(tx, 'enforcement_actions', ACTION_COLUMNS, actionRows);
    totals.operations += ops.length;
    totals.targets += targets.length;
    totals.actions += actionRows.length;
  }
  return totals;
}
