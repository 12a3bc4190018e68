// A tile or TileJSON query string with only the filters the layer takes: the tile routes answer any
// other with 400 unknown_parameter (issue 20), so tests that walk every layer build their query here.
import type { TileLayer } from '@pantau/api/tiles';

export function tileQuery(layer: Pick<TileLayer, 'filters'>, values: Partial<Record<TileLayer['filters'][number], string | undefined>>): string {
  const params = new URLSearchParams();
  for (const name of layer.filters) {
    const value = values[name];
    if (value !== undefined) params.set(name, value);
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}
