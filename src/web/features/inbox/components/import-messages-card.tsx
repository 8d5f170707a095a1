import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { translateFieldMessage } from '#web/lib/field-messages.js';
import { useImportMessages } from '../api/import-messages.js';
import { type ImportFileProblem, importBodyFor } from '../inbox-format.js';

/**
 * Import a message history from a CSV or JSON file. The whole file is checked first: any bad row and
 * nothing is stored, with every problem listed by line; running the same file again stores nothing twice.
 */
export function ImportMessagesCard({ businessId }: { businessId: string }) {
  const { t } = useTranslation('inbox');
  const importing = useImportMessages(businessId);
  const [fileProblem, setFileProblem] = useState<ImportFileProblem>();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setFileProblem(undefined);
    importing.reset();
    const body = importBodyFor(businessId, file.name, await file.text());
    input.value = '';
    if (typeof body === 'string') setFileProblem(body);
    else importing.mutate(body);
  };

  const rowErrors = importing.error instanceof ApiError ? importing.error.fieldErrors : [];
  return (
    <Card title={t('import.title')} description={t('import.description')}>
      <div className="stack">
        <div className="field">
          <label className="field__label" htmlFor="inbox-import-file">
            {t('import.file')}
          </label>
          <input
            id="inbox-import-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            disabled={importing.isPending}
            onChange={onFile}
          />
        </div>
        {fileProblem && <Banner tone="danger">{t(`import.${fileProblem}`)}</Banner>}
        {importing.isPending && <p className="muted">{t('import.importing')}</p>}
        {importing.isSuccess && (
          <Banner tone="success" title={t('import.imported')}>
            {t('import.summary', {
              imported: t('import.newMessages', { count: importing.data.imported }),
              duplicates: t('import.duplicates', { count: importing.data.duplicates }),
            })}
          </Banner>
        )}
        {importing.isError && (
          <Banner tone="danger" title={t('import.refused')}>
            <p>{describeError(importing.error)}</p>
            {rowErrors.length > 0 && (
              <ul className="import-errors">
                {rowErrors.slice(0, 20).map((error) => (
                  <li key={`${error.path}-${error.message}`}>
                    <code>{error.path}</code> {translateFieldMessage(error.message)}
                  </li>
                ))}
                {rowErrors.length > 20 && <li>{t('import.more', { count: rowErrors.length - 20 })}</li>}
              </ul>
            )}
          </Banner>
        )}
      </div>
    </Card>
  );
}
