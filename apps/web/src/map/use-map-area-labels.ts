// Area names, once the areas are drawn (deck.gl was preloaded with the map), moved to the shaded level when it changes.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { useEffect } from 'react';
import type { MapLevel } from '../state/view-state.js';
import { addAreaLabels } from './area-labels.js';
import { areaFillLayerId } from './map-style.js';
import type { MapRefs } from './use-map-refs.js';

export function useMapAreaLabels(map: MapLibreMap | null, areaLayersAdded: boolean, level: MapLevel, refs: MapRefs) {
  useEffect(() => {
    if (!map || !areaLayersAdded) return;
    const cancelled = new AbortController();
    const settle = () => {
      refs.labelsSettled.current = true;
      // The ready check waits for the names: give it another idle.
      map.triggerRepaint();
    };
    addAreaLabels(map, refs.level.current, areaFillLayerId(refs.level.current), cancelled.signal).then(
      (handle) => {
        if (cancelled.signal.aborted) {
          handle?.remove();
          return;
        }
        refs.labels.current = handle;
        settle();
      },
      // The map stays usable without names.
      (error: unknown) => {
        console.error(error);
        if (!cancelled.signal.aborted) settle();
      },
    );
    return () => {
      cancelled.abort();
      refs.labelsSettled.current = false;
      refs.labels.current?.remove();
      refs.labels.current = null;
    };
  }, [map, areaLayersAdded, refs]);
  useEffect(() => {
    refs.labels.current?.setLevel(level, areaFillLayerId(level));
  }, [level, refs]);
}
