import { useId, useState } from 'react';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { TextAreaField } from '#web/components/ui/field.js';
import { Table } from '#web/components/ui/table.js';
import { useToast } from '#web/components/ui/toast.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { useImportMetrics } from '../api/import-metrics.js';
import { type ImportProblem, importProblems } from '../import-errors.js';

const HEADER = 'content_item_id,day,impressions,reach,engagements,clicks,conversions,spend_minor,currency';

/**
 * Record actual results from a CSV file or pasted text: one row per content item and day. The import is
 * all rows or none, so a failed one lists every problem by line and column and saves nothing.
 */
export function MetricsImportCard({ businessId }: { businessId: string }) {
  const importMetrics = useImportMetrics(businessId);
  const toast = useToast();
  const fileId = useId();
  const [csv, setCsv] = useState('');
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [failure, setFailure] = useState<string>();

  const onFile = async (file: File | undefined) => {
    if (file) setCsv(await file.text());
  };

  const onImport = async () => {
    setProblems([]);
    setFailure(undefined);
    try {
      const { recorded } = await importMetrics.mutateAsync(csv);
      setCsv('');
      toast(`Imported ${recorded.toLocaleString()} ${recorded === 1 ? 'row' : 'rows'} of results`);
    } catch (error) {
      setFailure(describeError(error));
      if (error instanceof ApiError) setProblems(importProblems(error.fieldErrors));
    }
  };

  return (
    <Card
      title="Import results"
      description="Results per content item and day; importing the same item and day again replaces it."
      className="analytics-print-hide"
    >
      <div className="stack analytics-import">
        <div className="field">
          <label className="field__label" htmlFor={fileId}>
            CSV file
          </label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv"
            className="analytics-file"
            onChange={(event) => onFile(event.currentTarget.files?.[0])}
          />
        </div>
        <TextAreaField
          label="CSV"
          rows={6}
          spellCheck={false}
          placeholder={HEADER}
          hint={
            <>
              First row: <code>{HEADER}</code>. Only the day and one column naming the item are required:{' '}
              <code>content_item_id</code>, <code>link</code> (where it was published) or <code>title</code>.
              Spend is in cents (minor units); a day after today is refused.
            </>
          }
          value={csv}
          onChange={(event) => setCsv(event.currentTarget.value)}
        />
        <div className="row">
          <Button
            variant="primary"
            loading={importMetrics.isPending}
            disabled={csv.trim() === ''}
            onClick={onImport}
          >
            Import results
          </Button>
        </div>
        {failure && <Banner tone="danger">{failure}</Banner>}
        {problems.length > 0 && (
          <Table
            caption="Import problems"
            head={
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            }
          >
            {problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line can have several problems; the list is static.
              <tr key={index}>
                <th scope="row" className="analytics-rowhead">
                  {problem.line ?? 'File'}
                </th>
                <td>{problem.column ?? '—'}</td>
                <td>{problem.message}</td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Card>
  );
}
