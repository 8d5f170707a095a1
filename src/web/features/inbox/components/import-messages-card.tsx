import { type ChangeEvent, useState } from 'react';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { useImportMessages } from '../api/import-messages.js';
import { importBodyFor } from '../inbox-format.js';

/**
 * Import a message history from a CSV or JSON file. The whole file is checked first: any bad row and
 * nothing is stored, with every problem listed by line; running the same file again stores nothing twice.
 */
export function ImportMessagesCard({ businessId }: { businessId: string }) {
  const importing = useImportMessages(businessId);
  const [fileProblem, setFileProblem] = useState<string>();

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
    <Card
      title="Import messages"
      description="A CSV with the columns channel, external_id, customer_id, body (and optionally customer_name, customer_handle, sent_at), or a JSON array of messages."
    >
      <div className="stack">
        <div className="field">
          <label className="field__label" htmlFor="inbox-import-file">
            File
          </label>
          <input
            id="inbox-import-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            disabled={importing.isPending}
            onChange={onFile}
          />
        </div>
        {fileProblem && <Banner tone="danger">{fileProblem}</Banner>}
        {importing.isPending && <p className="muted">Importing…</p>}
        {importing.isSuccess && (
          <Banner tone="success" title="Imported">
            {`${importing.data.imported} new messages; ${importing.data.duplicates} were already in the inbox.`}
          </Banner>
        )}
        {importing.isError && (
          <Banner tone="danger" title="Import refused">
            <p>{describeError(importing.error)}</p>
            {rowErrors.length > 0 && (
              <ul className="import-errors">
                {rowErrors.slice(0, 20).map((error) => (
                  <li key={`${error.path}-${error.message}`}>
                    <code>{error.path}</code> {error.message}
                  </li>
                ))}
                {rowErrors.length > 20 && <li>{`… and ${rowErrors.length - 20} more`}</li>}
              </ul>
            )}
          </Banner>
        )}
      </div>
    </Card>
  );
}
