/**
 * CSV for people who open it in Excel. Written here rather than taken from a library: it only writes
 * (no parsing), it is these few lines, and the two choices that matter for Excel in Sweden and Norway
 * are ours either way:
 *
 * - `;` between fields: Excel splits a double-clicked .csv by the list separator of the computer's
 *   regional settings, and in sv-SE and nb-NO that is `;` (the comma is the decimal sign). A `sep=;`
 *   first line would force it, but then Excel ignores the byte order mark and shows å/ä/ö/ø as mojibake.
 * - a UTF-8 byte order mark first: without it Excel reads the file as Windows-1252.
 *
 * Quoting follows RFC 4180 (CRLF line ends, `"` doubled inside quotes). A cell that begins with = + - @
 * (or a tab or carriage return) would be taken as a formula, so it gets a leading `'` (OWASP's advice
 * against CSV injection): a name like `=HYPERLINK(…)` typed into a public form stays text.
 */

export const CSV_SEPARATOR = ';';
export const BOM = '\uFEFF';

const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[";\r\n,]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file: BOM, header and rows, CRLF after every line. */
export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) =>
    cells.map((cell) => csvCell(cell as Parameters<typeof csvCell>[0])).join(CSV_SEPARATOR);
  return `${BOM}${[header, ...rows].map(line).join('\r\n')}\r\n`;
}
