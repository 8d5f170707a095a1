import { AppError } from '#server/errors/app-error.js';
import { parseCsv, unguardCell } from '#server/exports/csv.js';
import type { Repositories } from '#server/repositories/index.js';
import { BULK_WRITE_ROWS } from '#server/repositories/statistics.repository.js';
import type { ImportMessagesBody, ImportMessagesResult, InboundMessage } from '#shared/inbox.schema.js';
import { inboundMessageSchema } from '#shared/inbox.schema.js';
import type { FieldError } from '#shared/problem.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import {
  announceReceived,
  type InboxAnnounceDeps,
  queueClassification,
  storeInbound,
} from './inbox-ingest.js';

/** Rows per import; larger histories go in several files. */
export const MESSAGE_IMPORT_MAX_ROWS = 5000;

/** The CSV header: one message a row, the customer flattened into `customer_*` columns. */
export const MESSAGE_CSV_COLUMNS = [
  'channel',
  'external_id',
  'customer_id',
  'customer_name',
  'customer_handle',
  'body',
  'sent_at',
] as const;

/**
 * Import a message history from CSV (header row: channel, external_id, customer_id, customer_name,
 * customer_handle, body, sent_at) or a JSON array of messages. Every row is checked first; if any fails,
 * nothing is stored and `errors[]` names each (`csv.{line}.{field}` with line 1 the header, or
 * `messages.{index}.{field}`). Messages already stored (same channel and external id) are counted as
 * duplicates, not errors, so an import can be run again safely.
 */
export class InboxImportService {
  constructor(private readonly deps: InboxAnnounceDeps & { repos: Repositories; now: () => Date }) {}

  async import(principal: Principal, body: ImportMessagesBody): Promise<ImportMessagesResult> {
    const { repos } = this.deps;
    const businessId = body.business_id;
    await requireWorkspaceRole(repos, principal, businessId, 'inbox.reply');
    const rows =
      'csv' in body
        ? csvRows(body.csv)
        : body.messages.map((raw, index) => ({ raw, path: `messages.${index}` }));
    if (rows.length === 0)
      throw refuse([{ path: 'csv', message: ruleFieldMessage('csvEmpty'), code: 'empty' }]);
    if (rows.length > MESSAGE_IMPORT_MAX_ROWS) {
      throw refuse([
        {
          path: 'body',
          message: ruleFieldMessage('csvTooManyRows', { max: String(MESSAGE_IMPORT_MAX_ROWS) }),
          code: 'too_big',
        },
      ]);
    }
    const errors: FieldError[] = [];
    const messages: InboundMessage[] = [];
    const seen = new Map<string, string>();
    for (const { raw, path } of rows) {
      const parsed = inboundMessageSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          errors.push({
            path: [path, ...issue.path.map(String)].join('.'),
            message: issue.message,
            code: issue.code,
          });
        }
        continue;
      }
      const key = `${parsed.data.channel}|${parsed.data.external_id}`;
      const first = seen.get(key);
      if (first) {
        errors.push({
          path: `${path}.external_id`,
          message: ruleFieldMessage('sameMessage', { first }),
          code: 'duplicate',
        });
        continue;
      }
      seen.set(key, path);
      messages.push(parsed.data);
    }
    if (errors.length > 0) throw refuse(errors);
    const now = this.deps.now();
    const results = await repos.transaction(async (trx) => {
      const stored = [];
      for (const message of messages) stored.push(await storeInbound(trx, businessId, message, now));
      await announceReceived(this.deps.events, trx, businessId, stored);
      return stored;
    });
    const duplicates = results.filter((result) => result.duplicate).length;
    if (results.length - duplicates >= BULK_WRITE_ROWS)
      await repos.statistics.refresh(['messages', 'conversations']);
    await queueClassification(this.deps, businessId, results);
    return { imported: results.length - duplicates, duplicates };
  }
}

function refuse(errors: FieldError[]): AppError {
  return new AppError('bulk_failed', `${errors.length} problem(s) in the import; nothing was imported`, {
    errors,
  });
}

/** CSV rows as message objects, with the path of each for errors. */
function csvRows(csv: string): Array<{ raw: unknown; path: string }> {
  let table: string[][];
  try {
    table = parseCsv(csv);
  } catch (error) {
    throw refuse([{ path: 'body.csv', message: (error as Error).message, code: 'malformed_csv' }]);
  }
  const [header = [], ...records] = table;
  const columns = header.map((name) => name.trim().toLowerCase());
  const missing = ['channel', 'external_id', 'customer_id', 'body'].filter((name) => !columns.includes(name));
  if (missing.length > 0) {
    throw refuse([
      { path: 'csv.1', message: `The header row needs ${missing.join(', ')}`, code: 'missing_column' },
    ]);
  }
  const cell = (cells: readonly string[], name: (typeof MESSAGE_CSV_COLUMNS)[number]) => {
    const index = columns.indexOf(name);
    const value = index < 0 ? '' : unguardCell(cells[index] ?? '').trim();
    return value === '' ? undefined : value;
  };
  return records
    .map((cells, index) => ({ cells, line: index + 2 }))
    .filter(({ cells }) => cells.some((value) => value.trim() !== ''))
    .map(({ cells, line }) => {
      const sentAt = cell(cells, 'sent_at');
      return {
        path: `csv.${line}`,
        raw: {
          channel: cell(cells, 'channel'),
          external_id: cell(cells, 'external_id'),
          customer: {
            external_id: cell(cells, 'customer_id'),
            name: cell(cells, 'customer_name') ?? null,
            handle: cell(cells, 'customer_handle') ?? null,
          },
          body: cell(cells, 'body'),
          ...(sentAt ? { sent_at: sentAt } : {}),
        },
      };
    });
}
