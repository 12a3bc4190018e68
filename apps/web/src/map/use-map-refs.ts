// What the map's handlers and effects share without re-rendering: handlers are registered once on the
// map and read the latest props, level and filters here; the hover, paint, label and position flags
// pass between the creation effect's handlers and the effects that change the map.
import { useState } from 'react';
import type { MapPosition } from '../state/view-state.js';
import type { AreaLabelsHandle } from './area-labels.js';
import type { HoveredFeature, PantauMapProps } from './pantau-map-types.js';

interface Box<T> {
  current: T;
}

export interface MapRefs {
  /** The latest props: handlers registered once on the map call them through this. */
  props: Box<PantauMapProps>;
  level: Box<PantauMapProps['level']>;
  filters: Box<PantauMapProps['filters']>;
  hovered: Box<HoveredFeature | null>;
  clearHovered: Box<() => void>;
  /** New shading was applied and the map is not ready until its tiles are painted. */
  paintPending: Box<boolean>;
  /** The labels of the shaded level are placed (or cannot be: deck.gl failed): the map is ready only then. */
  labelsSettled: Box<boolean>;
  /** The last position the map reported (moveend): the URL echoing it back is no request to move. */
  reportedPosition: Box<MapPosition | null>;
  labels: Box<AreaLabelsHandle | null>;
}

/** One object for the map's life (its identity never changes), its props, level and filters kept current on each render. */
export function useMapRefs(props: PantauMapProps): MapRefs {
  const [refs] = useState<MapRefs>(() => ({
    props: { current: props },
    level: { current: props.level },
    filters: { current: props.filters },
    hovered: { current: null },
    clearHovered: { current: () => {} },
    paintPending: { current: false },
    labelsSettled: { current: false },
    reportedPosition: { current: null },
    labels: { current: null },
  }));
  refs.level.current = props.level;
  refs.filters.current = props.filters;
  refs.props.current = props;
  return refs;
}
