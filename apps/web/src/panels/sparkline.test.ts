import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from './sparkline.js';

const BOX = { width: 100, height: 50, padding: 5 };

describe('sparkline scaling', () => {
  it('spreads the months over the width and puts the highest value at the top', () => {
    const geometry = sparklineGeometry([0, 5, 10], BOX)!;
    expect(geometry.points.map((point) => point.x)).toEqual([5, 50, 95]);
    expect(geometry.points.map((point) => point.y)).toEqual([45, 25, 5]);
    expect(geometry.line).toBe('M5 45 L50 25 L95 5');
  });

  it('marks the first lowest, the first highest and the last month', () => {
    const geometry = sparklineGeometry([17, 16, 30, 16, 30, 28], BOX)!;
    expect(geometry.min).toMatchObject({ index: 1, value: 16 });
    expect(geometry.max).toMatchObject({ index: 2, value: 30 });
    expect(geometry.last).toMatchObject({ index: 5, value: 28 });
  });

  it('starts the axis at zero so a small dip does not look like a collapse', () => {
    const geometry = sparklineGeometry([10, 20], BOX)!;
    expect(geometry.points[0]!.y).toBe(25); // half of the inner height
  });

  it('zooms in when the series stays far from zero', () => {
    const geometry = sparklineGeometry([1000, 1010], BOX)!;
    expect(geometry.points[0]!.y).toBe(45);
    expect(geometry.points[1]!.y).toBe(5);
  });

  it('draws a flat series at mid-height and a single month in the middle', () => {
    expect(sparklineGeometry([4, 4, 4], BOX)!.points.every((point) => point.y === 25)).toBe(true);
    expect(sparklineGeometry([4], BOX)!.points[0]).toMatchObject({ x: 50, y: 25 });
  });

  it('has nothing to draw without months', () => {
    expect(sparklineGeometry([], BOX)).toBeNull();
  });

  it('closes the area under the line down to the baseline', () => {
    expect(sparklineGeometry([0, 10], BOX)!.area).toBe('M5 45 L95 5 L95 45 L5 45 Z');
  });
});
