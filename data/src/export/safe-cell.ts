// Spreadsheet formula injection: a cell that begins with = + - @ tab or CR is run by Excel and
// LibreOffice. Exports prefix such text with an apostrophe (shown as text, never run); the importer
// removes exactly that prefix again, so an exported file re-imports without loss.
const DANGEROUS_START = /^[=+\-@\t\r]/;

export function escapeCell(value: unknown): unknown {
  return typeof value === 'string' && DANGEROUS_START.test(value) ? `'${value}` : value;
}

export function unescapeCell(value: string): string {
  return value.length > 1 && value[0] === "'" && DANGEROUS_START.test(value.slice(1)) ? value.slice(1) : value;
}
