// A new meeting's first follow-ups: the fields of each (due no earlier than the meeting), a button to remove it, and one to add a row.
import { useTranslation } from 'react-i18next';
import { FollowUpFields } from './follow-up-fields.js';
import { emptyFollowUp, type FollowUpDraft } from './meeting-form.js';

export function FirstFollowUpsFields({
  followUps,
  meetingDate,
  onChange,
}: {
  followUps: FollowUpDraft[];
  meetingDate: string;
  onChange(followUps: FollowUpDraft[]): void;
}) {
  const { t } = useTranslation('meetings');
  return (
    <fieldset>
      <legend>{t('form.followUps')}</legend>
      {followUps.map((followUp, index) => (
        <div key={index} className="follow-up-fields">
          <FollowUpFields
            n={index + 1}
            draft={followUp}
            onChange={(changed) => onChange(followUps.map((f, i) => (i === index ? changed : f)))}
            minDate={meetingDate}
            testId={`follow-up-${index + 1}`}
          />{' '}
          <button type="button" onClick={() => onChange(followUps.filter((_, i) => i !== index))} aria-label={t('form.removeFollowUp', { n: index + 1 })}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...followUps, emptyFollowUp(meetingDate)])} data-testid="add-follow-up-row">
        {t('form.addFollowUp')}
      </button>
    </fieldset>
  );
}
