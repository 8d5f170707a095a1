import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { TextAreaField } from '#web/components/ui/field.js';
import { Table } from '#web/components/ui/table.js';
import { useToast } from '#web/components/ui/toast.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { translateFieldMessage } from '#web/lib/field-messages.js';
import { formatNumber } from '#web/lib/workspace-format.js';
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
  const { t } = useTranslation('analytics');
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
      toast(t('import.imported', { count: recorded, number: formatNumber(recorded) }));
    } catch (error) {
      setFailure(describeError(error));
      if (error instanceof ApiError) setProblems(importProblems(error.fieldErrors));
    }
  };

  return (
    <Card title={t('import.title')} description={t('import.description')} className="analytics-print-hide">
      <div className="stack analytics-import">
        <div className="field">
          <label className="field__label" htmlFor={fileId}>
            {t('import.file')}
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
          label={t('import.csv')}
          rows={6}
          spellCheck={false}
          placeholder={HEADER}
          hint={
            <Trans t={t} i18nKey="import.hint" values={{ header: HEADER }} components={{ code: <code /> }} />
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
            {t('import.submit')}
          </Button>
        </div>
        {failure && <Banner tone="danger">{failure}</Banner>}
        {problems.length > 0 && (
          <Table
            caption={t('import.problems')}
            head={
              <tr>
                <th scope="col">{t('import.line')}</th>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.problem')}</th>
              </tr>
            }
          >
            {problems.map((problem, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a line can have several problems; the list is static.
              <tr key={index}>
                <th scope="row" className="analytics-rowhead">
                  {problem.line ?? t('import.wholeFile')}
                </th>
                <td>{problem.column ?? '—'}</td>
                <td>{translateFieldMessage(problem.message)}</td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Card>
  );
}
