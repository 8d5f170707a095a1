// A CSV writer (RFC 4180) that also defuses spreadsheet formulas. Pure, no I/O.

const CRLF = '\r\n';
/**
 * Cells starting with these are formulas to Excel, LibreOffice and Google Sheets (CSV injection). Text
 * that already starts with apostrophes before one is guarded too, so reading it back (`unguardCell`)
 * removes exactly the apostrophe the writer added: `'=x` is written `''=x` and reads back `'=x`.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

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

/**
 * Parse RFC 4180 text into rows of cells: quoted cells may hold `,`, `""` and line breaks; CRLF or LF
 * end a record; a UTF-8 BOM and a final line break are ignored. Throws on an unterminated quote.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(cell);
    rows.push(row);
    row = [];
    cell = '';
  };
  for (; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else if (char === '\n') endRow();
    else cell += char;
  }
  if (quoted) throw new Error('A quoted cell is never closed');
  if (cell !== '' || row.length > 0) endRow();
  return rows;
}

/** Undo `csvCell`'s formula guard: `'=1` reads back as `=1`, `''=1` as `'=1`. */
export function unguardCell(cell: string): string {
  return FORMULA_START.test(cell) && cell.startsWith("'") ? cell.slice(1) : cell;
}
