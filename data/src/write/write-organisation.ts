// Kanwil and Kanim with their work areas.
import { officeRecord, regionalOfficeRecord, type OfficeRecord, type RegionalOfficeRecord } from '@pantau/domain';
import { expectWritten, officeWorkAreas, offices, queryRows, regionalOffices, sql, type Orm } from '@pantau/db';
import { jsonParam, knownAreaCodes } from './area-lookup.js';
import { refuse, validateRecords, type RecordIssue } from './validate.js';

export async function writeRegionalOffices(tx: Orm, records: readonly RegionalOfficeRecord[]): Promise<number> {
  const valid = validateRecords('regional offices', regionalOfficeRecord, records);
  if (!valid.length) return 0;
  const written = await tx.insert(regionalOffices).values(valid).returning({ id: regionalOffices.id });
  expectWritten('regional offices', valid.length, written.length);
  return written.length;
}

/** Writes offices and their work areas; returns office ids by key. */
export async function writeOffices(tx: Orm, records: readonly OfficeRecord[]): Promise<Map<string, number>> {
  const valid = validateRecords('offices', officeRecord, records);
  const ids = new Map<string, number>();
  if (!valid.length) return ids;
  const known = await knownAreaCodes(
    tx,
    valid.flatMap((o) => o.workAreaCodes),
  );
  const issues: RecordIssue[] = [];
  valid.forEach((o, i) =>
    o.workAreaCodes.forEach((code) => {
      if (!known.has(code)) issues.push({ record: i + 1, field: 'workAreaCodes', value: code, reason: 'no regency with this code' });
    }),
  );
  refuse('offices', issues);
  const written = await tx
    .insert(offices)
    .values(valid.map(({ workAreaCodes: _, ...o }) => o))
    .returning({ id: offices.id, key: offices.key });
  expectWritten('offices', valid.length, written.length);
  for (const w of written) ids.set(w.key, w.id);
  const workAreas = valid.flatMap((o) => o.workAreaCodes.map((regencyCode) => ({ officeId: ids.get(o.key)!, regencyCode })));
  if (workAreas.length) {
    const wa = await tx.insert(officeWorkAreas).values(workAreas).returning({ id: officeWorkAreas.officeId });
    expectWritten('office work areas', workAreas.length, wa.length);
  }
  return ids;
}

export async function officeIdsByKey(tx: Orm, keys: readonly string[]): Promise<Map<string, number>> {
  if (!keys.length) return new Map();
  const rows = await queryRows<{ id: number; key: string }>(
    tx,
    sql`select id, key from ${offices} where key in (select jsonb_array_elements_text(${jsonParam([...new Set(keys)])}))`,
  );
  return new Map(rows.map((r) => [r.key, Number(r.id)]));
}
