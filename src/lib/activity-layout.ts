/**
 * Geometry of the activity chart, computed at build time: a sticky column of project labels
 * with totals, and a heat-map grid of cells (one per project and column) under a header of
 * years and column labels. The component only draws what this returns.
 */
import type { ActivityMatrix, Bucket } from './activity.ts';
import { parseMonthKey } from './months.ts';

/**
 * Font sizes and spacing, in the SVGs' own units: CSS pixels at the browser's default 16 px text.
 * The SVGs are sized in rem (`toRem`), so labels and cells grow together with the reader's text.
 */
export const chartMetrics = { font: 12, smallFont: 11, cell: 26, gap: 2, padding: 6, headerLine: 16 } as const;

/**
 * A length in the chart's units as rem, for an SVG's `width` and `height`.
 * @example toRem(333) // '20.8125rem'
 */
export const toRem = (units: number): string => `${units / 16}rem`;

/** How many colour steps a non-empty cell can take. */
export const heatLevels = 4;

export interface LayoutLabels {
  /** One label per matrix row (the project's name in the page's language). */
  rows: readonly string[];
  /** One short label per bucket (`11月`, `Nov`, `Q1`, `2014`). */
  columns: readonly string[];
  /** A year heading above month and quarter columns. */
  group: (year: number) => string;
  /** Heading of the totals column. */
  total: string;
  /** A count as the page's language writes it (`1,000`, not `1000`). */
  count: (value: number) => string;
}

export interface LayoutCell {
  row: number;
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
  /** The count as written (`labels.count`). */
  text: string;
  /** 0 for empty, 1..heatLevels for increasing counts. */
  level: number;
  /** Where the count is centred: the cell's middle, or beside a marked day's line that would cross it there. */
  countX: number;
}

export interface ActivityLayout {
  labels: {
    width: number;
    height: number;
    /** Where names start and totals end. */
    nameX: number;
    totalX: number;
    header: { text: string; y: number };
    rows: { label: string; total: string; y: number }[];
  };
  grid: {
    width: number;
    height: number;
    /**
     * Year headings, each with the x of the line that separates it from the year before (if any).
     * A year too narrow for its heading before the next one (a December or a fourth quarter alone)
     * has none (`text` empty), as the two would run into each other.
     */
    groups: { text: string; x: number; y: number; divider?: number }[];
    columns: { text: string; x: number; y: number }[];
    cells: LayoutCell[];
    /**
     * Release days: a line down the cells from `top` at `x`, its label in a row of its own above the
     * years, centred at `textX`: over the line, or moved in as far as the label needs to stay inside
     * the grid (a day near its first column would be cut off under the sticky names).
     */
    marks: { text: string; x: number; textX: number; y: number; top: number }[];
  };
}

/** A day to mark on the chart: its column, how far into the column it falls (0 to 1), its label. */
export interface LayoutMark {
  column: number;
  offset: number;
  text: string;
}

/**
 * The colour step of a count: 0 when empty, otherwise 1..levels in proportion to the largest count.
 * @example heatLevel(3, 6) // 2
 */
export function heatLevel(count: number, max: number, levels = heatLevels): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.min(levels, Math.max(1, Math.ceil((count / max) * levels)));
}

