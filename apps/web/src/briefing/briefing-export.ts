// A briefing written as a PPTX (pptxgenjs: each slide's map as a high-resolution image rasterised
// from its SVG, the title, the panels' figures as native tables, the note as speaker notes) or as one
// self-contained HTML file that opens from disk with no server and no network (maps as inline SVG
// with their legend, figures as tables, keyboard navigation). Both carry the data date, the source
// and the demo-data mark.
import { downloadFileName, type Briefing } from '@pantau/domain';
import PptxGenJS from 'pptxgenjs';
import { SEA_COLOR } from '../map/map-style.js';
import type { PanelTable } from './slide-data.js';
import type { KeyRow, SlideKey } from './slide-key.js';
import { paginateTables } from './slide-pages.js';
import { saveFile } from '../ui/save-file.js';

/** A slide's map as drawn for print: the SVG, its size in CSS pixels, and its key (legend, overlays, date, source). */
export interface ExportMap {
  svg: string;
  width: number;
  height: number;
  legend: SlideKey;
}

/** The PPTX map image's width at least, in pixels (about 300 dpi over the slide's 8.2 in map). */
export const PPTX_MAP_MIN_WIDTH = 2560;

/** The scale a map is rasterised at for the PPTX: twice its drawn size, or more to reach PPTX_MAP_MIN_WIDTH. */
export function pptxMapScale(width: number): number {
  return Math.max(2, PPTX_MAP_MIN_WIDTH / Math.max(width, 1));
}

