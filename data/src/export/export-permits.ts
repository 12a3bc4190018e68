// Exports of the permits in view, in the columns the importer reads back (so a file goes out and
// comes back without loss), with every text cell made safe for spreadsheets.
import { PassThrough, Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { permitFilterCondition, queryRows, scopeCondition, sql, type Executor } from '@pantau/db';
import type { PermitFilter, Scope } from '@pantau/domain';
import { escapeCell } from './safe-cell.js';

/** Column header → permit column, in export order. The headers are importer synonyms. */
const PERMIT_COLUMNS = [
  ['permit_no', 'permit_number'], ['permit_type', 'permit_type'], ['purpose', 'purpose'], ['nationality', 'nationality'], ['sex', 'sex'],
  ['name', 'holder_name'], ['sponsor', 'sponsor'], ['issued', 'issued_on'], ['expires', 'expires_on'], ['cancelled', 'cancelled_on'],
  ['district_code', 'district_code'], ['regency_code', 'regency_code'], ['origin', 'origin'],
] as const;

export const PERMIT_EXPORT_HEADERS = PERMIT_COLUMNS.map(([h]) => h);

const PAGE = 5000;

/** Permits valid on the filter's day, inside the area and scope, page by page (keyset on id). */
async function* permitRows(db: Executor, filter: PermitFilter, area: string | undefined, scope: Scope): AsyncGenerator<unknown[]> {
  let after = 0;
  for (;;) {
    const rows = await queryRows<Record<string, unknown> & { id: number }>(db, sql`
      select p.id, p.permit_number, p.permit_type, p.purpose, p.nationality, p.sex, p.holder_name,
        coalesce(c.registration_number, c.name) as sponsor, p.issued_on::text as issued_on, p.expires_on::text as expires_on,
        p.cancelled_on::text as cancelled_on, p.district_code, p.regency_code, p.origin
      from permits p left join companies c on c.id = p.sponsor_company_id
      where p.id > ${after} and ${permitFilterCondition(filter)} and ${scopeCondition(sql`p.regency_code`, scope)}
        ${area ? sql`and (p.regency_code = ${area.slice(0, 5)} or p.province_code = ${area}) ${area.length > 5 ? sql`and p.district_code = ${area}` : sql``}` : sql``}
      order by p.id limit ${PAGE}`);
    for (const r of rows) yield PERMIT_COLUMNS.map(([, column]) => escapeCell(r[column] ?? ''));
    if (rows.length < PAGE) return;
    after = Number(rows[rows.length - 1]!.id);
  }
}

export function permitsCsv(db: Executor, filter: PermitFilter, area: string | undefined, scope: Scope): Readable {
  const out = stringify({ header: true, columns: PERMIT_EXPORT_HEADERS, bom: true });
  void (async () => {
    try {
      for await (const row of permitRows(db, filter, area, scope)) if (!out.write(row)) await new Promise((r) => out.once('drain', r));
      out.end();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

export function permitsXlsx(db: Executor, filter: PermitFilter, area: string | undefined, scope: Scope): Readable {
  const out = new PassThrough();
  void (async () => {
    try {
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: false });
      const sheet = workbook.addWorksheet('permits');
      sheet.addRow(PERMIT_EXPORT_HEADERS).commit();
      for await (const row of permitRows(db, filter, area, scope)) sheet.addRow(row).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}
