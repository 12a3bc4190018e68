// A saved plan's files: the print page, PDF, CSV and XLSX, and the operation recorded from it.
import type { Plan } from '@pantau/domain';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format.js';
import { useRoute } from '../state/router.js';
import { planFileUrl } from './planning-api.js';

export function PlanFiles({ plan }: { plan: Plan }) {
  const { t } = useTranslation('planning');
  const format = useFormat();
  const { view, href } = useRoute('planning');
  const printHref = href({ page: 'plan-print', workArea: view.workArea, plan: plan.id });
  const operationHref = plan.operationId != null ? href({ page: 'map', select: { kind: 'operation', id: plan.operationId } }) : null;
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
