// The public-report triage page (issue 22, `?page=reports`): the queue of new reports in the area (or the
// whole scope), oldest first, verified or dismissed (with a reason) by the roles that may triage; a form to
// record a report in a district; the history of the report last handled, and a link to it on the map.
// Loaded lazily. The text of a report is never shown in the queue: the list route does not serve it.
import { REPORT_CATEGORIES, REPORT_CHANNELS, type ReportCategory, type ReportChannel } from '@pantau/domain';
import { useState, type FormEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getArea, getAreas } from '../api/pantau-api.js';
import { dataOf, invalidateApiAnswers, useApiRequest } from '../api/use-api-request.js';
import { pageHref } from '../auth/pages.js';
import { usePermissions } from '../auth/session-context.js';
import type { HistoryMode, ViewUpdate } from '../state/use-view-state.js';
import type { ViewState } from '../state/view-state.js';
import { followInApp } from '../ui/modifier-click.js';
import { PageHeader } from '../ui/page-header.js';
import { addReportPhoto, changeReportStatus, getReportHistory, getReportPhotos, getReportQueue, recordReport, reportPhotoUrl } from './reports-api.js';
import { addReportsResources } from './reports-locales.js';
import { PlacePicker } from '../map/place-picker.js';
import { formatTypedPlace, parseTypedPlace, type TypedPlace } from '../map/typed-place.js';
import '../people/people.css';

