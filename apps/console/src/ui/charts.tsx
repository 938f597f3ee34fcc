import { Group, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { DataTable } from './table';

/** One line or bar of a chart: its name (legend, table header) and its colour; dashed lines tell apart in grey too. */
export interface ChartSeries {
  label: string;
  color: string;
  dashed?: boolean;
}

/** A chart's accessible frame: a caption, the picture (named by title and summary), a legend, the numbers. */
interface FrameProps {
  title: string;
  /** The text alternative: what the picture shows, in a sentence (also written under it). */
  summary: string;
  series: ChartSeries[];
  /** The numbers behind the picture, as a table a screen reader (or anyone) can read. */
  table: ReactNode;
  /** The picture's height in the frame's coordinates (its width is WIDTH). */
  height: number;
  /** What the picture draws: the content of its SVG. */
  picture: ReactNode;
}

function ChartFrame({ title, summary, series, table, height, picture }: FrameProps) {
  const { t } = useI18n();
  const id = useId();
  const ids = { title: `${id}-title`, summary: `${id}-summary` };
  return (
    <figure className="chart" style={{ margin: 0 }}>
      <Stack gap="xs">
        <Text component="figcaption" fw={600}>
          {title}
        </Text>
        <svg
          role="img"
          aria-labelledby={`${ids.title} ${ids.summary}`}
          viewBox={`0 0 ${WIDTH} ${height}`}
          style={{ width: '100%', maxWidth: WIDTH, height: 'auto' }}
        >
          <title id={ids.title}>{title}</title>
          {picture}
        </svg>
        <Group gap="md" aria-hidden>
          {series.map((s) => (
            <Group key={s.label} gap={6} wrap="nowrap">
              <svg width="24" height="10" focusable="false">
                <line
                  x1="0"
                  y1="5"
                  x2="24"
                  y2="5"
                  stroke={s.color}
                  strokeWidth="3"
                  strokeDasharray={s.dashed ? '5 3' : undefined}
                />
              </svg>
              <Text size="xs">{s.label}</Text>
            </Group>
          ))}
        </Group>
        <Text size="sm" id={ids.summary}>
          {summary}
        </Text>
        <details>
          <summary>{t('chartData')}</summary>
          {table}
        </details>
      </Stack>
    </figure>
  );
}

const WIDTH = 640;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/** 0, the middle and the top of an axis, as whole numbers (counts). */
function ticks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  return [...new Set([0, Math.round(top / 2), top])];
}

export interface StepPoint {
  /** The x value as the API gives it (a day: 2026-11-30). */
  x: string;
  /** One value per series, in the order of `series`. */
  values: number[];
}

/**
 * Values over time as steps (a count holds until it changes: occupancy per day), drawn in SVG: no chart library.
 * The picture is one image named by its title and summary; the numbers are in the table under it.
 */
export function StepChart({
  title,
  summary,
  series,
  points,
  xHeader,
  formatX,
  formatY,
}: {
  title: string;
  summary: string;
  series: ChartSeries[];
  points: StepPoint[];
  xHeader: string;
  formatX(x: string): string;
  formatY(y: number): string;
}) {
  const height = 220;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = height - PAD.top - PAD.bottom;
  const axis = ticks(Math.max(0, ...points.flatMap((p) => p.values)));
  const top = axis[axis.length - 1];
  const step = plotWidth / Math.max(1, points.length);
  const y = (v: number) => PAD.top + plotHeight - (v / top) * plotHeight;
  // A step per point: the value holds across its day, then moves up or down at the next one.
  const path = (index: number) => {
    const parts = points.map((p, i) => {
      const x = (PAD.left + i * step).toFixed(1);
      const v = y(p.values[index]).toFixed(1);
      return i === 0 ? `M${x} ${v}` : `H${x} V${v}`;
    });
    return `${parts.join(' ')} H${(PAD.left + points.length * step).toFixed(1)}`;
  };
  const labelled = points.length > 0 ? [0, Math.floor((points.length - 1) / 2), points.length - 1] : [];
  return (
    <ChartFrame
      title={title}
      summary={summary}
      series={series}
      height={height}
      picture={
        <>
          {axis.map((v) => (
            <g key={v}>
              <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#ced4da" />
              <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#343a40">
                {formatY(v)}
              </text>
            </g>
          ))}
          {[...new Set(labelled)].map((i) => (
            <text
              key={points[i].x}
              x={PAD.left + (i + 0.5) * step}
              y={height - 8}
              textAnchor="middle"
              fontSize="11"
              fill="#343a40"
            >
              {formatX(points[i].x)}
            </text>
          ))}
          {points.length > 0 &&
            series.map((s, index) => (
              <path
                key={s.label}
                d={path(index)}
                fill="none"
                stroke={s.color}
                strokeWidth="2.5"
                strokeDasharray={s.dashed ? '6 4' : undefined}
              />
            ))}
        </>
      }
      table={
        <DataTable
          caption={title}
          rows={points}
          rowKey={(p) => p.x}
          columns={[
            { header: xHeader, cell: (p) => formatX(p.x) },
            ...series.map((s, index) => ({
              header: s.label,
              cell: (p: StepPoint) => formatY(p.values[index]),
            })),
          ]}
        />
      }
    />
  );
}

export interface BarRow {
  key: string;
  /** The label of the row, drawn beside its bars (e.g. "København · VISION"). */
  label: string;
  /** One value per series, in the order of `series`. */
  values: number[];
}

/**
 * Counts side by side per row as horizontal bars, each with its number written after it; the rows are the
 * caller's (already sorted and cut). The table under it holds `tableRows` (all of them) when given.
 */
export function BarChart({
  title,
  summary,
  series,
  rows,
  tableRows = rows,
  rowHeader,
  formatValue,
}: {
  title: string;
  summary: string;
  series: ChartSeries[];
  rows: BarRow[];
  tableRows?: BarRow[];
  rowHeader: string;
  formatValue(n: number): string;
}) {
  const labelWidth = 220;
  const bar = 12;
  const band = series.length * bar + 10;
  const height = Math.max(1, rows.length) * band + 8;
  const max = Math.max(1, ...rows.flatMap((r) => r.values));
  const room = WIDTH - labelWidth - 56;
  return (
    <ChartFrame
      title={title}
      summary={summary}
      series={series}
      height={height}
      picture={
        <>
          {rows.map((row, r) => (
            <g key={row.key} transform={`translate(0 ${r * band + 4})`}>
              <text
                x={labelWidth - 8}
                y={(series.length * bar) / 2 + 4}
                textAnchor="end"
                fontSize="11"
                fill="#343a40"
              >
                {row.label}
              </text>
              {series.map((s, i) => {
                const width = (row.values[i] / max) * room;
                return (
                  <g key={s.label}>
                    <rect
                      x={labelWidth}
                      y={i * bar}
                      width={Math.max(1, width)}
                      height={bar - 2}
                      fill={s.color}
                      opacity={s.dashed ? 0.6 : 1}
                    />
                    <text
                      x={labelWidth + Math.max(1, width) + 4}
                      y={i * bar + 9}
                      fontSize="10"
                      fill="#343a40"
                    >
                      {formatValue(row.values[i])}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
        </>
      }
      table={
        <DataTable
          caption={title}
          rows={tableRows}
          rowKey={(r) => r.key}
          columns={[
            { header: rowHeader, cell: (r) => r.label },
            ...series.map((s, i) => ({ header: s.label, cell: (r: BarRow) => formatValue(r.values[i]) })),
          ]}
        />
      }
    />
  );
}
