import { describe, expect, it } from 'vitest';
import { importProblems } from './import-errors.js';

describe('importProblems', () => {
  it('locates each failing cell by line and column, in line order', () => {
    expect(
      importProblems([
        { path: 'csv.4.day', message: 'The same item and day as line 2', code: 'duplicate' },
        { path: 'csv.3.clicks', message: 'More clicks than impressions', code: 'custom' },
        { path: 'csv.1', message: 'The header row needs day', code: 'missing_column' },
      ]),
    ).toEqual([
      { line: 1, column: null, message: 'The header row needs day' },
      { line: 3, column: 'clicks', message: 'More clicks than impressions' },
      { line: 4, column: 'day', message: 'The same item and day as line 2' },
    ]);
  });

  it('keeps problems of the whole file without a line', () => {
    expect(importProblems([{ path: 'body.csv', message: 'Unclosed quote', code: 'malformed_csv' }])).toEqual([
      { line: null, column: null, message: 'Unclosed quote' },
    ]);
    expect(
      importProblems([{ path: 'csv', message: 'No rows to import', code: 'empty' }])[0]?.line,
    ).toBeNull();
  });
});
