import { describe, expect, test } from 'vitest';
import { labelPoints, shortAreaName } from './area-labels.js';

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
    const labels = labelPoints([{ geometry: { type: 'Polygon', coordinates: [square(0, 0, 0.1)] }, properties: { code: '19.71', name: 'Kota Pangkal Pinang' } }], 0.5);
    expect(labels).toEqual([]);
  });
});

describe('shortAreaName', () => {
  test('drops "Kabupaten" and keeps "Kota"', () => {
    expect(shortAreaName('Kabupaten Lebong')).toBe('Lebong');
    expect(shortAreaName('Kota Pangkal Pinang')).toBe('Kota Pangkal Pinang');
  });
});
