import { describe, expect, test } from 'vitest';
import { LABEL_MARGIN, placeLabels } from './label-placement.js';

const frame = { left: 0, top: 0, right: 700, bottom: 360 };
/** A name 80 × 14 px centred on (x, y). */
const name = (x: number, y: number, width = 80) => ({ left: x - width / 2, right: x + width / 2, top: y - 7, bottom: y + 7 });

describe('placeLabels', () => {
  test('a name well inside the frame stays where it is', () => {
    expect(placeLabels(frame, [name(300, 150)], [])).toEqual([{ index: 0, dx: 0, dy: 0 }]);
  });

  test('a name over the left edge slides inside, its text still over its point', () => {
    // "Sungai Selan" centred 20 px from the edge: half its 80 px would be cut.
    const [placement] = placeLabels(frame, [name(20, 150)], []);
    expect(placement).toEqual({ index: 0, dx: 40 - 20 + LABEL_MARGIN, dy: 0 });
  });

  test('a name whose point lies outside the frame would no longer cover it: left out', () => {
    expect(placeLabels(frame, [name(-50, 150)], [])).toEqual([]);
  });

  test('names over the top and bottom edges slide down and up', () => {
    expect(placeLabels(frame, [name(300, 2), name(500, 358)], [])).toEqual([
      { index: 0, dx: 0, dy: 7 - 2 + LABEL_MARGIN },
      { index: 1, dx: 0, dy: 360 - 7 - 358 - LABEL_MARGIN },
    ]);
  });

  test('a name on the scale bar or the attribution is left out', () => {
    const scaleBar = { left: 10, top: 325, right: 95, bottom: 345 };
    expect(placeLabels(frame, [name(60, 335)], [scaleBar])).toEqual([]);
  });

  test('of two names that would overlap, the first given is kept', () => {
    expect(placeLabels(frame, [name(300, 150), name(340, 155)], []).map((placement) => placement.index)).toEqual([0]);
  });

  test('a name longer than the frame is wide is left out', () => {
    expect(placeLabels({ left: 0, top: 0, right: 60, bottom: 360 }, [name(30, 100)], [])).toEqual([]);
  });
});