/** The SVG drawn onto a canvas at `scale` × its size, as a PNG data URL (Chromium draws an SVG image as vectors at any scale). */
export async function rasterizeSvg(map: Pick<ExportMap, 'svg' | 'width' | 'height'>, scale: number): Promise<string> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(map.svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(map.width * scale);
  canvas.height = Math.round(map.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/png');
}

export interface ExportTexts {
  demo: string;
  /** "Data per 13 Juni 2024 · Sumber: …". */
  footer(date: string): string;
  /** "Usulan lokasi operasi (lanjutan)". */
  continued(title: string): string;
  /** The briefing's area, for the file name. */
  areaName: string | null;
}

/** A briefing's slides as the files show them: a slide whose tables do not fit continues on the next ones. */
export function fileSlides(briefing: Briefing, tables: PanelTable[][], texts: Pick<ExportTexts, 'continued'>) {
  return briefing.slides.flatMap((slide, index) =>
    paginateTables(tables[index] ?? []).map((pageTables, part) => ({
      slide,
      index,
      part,
      tables: pageTables,
      title: part === 0 ? slide.title : texts.continued(slide.title),
    })),
  );
}

const symbolOf = (row: KeyRow) => (row.shape === 'circle' ? '●' : row.shape === 'line' ? '━' : row.shape === 'outline' ? '□' : '■');
const hex = (color: string) => (/^#[0-9a-fA-F]{6}$/.test(color) ? color.slice(1).toUpperCase() : '888888');

/** The key as PPTX text runs: each row a coloured symbol and its label. */
function keyRuns(title: string, rows: readonly KeyRow[]): PptxGenJS.TextProps[] {
  return [
    { text: title, options: { bold: true, breakLine: true } },
    ...rows
      .map((row) => [
        { text: `${symbolOf(row)} `, options: { color: hex(row.color) } },
        { text: row.label, options: { breakLine: true } },
      ])
      .flat(),
  ];
}

/** The briefing's download name: its whole area name and code and its date (`downloadFileName`, shared with the server's PDF). */
export function briefingFileName(briefing: Pick<Briefing, 'areaCode' | 'date'>, areaName: string | null, extension: string): string {
  return downloadFileName({ areaName, areaCode: briefing.areaCode, date: briefing.date, extension });
}

const FONT = 'Arial';
const INK = '1B1F23';
const ACCENT = '16324F';

export async function exportPptx(
  briefing: Briefing,
  maps: Array<ExportMap | null>,
  tables: PanelTable[][],
  demo: boolean,
  texts: ExportTexts,
): Promise<string> {
  const images = await Promise.all(maps.map((map) => (map ? rasterizeSvg(map, pptxMapScale(map.width)) : Promise.resolve(null))));
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE'; // 13.33 × 7.5 in, 16:9
  pptx.title = briefing.title;
  const pages = fileSlides(briefing, tables, texts);
  pages.forEach(({ slide, index, part, tables: panels, title }, pageIndex) => {
    const page = pptx.addSlide();
    page.addText(title, { x: 0.4, y: 0.2, w: 12.5, h: 0.8, fontFace: FONT, fontSize: 28, bold: true, color: ACCENT });
    const hasPanels = (tables[index] ?? []).some((table) => table.rows.length > 0);
    const mapWidth = hasPanels ? 8.2 : 12.5;
    const image = images[index];
    const legend = maps[index]?.legend;
    if (image) page.addImage({ data: image, x: 0.4, y: 1.1, w: mapWidth, h: 5.6, sizing: { type: 'contain', w: mapWidth, h: 5.6 } });
    if (legend) {
      // Native text over the map's lower left: the legend reads as sharp as the title and can be edited.
      const overlayRows = legend.overlays.flatMap((overlay) => keyRuns(overlay.title, overlay.rows));
      const lines = Math.max(
        legend.rows.length + 1,
        legend.overlays.reduce((n, overlay) => n + overlay.rows.length + 1, 0),
      );
      const columnWidth = overlayRows.length > 0 ? 2.3 : 3;
      const height = Math.min(5.2, 0.17 * lines + 0.2);
      const noteHeight = 0.42;
      const top = 1.1 + 5.6 - height - noteHeight - 0.1;
      const card = { fontFace: FONT, fontSize: 9, color: INK, fill: { color: 'FFFFFF', transparency: 6 }, valign: 'top' as const, margin: 4 };
      page.addText(keyRuns(legend.title, legend.rows), { ...card, x: 0.5, y: top, w: columnWidth, h: height });
      if (overlayRows.length > 0) page.addText(overlayRows, { ...card, x: 0.5 + columnWidth, y: top, w: columnWidth + 0.4, h: height });
      page.addText([{ text: legend.date, options: { breakLine: true } }, { text: legend.source }], {
        ...card,
        fontSize: 8,
        x: 0.5,
        y: top + height,
        w: overlayRows.length > 0 ? 2 * columnWidth + 0.4 : 4.5,
        h: noteHeight,
      });
    }
    let y = 1.1;
    for (const table of panels) {
      page.addText(table.title, { x: 8.8, y, w: 4.2, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: INK });
      y += 0.45;
      const header = table.columns.map((text) => ({ text, options: { bold: true, color: 'FFFFFF', fill: { color: ACCENT } } }));
      page.addTable([header, ...table.rows.map((row) => row.map((cell) => ({ text: String(cell) })))], {
        x: 8.8,
        y,
        w: 4.2,
        fontFace: FONT,
        fontSize: table.kind === 'figures' ? 16 : 10,
        color: INK,
        border: { type: 'solid', pt: 0.5, color: 'C5CED6' },
        autoPage: false,
      });
      y += 0.4 * (table.rows.length + 1) + 0.3;
    }
    const asOf = slide.view.asOf ?? briefing.date;
    page.addText(`${texts.footer(asOf)}${demo ? ` · ${texts.demo}` : ''} · ${pageIndex + 1} / ${pages.length}`, {
      x: 0.4,
      y: 6.95,
      w: 12.5,
      h: 0.4,
      fontFace: FONT,
      fontSize: 11,
      color: demo ? 'B00020' : '4A535C',
    });
    if (slide.note && part === 0) page.addNotes(slide.note);
  });
  const fileName = briefingFileName(briefing, texts.areaName, 'pptx');
  await pptx.writeFile({ fileName, compression: true });
  return fileName;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const swatch = (row: KeyRow) => `<span class="swatch ${row.shape}" style="background:${/^#[0-9a-fA-F]{3,8}$/.test(row.color) ? row.color : '#000'}"></span>`;

function legendHtml(legend: SlideKey): string {
  const rows = (items: readonly KeyRow[]) => `<ul>${items.map((row) => `<li>${swatch(row)}${escape(row.label)}</li>`).join('')}</ul>`;
  return `<section class="legend"><div><h3>${escape(legend.title)}</h3>${rows(legend.rows)}</div>${legend.overlays
    .map((overlay) => `<div><h4>${escape(overlay.title)}</h4>${rows(overlay.rows)}</div>`)
    .join('')}<p>${escape(legend.date)}<br>${escape(legend.source)}</p></section>`;
}

/** The map fills its frame whatever the screen's shape: cropped at the edges, never banded. */
function coveringSvg(svg: string): string {
  return svg.replace(/^<svg([^>]*?) preserveAspectRatio="[^"]*"/, '<svg$1').replace(/^<svg/, '<svg preserveAspectRatio="xMidYMid slice"');
}

/** The offline file's text: one HTML document with everything inline, no request to anywhere. */
export function offlineHtml(briefing: Briefing, maps: Array<ExportMap | null>, tables: PanelTable[][], demo: boolean, texts: ExportTexts): string {
  const pages = fileSlides(briefing, tables, texts);
  const slides = pages
    .map(({ slide, index, part, tables: pageTables, title }, pageIndex) => {
      const panels = pageTables
        .map(
          (table) => `
      <section class="panel"><h3>${escape(table.title)}</h3><table><thead><tr>${table.columns.map((c) => `<th>${escape(c)}</th>`).join('')}</tr></thead>
      <tbody>${table.rows.map((row) => `<tr>${row.map((cell) => `<td>${escape(String(cell))}</td>`).join('')}</tr>`).join('')}</tbody></table></section>`,
        )
        .join('');
      const map = maps[index];
      return `<article class="slide" id="slide-${pageIndex + 1}" data-slide="${pageIndex + 1}"${pageIndex === 0 ? '' : ' hidden'}>
      <h2>${escape(title)}</h2>
      <div class="body${panels ? ' with-panels' : ''}">${map ? `<figure class="map">${coveringSvg(map.svg)}${legendHtml(map.legend)}</figure>` : ''}${panels ? `<div class="panels">${panels}</div>` : ''}</div>
      <footer><span>${escape(texts.footer(slide.view.asOf ?? briefing.date))}</span>${demo ? `<strong class="demo">${escape(texts.demo)}</strong>` : ''}<span>${pageIndex + 1} / ${pages.length}</span></footer>
      ${slide.note && part === 0 ? `<aside class="note">${escape(slide.note)}</aside>` : ''}
    </article>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${briefing.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<title>${escape(briefing.title)}</title>
<style>
html,body{margin:0;height:100%;background:#0b1620;color:#fff;font-family:system-ui,'Segoe UI',Roboto,'Noto Sans',Arial,sans-serif}
.slide{box-sizing:border-box;height:100vh;display:flex;flex-direction:column;padding:2vh 3vw}
.slide[hidden]{display:none}
h2{font-size:4.2vh;margin:0 0 1.5vh;color:#ffd166}
.body{flex:1;display:flex;gap:2vw;min-height:0}
.map{flex:1;min-width:0;margin:0;position:relative;background:${SEA_COLOR};border-radius:4px;overflow:hidden}
.map svg{position:absolute;inset:0;width:100%;height:100%}
.legend{position:absolute;left:1vh;bottom:1vh;max-width:60%;max-height:calc(100% - 2vh);overflow:hidden;background:rgba(255,255,255,.94);color:#1b1f23;border-radius:4px;padding:.8vh 1vw;font-size:1.5vh;display:flex;flex-wrap:wrap;column-gap:1.2vw}
.legend h3{font-size:1.7vh;margin:0 0 .5vh}.legend h4{font-size:1.5vh;margin:0 0 .3vh}.legend ul{list-style:none;margin:0;padding:0}.legend li{display:flex;align-items:center;gap:.5vw}
.legend p{flex-basis:100%;margin:.5vh 0 0;color:#3d4750;font-size:1.4vh}
.swatch{display:inline-block;flex:none;width:1.6vh;height:1.6vh;border:1px solid #888}.swatch.circle{border-radius:50%}.swatch.line{height:.4vh;border:0}
.with-panels .map{flex:2}
.panels{flex:1;overflow:auto;font-size:2vh}
.panel h3{font-size:2.6vh;margin:0 0 1vh}
table{border-collapse:collapse;width:100%;margin-bottom:2vh}th,td{border:1px solid #51606e;padding:.5vh .6vw;text-align:left}th{background:#16324f}
footer{display:flex;gap:2vw;justify-content:space-between;font-size:2vh;margin-top:1vh;color:#d3dfea}
.demo{color:#ff6b6b}.note{display:none}
@media print{.slide{display:flex!important;page-break-after:always;height:100vh}}
</style></head>
<body>
<main>${slides}</main>
<script>
(function(){var slides=[].slice.call(document.querySelectorAll('.slide'));var i=0;function show(n){i=Math.max(0,Math.min(slides.length-1,n));slides.forEach(function(s,k){s.hidden=k!==i});location.hash='slide-'+(i+1)}
var m=/slide-(\\d+)/.exec(location.hash);if(m)show(Number(m[1])-1);
document.addEventListener('keydown',function(e){var k=e.key;if(k==='ArrowRight'||k==='PageDown'||k===' '||k==='ArrowDown'){show(i+1);e.preventDefault()}else if(k==='ArrowLeft'||k==='PageUp'||k==='ArrowUp'){show(i-1);e.preventDefault()}else if(k==='Home'){show(0)}else if(k==='End'){show(slides.length-1)}});
document.addEventListener('click',function(){show(i+1)})})();
</script>
</body></html>`;
}

export function exportOfflineHtml(briefing: Briefing, maps: Array<ExportMap | null>, tables: PanelTable[][], demo: boolean, texts: ExportTexts): string {
  const fileName = briefingFileName(briefing, texts.areaName, 'html');
  saveFile(new Blob([offlineHtml(briefing, maps, tables, demo, texts)], { type: 'text/html' }), fileName);
  return fileName;
}
