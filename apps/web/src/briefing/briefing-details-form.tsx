// The briefing's details: title, date, venue, audience and language (read-only for a viewer or another owner's briefing).
import type { Briefing, BriefingContent } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { DateField } from '../controls/date-field.js';

export function BriefingDetailsForm({
  briefing,
  canEdit,
  onChange,
}: {
  briefing: Briefing;
  canEdit: boolean;
  onChange(update: Partial<BriefingContent>): void;
}) {
  const { t } = useTranslation('briefing');
  return (
    <section className="briefing-meta-form" aria-label={t('details')}>
      <label className="wide">
        {t('briefingTitle')}
        <input value={briefing.title} readOnly={!canEdit} onChange={(event) => onChange({ title: event.target.value })} data-testid="briefing-title" />
      </label>
      <label>
        {t('date')}
        <DateField value={briefing.date} readOnly={!canEdit} onChange={(date) => onChange({ date })} data-testid="briefing-date" />
      </label>
      <label>
        {t('venue')}
        <input value={briefing.venue} readOnly={!canEdit} onChange={(event) => onChange({ venue: event.target.value })} data-testid="briefing-venue" />
      </label>
      <label>
        {t('audience')}
        <select
          value={briefing.audience}
          disabled={!canEdit}
          onChange={(event) => onChange({ audience: event.target.value as Briefing['audience'] })}
          data-testid="briefing-audience"
        >
          <option value="mixed_agency">{t('audiences.mixed_agency')}</option>
          <option value="internal">{t('audiences.internal')}</option>
        </select>
      </label>
      <label>
        {t('language')}
        <select value={briefing.lang} disabled={!canEdit} onChange={(event) => onChange({ lang: event.target.value as Briefing['lang'] })}>
          <option value="id">Bahasa Indonesia</option>
          <option value="en">English</option>
        </select>
      </label>
    </section>
  );
}
