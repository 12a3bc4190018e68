import { useCallback, type RefObject } from 'react';
import { monthOfPeriod, monthPeriod } from '../controls/time-months.js';
import { TIMELINE_FIRST_MONTH, TimeSlider } from '../controls/time-slider.js';
import type { ChoroplethClass } from '../map/choropleth-classes.js';
import { ChoroplethLegend } from '../map/choropleth-legend.js';
import { OverlayKey } from '../map/overlay-key.js';
import type { HistoryMode } from '../state/use-view-state.js';
import type { UpdateRoute } from '../state/router.js';
import type { MapContext, OverlayLayer } from '../state/view-state.js';

interface MapBottomProps {
  cardsRef: RefObject<HTMLDivElement | null>;
  view: MapContext;
  updateView: UpdateRoute<'map'>;
  classes: ChoroplethClass[] | null;
  typesLabel: string;
  parentName: string | null;
  legendCollapsed: boolean;
  onToggleLegend: () => void;
  /** The overlays' key, shown here while the sidebar (which lists it with the layers) is closed. */
  overlayKey: readonly OverlayLayer[] | null;
  today: string | null;
}

/** The cards along the map's bottom: the legend, the overlays' key and the time slider. */
export function MapBottom({ cardsRef, view, updateView, classes, typesLabel, parentName, legendCollapsed, onToggleLegend, overlayKey, today }: MapBottomProps) {
  const onPeriod = useCallback(
    (period: { from: string | null; to: string | null; asOf: string | null }, mode: HistoryMode) => updateView(period, mode),
    [updateView],
  );
  const onTimeMode = useCallback(
    (timeMode: MapContext['timeMode']) =>
      updateView((current) => {
        const month = monthOfPeriod(current.from, current.to, current.timeMode, TIMELINE_FIRST_MONTH);
        return { timeMode, ...(month ? monthPeriod(month, timeMode, TIMELINE_FIRST_MONTH) : {}) };
      }),
    [updateView],
  );
  return (
    <div className="map-bottom" ref={cardsRef}>
      <ChoroplethLegend
        classes={classes ?? []}
        measure={view.measure}
        typesLabel={typesLabel}
        parentName={parentName}
        loading={classes === null}
        collapsed={legendCollapsed}
        onToggle={onToggleLegend}
      />
      {overlayKey && <OverlayKey layers={overlayKey} />}
      {today && <TimeSlider from={view.from} to={view.to} mode={view.timeMode} today={today} onPeriod={onPeriod} onModeChange={onTimeMode} />}
    </div>
  );
}
