// Classes for the choropleth: natural breaks (ckmeans, the optimal form of Jenks) over the counts of
// every area on the map, coloured with ColorBrewer's YlGnBu — sequential, colour-blind safe and
// readable in greyscale print-outs.
import { ckmeans } from 'simple-statistics';

export const CLASS_COUNT = 5;

/**
 * ColorBrewer's YlGnBu (Cynthia Brewer, colorbrewer2.org, Apache 2.0) for 3 to 5 classes, the only
 * counts the map uses. Written out instead of imported from d3-scale-chromatic: that module builds all
 * of its schemes when loaded (about 10 KB gzip on the first screen); a unit test checks these against it.
 */
export const YL_GN_BU: Readonly<Record<3 | 4 | 5, readonly string[]>> = {
  3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
  4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
  5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
};

export interface ChoroplethClass {
  /** Smallest count in the class (inclusive). */
  lower: number;
  /** Largest count in the class (inclusive); classes are contiguous integer ranges. */
  upper: number;
  color: string;
}

const FIVE_COLORS = YL_GN_BU[CLASS_COUNT];

/** Colours for `k` classes: ColorBrewer's own k-class scheme, or picks from the 5-class one below 3. */
function colorsFor(k: number): readonly string[] {
  if (k >= 3) return YL_GN_BU[Math.min(k, CLASS_COUNT) as 3 | 4 | 5];
  return k === 2 ? [FIVE_COLORS[1] ?? '', FIVE_COLORS[3] ?? ''] : [FIVE_COLORS[2] ?? ''];
}

/**
 * Up to `classCount` classes (at most CLASS_COUNT, the colours there are) covering every value in
 * `counts`. Fewer classes come back only when the counts have fewer distinct values (e.g. all zero) —
 * an empty class would be a legend row that matches no area.
 */
export function classifyCounts(counts: readonly number[], classCount = CLASS_COUNT): ChoroplethClass[] {
  if (counts.length === 0) return [];
  const distinctCount = new Set(counts).size;
  const k = Math.min(classCount, CLASS_COUNT, distinctCount);
  // Upper bounds of the clusters; equal bounds (possible when ckmeans ties) would make empty classes.
  const uppers = [...new Set(ckmeans(counts, k).map((cluster) => cluster[cluster.length - 1] ?? 0))];
  const lowest = Math.min(...counts);
  // Every area at 0 is one class "0": the lightest colour, as 0 is in any other legend.
  const colors = uppers.length === 1 && uppers[0] === 0 ? [FIVE_COLORS[0] ?? ''] : colorsFor(uppers.length);
  return uppers.map((upper, i) => ({
    lower: i === 0 ? lowest : (uppers[i - 1] ?? lowest) + 1,
    upper,
    color: colors[i] ?? FIVE_COLORS[FIVE_COLORS.length - 1] ?? '#000000',
  }));
}

/** Index of the class holding `count`, or -1 when there are no classes. */
export function classIndexOf(classes: readonly ChoroplethClass[], count: number): number {
  if (classes.length === 0) return -1;
  const index = classes.findIndex((choroplethClass) => count <= choroplethClass.upper);
  return index === -1 ? classes.length - 1 : index;
}
