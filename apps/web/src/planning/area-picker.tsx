import { getAreas } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { useTranslation } from 'react-i18next';
import type { OfficeWorkArea } from './planning-api.js';

/**
 * The planned area: a province, one of its regencies, or an office's work area (the offices whose work
 * area overlaps the scope). Choosing one clears the other.
 */
export function AreaPicker({
  region,
  workArea,
  offices: loaded,
  onChange,
}: {
  region: string | null;
  workArea: string | null;
  /** null while loading. */
  offices: readonly OfficeWorkArea[] | null;
  onChange(next: { region: string | null; workArea: string | null }): void;
}) {
  const { t } = useTranslation('planning');
  const offices = loaded ?? [];
  const provinces = useApiRequest('areas:province', (signal) => getAreas('province', null, signal));
  // A scope below a province (an office's regencies) has no province to pick: its regencies are offered alone.
  const belowProvince = provinces.status === 'ok' && provinces.data.length === 0;
  const province = region?.slice(0, 2) ?? (belowProvince ? (offices[0]?.provinceCode ?? null) : null);
  const regencies = useApiRequest(province === null ? null : `areas:regency:${province}`, (signal) => getAreas('regency', province, signal));
  const regency = region !== null && region.length >= 5 ? region.slice(0, 5) : '';
  const pickRegion = (code: string | null) => onChange({ region: code, workArea: null });
  return (
    <div className="planning-area">
      {!belowProvince && (
        <label className="planning-field">
          <span>{t('province')}</span>
          <select value={province ?? ''} onChange={(event) => event.target.value && pickRegion(event.target.value)} data-testid="planning-province">
            <option value="">{t('choose')}</option>
            {(dataOf(provinces) ?? []).map((item) => (
              <option key={item.code} value={item.code}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="planning-field">
        <span>{t('regency')}</span>
        <select
          value={regency}
          onChange={(event) => pickRegion(event.target.value || (belowProvince ? null : province))}
          disabled={province === null}
          data-testid="planning-regency"
        >
          <option value="">{belowProvince ? t('choose') : t('wholeProvince')}</option>
          {(dataOf(regencies) ?? []).map((item) => (
            <option key={item.code} value={item.code}>
              {item.name}
            </option>
          ))}
        </select>
      </label>
      {(offices.length > 0 || workArea !== null) && (
        <label className="planning-field">
          <span>{t('workArea')}</span>
          <select value={workArea ?? ''} onChange={(event) => onChange({ region: null, workArea: event.target.value || null })} data-testid="planning-office">
            <option value="">{t('noWorkArea')}</option>
            {workArea !== null && !offices.some((item) => item.key === workArea) && <option value={workArea}>{loaded === null ? '…' : workArea}</option>}
            {offices.map((item) => (
              <option key={item.key} value={item.key}>
                {item.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
