// Scaling of the trend sparkline: values to SVG coordinates, with the points worth labelling.

export interface SparklinePoint {
  index: number;
  value: number;
  x: number;
  y: number;
}

export interface SparklineGeometry {
  /** SVG path of the line (`M x y L x y …`). */
  line: string;
  /** The same line closed down to the baseline, for a light fill under it. */
  area: string;
  points: SparklinePoint[];
  /** Earliest lowest and earliest highest month; the last month. */
  min: SparklinePoint;
  max: SparklinePoint;
  last: SparklinePoint;
}

export interface SparklineBox {
  width: number;
  height: number;
  /** Room kept free around the line, so end dots and strokes are not clipped. */
  padding: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * The y axis runs from 0 (or the lowest value, when that is far above 0) to the highest value, so a
 * small change in a large count does not look like a collapse. A flat series sits mid-height.
 */
export function sparklineGeometry(values: readonly number[], box: SparklineBox): SparklineGeometry | null {
  if (values.length === 0) return null;
  const { width, height, padding } = box;
  const high = Math.max(...values);
  const lowest = Math.min(...values);
  // Zero-based unless the series never comes near zero (lowest above half the highest).
  const low = lowest > high / 2 ? lowest : 0;
  const span = high - low;
  const innerWidth = width - 2 * padding;
  const innerHeight = height - 2 * padding;
  const step = values.length > 1 ? innerWidth / (values.length - 1) : 0;

  const points = values.map((value, index): SparklinePoint => {
    const x = values.length > 1 ? padding + index * step : width / 2;
    const y = span === 0 ? height / 2 : padding + innerHeight - ((value - low) / span) * innerHeight;
    return { index, value, x: round(x), y: round(y) };
  });

  const line = points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x} ${point.y}`).join(' ');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const baseline = height - padding;
  const area = `${line} L${last.x} ${baseline} L${first.x} ${baseline} Z`;
  const min = points.reduce((best, point) => (point.value < best.value ? point : best), first);
  const max = points.reduce((best, point) => (point.value > best.value ? point : best), first);
  return { line, area, points, min, max, last };
}
