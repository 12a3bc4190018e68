// The briefing list: a new briefing from one of the three meeting templates for a regency and a date
// (for the roles that may make lists), and every briefing the user may read, each opened in the builder.
import { BRIEFING_TEMPLATES, briefingFromTemplate, type BriefingTemplate } from '@pantau/domain';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getAreas, getMeta } from '../api/pantau-api.js';
import { dataOf, useApiRequest } from '../api/use-api-request.js';
import { usePermissions, useSession } from '../auth/session-context.js';
import { DateField } from '../controls/date-field.js';
import { useFormat } from '../i18n/format.js';
import { Link, useRoute } from '../state/router.js';
import { createBriefing, listBriefings } from './briefings-api.js';
import { messageOf } from './error-message.js';
import { OfflineMark } from './offline-control.js';

export function BriefingList() {
  const { t } = useTranslation('briefing');
  const { view, update } = useRoute('briefing');
  const format = useFormat();
  const permissions = usePermissions();
  const { session } = useSession();
  const list = useApiRequest('briefings', listBriefings);
  const meta = useApiRequest('meta', getMeta);
  const regencies = useApiRequest('regencies', (signal) => getAreas('regency', null, signal));
  const [area, setArea] = useState(view.region?.slice(0, 5) ?? session.user.scope.areaCodes?.[0]?.slice(0, 5) ?? '');
  const [date, setDate] = useState(view.asOf ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const today = dataOf(meta)?.today ?? '';
  const regencyList = dataOf(regencies) ?? [];

  const fromTemplate = async (template: BriefingTemplate) => {
    const regency = regencyList.find((item) => item.code === area.trim());
    if (!regency) {
      setError(t('errors.chooseRegency'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const content = briefingFromTemplate(template, { areaCode: regency.code, areaName: regency.name, date: date || today, lang: view.lang });
      const created = await createBriefing(content);
      update({ briefing: created.id, slide: null });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="briefing-list">
      {permissions.lists && (
        <section className="briefing-new" aria-labelledby="briefing-new-title">
          <h2 id="briefing-new-title">{t('newFromTemplate')}</h2>
          <div className="briefing-form-row">
            <label>
              {t('regency')}
              <input list="briefing-regencies" value={area} onChange={(event) => setArea(event.target.value)} placeholder="19.04" data-testid="template-area" />
              <datalist id="briefing-regencies">
                {regencyList.map((item) => (
                  <option key={item.code} value={item.code}>
                    {item.name}
                  </option>
                ))}
              </datalist>
            </label>
            <span className="briefing-area-name" data-testid="template-area-name">
              {regencyList.find((item) => item.code === area.trim())?.name ?? ''}
            </span>
            <label>
              {t('date')}
              <DateField value={date || today} onChange={setDate} data-testid="template-date" />
            </label>
          </div>
          <div className="briefing-form-row">
            {BRIEFING_TEMPLATES.map((template) => (
              <button
                key={template}
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void fromTemplate(template)}
                data-testid={`template-${template}`}
              >
                {t(`templates.${template}`)}
              </button>
            ))}
          </div>
          {error && (
            <p className="briefing-error" role="alert">
              {error}
            </p>
          )}
        </section>
      )}
      <section aria-labelledby="briefing-list-title">
        <h2 id="briefing-list-title">{t('list')}</h2>
        {list.status === 'error' && (
          <p className="briefing-error" role="alert">
            {messageOf(list.error)}
          </p>
        )}
        {dataOf(list)?.length === 0 && <p>{t('none')}</p>}
        <ul className="briefing-items">
          {(dataOf(list) ?? []).map((item) => (
            <li key={item.id}>
              <Link to={{ page: 'briefing', briefing: item.id }} data-testid="briefing-link">
                {item.title}
              </Link>
              <span className="briefing-meta">
                {format.date(item.date)} · {item.venue ? `${item.venue} · ` : ''}
                {t(`audiences.${item.audience}`)} · {t('slides', { count: item.slideCount })} · {item.canEdit ? t('yours') : item.ownerEmail}
              </span>
              <OfflineMark briefingId={item.id} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
