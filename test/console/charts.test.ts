import { describe, expect, it } from 'vitest';
import {
  bands,
  countAxis,
  extent,
  formatMean,
  formatPercent,
  formatSigned,
  labelEvery,
  linearScale,
  linePath,
  niceStep,
  round1,
  ticks,
} from '../../console/src/components/chart-math.ts';

describe('the console’s chart maths', () => {
  it('maps a domain onto a range, an SVG y axis running backwards', () => {
    const y = linearScale([1, 10], [190, 10]);
    expect(y(1)).toBe(190);
    expect(y(10)).toBe(10);
    expect(y(5.5)).toBe(100);
    const x = linearScale([0, 4], [0, 400]);
    expect(x(1)).toBe(100);
    // A domain of one value puts everything in the middle instead of dividing by zero.
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });

  it('chooses steps of 1, 2 or 5 × 10ⁿ, never below the minimum', () => {
    expect(niceStep(9, 5)).toBe(2);
    expect(niceStep(10, 4)).toBe(5);
    expect(niceStep(100, 4)).toBe(50);
    expect(niceStep(1, 4)).toBe(0.5);
    expect(niceStep(1, 4, 1)).toBe(1);
    expect(niceStep(0.3, 3)).toBe(0.1);
    expect(niceStep(0, 4)).toBe(1);
  });

  it('puts ticks on the step between the ends, without binary noise', () => {
    expect(ticks(1, 10, 5)).toEqual([2, 4, 6, 8, 10]);
    expect(ticks(0, 10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(0, 1, 10)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(ticks(-3, 3, 3)).toEqual([-2, 0, 2]);
    expect(ticks(4, 4, 5)).toEqual([4]);
    expect(ticks(5, 1, 5)).toEqual([]);
  });

  it('gives a count axis whole steps from 0, at least up to 1', () => {
    expect(countAxis(0)).toEqual({ max: 1, ticks: [0, 1] });
    expect(countAxis(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(countAxis(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countAxis(23)).toEqual({ max: 30, ticks: [0, 10, 20, 30] });
    for (const highest of [1, 2, 5, 9, 11, 17, 40, 99, 120]) {
      const axis = countAxis(highest);
      expect(axis.max).toBeGreaterThanOrEqual(highest);
      expect(axis.ticks.at(-1)).toBe(axis.max);
      expect(axis.ticks.every(Number.isInteger)).toBe(true);
      expect(axis.ticks.length).toBeLessThanOrEqual(7);
    }
  });

  it('cuts the width into equal bands with the bar centred in each', () => {
    const ten = bands(10, 0, 500, 0.2);
    expect(ten).toHaveLength(10);
    expect(ten[0]).toEqual({ x: 5, width: 40, center: 25 });
    expect(ten[9]).toEqual({ x: 455, width: 40, center: 475 });
    // Without a gap (the line chart's points), the centres split the width evenly.
    expect(bands(4, 40, 440, 0).map((b) => b.center)).toEqual([90, 190, 290, 390]);
    expect(bands(1, 0, 300, 0)[0]?.center).toBe(150);
    expect(bands(0, 0, 300)).toEqual([]);
  });

  it('draws the line through the points that have a value, passing over the others', () => {
    expect(linePath([[10, 20], undefined, [30.04, 40.06], [50, 60]])).toBe('M10 20 L30 40.1 L50 60');
    expect(linePath([undefined, [5, 5]])).toBe('M5 5');
    expect(linePath([])).toBe('');
  });

  it('thins the axis labels when they would crowd', () => {
    expect(labelEvery(6, 600, 56)).toBe(1);
    expect(labelEvery(12, 300, 56)).toBe(3);
    expect(labelEvery(1, 100, 56)).toBe(1);
  });

  it('finds the extent of the values that exist', () => {
    expect(extent([7.2, undefined, 8.1, 6.4])).toEqual([6.4, 8.1]);
    expect(extent([undefined])).toBeUndefined();
  });

  it('rounds to one decimal without a negative zero', () => {
    expect(round1(12.345)).toBe(12.3);
    expect(Object.is(round1(-0.04), 0)).toBe(true);
  });

  it('writes changes with their sign, means and shares as each language does', () => {
    expect(formatSigned('en', 0.4)).toBe('+0.4');
    expect(formatSigned('en', -0.3)).toBe('-0.3');
    expect(formatSigned('sv', 0.4)).toBe('+0,4');
    expect(formatSigned('sv', -1.25)).toMatch(/^[−-]1,3$/);
    expect(formatSigned('nb', -0.5)).toMatch(/^[−-]0,5$/);
    expect(formatSigned('en', 0)).toBe('0.0');
    expect(formatSigned('en', -0)).toBe('0.0');
    expect(formatMean('sv', 7)).toBe('7,0');
    expect(formatMean('en', 7.44)).toBe('7.4');
    expect(formatPercent('en', 7 / 9)).toBe('78%');
    expect(formatPercent('sv', 7 / 9).replace(/\s/g, ' ')).toBe('78 %');
  });
});
