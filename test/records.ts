// Records the integration tests write through the API, shared where several tests need the same one.

/** A risk area (illegal work) around Koba town, Bangka Tengah (19.04.01), drawn in the risk tile RISK_TILE_KOBA. */
export const kobaRiskArea = (name: string, source: string) => ({
  name,
  category: 'illegal_work',
  severity: 'high',
  source,
  validFrom: '2024-01-01',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [106.36, -2.56],
        [106.47, -2.56],
        [106.47, -2.4],
        [106.36, -2.4],
        [106.36, -2.56],
      ],
    ],
  },
});

/** The z8 risk-area tile holding kobaRiskArea. */
export const RISK_TILE_KOBA = '/tiles/risk_areas/8/203/129.mvt';
