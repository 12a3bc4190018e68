// "Download the data of this view": a link per kind and format to the API's exports, carrying the
// view's filters (export-links.ts). Plain links, so the browser downloads and names the file.
import { useTranslation } from 'react-i18next';
import type { MapContext } from '../state/view-state.js';
import { EXPORT_FORMATS, EXPORT_KINDS, exportFilters, exportUrl, type ExportKind } from './export-links.js';
import './export-menu.css';

export interface ExportMenuProps {
  view: MapContext;
  /** The date the map shows (the view's, else the server's today). */
  shownAsOf: string | null;
  /** The kinds this user may download; all when not given. */
  kinds?: readonly ExportKind[];
}

export function ExportMenu({ view, shownAsOf, kinds = EXPORT_KINDS }: ExportMenuProps) {
  const { t } = useTranslation('data');
  const filters = exportFilters(view, shownAsOf);
  if (kinds.length === 0) return null;
  return (
    <details className="export-menu" data-testid="export-menu">
      <summary>{t('export.title')}</summary>
      <p className="field-hint">{t('export.hint')}</p>
      <ul className="export-list">
        {kinds.map((kind) => (
          <li key={kind} className="export-item">
            <span className="export-kind">{t(`kinds.${kind}`)}</span>
            <span className="export-formats" role="group" aria-label={t('export.formatsOf', { kind: t(`kinds.${kind}`) })}>
              {EXPORT_FORMATS.map((format) => (
                <a key={format} className="export-link" href={exportUrl(kind, format, filters)} download data-testid={`export-${kind}-${format}`}>
                  {format === 'geojson' ? 'GeoJSON' : format.toUpperCase()}
                </a>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </details>
  );
}
