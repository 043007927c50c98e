import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { bands, countAxis, labelEvery, linearScale, linePath, round1, ticks } from './chart-math.ts';

/**
 * Two small charts in hand-written SVG. Each is one `role="img"` with an `aria-label` that says what it
 * shows in words (the caller writes it, in the console's language); the numbers are also written on the
 * chart itself (never colour alone) and the caller shows them in a table too. The SVG is drawn at the
 * width it gets (its viewBox follows the container), so the text stays at its real size on a phone as on
 * a wide screen; colours come from styles.css (`.chart …`), so the CSP needs no inline styles.
 */

const defaultWidth = 480;
const minWidth = 240;
const maxWidth = 720;

/** The width of the element, followed as the window changes. */
function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(defaultWidth);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const measure = () => {
      const measured = Math.round(element.clientWidth);
      if (measured > 0) setWidth(Math.min(maxWidth, Math.max(minWidth, measured)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

function Frame(props: { label: string; width: number; height: number; children: ComponentChildren }) {
  return (
    <svg
      class="chart"
      role="img"
      aria-label={props.label}
      viewBox={`0 0 ${props.width} ${props.height}`}
      width={props.width}
      height={props.height}
      preserveAspectRatio="xMinYMin meet"
    >
      {props.children}
    </svg>
  );
}

/** A crisp 1-pixel line: on the half pixel. */
const half = (value: number) => Math.round(value) + 0.5;

export interface LinePoint {
  /** Under the axis: a meeting's number or day. */
  readonly label: string;
  /** Absent: nothing to plot (nobody answered); the line passes over it. */
  readonly value?: number | undefined;
  /** The value as written above its point ("7,4"). */
  readonly valueLabel?: string | undefined;
}

/** Values on a fixed scale (the ratings' 1–10) across ordered points, e.g. each meeting's mean. */
export function LineChart(props: {
  points: readonly LinePoint[];
  min: number;
  max: number;
  label: string;
  height?: number;
}) {
  const [ref, width] = useWidth();
  const height = props.height ?? 220;
  const margin = { top: 24, right: 16, bottom: 30, left: 34 };
  const y = linearScale([props.min, props.max], [height - margin.bottom, margin.top]);
  const slots = bands(props.points.length, margin.left, width - margin.right, 0);
  const every = labelEvery(props.points.length, width - margin.left - margin.right, 56);
  const positions = props.points.map((point, i) =>
    point.value === undefined || slots[i] === undefined
      ? undefined
      : ([slots[i].center, y(point.value)] as const),
  );
  return (
    <div class="chart-frame" ref={ref}>
      <Frame label={props.label} width={width} height={height}>
        <g>
          {ticks(props.min, props.max, 5).map((tick) => (
            <g key={tick}>
              <line
                class="grid"
                x1={margin.left}
                x2={width - margin.right}
                y1={half(y(tick))}
                y2={half(y(tick))}
              />
              <text class="tick" x={margin.left - 8} y={round1(y(tick))} text-anchor="end" dy="0.32em">
                {tick}
              </text>
            </g>
          ))}
          <line
            class="axis"
            x1={margin.left}
            x2={width - margin.right}
            y1={half(height - margin.bottom)}
            y2={half(height - margin.bottom)}
          />
          <path class="line" d={linePath(positions)} />
          {props.points.map((point, i) => {
            const at = positions[i];
            const slot = slots[i];
            if (slot === undefined) return null;
            return (
              <g key={`${i}-${point.label}`}>
                {at === undefined ? null : (
                  <>
                    <circle class="point" cx={at[0]} cy={round1(at[1])} r="4.5" />
                    <text class="value" x={at[0]} y={round1(at[1] - 10)} text-anchor="middle">
                      {point.valueLabel ?? String(point.value)}
                    </text>
                  </>
                )}
                {i % every === 0 || i === props.points.length - 1 ? (
                  <text class="label" x={slot.center} y={height - margin.bottom + 18} text-anchor="middle">
                    {point.label}
                  </text>
                ) : null}
              </g>
            );
          })}
        </g>
      </Frame>
    </div>
  );
}

export interface Bar {
  readonly label: string;
  readonly value: number;
}

/** Counts side by side, each bar with its count written above it (0 included). */
export function BarChart(props: { bars: readonly Bar[]; label: string; height?: number }) {
  const [ref, width] = useWidth();
  const height = props.height ?? 200;
  const margin = { top: 22, right: 8, bottom: 28, left: 8 };
  const axis = countAxis(Math.max(0, ...props.bars.map((bar) => bar.value)));
  const y = linearScale([0, axis.max], [height - margin.bottom, margin.top]);
  const slots = bands(props.bars.length, margin.left, width - margin.right, 0.25);
  const base = height - margin.bottom;
  return (
    <div class="chart-frame" ref={ref}>
      <Frame label={props.label} width={width} height={height}>
        <g>
          {axis.ticks
            .filter((tick) => tick > 0)
            .map((tick) => (
              <line
                key={tick}
                class="grid"
                x1={margin.left}
                x2={width - margin.right}
                y1={half(y(tick))}
                y2={half(y(tick))}
              />
            ))}
          {props.bars.map((bar, i) => {
            const slot = slots[i];
            if (slot === undefined) return null;
            const top = round1(y(bar.value));
            return (
              <g key={`${i}-${bar.label}`}>
                {bar.value > 0 ? (
                  <rect class="bar" x={slot.x} y={top} width={slot.width} height={round1(base - top)} />
                ) : null}
                <text
                  class={bar.value > 0 ? 'value' : 'value zero'}
                  x={slot.center}
                  y={round1(top - 6)}
                  text-anchor="middle"
                >
                  {bar.value}
                </text>
                <text class="label" x={slot.center} y={base + 18} text-anchor="middle">
                  {bar.label}
                </text>
              </g>
            );
          })}
          <line class="axis" x1={margin.left} x2={width - margin.right} y1={half(base)} y2={half(base)} />
        </g>
      </Frame>
    </div>
  );
}
