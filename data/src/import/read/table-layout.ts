// Where the table is in a sheet as offices send it: a title block above ("DAFTAR PEMEGANG IZIN
// TINGGAL", the office, the period, a blank row), a header over one row or two (merged cells: "Paspor"
// over "Nomor" and "Negara"), and a footer below (a totals row, notes, a signature block). The header
// is the row, or pair of rows, among the first ones whose cells name the most known fields; the table
// ends at its first totals or notes row. Pure: the readers in open-table.ts feed it rows.

/** How many non-blank rows from the top may hold the header. */
export const HEADER_SEARCH_ROWS = 30;

export interface LayoutRow {
  /** The row number the file shows (a spreadsheet's row, or a CSV record). */
  row: number;
  values: readonly unknown[];
}

export interface HeaderChoice {
  /** The header's rows as the file numbers them: one, or two for a header of merged cells. */
  rows: number[];
  /** found: chosen by its cells; given: `--header-row`; first: the first row (no better candidate). */
  how: 'found' | 'given' | 'first';
  /** The first cell of each non-blank row above the header (a title block), to show what was left out. */
  above: Array<{ row: number; text: string }>;
}

export interface SkippedRows {
  /** The row where the table ends (totals or notes), its first text, and how many non-blank rows follow it. */
  footer?: { row: number; text: string; rowsAfter: number };
}

/** A cell as header text: numbers and dates as written, whitespace (line breaks in merged cells) as one space. */
export function headerText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A header made of two rows: each column's cell of the upper row (carried over the columns a merged
 * cell spans, which have a cell below) joined with its cell below, in the order that names a field.
 */
export function joinHeaderRows(upper: readonly unknown[], lower: readonly unknown[], fieldOf: (cell: string) => string | undefined): string[] {
  const width = Math.max(upper.length, lower.length);
  const headers: string[] = [];
  const used = new Set<string>();
  let carried = '';
  for (let i = 0; i < width; i++) {
    const top = headerText(upper[i]);
    const bottom = headerText(lower[i]);
    // A merged cell's value stands in its first column only; it spans the columns after it that have a sub-header.
    if (top) carried = top;
    else if (!bottom) carried = '';
    const parent = top || (bottom ? carried : '');
    const candidates = parent && bottom && parent !== bottom ? [`${parent} ${bottom}`, `${bottom} ${parent}`, bottom, parent] : [parent || bottom];
    const named = candidates.find((c) => {
      const field = fieldOf(c);
      return field !== undefined && !used.has(field);
    });
    if (named) used.add(fieldOf(named)!);
    headers.push(named ?? candidates[0]!);
  }
  return headers;
}

/** Cells that could be a header's: no numbers, dates or date-like text (those are a data row's). */
function headerLike(values: readonly unknown[]): boolean {
  return values.every((v) => !(typeof v === 'number' || v instanceof Date || (typeof v === 'string' && /^\s*[\d.,/:-]+\s*$/.test(v) && /\d/.test(v))));
}

/** How many distinct fields the cells name. */
function fieldsNamed(cells: readonly string[], fieldOf: (cell: string) => string | undefined): number {
  const fields = new Set<string>();
  for (const cell of cells) {
    const field = cell ? fieldOf(cell) : undefined;
    if (field) fields.add(field);
  }
  return fields.size;
}

export interface ChosenHeader {
  /** Position in the rows given of the header's first row; data starts `span` rows later. */
  index: number;
  span: 1 | 2;
  headers: string[];
  choice: HeaderChoice;
}

/**
 * The header among `rows` (the first non-blank rows of the file, in order). With `given`, that row
 * (joined with the next when that names more fields); else the candidate naming the most fields (a
 * single row before a pair, the earlier before the later), or the first row when none names any.
 * Undefined when `given` is not among the rows.
 */
export function chooseHeader(
  rows: readonly LayoutRow[],
  fieldOf: ((cell: string) => string | undefined) | undefined,
  given?: number,
): ChosenHeader | undefined {
  const single = (i: number) => rows[i]!.values.map(headerText);
  const build = (index: number, span: 1 | 2, how: HeaderChoice['how']): ChosenHeader => ({
    index,
    span,
    headers: span === 1 || !fieldOf ? single(index) : joinHeaderRows(rows[index]!.values, rows[index + 1]!.values, fieldOf),
    choice: {
      rows: rows.slice(index, index + span).map((r) => r.row),
      how,
      above: rows.slice(0, index).map((r) => ({ row: r.row, text: r.values.map(headerText).find(Boolean) ?? '' })),
    },
  });
  const candidates = (i: number): Array<{ span: 1 | 2; score: number }> => {
    if (!fieldOf) return [{ span: 1, score: 0 }];
    const one = { span: 1 as const, score: fieldsNamed(single(i), fieldOf) };
    if (i + 1 >= rows.length || !headerLike(rows[i + 1]!.values)) return [one];
    // A second header row must add fields of its own (at least two beyond either row alone): a first
    // data row whose value happens to be a header word ("x", "L") must not join the header.
    const below = fieldsNamed(single(i + 1), fieldOf);
    const pair = fieldsNamed(joinHeaderRows(rows[i]!.values, rows[i + 1]!.values, fieldOf), fieldOf);
    return pair >= Math.max(one.score, below) + 2 ? [one, { span: 2 as const, score: pair }] : [one];
  };
  if (given !== undefined) {
    const index = rows.findIndex((r) => r.row === given);
    if (index < 0) return undefined;
    const [one, two] = candidates(index);
    return build(index, two && two.score > one!.score ? 2 : 1, 'given');
  }
  if (!rows.length) return undefined;
  let best = { index: 0, span: 1 as 1 | 2, score: 0 };
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    for (const c of candidates(i)) {
      // More fields win; on a tie a single row beats a pair (a title row above a header names nothing
      // more), and the earlier row the later.
      if (c.score > best.score || (c.score === best.score && c.score > 0 && c.span < best.span)) best = { index: i, span: c.span, score: c.score };
    }
  }
  return build(best.index, best.span, best.score > 0 && (best.index > 0 || best.span === 2) ? 'found' : 'first');
}

// A totals cell says only that ("Jumlah", "TOTAL :", "Jumlah Keseluruhan"); a notes cell starts with
// its label and a colon or comma ("Keterangan: …", "Mengetahui,"). A company named "Total …" is data.
const FOOTER_WORDS =
  /^(?:(?:jumlah|total|grand total|sub ?total)(?: (?:keseluruhan|seluruhnya|total|akhir))?\s*:?|(?:keterangan|ket\.?|catatan|sumber|mengetahui|dicetak(?: oleh| pada)?|notes?)\s*(?:[:,].*)?)$/i;
const NUMBER_TEXT = /^-?\d[\d.,]*$/;

/**
 * The text that makes this row the table's footer, or undefined for a data row: its first cells say
 * "Jumlah", "Total", "Keterangan"…, or it holds only numbers with its first cell empty (a row of sums).
 */
export function footerText(values: readonly unknown[]): string | undefined {
  // Every data row passes here: look at the first cells only, unless the first is empty.
  for (let i = 0; i < Math.min(3, values.length); i++) {
    const value = values[i];
    if (value === null || value === undefined || value === '') continue;
    if (typeof value === 'string') {
      const text = headerText(value);
      if (FOOTER_WORDS.test(text)) return text;
    }
    break;
  }
  if (headerText(values[0]) !== '') return undefined;
  const filled = values.map(headerText).filter(Boolean);
  if (filled.length && values.every((v) => headerText(v) === '' || typeof v === 'number' || NUMBER_TEXT.test(headerText(v)))) return filled.join(' ');
  return undefined;
}
