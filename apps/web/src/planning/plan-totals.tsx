// The plan's totals: targets, expected people (an upper bound while unsaved) and the route's length.
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';

export function PlanTotals({
  targets,
  expectedTotal,
  dirty,
  totalKm,
  preview,
}: {
  targets: number;
  expectedTotal: number;
  dirty: boolean;
  totalKm: number;
  /** True when the route is a preview (not saved yet). */
  preview: boolean;
}) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  return (
    <dl className="plan-totals" data-testid="plan-totals">
      <dt>{t('totals.targets')}</dt>
      <dd>{format.number(targets)}</dd>
      <dt>{t('totals.expected')}</dt>
      <dd data-testid="plan-expected">
        {format.number(expectedTotal)}
        {dirty && targets > 1 && <span className="plan-totals-note"> {t('totals.expectedUnsaved')}</span>}
      </dd>
      <dt>{preview ? t('totals.routePreview') : t('totals.route')}</dt>
      <dd>{format.number(totalKm, 1)} km</dd>
    </dl>
  );
}
