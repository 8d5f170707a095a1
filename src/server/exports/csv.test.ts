import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell, parseCsv, unguardCell } from './csv.js';

describe('CSV writer', () => {
  it('quotes only when needed, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('👩‍👩‍👧 ünïcode')).toBe('👩‍👩‍👧 ünïcode');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
  ])('defuses the formula %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('writes a header row and CRLF-terminated records', () => {
    const csv = buildCsv(
      [
        { header: 'name', value: (row: { name: string; n: number }) => row.name },
        { header: 'n', value: (row) => row.n },
      ],
      [
        { name: 'a', n: 1 },
        { name: 'b, c', n: -2 },
      ],
    );
    expect(csv).toBe('name,n\r\na,1\r\n"b, c",-2\r\n');
  });
});

describe('CSV reader', () => {
  it('reads what the writer writes', () => {
    const cells = ['plain', 'a,b', 'say "hi"', 'two\r\nlines', '', '👩‍👩‍👧'];
    const csv = buildCsv(
      cells.map((_, index) => ({ header: `c${index}`, value: (row: string[]) => row[index] })),
      [cells, cells],
    );
    expect(parseCsv(csv)).toEqual([cells.map((_, index) => `c${index}`), cells, cells]);
  });

  it('takes LF endings, a BOM, and no final line break', () => {
    expect(parseCsv('\uFEFFa,b\n1,"2\n3"')).toEqual([
      ['a', 'b'],
      ['1', '2\n3'],
    ]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,\n')).toEqual([['a', '']]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a,"b')).toThrow(/never closed/);
  });

  it('undoes the formula guard', () => {
    expect(unguardCell(csvCell('=1+1'))).toBe('=1+1');
    expect(unguardCell("'plain")).toBe("'plain");
  });

  it('reads back exactly what was written, apostrophes included', () => {
    const texts = ["'=x", "''=x", '=x', "'plain", "'", "'+1", "'-", '@home', "it's", "'\ttab"];
    for (const text of texts) {
      const [[cell] = []] = parseCsv(buildCsv([{ header: 'h', value: (row: string) => row }], [text])).slice(
        1,
      );
      expect(unguardCell(cell ?? '')).toBe(text);
    }
  });
});
