// The current map view as a PNG for slides and reports: the map as drawn, with a title band (title,
// date, filters) above it and the legend printed over its lower left corner, so the image can be read
// without the app.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { labelsShownOn } from './area-labels.js';
import { saveFile } from '../ui/save-file.js';

export interface ExportLegendRow {
  color: string;
  label: string;
  shape?: 'square' | 'circle' | 'outline';
}

export interface ExportLegend {
  title: string;
  rows: ExportLegendRow[];
  notes: string[];
}

export interface MapExport {
  title: string;
  /** Lines under the title: date, filters, layers. */
  lines: string[];
  legends: ExportLegend[];
  /** Bottom line: sources and, for demo data, the warning. */
  footer: string;
  /** Highlighted in the title band when set (demo data). */
  warning: string | null;
  fileName: string;
}

const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif";

/** The map's pixels right after a frame is drawn (the drawing buffer is cleared after each frame). */
function mapSnapshot(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((resolve, reject) => {
    map.once('render', () => {
      try {
        const source = map.getCanvas();
        const copy = document.createElement('canvas');
        copy.width = source.width;
        copy.height = source.height;
        const context = copy.getContext('2d');
        if (!context) throw new Error('no 2D canvas');
        context.drawImage(source, 0, 0);
        resolve(copy);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    map.triggerRepaint();
  });
}

function wrap(context: CanvasRenderingContext2D, text: string, maxWidth: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (context.measureText(candidate).width > maxWidth && line) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Draws the export onto a new canvas; `scale` is CSS px → canvas px (the map's pixel ratio). */
export function composeExport(mapImage: HTMLCanvasElement, overlays: readonly HTMLCanvasElement[], content: MapExport, scale: number): HTMLCanvasElement {
  const width = mapImage.width;
  const padding = 20 * scale;
  const measure = document.createElement('canvas').getContext('2d');
  if (!measure) throw new Error('no 2D canvas');

  measure.font = `${14 * scale}px ${FONT}`;
  const bodyLines = content.lines.flatMap((line) => wrap(measure, line, width - 2 * padding));
  const titleHeight = 30 * scale;
  const lineHeight = 20 * scale;
  const warningHeight = content.warning ? 26 * scale : 0;
  const headerHeight = padding + titleHeight + bodyLines.length * lineHeight + warningHeight + padding * 0.6;
  const footerHeight = 28 * scale;

  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = headerHeight + mapImage.height + footerHeight;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');

  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#16324f';
  context.fillRect(0, 0, width, headerHeight);

  let y = padding;
  context.textBaseline = 'top';
  context.fillStyle = '#ffffff';
  context.font = `700 ${22 * scale}px ${FONT}`;
  context.fillText(content.title, padding, y);
  y += titleHeight;
  context.font = `${14 * scale}px ${FONT}`;
  context.fillStyle = '#d3dfea';
  for (const line of bodyLines) {
    context.fillText(line, padding, y);
    y += lineHeight;
  }
  if (content.warning) {
    context.font = `700 ${13 * scale}px ${FONT}`;
    const warningWidth = context.measureText(content.warning).width + 16 * scale;
    context.fillStyle = '#ffd166';
    context.fillRect(padding, y + 2 * scale, warningWidth, 22 * scale);
    context.fillStyle = '#3d2c00';
    context.fillText(content.warning, padding + 8 * scale, y + 6 * scale);
  }

  context.drawImage(mapImage, 0, headerHeight);
  for (const overlay of overlays) context.drawImage(overlay, 0, headerHeight, mapImage.width, mapImage.height);

  // Legends stacked upwards from the lower left corner of the map.
  let bottom = headerHeight + mapImage.height - padding;
  for (const legend of [...content.legends].reverse()) bottom = drawLegend(context, legend, padding, bottom, scale) - 10 * scale;

  context.fillStyle = '#f2f4f6';
  context.fillRect(0, canvas.height - footerHeight, width, footerHeight);
  context.fillStyle = '#1b1f23';
  context.font = `${12 * scale}px ${FONT}`;
  context.textBaseline = 'middle';
  context.fillText(content.footer, padding, canvas.height - footerHeight / 2, width - 2 * padding);
  return canvas;
}

/** Draws a legend box whose bottom edge is at `bottom`; returns its top edge. */
function drawLegend(context: CanvasRenderingContext2D, legend: ExportLegend, left: number, bottom: number, scale: number): number {
  const pad = 10 * scale;
  const rowHeight = 20 * scale;
  const swatch = 14 * scale;
  context.font = `700 ${14 * scale}px ${FONT}`;
  let width = context.measureText(legend.title).width;
  context.font = `${13 * scale}px ${FONT}`;
  for (const row of legend.rows) width = Math.max(width, swatch + 8 * scale + context.measureText(row.label).width);
  context.font = `${12 * scale}px ${FONT}`;
  for (const note of legend.notes) width = Math.max(width, context.measureText(note).width);
  const height = pad * 2 + rowHeight + legend.rows.length * rowHeight + legend.notes.length * 17 * scale;
  const top = bottom - height;
  const boxWidth = width + pad * 2;

  context.fillStyle = 'rgba(255,255,255,0.94)';
  context.strokeStyle = '#c5ced6';
  context.lineWidth = scale;
  context.fillRect(left, top, boxWidth, height);
  context.strokeRect(left, top, boxWidth, height);

  context.textBaseline = 'middle';
  context.fillStyle = '#1b1f23';
  context.font = `700 ${14 * scale}px ${FONT}`;
  let y = top + pad + rowHeight / 2;
  context.fillText(legend.title, left + pad, y);
  context.font = `${13 * scale}px ${FONT}`;
  for (const row of legend.rows) {
    y += rowHeight;
    context.fillStyle = row.color;
    if (row.shape === 'circle') {
      context.beginPath();
      context.arc(left + pad + swatch / 2, y, swatch / 2, 0, Math.PI * 2);
      context.fill();
    } else if (row.shape === 'outline') {
      // Risk areas are dashed outlines on the map, so their key is one too.
      context.strokeStyle = row.color;
      context.lineWidth = 2 * scale;
      context.setLineDash([4 * scale, 3 * scale]);
      context.strokeRect(left + pad, y - swatch / 2, swatch * 1.3, swatch);
      context.setLineDash([]);
      context.lineWidth = 1;
    } else {
      context.fillRect(left + pad, y - swatch / 2, swatch * 1.3, swatch);
      context.strokeStyle = 'rgba(0,0,0,0.35)';
      context.strokeRect(left + pad, y - swatch / 2, swatch * 1.3, swatch);
    }
    context.fillStyle = '#1b1f23';
    context.fillText(row.label, left + pad + swatch * 1.3 + 8 * scale, y);
  }
  context.font = `${12 * scale}px ${FONT}`;
  context.fillStyle = '#4a535c';
  y += rowHeight / 2 + 4 * scale;
  for (const note of legend.notes) {
    y += (17 * scale) / 2;
    context.fillText(note, left + pad, y);
    y += (17 * scale) / 2;
  }
  return top;
}

/** Composes the export and hands it to the browser as a download. */
export async function exportMapPng(map: MapLibreMap, content: MapExport): Promise<void> {
  const mapImage = await mapSnapshot(map);
  const scale = mapImage.width / map.getContainer().clientWidth;
  drawAreaLabels(map, mapImage, scale);
  const canvas = composeExport(mapImage, [], content, scale);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((result) => (result ? resolve(result) : reject(new Error('the browser made no PNG'))), 'image/png'),
  );
  saveFile(blob, `${content.fileName}.png`);
}

/** The area names deck.gl draws over the map, printed onto the map image at the same places. */
function drawAreaLabels(map: MapLibreMap, mapImage: HTMLCanvasElement, scale: number): void {
  const context = mapImage.getContext('2d');
  if (!context) return;
  const { labels, size } = labelsShownOn(map);
  context.font = `600 ${size * scale}px ${FONT}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.lineJoin = 'round';
  context.lineWidth = 3 * scale;
  context.strokeStyle = 'rgba(255,255,255,0.92)';
  context.fillStyle = '#1b1f23';
  for (const label of labels) {
    const { x, y } = map.project(label.position);
    context.strokeText(label.name, x * scale, y * scale);
    context.fillText(label.name, x * scale, y * scale);
  }
}
