// A CSV writer (RFC 4180) that also defuses spreadsheet formulas. Pure, no I/O.

const CRLF = '\r\n';
/** Cells starting with these are formulas to Excel, LibreOffice and Google Sheets (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula-looking text prefixed with `'`, then quoted when it holds `"`, `,`, CR or LF. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document: the header row, then one record per row, each ending with CRLF. */
export function buildCsv<T>(
  columns: readonly { header: string; value: (row: T) => string | number | boolean | null | undefined }[],
  rows: Iterable<T>,
): string {
  const records = [columns.map((column) => csvCell(column.header)).join(',')];
  for (const row of rows) records.push(columns.map((column) => csvCell(column.value(row))).join(','));
  return records.join(CRLF) + CRLF;
}
