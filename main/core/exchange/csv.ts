/**
 * CSV for spreadsheets, shared by the codebook and the tracker exports.
 *
 * RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): CRLF line ends, every
 * field quoted, a quote doubled, so commas and line breaks inside a cell are
 * safe. The text starts with a UTF-8 BOM so that spreadsheet programs read it
 * as UTF-8. A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
 * return gets a leading apostrophe, so a spreadsheet shows it as text instead
 * of running it as a formula (OWASP, "CSV Injection").
 */

/** A cell a spreadsheet would run as a formula, made text with a leading apostrophe. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  return `"${neutralizeFormula(value).replace(/"/gu, '""')}"`;
}

/** The CSV text of a header row and data rows: BOM, quoted fields, CRLF after every row. */
export function renderCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