/**
 * A generous estimate of a label's width in a system sans-serif font; CJK characters are square.
 * @example estimateTextWidth('Nova', 10) // 24
 */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text) {
    if (/[\u2E80-\uFFEF]/u.test(char)) em += 1;
    else if (/[A-Z0-9]/.test(char)) em += 0.68;
    else if (/[ .,:;il|'’-]/.test(char)) em += 0.32;
    else em += 0.6;
  }
  return Math.ceil(em * fontSize);
}

/** Runs of month or quarter columns in the same year (none for year columns). */
export function columnGroups(buckets: readonly Bucket[]): { year: number; first: number; count: number }[] {
  const groups: { year: number; first: number; count: number }[] = [];
  buckets.forEach((bucket, index) => {
    if (bucket.unit !== 'month' && bucket.unit !== 'quarter') return;
    const year = parseMonthKey(bucket.start).year;
    const last = groups.at(-1);
    if (last?.year === year) last.count += 1;
    else groups.push({ year, first: index, count: 1 });
  });
  return groups;
}

/** Places every label and cell of the chart, and the days marked on it. */
export function layoutActivityChart(matrix: ActivityMatrix, labels: LayoutLabels, marks: readonly LayoutMark[] = []): ActivityLayout {
  const { font, smallFont, cell, gap, padding, headerLine } = chartMetrics;
  if (labels.rows.length !== matrix.rows.length || labels.columns.length !== matrix.buckets.length) {
    throw new Error('the chart needs one label per row and per column');
  }
  const groups = columnGroups(matrix.buckets);
  // Marked days get a row of labels of their own, above the others.
  const markRow = marks.length > 0 ? headerLine : 0;
  const headerHeight = markRow + (groups.length > 0 ? 2 : 1) * headerLine + gap * 2;
  const rowY = (row: number) => headerHeight + row * (cell + gap);
  const height = rowY(matrix.rows.length);
  const middle = (row: number) => rowY(row) + cell / 2;

  const nameWidth = Math.max(0, ...labels.rows.map((label) => estimateTextWidth(label, font)));
  const totalWidth = Math.max(
    estimateTextWidth(labels.total, smallFont),
    ...matrix.rows.map((row) => estimateTextWidth(labels.count(row.total), font)),
  );
  const labelsWidth = padding + nameWidth + padding * 2 + totalWidth + padding;

  const columnWidth = Math.max(cell, ...labels.columns.map((label) => estimateTextWidth(label, smallFont) + padding));
  const columnX = (column: number) => column * (columnWidth + gap);
  const gridWidth = Math.max(0, columnX(matrix.buckets.length) - gap);
  const lastLine = headerHeight - gap * 2;
  const markX = (column: number, offset: number) => columnX(column) + Math.min(1, Math.max(0, offset)) * columnWidth;
  const linesIn = (column: number) => marks.filter((mark) => mark.column === column).map((mark) => markX(column, mark.offset));

  return {
    labels: {
      width: labelsWidth,
      height,
      nameX: padding,
      totalX: labelsWidth - padding,
      header: { text: labels.total, y: lastLine },
      rows: matrix.rows.map((row, index) => ({ label: labels.rows[index] ?? '', total: labels.count(row.total), y: middle(index) })),
    },
    grid: {
      width: gridWidth,
      height,
      groups: groups.map(({ year, first }, index) => {
        const text = labels.group(year);
        const next = groups[index + 1];
        const fits = !next || columnX(first) + estimateTextWidth(text, smallFont) + padding <= columnX(next.first);
        return {
          text: fits ? text : '',
          x: columnX(first),
          y: markRow + headerLine - gap,
          ...(first > 0 ? { divider: columnX(first) - gap / 2 } : {}),
        };
      }),
      columns: labels.columns.map((text, column) => ({ text, x: columnX(column) + columnWidth / 2, y: lastLine })),
      cells: matrix.rows.flatMap((row, rowIndex) =>
        row.counts.map((count, column) => {
          const text = labels.count(count);
          return {
            row: rowIndex,
            column,
            x: columnX(column),
            y: rowY(rowIndex),
            width: columnWidth,
            height: cell,
            count,
            text,
            level: heatLevel(count, matrix.max),
            countX: countX(columnX(column), columnWidth, estimateTextWidth(text, font), linesIn(column)),
          };
        }),
      ),
      // The line starts where the cells do: the year and month labels above stay uncrossed.
      marks: placeLabels(
        marks.map(({ column, offset, text }) => ({ x: markX(column, offset), width: estimateTextWidth(text, smallFont) })),
        gridWidth,
        padding,
      ).map((textX, index) => {
        const { column, offset, text } = marks[index] as LayoutMark;
        return { text, x: markX(column, offset), textX, y: headerLine - gap, top: headerHeight - gap };
      }),
    },
  };
}

/**
 * Centres for labels of the given widths, each wanted at `x` (given left to right) on one line from
 * 0 to `width`: as near its `x` as keeps it inside the line and `spacing` clear of its neighbours.
 * @example placeLabels([{ x: 5, width: 40 }, { x: 61, width: 48 }], 300, 6) // [20, 70]
 */
export function placeLabels(labels: readonly { x: number; width: number }[], width: number, spacing: number): number[] {
  const centres: number[] = [];
  let end = -spacing;
  for (const label of labels) {
    const centre = Math.max(label.x, end + spacing + label.width / 2, label.width / 2);
    centres.push(centre);
    end = centre + label.width / 2;
  }
  let start = width + spacing;
  for (let index = labels.length - 1; index >= 0; index -= 1) {
    const half = (labels[index]?.width ?? 0) / 2;
    const centre = Math.max(half, Math.min(centres[index] ?? 0, start - spacing - half));
    centres[index] = centre;
    start = centre - half;
  }
  return centres;
}

/**
 * Where a count is centred in a cell from `x`, `width` wide: its middle, unless a marked day's line
 * (at `lines`) would cross the count there; then the middle of the widest stretch the lines leave.
 * @example countX(0, 30, 8, [16]) // 8: the line runs just right of the middle, the count moves left of it
 */
export function countX(x: number, width: number, textWidth: number, lines: readonly number[]): number {
  const middle = x + width / 2;
  if (lines.every((line) => Math.abs(line - middle) > textWidth / 2 + 1)) return middle;
  const edges = [x, ...lines.filter((line) => line > x && line < x + width).sort((a, b) => a - b), x + width];
  let best = { from: x, to: x };
  for (let index = 1; index < edges.length; index += 1) {
    const from = edges[index - 1] ?? x;
    const to = edges[index] ?? x;
    if (to - from > best.to - best.from) best = { from, to };
  }
  return (best.from + best.to) / 2;
}
