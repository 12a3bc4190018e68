// Attendance by agency: a box to tick per agency, and for a ticked one the names (or positions) and the unit present.
import { agencyName, AGENCIES, type Agency } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { AttendanceDraft } from './meeting-form.js';

export function AttendanceFields({
  attendance,
  onChange,
}: {
  attendance: Record<Agency, AttendanceDraft>;
  onChange(attendance: Record<Agency, AttendanceDraft>): void;
}) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  return (
    <fieldset data-testid="meeting-attendance-fields">
      <legend>{t('form.attendance')}</legend>
      {AGENCIES.map((agency) => {
        const row = attendance[agency];
        const name = agencyName(agency, format.lang);
        const setRow = (change: Partial<typeof row>) => onChange({ ...attendance, [agency]: { ...row, ...change } });
        return (
          <div key={agency} className="attendance-row">
            <label>
              <input type="checkbox" checked={row.present} onChange={(event) => setRow({ present: event.target.checked })} data-testid={`attend-${agency}`} />{' '}
              {name}
            </label>
            {row.present && (
              <>
                {' '}
                <input
                  aria-label={t('form.names', { agency: name })}
                  placeholder={t('form.names', { agency: name })}
                  value={row.names}
                  onChange={(event) => setRow({ names: event.target.value })}
                  data-testid={`attend-names-${agency}`}
                />{' '}
                <input
                  aria-label={t('form.unit', { agency: name })}
                  placeholder={t('form.unit', { agency: name })}
                  value={row.unit}
                  onChange={(event) => setRow({ unit: event.target.value })}
                  data-testid={`attend-unit-${agency}`}
                />
              </>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
