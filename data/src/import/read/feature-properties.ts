// A GeoJSON feature's properties as table cells, the way portals publish them: nested objects
// (`detail: { kabupaten: … }`) become `detail.kabupaten` (and `kabupaten` when no top-level property
// has that name), HTML popups (`<p>Kabupaten/Kota : KOTA MEDAN</p>`) become their text, and the
// `Label : value` lines inside such text become fields of their own, so a regency named only in a
// popup can still be matched.
import { convert } from 'html-to-text';

const LOOKS_LIKE_HTML = /<\/?[a-z][^>]*>/i;
/** "Kabupaten/Kota : KOTA MEDAN" — a short label, a colon, a value (not a time such as 08:00). */
const LABELLED_LINE = /^\s*([^:\d][^:]{0,48}?)\s*:\s*(\S.*?)\s*$/;

/** An HTML fragment as plain text, one line per paragraph, line break or table row. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  })
    .replace(/\n{2,}/g, '\n')
    .trim();
}

/** The `Label : value` pairs of a text, one per line. */
export function labelledValues(text: string): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const match = LABELLED_LINE.exec(line);
    if (match) pairs.push([match[1]!.trim(), match[2]!]);
  }
  return pairs;
}

/** The properties as flat cells: text, numbers and booleans as they are; objects flattened; HTML reduced to text. */
export function flattenProperties(properties: Record<string, unknown> | null | undefined): Map<string, unknown> {
  const cells = new Map<string, unknown>();
  const derived: Array<[string, unknown]> = []; // added only where the feature has no such property itself
  const visit = (prefix: string, value: unknown, depth: number) => {
    if (value === null || value === undefined) {
      cells.set(prefix, '');
      return;
    }
    if (Array.isArray(value)) {
      cells.set(prefix, value.every((v) => v === null || typeof v !== 'object') ? value.filter((v) => v !== null).join(', ') : JSON.stringify(value));
      return;
    }
    if (typeof value === 'object' && depth < 4) {
      for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
        visit(`${prefix}.${key}`, inner, depth + 1);
        if (inner === null || typeof inner !== 'object') derived.push([key, inner ?? '']);
      }
      return;
    }
    if (typeof value === 'object') {
      cells.set(prefix, JSON.stringify(value));
      return;
    }
    if (typeof value === 'string' && LOOKS_LIKE_HTML.test(value)) {
      const text = htmlToText(value);
      cells.set(prefix, text);
      for (const [label, labelled] of labelledValues(text)) derived.push([label, labelled]);
      return;
    }
    cells.set(prefix, value);
  };
  for (const [key, value] of Object.entries(properties ?? {})) visit(key, value, 0);
  for (const [key, value] of derived) if (!cells.has(key)) cells.set(key, value);
  return cells;
}
