// Long tables continue on the next slide: a file slide (PPTX, offline HTML) has a fixed room beside
// its map, and a ten-row candidate table with wrapped names ran off it. A slide's panels are split
// into pages of at most `budget` lines (each table costs its title and header row plus its rows);
// the pages after the first are titled "… (lanjutan)".
import type { PanelTable } from './slide-data.js';

/** Lines a slide of a file has room for beside its map (title and header count one each): eight, as
 * Indonesian site names ("PT … — Kantor dan lokasi utama") wrap to two lines where English ones did not. */
export const FILE_SLIDE_LINES = 8;

/** Rows of a trend (holders or arrivals) shown in a file (the chart's last half year). */
export const FILE_TREND_ROWS = 6;

/** The rows a file shows of a table. */
export function shownRows(table: PanelTable): PanelTable['rows'] {
  return table.kind === 'trend' || table.kind === 'arrivals' ? table.rows.slice(-FILE_TREND_ROWS) : table.rows;
}

/**
 * The slide's tables split into pages: every row appears once, in order; a table is split only when
 * it does not fit what is left of a page, and a page never starts with a table's title alone.
 * Tables without rows are left out. A slide without tables is one empty page.
 */
export function paginateTables(tables: readonly PanelTable[], budget: number = FILE_SLIDE_LINES): PanelTable[][] {
  const perPage = Math.max(budget, 3);
  const pages: PanelTable[][] = [[]];
  let left = perPage;
  for (const table of tables) {
    let rows = shownRows(table);
    if (rows.length === 0) continue;
    while (rows.length > 0) {
      // Title, header and at least one row, else the table starts on a new page.
      if (left < 3) {
        pages.push([]);
        left = perPage;
      }
      const taken = rows.slice(0, left - 2);
      pages.at(-1)!.push({ ...table, rows: taken });
      left -= taken.length + 2;
      rows = rows.slice(taken.length);
      if (rows.length > 0) {
        pages.push([]);
        left = perPage;
      }
    }
  }
  return pages;
}

/**
 * Lines a live slide (present mode) shows beside its map: more than a file's, since the live slide
 * shrinks its type to fit what it shows; past them its tables continue on a next part of the slide
 * (twenty candidates with wrapping names beside the figures shrank to unreadable 6 px type, or were cut).
 */
export const PRESENT_SLIDE_LINES = 16;

/** Lines a slide's tables take: title and header, then a line per row shown. Empty tables take none. */
export function tableLines(tables: readonly PanelTable[]): number {
  return tables.reduce((lines, table) => {
    const rows = shownRows(table).length;
    return rows === 0 ? lines : lines + rows + 2;
  }, 0);
}

/**
 * The parts a live slide shows its tables in: one, with every table whole, when they fit `budget`
 * lines; else the file's pages (every row once, in order), with the tables that have no rows (their
 * "none" note) on the first part.
 */
export function presentParts(tables: readonly PanelTable[], budget: number = PRESENT_SLIDE_LINES): PanelTable[][] {
  if (tableLines(tables) <= budget) return [[...tables]];
  const parts = paginateTables(tables, budget);
  const first = parts[0] ?? [];
  parts[0] = tables.flatMap((table) => {
    if (shownRows(table).length === 0) return [table];
    const part = first.find((shown) => shown.kind === table.kind);
    return part ? [part] : [];
  });
  return parts;
}
