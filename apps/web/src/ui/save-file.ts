// Files made in the browser (a CSV, a PNG of the map, a briefing's offline HTML) are saved through a
// temporary link: no request leaves the page.

/** Hands the blob to the browser as a download named `fileName`. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL is no longer needed after it.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
