// A report's photos: thumbnails that open the full picture, and a file picker to add one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataOf, invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import { addReportPhoto, getReportPhotos, reportPhotoUrl } from './reports-api.js';
import { errorText } from './error-text.js';

/** The photos of a report: thumbnails that open the full picture, and a file picker to add one. */
export function ReportPhotos({ reportId, mayAdd, onFailed }: { reportId: number; mayAdd: boolean; onFailed(message: string): void }) {
  const { t } = useTranslation('reports');
  const [adding, setAdding] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const photos = dataOf(useApiRequest(`reports:photos:${reportId}`, (signal) => getReportPhotos(reportId, signal)))?.items ?? [];
  const add = async (files: FileList | null) => {
    if (!files?.length) return;
    setAdding(true);
    try {
      for (const file of Array.from(files)) await addReportPhoto(reportId, file);
      setNote(t('photos.added', { id: reportId }));
    } catch (error) {
      onFailed(errorText(error));
    } finally {
      setAdding(false);
      void invalidateApiAnswers(`reports:photos:${reportId}`);
    }
  };
  return (
    <div data-testid="report-photos">
      <h3>{t('photos.title')}</h3>
      {photos.length === 0 ? (
        <p className="people-note">{t('photos.none')}</p>
      ) : (
        <ul className="report-photos">
          {photos.map((photo) => (
            <li key={photo.id}>
              <a href={reportPhotoUrl(reportId, photo.id)} target="_blank" rel="noreferrer">
                <img
                  src={reportPhotoUrl(reportId, photo.id)}
                  alt={t('photos.alt', { name: photo.fileName, id: reportId })}
                  width={96}
                  height={96}
                  loading="lazy"
                  data-testid={`report-photo-${photo.id}`}
                />
              </a>
            </li>
          ))}
        </ul>
      )}
      {mayAdd && (
        <label>
          {t('photos.add')}{' '}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            multiple
            disabled={adding}
            onChange={(event) => {
              void add(event.target.files);
              event.target.value = '';
            }}
            data-testid="report-photo-input"
          />
          <span className="people-note"> {t('photos.hint')}</span>
        </label>
      )}
      {note && <p role="status">{note}</p>}
    </div>
  );
}
