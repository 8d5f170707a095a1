import { describe, expect, it } from 'vitest';
import { buildCsv, csvCell } from './csv.js';

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
