import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** The file to import: dropped on the zone or chosen in the browser's file dialog. */
export function DropZone({ onFile, fileName }: { onFile(file: File | null | undefined): void; fileName: string | null }) {
  const { t } = useTranslation('data');
  const [over, setOver] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    onFile(event.dataTransfer.files[0]);
  };
  return (
    <div
      className={`import-drop${over ? ' import-drop-over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop"
    >
      {fileName && <strong className="import-file-name">{fileName}</strong>}
      <span>
        {over ? t('import.dropActive') : t('import.drop')}{' '}
        <button type="button" className="link-button" onClick={() => inputRef.current?.click()}>
          {t('import.choose')}
        </button>
      </span>
      <span className="field-hint">{t('import.dropHint')}</span>
      <input
        ref={inputRef}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        accept=".csv,.txt,.tsv,.xlsx,.geojson,.json,.zip,.kml,.kmz,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/geo+json,application/zip,application/vnd.google-earth.kml+xml,application/vnd.google-earth.kmz"
        onChange={(event) => {
          onFile(event.target.files?.[0]);
          // The same file chosen again (after fixing it) is read again.
          event.target.value = '';
        }}
        data-testid="import-file"
      />
    </div>
  );
}
