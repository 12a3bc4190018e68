// The CSV reader on files larger than one read of the file: rows numbered as a spreadsheet shows them,
// in arrays, and UTF-8 characters that straddle two reads decoded whole.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { openTable, type TableRow } from './open-table.js';

const dir = mkdtempSync(join(tmpdir(), 'pantau-open-table-'));

/** A semicolon CSV whose every byte offset of a two-byte character falls at some read boundary. */
function bigCsv(rows: number): { path: string; names: string[] } {
  const names = Array.from({ length: rows }, (_, i) => `JOSÉ ${'É'.repeat(i % 7)}${i}`);
  const path = join(dir, `big-${rows}.csv`);
  writeFileSync(path, `\uFEFFNo;Nama\r\n${names.map((n, i) => `P-${i};${n}`).join('\r\n')}\r\n`);
  return { path, names };
}

describe('openTable (CSV)', () => {
  test('batches hold every row once, in order, numbered from 2, with multi-byte characters intact across reads', async () => {
    const { path, names } = bigCsv(30_000);
    const table = await openTable(path);
    expect(table).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8', bom: true, headers: ['No', 'Nama'] });
    const rows: TableRow[] = [];
    let batches = 0;
    for await (const batch of table.batches) {
      batches += 1;
      rows.push(...batch);
    }
    expect(batches).toBeGreaterThan(1);
    expect(rows.length).toBe(names.length);
    expect(rows.every((r, i) => r.row === i + 2 && r.values[0] === `P-${i}` && r.values[1] === names[i])).toBe(true);
    expect(table.progress().read).toBe(table.progress().total);
  });

  test('a consumer slower than the reader gets every row once, in order, and the file is not read far ahead of it', async () => {
    const { path, names } = bigCsv(250_000);
    const table = await openTable(path);
    let count = 0;
    let inOrder = true;
    let consumed = 0; // bytes of the rows taken so far
    let lead = 0; // the most the reader was ahead of them
    for await (const batch of table.batches) {
      for (const r of batch) {
        inOrder &&= r.row === count + 2 && r.values[1] === names[count];
        consumed += Buffer.byteLength(`P-${count};${names[count]}\r\n`);
        count += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, count % 3 ? 0 : 8)); // database writes, say
      lead = Math.max(lead, table.progress().read - consumed);
    }
    expect(count).toBe(names.length);
    expect(inOrder).toBe(true);
    // The parser and the file pause while two arrays wait: a few reads of 64 KB ahead, never the file (7 MB).
    expect(table.progress().total).toBeGreaterThan(6_000_000);
    expect(lead).toBeLessThan(1024 * 1024);
  });

  test('rows one by one give the same, and leaving early closes the file', async () => {
    const { path, names } = bigCsv(3_000);
    const table = await openTable(path);
    const seen: string[] = [];
    for await (const row of table.rows) {
      seen.push(row.values[1] as string);
      if (seen.length === 1500) break;
    }
    expect(seen).toEqual(names.slice(0, 1500));
  });

  test('a file with a header only has no rows; an empty file is refused', async () => {
    const headerOnly = join(dir, 'header.csv');
    writeFileSync(headerOnly, 'a;b\n');
    const table = await openTable(headerOnly);
    expect(table.headers).toEqual(['a', 'b']);
    for await (const batch of table.batches) expect(batch).toEqual([]);
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    await expect(openTable(empty)).rejects.toThrow(/empty/);
  });
});

describe('openTable (CSV encoding)', () => {
  test('a pure ASCII file is read and labelled as UTF-8, not as a Turkish or Latin code page', async () => {
    // chardet calls this head ISO-8859-9 (Turkish) with high confidence: ASCII has no bytes to tell code pages apart.
    const path = join(dir, 'ascii.csv');
    writeFileSync(path, 'No,Nama\n1,Budi\n');
    const table = await openTable(path);
    expect(table).toMatchObject({ format: 'csv', encoding: 'utf-8', bom: false, headers: ['No', 'Nama'] });
  });

  test('a UTF-8 file without a BOM is labelled UTF-8, even when its multi-byte character is cut by the end of the head', async () => {
    const path = join(dir, 'utf8.csv');
    writeFileSync(path, `No,Nama\n1,${'a'.repeat(64 * 1024 - 11)}É\n`);
    const table = await openTable(path);
    expect(table).toMatchObject({ encoding: 'utf-8', bom: false });
  });

  test('a Windows-1252 file is still told apart and decoded as such', async () => {
    const path = join(dir, 'cp1252.csv');
    writeFileSync(path, Buffer.from('No;Nama;Kota\n1;JOSÉ MARÍA GARCÍA;São Paulo\n2;FRANÇOIS LEFÈVRE;Besançon\n', 'latin1'));
    const table = await openTable(path);
    expect(table.encoding).toBe('windows-1252');
    const rows: TableRow[] = [];
    for await (const batch of table.batches) rows.push(...batch);
    expect(rows[0]?.values[1]).toBe('JOSÉ MARÍA GARCÍA');
  });
});
