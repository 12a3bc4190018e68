// A running job's progress bar, and the button that runs a failed job's file again.
import type { ImportJob } from '@pantau/domain';
import { useTranslation } from 'react-i18next';

export function Progress({ percent, label }: { percent: number; label: string }) {
  const { t } = useTranslation('data');
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={100} value={percent} aria-label={t('import.progressLabel')} />
      <span role="status">{label}</span>
    </div>
  );
}

/** Runs a failed or interrupted job's file again (the API keeps it for a while: `rerunnable`). */
export function RerunButton({ job, onRerun }: { job: ImportJob | undefined; onRerun(id: string): void }) {
  const { t } = useTranslation('data');
  if (!job?.rerunnable) return null;
  return (
    <>
      {' '}
      <button type="button" className="button" onClick={() => onRerun(job.id)} data-testid="import-rerun">
        {t('import.rerun')}
      </button>
    </>
  );
}
