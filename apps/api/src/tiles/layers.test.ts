import { TILE_LAYER_FILTERS, TILE_LAYER_NAMES } from '@pantau/domain';
import { describe, expect, test } from 'vitest';
import { TILE_LAYERS } from './layers.js';

describe('the served tile layers', () => {
  test("are the domain's layers, each with the domain's filters", () => {
    expect(TILE_LAYERS.map((layer) => layer.id).sort()).toEqual([...TILE_LAYER_NAMES].sort());
    for (const layer of TILE_LAYERS) expect(layer.filters).toBe(TILE_LAYER_FILTERS[layer.id]);
  });
});
