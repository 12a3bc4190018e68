// The one name every download gets (briefing PDF, PPTX and offline HTML, plan PDF and target lists,
// data exports): "Pantau", what it is, the whole area name and its code, the data date. A title cut
// at a fixed length turned "Kabupaten Bangka Tengah" into "Kabupaten-Bangka" — another regency —
// so the area is never cut: only the free-text part (a title) is shortened.

export interface DownloadNameInput {
  /** What the file holds, e.g. "rencana-3" or "izin"; omitted for a briefing. */
  kind?: string | null;
  /** The area's name, e.g. "Kabupaten Bangka Tengah"; null for all of Indonesia or an unknown area. */
  areaName?: string | null;
  /** The area's official dotted code, e.g. "19.04". */
  areaCode?: string | null;
  /** The data date, ISO `YYYY-MM-DD`. */
  date: string;
  /** Without the dot: "pdf", "pptx", "html", "csv", "xlsx". */
  extension: string;
}

/** ASCII letters, digits, dots and dashes: what every browser and Content-Disposition keep as is. */
function segment(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** e.g. `Pantau-Kabupaten-Bangka-Tengah-19.04-2024-06-13.pdf`; the area's name and code are never cut. */
export function downloadFileName({ kind, areaName, areaCode, date, extension }: DownloadNameInput): string {
  const parts = ['Pantau', kind ? segment(kind).slice(0, 40) : '', areaName ? segment(areaName) : '', areaCode ? segment(areaCode) : '', segment(date)];
  if (!areaName && !areaCode) parts.splice(2, 0, 'Indonesia');
  return `${parts.filter(Boolean).join('-')}.${segment(extension).toLowerCase()}`;
}
