// The form that records a report received by WhatsApp, phone or APOA in a district.
import { REPORT_CATEGORIES, REPORT_CHANNELS, type ReportCategory, type ReportChannel } from '@pantau/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getArea, getAreas } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { addReportPhoto, recordReport } from './reports-api.js';
import { PlacePicker } from '../map/place-picker.js';
import { formatTypedPlace, parseTypedPlace, type TypedPlace } from '../map/typed-place.js';
import { errorText } from './error-text.js';
import { AreaSelect } from '../controls/area-select.js';

/** Record a report: channel, category, regency and district (the report stands at the district's point), text, address, contact, photos. */
export function RecordForm({
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
        <AreaSelect
          label={t('form.regency')}
          chooseLabel={t('form.choose')}
          areas={regencies}
          value={regency}
          onChange={(code) => {
            setRegency(code);
            setDistrict('');
          }}
          testId="report-regency"
        />
        <AreaSelect
          label={t('form.district')}
          chooseLabel={t('form.choose')}
          areas={districts}
          value={district}
          onChange={setDistrict}
          required={!point}
          testId="report-district"
        />
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
