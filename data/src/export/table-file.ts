// A small table (a plan's targets) as CSV or XLSX in memory, with the same formula-cell escaping as
// the record exports: a note such as "=HYPERLINK(…)" is shown as text, never run.
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { escapeCell } from './safe-cell.js';

export type TableFormat = 'csv' | 'xlsx';

export async function tableFile(format: TableFormat, sheetName: string, headers: readonly string[], rows: ReadonlyArray<readonly unknown[]>): Promise<Buffer> {
  const cells = rows.map((row) => row.map((v) => escapeCell(v ?? '')));
  if (format === 'csv') return Buffer.from(stringify([[...headers], ...cells], { bom: true }), 'utf8');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.addRow([...headers]);
  for (const row of cells) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
