import { describe, expect, test } from 'vitest';
import { declutter, labelBox, labelPoints, shortAreaName } from './area-labels.js';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('labelPoints', () => {
  test('labels each area once, at the centre of its largest piece', () => {
    const labels = labelPoints(
      [
        { geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] }, properties: { code: '19.04', name: 'Kabupaten Bangka Tengah' } },
        { geometry: { type: 'Polygon', coordinates: [square(10, 10, 2)] }, properties: { code: '19.04', name: 'Kabupaten Bangka Tengah' } },
      ],
      0.5,
    );
    expect(labels).toEqual([{ code: '19.04', name: 'Bangka Tengah', position: [11, 11] }]);
  });

  test('lists the biggest areas first', () => {
    const labels = labelPoints(
      [
        { geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] }, properties: { code: '19.04.01', name: 'Koba' } },
        { geometry: { type: 'Polygon', coordinates: [square(10, 10, 3)] }, properties: { code: '19.04.02', name: 'Lubuk Besar' } },
        { geometry: { type: 'Polygon', coordinates: [square(20, 20, 2)] }, properties: { code: '19.04.03', name: 'Namang' } },
      ],
      0.5,
    );
    expect(labels.map((label) => label.name)).toEqual(['Lubuk Besar', 'Namang', 'Koba']);
  });

  test('leaves out areas too small on screen for their name', () => {
    const labels = labelPoints(
      [{ geometry: { type: 'Polygon', coordinates: [square(0, 0, 0.1)] }, properties: { code: '19.71', name: 'Kota Pangkal Pinang' } }],
      0.5,
    );
    expect(labels).toEqual([]);
  });
});

describe('shortAreaName', () => {
  test('drops "Kabupaten" and keeps "Kota"', () => {
    expect(shortAreaName('Kabupaten Lebong')).toBe('Lebong');
    expect(shortAreaName('Kota Pangkal Pinang')).toBe('Kota Pangkal Pinang');
  });
});

describe('labelPoints across tile edges', () => {
  test('joins the pieces a tile edge cut an area into: their total area counts, the name stands at the whole centre', () => {
    // A 2×2 province cut at the equator into two 2×1 pieces: each piece alone is under the minimum.
    const labels = labelPoints(
      [
        {
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [110, -1],
                [112, -1],
                [112, 0],
                [110, 0],
                [110, -1],
              ],
            ],
          },
          properties: { code: '61', name: 'Kalimantan Barat' },
        },
        {
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [110, 0],
                [112, 0],
                [112, 1],
                [110, 1],
                [110, 0],
              ],
            ],
          },
          properties: { code: '61', name: 'Kalimantan Barat' },
        },
      ],
      3,
    );
    expect(labels).toEqual([{ code: '61', name: 'Kalimantan Barat', position: [111, 0] }]);
  });

  test('keeps islands apart: the name goes to the biggest island, not into the sea between them', () => {
    const labels = labelPoints(
      [
        { geometry: { type: 'Polygon', coordinates: [square(0, 0, 2)] }, properties: { code: '81', name: 'Maluku' } },
        { geometry: { type: 'Polygon', coordinates: [square(5, 0, 1)] }, properties: { code: '81', name: 'Maluku' } },
      ],
      0.5,
    );
    expect(labels).toEqual([{ code: '81', name: 'Maluku', position: [1, 1] }]);
  });

  test('a crescent whose joined centre falls outside it keeps the centre of its largest piece', () => {
    // Two touching L-shaped halves whose weighted centre (2, 2) lies in the notch between them.
    const left = [
      [0, 0],
      [1, 0],
      [1, 3],
      [4, 3],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    const bottom = [
      [1, 0],
      [4, 0],
      [4, 1],
      [1, 1],
      [1, 0],
    ];
    const labels = labelPoints(
      [
        { geometry: { type: 'Polygon', coordinates: [left] }, properties: { code: '82', name: 'Maluku Utara' } },
        { geometry: { type: 'Polygon', coordinates: [bottom] }, properties: { code: '82', name: 'Maluku Utara' } },
      ],
      0.5,
    );
    expect(labels).toHaveLength(1);
    expect(labels[0]!.position).not.toEqual([2, 2]);
  });
});

describe('declutter', () => {
  // One degree is 10 px on this made-up screen.
  const project = ([x, y]: [number, number]) => ({ x: x * 10, y: -y * 10 });
  const label = (code: string, name: string, x: number, y: number) => ({ code, name, position: [x, y] as [number, number] });

  test('keeps the first (biggest) of two names that would overlap, and both when they stand apart', () => {
    const kept = declutter(
      [label('61', 'Kalimantan Barat', 0, 0), label('62', 'Kalimantan Tengah', 3, 0), label('64', 'Kalimantan Timur', 0, 10)],
      project,
      14,
    );
    expect(kept.map((l) => l.code)).toEqual(['61', '64']);
  });

  test('a long name wraps at ten em: its box is at most 140 px wide at 14 px, and two lines tall', () => {
    const box = labelBox('Kepulauan Bangka Belitung', { x: 0, y: 0 }, 14);
    expect(box.x1 - box.x0).toBe(140);
    expect(box.y1 - box.y0).toBeCloseTo(2 * 1.2 * 14);
  });
});
