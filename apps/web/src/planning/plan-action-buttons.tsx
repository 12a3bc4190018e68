// The plan's buttons: save (when changed and complete), approve or back to draft (for a role that approves), delete a draft.
import type { Plan } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import type { DraftPlan } from './plan-draft.js';

export function PlanActionButtons({
  draft,
  plan,
  editable,
  canWrite,
  canApprove,
  busy,
  dirty,
  onSave,
  onSetStatus,
  onRemove,
}: {
  draft: DraftPlan;
  plan: Plan | null;
  editable: boolean;
  canWrite: boolean;
  canApprove: boolean;
  busy: boolean;
  dirty: boolean;
  onSave(): Promise<void>;
  onSetStatus(status: 'approved' | 'draft'): Promise<void>;
  onRemove(): void;
}) {
  const { t } = useTranslation('planning');
  return (
    <div className="plan-actions">
      {editable && (
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !dirty || draft.title.trim() === '' || draft.targets.length === 0 || draft.date === ''}
          onClick={() => void onSave()}
          data-testid="plan-save"
        >
          {draft.id === null ? t('plan.save') : t('plan.saveChanges')}
        </button>
      )}
      {plan?.status === 'draft' && canApprove && (
        <button
          type="button"
          className="button"
          disabled={busy || dirty}
          onClick={() => void onSetStatus('approved')}
          data-testid="plan-approve"
          title={dirty ? t('plan.saveFirst') : undefined}
        >
          {t('plan.approve')}
        </button>
      )}
      {plan?.status === 'approved' && canApprove && (
        <button type="button" className="button" disabled={busy} onClick={() => void onSetStatus('draft')} data-testid="plan-unapprove">
          {t('plan.unapprove')}
        </button>
      )}
      {plan?.status === 'draft' && canWrite && (
        <button type="button" className="button button-danger" disabled={busy} onClick={onRemove} data-testid="plan-delete">
          {t('plan.delete')}
        </button>
      )}
    </div>
  );
}
