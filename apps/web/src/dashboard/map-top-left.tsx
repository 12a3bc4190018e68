import { useTranslation } from 'react-i18next';
import { Breadcrumb } from '../controls/breadcrumb.js';
import type { AreaRef } from '@pantau/domain';

interface MapTopLeftProps {
  sidebarOpen: boolean;
  onToggleSidebar: () => void;
  trail: readonly AreaRef[];
  onSelectArea: (code: string | null) => void;
  canSelect: (code: string) => boolean;
  /** Whether the risk-area drawing tool may be opened now (role, map ready, not already open). */
  canDraw: boolean;
  /** The risk area selected, whose outline may be changed; `null` when none is. */
  selectedRiskArea: number | null;
  onDraw: (areaId: number | null) => void;
  drawNotice: string | null;
}

/** The cards over the map's top left: the sidebar toggle, the breadcrumb and the drawing tool's buttons. */
export function MapTopLeft({ sidebarOpen, onToggleSidebar, trail, onSelectArea, canSelect, canDraw, selectedRiskArea, onDraw, drawNotice }: MapTopLeftProps) {
  const { t } = useTranslation();
  const { t: tMap } = useTranslation('map');
  return (
    <div className="map-top-left">
      <button
        type="button"
        className="button sidebar-toggle"
        aria-expanded={sidebarOpen}
        aria-controls="sidebar"
        onClick={onToggleSidebar}
        data-testid="sidebar-toggle"
      >
        {sidebarOpen ? `‹ ${t('sidebar.hide')}` : `☰ ${t('sidebar.show')}`}
      </button>
      <Breadcrumb trail={trail} onSelect={onSelectArea} canSelect={canSelect} />
      {canDraw && (
        <button type="button" className="button draw-open" onClick={() => onDraw(null)} data-testid="open-draw">
          {tMap('drawRisk.open')}
        </button>
      )}
      {canDraw && selectedRiskArea !== null && (
        <button type="button" className="button draw-open" onClick={() => onDraw(selectedRiskArea)} data-testid="edit-risk-area">
          {tMap('drawRisk.edit')}
        </button>
      )}
      {drawNotice && (
        <p className="draw-notice" role="status" data-testid="draw-notice">
          {drawNotice}
        </p>
      )}
    </div>
  );
}
