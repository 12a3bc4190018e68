// The side panel for what is selected on the map or in the search: an area's profile (with a
// two-date comparison when the view asks for one) or one record.
import { AreaDetail } from './area-detail.js';
import { RecordDetail, type CompanyPageLink } from './record-detail.js';
import type { PanelFilters, Selection } from './types.js';
import './panels.css';

export interface DetailPanelProps {
  selection: Selection;
  filters: PanelFilters;
  onClose(): void;
  onSelectArea(code: string): void;
  /** Whether an area (a parent in the breadcrumb) may be opened; areas above the work area are named only. */
  canOpenArea?(code: string): boolean;
  /** The company page (issue 20), linked from a company's panel. */
  companyPage?: CompanyPageLink;
}

export function DetailPanel({ selection, filters, onClose, onSelectArea, canOpenArea, companyPage }: DetailPanelProps) {
  // Keyed by the selection: a new selection starts with a fresh panel (scroll at the top).
  if (selection.kind === 'area') {
    return (
      <AreaDetail
        key={`area:${selection.code}`}
        code={selection.code}
        filters={filters}
        onClose={onClose}
        onSelectArea={onSelectArea}
        canOpenArea={canOpenArea}
      />
    );
  }
  return (
    <RecordDetail
      key={`${selection.kind}:${selection.id}`}
      kind={selection.kind}
      id={selection.id}
      asOf={filters.asOf}
      onClose={onClose}
      onSelectArea={onSelectArea}
      companyPage={companyPage}
    />
  );
}
