import type { FieldError } from '#shared/problem.schema.js';

/** One problem of a CSV import, located for a person: line 1 is the header row. */
export interface ImportProblem {
  line: number | null;
  column: string | null;
  message: string;
}

/**
 * Reads the import's field errors (`csv.{line}.{column}`, `csv.{line}`, `csv`, `body.csv`) as lines and
 * columns, in line order.
 *
 * @example
 * importProblems([{ path: 'csv.3.clicks', message: 'More clicks than impressions', code: 'custom' }]);
 * // [{ line: 3, column: 'clicks', message: 'More clicks than impressions' }]
 */
export function importProblems(errors: readonly FieldError[]): ImportProblem[] {
  return errors
    .map((error) => {
      const [, line, ...column] = error.path.replace(/^body\./, '').split('.');
      const number = Number(line);
      return {
        line: line !== undefined && Number.isInteger(number) ? number : null,
        column: column.length > 0 ? column.join('.') : null,
        message: error.message,
      };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}
