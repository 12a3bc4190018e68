// A saved plan's files: the print page, PDF, CSV and XLSX, and the operation recorded from it.
import type { Plan } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { pageHref } from '../auth/pages.js';
import { useFormat } from '../i18n/format.js';
import { serializeViewState, type ViewState } from '../state/view-state.js';
import { planFileUrl } from './planning-api.js';

export function PlanFiles({ plan, view }: { plan: Plan; view: ViewState }) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const printHref = pageHref({ ...view, plan: plan.id, weights: {} }, 'plan-print');
  const operationHref =
    plan.operationId != null
      ? `${window.location.pathname}${serializeViewState({ ...view, page: 'map', plan: null, weights: {}, select: { kind: 'operation', id: plan.operationId } })}`
      : null;
  return (
    <p className="plan-files">
      {printHref && (
        <a href={printHref} target="_blank" rel="noreferrer" data-testid="plan-print">
          {t('files.print')}
        </a>
      )}
      <a href={planFileUrl(plan.id, 'plan.pdf', format.lang)} download data-testid="plan-pdf">
        PDF
      </a>
      <a href={planFileUrl(plan.id, 'targets.csv', format.lang)} download data-testid="plan-csv">
        CSV
      </a>
      <a href={planFileUrl(plan.id, 'targets.xlsx', format.lang)} download data-testid="plan-xlsx">
        XLSX
      </a>
      {operationHref && (
        <a href={operationHref} data-testid="plan-operation">
          {t('outcome.operationLink', { id: plan.operationId })}
        </a>
      )}
    </p>
  );
}