export interface ReportsPageProps {
  view: ViewState;
  updateView(update: ViewUpdate, mode?: HistoryMode): void;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export default function ReportsPage({ view, updateView }: ReportsPageProps) {
  const { i18n } = useTranslation();
  addReportsResources(i18n);
  const { t } = useTranslation('reports');
  const { t: tPanels } = useTranslation('panels');
  const permissions = usePermissions();
  const mayWrite = permissions.reports.write;
  const area = view.region;
  const [handled, setHandled] = useState<{ id: number; message: string; regency: string | null } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const queue = useApiRequest(`reports:queue:${area ?? '*'}`, (signal) => getReportQueue(area, signal));
  const history = useApiRequest(handled ? `reports:history:${handled.id}` : null, (signal) => getReportHistory(handled?.id ?? 0, signal));
  const [reasons, setReasons] = useState<Record<number, string>>({});

  const act = async (id: number, status: 'verified' | 'dismissed') => {
    const reason = reasons[id]?.trim();
    if (status === 'dismissed' && !reason) {
      setFailure(t('queue.reasonNeeded'));
      return;
    }
    try {
      const report = await changeReportStatus(id, status, status === 'dismissed' ? reason : undefined);
      setFailure(null);
      setHandled({ id, message: t(status === 'verified' ? 'done.verified' : 'done.dismissed', { id }), regency: report.regencyCode });
      // The queue and every report's history load again.
      void invalidateApiAnswers('reports');
    } catch (error) {
      setFailure(errorText(error));
    }
  };
  const mapHref = handled ? pageHref({ ...view, region: handled.regency ?? view.region, select: { kind: 'report', id: handled.id } }, 'map') : null;
  const openMap = (event: MouseEvent<HTMLAnchorElement>) =>
    followInApp(event, () => updateView({ page: 'map', region: handled?.regency ?? view.region, select: handled ? { kind: 'report', id: handled.id } : null }));

  const items = dataOf(queue)?.items ?? [];
  return (
    <div className="people-page" data-testid="reports-page">
      <PageHeader title={t('title')} backLabel={t('backToMap')} view={view} updateView={updateView} />
      <main className="people-main">
        {failure && (
          <p className="error-box" role="alert" data-testid="reports-error">
            {failure}
          </p>
        )}
        {handled && (
          <section className="people-card" data-testid="report-handled">
            <p role="status">{handled.message}</p>
            {mapHref && (
              <a href={mapHref} onClick={openMap} data-testid="report-map-link">
                {t('mapLink')}
              </a>
            )}
            <h3>{t('history.title', { id: handled.id })}</h3>
            <ol data-testid="report-history">
              {(dataOf(history)?.items ?? []).map((change) => (
                <li key={change.id}>
                  {tPanels(`reportStatus.${change.status}` as 'reportStatus.new', { defaultValue: change.status })} —{' '}
                  {new Date(change.changedAt).toLocaleString(view.lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'Asia/Jakarta' })}{' '}
                  {t('history.by', { who: change.changedBy })}
                  {change.reason ? ` — ${change.reason}` : ''}
                </li>
              ))}
            </ol>
            {permissions.personalData && <ReportPhotos reportId={handled.id} mayAdd={mayWrite} onFailed={setFailure} />}
          </section>
        )}
        {mayWrite && (
          <RecordForm
            withPhotos={permissions.personalData}
            asOf={view.asOf}
            region={area}
            onSaved={(id, district, regency) => {
              setFailure(null);
              setHandled({ id, message: t('form.saved', { id, district }), regency });
              void invalidateApiAnswers('reports');
            }}
            onFailed={setFailure}
          />
        )}
        <section className="people-card">
          <h2>{t('queue.title')}</h2>
          {!mayWrite && <p className="people-note">{t('queue.readOnly')}</p>}
          {queue.status === 'error' && (
            <p className="error-box" role="alert">
              {t('failed', { message: errorText(queue.error) })}
            </p>
          )}
          {queue.status === 'ok' && items.length === 0 && (
            <p className="people-note" data-testid="queue-empty">
              {t('queue.empty')}
            </p>
          )}
          {items.length > 0 && (
            <table className="people-table" data-testid="report-queue">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{t('queue.received')}</th>
                  <th>{t('form.channel')}</th>
                  <th>{t('form.category')}</th>
                  <th>{t('queue.place')}</th>
                  {mayWrite && <th />}
                </tr>
              </thead>
              <tbody>
                {items.map((report) => (
                  <tr key={report.id} data-testid={`queue-report-${report.id}`}>
                    <td>{report.id}</td>
                    <td>{new Date(report.receivedAt).toLocaleString(view.lang === 'en' ? 'en-GB' : 'id-ID', { timeZone: 'Asia/Jakarta' })}</td>
                    <td>{tPanels(`channel.${report.channel}` as 'channel.apoa', { defaultValue: report.channel })}</td>
                    <td>{tPanels(`reportCategory.${report.category}` as 'reportCategory.other', { defaultValue: report.category })}</td>
                    <td>{report.districtCode ?? '—'}</td>
                    {mayWrite && (
                      <td>
                        <button type="button" onClick={() => void act(report.id, 'verified')} data-testid={`verify-${report.id}`}>
                          {t('queue.verify')}
                        </button>{' '}
                        <input
                          aria-label={t('queue.reason')}
                          placeholder={t('queue.reason')}
                          value={reasons[report.id] ?? ''}
                          onChange={(event) => setReasons({ ...reasons, [report.id]: event.target.value })}
                          data-testid={`reason-${report.id}`}
                        />{' '}
                        <button type="button" onClick={() => void act(report.id, 'dismissed')} data-testid={`dismiss-${report.id}`}>
                          {t('queue.dismiss')}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </main>
    </div>
  );
}

/** The photos of a report: thumbnails that open the full picture, and a file picker to add one. */
function ReportPhotos({ reportId, mayAdd, onFailed }: { reportId: number; mayAdd: boolean; onFailed(message: string): void }) {
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

/** Record a report: channel, category, regency and district (the report stands at the district's point), text, address, contact, photos. */
function RecordForm({
  region,
  withPhotos,
  asOf,
  onSaved,
  onFailed,
}: {
  region: string | null;
  withPhotos: boolean;
  asOf: string | null;
  onSaved(id: number, district: string, regency: string | null): void;
  onFailed(message: string): void;
}) {
  const { t } = useTranslation('reports');
  const { t: tPanels } = useTranslation('panels');
  const [channel, setChannel] = useState<ReportChannel>('whatsapp');
  const [category, setCategory] = useState<ReportCategory>('illegal_work');
  const [regency, setRegency] = useState(region && region.length >= 5 ? region.slice(0, 5) : '');
  const [district, setDistrict] = useState(region && region.length > 5 ? region : '');
  const [summary, setSummary] = useState('');
  const [address, setAddress] = useState('');
  const [contact, setContact] = useState('');
  const [photos, setPhotos] = useState<File[]>([]);
  // A new key after each saved report empties the file picker (a file input cannot be set from state).
  const [saved, setSaved] = useState(0);
  const [saving, setSaving] = useState(false);
  const regencies =
    dataOf(useApiRequest(`areas:regency:${region?.slice(0, 2) ?? '*'}`, (signal) => getAreas('regency', region ? region.slice(0, 2) : null, signal))) ?? [];
  const districts = dataOf(useApiRequest(regency ? `areas:district:${regency}` : null, (signal) => getAreas('district', regency, signal))) ?? [];
  // The place as a point: clicked on the map or typed (coordinates, a map link); else the district stands for it.
  const [placeText, setPlaceText] = useState('');
  const [point, setPoint] = useState<TypedPlace | null>(null);
  const shownArea = district || regency || null;
  const shown = dataOf(useApiRequest(shownArea ? `area:${shownArea}` : null, (signal) => getArea(shownArea ?? '', signal)));
  const pick = (place: TypedPlace) => {
    setPoint(place);
    setPlaceText(formatTypedPlace(place));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    try {
      const report = await recordReport({
        channel,
        category,
        summary,
        ...(point ? { lat: point.lat, lng: point.lng } : { districtCode: district }),
        ...(address.trim() ? { address } : {}),
        ...(contact.trim() ? { reporterContact: contact } : {}),
      });
      const placed = report.districtCode ?? district;
      const name = districts.find((d) => d.code === placed)?.name ?? placed;
      // The report is kept whatever happens to its photos; a photo refused is said, and can be added again.
      const refused: string[] = [];
      for (const photo of photos) await addReportPhoto(report.id, photo).catch((error: unknown) => refused.push(errorText(error)));
      setSummary('');
      setAddress('');
      setContact('');
      setPhotos([]);
      setPoint(null);
      setPlaceText('');
      setSaved((n) => n + 1);
      onSaved(report.id, name, report.regencyCode);
      if (refused.length) onFailed(t('photos.partial', { id: report.id, count: refused.length, message: refused[0] }));
    } catch (error) {
      onFailed(errorText(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="people-card">
      <h2>{t('form.title')}</h2>
      <form onSubmit={(event) => void submit(event)} data-testid="report-form" className="people-facts">
        <label>
          {t('form.channel')}{' '}
          <select value={channel} onChange={(event) => setChannel(event.target.value as ReportChannel)} data-testid="report-channel">
            {REPORT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {tPanels(`channel.${c}` as 'channel.apoa')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.category')}{' '}
          <select value={category} onChange={(event) => setCategory(event.target.value as ReportCategory)} data-testid="report-category">
            {REPORT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {tPanels(`reportCategory.${c}` as 'reportCategory.other')}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.regency')}{' '}
          <select
            value={regency}
            onChange={(event) => {
              setRegency(event.target.value);
              setDistrict('');
            }}
            data-testid="report-regency"
          >
            <option value="">{t('form.choose')}</option>
            {regencies.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.district')}{' '}
          <select value={district} onChange={(event) => setDistrict(event.target.value)} required={!point} data-testid="report-district">
            <option value="">{t('form.choose')}</option>
            {districts.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('form.point')}{' '}
          <input
            value={placeText}
            onChange={(event) => {
              setPlaceText(event.target.value);
              setPoint(parseTypedPlace(event.target.value));
            }}
            placeholder="-2.48971, 106.41421"
            aria-invalid={placeText.trim() !== '' && !point}
            aria-describedby="report-point-hint"
            data-testid="report-point"
          />{' '}
          {point && (
            <button
              type="button"
              onClick={() => {
                setPoint(null);
                setPlaceText('');
              }}
              data-testid="report-point-clear"
            >
              {t('form.pointClear')}
            </button>
          )}
          <span id="report-point-hint" className="people-note">
            {' '}
            {placeText.trim() !== '' && !point ? t('form.pointInvalid') : t('form.pointHint')}
          </span>
        </label>
        <PlacePicker
          bbox={shown?.bbox ?? null}
          value={point}
          onPick={pick}
          label={t('form.pointMap')}
          asOf={asOf ?? new Date().toISOString().slice(0, 10)}
          testId="report-place-map"
        />
        <label>
          {t('form.summary')}{' '}
          <textarea value={summary} onChange={(event) => setSummary(event.target.value)} required maxLength={4000} rows={3} data-testid="report-summary" />
        </label>
        <label>
          {t('form.address')} <input value={address} onChange={(event) => setAddress(event.target.value)} maxLength={500} data-testid="report-address" />
        </label>
        <label>
          {t('form.contact')} <input value={contact} onChange={(event) => setContact(event.target.value)} maxLength={200} data-testid="report-contact" />
        </label>
        {withPhotos && (
          <label>
            {t('photos.formLabel')}{' '}
            <input
              key={saved}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              onChange={(event) => setPhotos(Array.from(event.target.files ?? []))}
              data-testid="report-form-photos"
            />
          </label>
        )}
        <button type="submit" disabled={saving || (!district && !point) || !summary.trim()} data-testid="report-submit">
          {saving ? t('form.saving') : t('form.submit')}
        </button>
      </form>
    </section>
  );
}
