// How the file was read, its first rows with the column mapping, the required fields and the vocabularies applied.
import type { ImportPreview, ImportPreviewField } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { requiredGroups, type ColumnMapping } from './column-mapping.js';

export function DetectedFormat({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation('data');
  const delimiter = preview.delimiter === '\t' ? t('import.detected.tab') : `«${preview.delimiter ?? ''}»`;
  const read =
    preview.format === 'csv'
      ? t('import.detected.csv', { encoding: (preview.encoding ?? '').toUpperCase(), bom: preview.bom ? t('import.detected.bom') : '', delimiter })
      : preview.format === 'xlsx'
        ? t('import.detected.xlsx', { sheet: preview.sheet ?? '' })
        : preview.format === 'shapefile'
          ? t('import.detected.shapefile', {
              layer: preview.sheet ?? '',
              crs: preview.reprojectedFrom ? t('import.detected.reprojected', { from: preview.reprojectedFrom }) : '',
            })
          : preview.format === 'kml' || preview.format === 'kmz'
            ? t(`import.detected.${preview.format}`)
            : t('import.detected.geojson');
  const header = preview.header;
  const headerAt =
    header && header.how !== 'first' && header.rows.length > 0
      ? t('import.detected.headerRow', { rows: header.rows.join('–'), count: header.above.length })
      : preview.format !== 'csv' && preview.format !== 'xlsx'
        ? t('import.detected.geometry')
        : '';
  return (
    <p className="import-detected" data-testid="import-detected">
      {read} · {t('import.detected.columns', { count: preview.headers.filter(Boolean).length })}
      {headerAt && <span data-testid="import-header-row"> · {headerAt}</span>}
    </p>
  );
}

export function PreviewTable({
  preview,
  mapping,
  fieldLabel,
  onChange,
}: {
  preview: ImportPreview;
  mapping: ColumnMapping;
  fieldLabel(field: string): string;
  onChange(header: string, field: string): void;
}) {
  const { t } = useTranslation('data');
  return (
    <>
      <p className="import-caption">
        {preview.rows.length === 0
          ? t('import.noRows')
          : preview.more
            ? t('import.firstRowsMore', { count: preview.rows.length })
            : t('import.firstRows', { count: preview.rows.length })}
      </p>
      <div className="import-table-scroll" tabIndex={0} role="region" aria-label={t('import.step2')}>
        <table className="import-table import-preview" data-testid="import-preview">
          <thead>
            <tr>
              <th scope="col" className="import-row-number">
                {t('import.rowNumber')}
              </th>
              {preview.headers.map((header, index) => (
                <th key={`${index}:${header}`} scope="col">
                  <span className="import-header">{header}</span>
                  {header && (
                    <select
                      className={`import-mapping${mapping[header] ? '' : ' import-mapping-ignored'}`}
                      value={mapping[header] ?? ''}
                      aria-label={header}
                      onChange={(event) => onChange(header, event.target.value)}
                      data-testid="import-mapping"
                      data-header={header}
                    >
                      <option value="">{t('import.ignore')}</option>
                      {preview.fields.map((field) => (
                        <option key={field.name} value={field.name}>
                          {fieldLabel(field.name)}
                          {field.required ? ` (${t('import.required')})` : ''}
                        </option>
                      ))}
                    </select>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) => (
              <tr key={row.row}>
                <th scope="row" className="import-row-number">
                  {row.row}
                </th>
                {preview.headers.map((header, index) => (
                  <td key={`${index}:${header}`} className={mapping[header] ? undefined : 'import-cell-ignored'}>
                    {row.values[index]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function RequiredStatus({
  fields,
  mapping,
  fieldLabel,
}: {
  fields: readonly ImportPreviewField[];
  mapping: ColumnMapping;
  fieldLabel(field: string): string;
}) {
  const { t } = useTranslation('data');
  const given = new Set(Object.values(mapping));
  const groups = requiredGroups(fields);
  return (
    <div className="import-required" data-testid="import-required">
      <span className="field-label">{t('import.requiredStatus')}:</span>
      <ul>
        {groups.map((group) => {
          const ok = group.some((field) => given.has(field));
          return (
            <li key={group.join('|')} className={ok ? 'import-ok' : 'import-missing'}>
              <span aria-hidden="true">{ok ? '✓' : '✗'} </span>
              {group.length === 1 ? fieldLabel(group[0] ?? '') : t('import.oneOf', { fields: group.map(fieldLabel).join(', ') })}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** What the vocabularies make of the shown rows' spellings (KITAS → itas, RRT → CHN), for the columns still mapped as the preview proposed. */
export function VocabularyApplied({ preview, mapping, fieldLabel }: { preview: ImportPreview; mapping: ColumnMapping; fieldLabel(field: string): string }) {
  const { t } = useTranslation('data');
  const shown = preview.vocabulary.filter((entry) => mapping[entry.column] === entry.field);
  if (!shown.length) return null;
  return (
    <div className="import-vocabulary" data-testid="import-vocabulary">
      <span className="field-label">{t('import.vocabulary.title')}:</span>
      <ul>
        {shown.map((entry) => (
          <li key={`${entry.column}\u0000${entry.value}`} className={entry.mapped === null ? 'import-missing' : undefined}>
            {fieldLabel(entry.field)}: «{entry.value}» → {entry.mapped === null ? t('import.vocabulary.unknown') : <code>{entry.mapped}</code>}{' '}
            <span className="field-hint">({t('import.vocabulary.rows', { count: entry.rows })})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
