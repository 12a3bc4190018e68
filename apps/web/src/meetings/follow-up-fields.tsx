// The fields of one follow-up (task, owner agency, due date, the decision it serves), used by the meeting
// form for a new meeting's first follow-ups and by the meeting card's "add a follow-up" form.
import { agencyName, AGENCIES, type Agency } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import type { FollowUpDraft } from './meeting-form.js';

/** The fields of one follow-up: task, owner agency, due date, the decision it serves. */
export function FollowUpFields({
  n,
  draft,
  onChange,
  minDate,
  testId,
}: {
  n: number;
  draft: FollowUpDraft;
  onChange(draft: FollowUpDraft): void;
  minDate: string;
  testId: string;
}) {
  const { t } = useTranslation('meetings');
  const format = useFormat();
  return (
    <>
      <label>
        {t('form.task', { n })}{' '}
        <input value={draft.task} onChange={(event) => onChange({ ...draft, task: event.target.value })} maxLength={2000} data-testid={`${testId}-task`} />
      </label>
      <label>
        {t('form.owner', { n })}{' '}
        <select
          value={draft.ownerAgency}
          onChange={(event) => onChange({ ...draft, ownerAgency: event.target.value as Agency })}
          data-testid={`${testId}-owner`}
        >
          {AGENCIES.map((agency) => (
            <option key={agency} value={agency}>
              {agencyName(agency, format.lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('form.due', { n })}{' '}
        <input
          type="date"
          value={draft.dueDate}
          min={minDate}
          onChange={(event) => onChange({ ...draft, dueDate: event.target.value })}
          required
          data-testid={`${testId}-due`}
        />
      </label>
      <label>
        {t('form.forDecision', { n })}{' '}
        <input
          inputMode="numeric"
          pattern="\d*"
          size={3}
          value={draft.decision}
          onChange={(event) => onChange({ ...draft, decision: event.target.value })}
          data-testid={`${testId}-decision`}
        />
      </label>
    </>
  );
}
