/** The one table `npm run bench` prints: a row per figure, each against its reference and target. */

export interface Row {
  readonly metric: string;
  readonly subject: string;
  readonly samla: string;
  readonly reference: string;
  /** samla ÷ reference, when they compare. */
  readonly ratio?: number;
  readonly target?: string;
  readonly met?: boolean;
  readonly notes?: string;
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;
export const units = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));

export function verdict(met: boolean | undefined): string {
  if (met === undefined) return '';
  return met ? 'met' : 'missed';
}

export function renderTable(rows: readonly Row[]): string {
  const header = ['metric', 'subject', 'samla', 'reference', 'ratio', 'target', 'target met?', 'notes'];
  const cells = rows.map((row) => [
    row.metric,
    row.subject,
    row.samla,
    row.reference,
    row.ratio === undefined || !Number.isFinite(row.ratio) ? '' : `${row.ratio.toFixed(2)}×`,
    row.target ?? '',
    verdict(row.met),
    row.notes ?? '',
  ]);
  // The notes column is left unpadded: it is the last one, and long.
  const widths = header.map((title, column) =>
    column === header.length - 1
      ? 0
      : Math.max(title.length, ...cells.map((line) => line[column]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    `| ${values.map((value, column) => value.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  const rule = `|${widths.map((width) => '-'.repeat(Math.max(width, 3) + 2)).join('|')}|`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}
