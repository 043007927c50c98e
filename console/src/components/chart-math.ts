/**
 * The arithmetic of the console's hand-written SVG charts (charts.tsx): scales, ticks, bands, the line's
 * path and the signed numbers beside them. No DOM and no JSX, so test/console/charts.test.ts runs it in
 * Node.
 */

export type Scale = (value: number) => number;

/** Maps `domain` linearly onto `range` (either may run backwards, as an SVG y axis does). */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0;
  if (span === 0 || !Number.isFinite(span)) return () => (r0 + r1) / 2;
  return (value) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** Removes the binary noise of repeated addition (0.30000000000000004 → 0.3). */
const tidy = (value: number) => Number.parseFloat(value.toPrecision(12));

/**
 * A step of 1, 2 or 5 × 10ⁿ that cuts `span` into about `count` parts; never below `minStep` (1 for
 * counts, which have no fractions).
 */
export function niceStep(span: number, count: number, minStep = 0): number {
  if (!(span > 0) || !(count > 0) || !Number.isFinite(span)) return Math.max(minStep, 1);
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return Math.max(tidy(nice * power), minStep);
}

/** Values on a nice step from `min` to `max`, both included when they fall on the step. */
export function ticks(min: number, max: number, count: number, minStep = 0): number[] {
  if (!(max >= min) || !Number.isFinite(min) || !Number.isFinite(max)) return [];
  if (max === min) return [min];
  const step = niceStep(max - min, count, minStep);
  const out: number[] = [];
  for (let i = Math.ceil(tidy(min / step)); tidy(i * step) <= max; i++) out.push(tidy(i * step));
  return out;
}

/** A count axis: from 0 to the highest count rounded up to a whole, nice step (at least 1). */
export function countAxis(highest: number, count = 4): { max: number; ticks: number[] } {
  const top = Math.max(0, Math.ceil(highest));
  const step = niceStep(Math.max(top, 1), count, 1);
  const max = Math.max(step, Math.ceil(top / step) * step);
  return { max, ticks: ticks(0, max, max / step, 1) };
}

export interface Band {
  /** Left edge of the bar. */
  readonly x: number;
  readonly width: number;
  /** Middle of the band: where a point, a bar's label and the axis label go. */
  readonly center: number;
}

/**
 * `count` equal bands from `start` to `end`, each bar leaving `gap` (a share of the band) empty around
 * it. The line chart puts its points on the same centres, so labels line up in both charts.
 */
export function bands(count: number, start: number, end: number, gap = 0.3): Band[] {
  if (count <= 0) return [];
  const step = (end - start) / count;
  const width = step * (1 - Math.min(Math.max(gap, 0), 0.95));
  return Array.from({ length: count }, (_, i) => {
    const x = start + i * step + (step - width) / 2;
    return { x: round1(x), width: round1(width), center: round1(x + width / 2) };
  });
}

/** One decimal: enough for SVG coordinates, and short. */
export function round1(value: number): number {
  const rounded = Math.round(value * 10) / 10;
  return rounded === 0 ? 0 : rounded;
}

/**
 * The line through the points that have a value, in order: a meeting without answers is passed over
 * (as the API's change is measured against the latest meeting that had answers). Empty with no points.
 */
export function linePath(points: readonly (readonly [number, number] | undefined)[]): string {
  const defined = points.filter((p): p is readonly [number, number] => p !== undefined);
  return defined.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${round1(x)} ${round1(y)}`).join(' ');
}

/**
 * Every how many labels to show so that shown labels are at least `minSpacing` apart on `width`
 * (1: all of them). A long series on a narrow screen shows every second or third.
 */
export function labelEvery(count: number, width: number, minSpacing: number): number {
  if (count <= 1 || width <= 0) return 1;
  return Math.max(1, Math.ceil(minSpacing / (width / count)));
}

/** Lowest and highest of the values that exist; undefined when none do. */
export function extent(values: readonly (number | undefined)[]): [number, number] | undefined {
  const present = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (present.length === 0) return undefined;
  return [Math.min(...present), Math.max(...present)];
}

export type Locale = 'sv' | 'nb' | 'en';

const tags: Record<Locale, string> = { sv: 'sv-SE', nb: 'nb-NO', en: 'en-GB' };

/** A change with its sign and one decimal: "+0.4", "−0.3" (a real minus in sv/nb), "0.0". */
export function formatSigned(locale: Locale, value: number): string {
  return new Intl.NumberFormat(tags[locale], {
    signDisplay: 'exceptZero',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value === 0 ? 0 : value);
}

/** A mean with one decimal: "7.4", "7,4". */
export function formatMean(locale: Locale, value: number): string {
  return new Intl.NumberFormat(tags[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    value,
  );
}

/** A share from 0 to 1 as a whole percentage, "78 %" in sv/nb, "78%" in en. */
export function formatPercent(locale: Locale, share: number): string {
  return new Intl.NumberFormat(tags[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
