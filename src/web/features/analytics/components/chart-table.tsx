import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Table } from '#web/components/ui/table.js';

interface ChartTableProps {
  caption: string;
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
}

/**
 * The numbers behind a chart, behind a native "Show table" disclosure: screen-reader and keyboard users get
 * every value, and anyone can read exact figures the drawing only suggests.
 */
export function ChartTable({ caption, columns, rows }: ChartTableProps) {
  const { t } = useTranslation('analytics');
  return (
    <details className="chart-table">
      <summary>{t('chartTable.show')}</summary>
      <Table
        caption={caption}
        head={
          <tr>
            {columns.map((column, index) => (
              <th key={column} scope="col" className={index > 0 ? 'analytics-num' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        }
      >
        {rows.map((row) => (
          <tr key={row.key}>
            {row.cells.map((cell, index) =>
              index === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional columns of a fixed table.
                <th key={index} scope="row" className="analytics-rowhead">
                  {cell}
                </th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: as above.
                <td key={index} className="analytics-num">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </Table>
    </details>
  );
}
