import type { NewMetrics } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import { parseCsv, unguardCell } from '#server/exports/csv.js';
import type { Repositories } from '#server/repositories/index.js';
import {
  COUNT_METRICS,
  type MetricRecord,
  type MetricsImportBody,
  metricRecordSchema,
  type RecordMetricsBody,
} from '#shared/analytics.schema.js';
import type { FieldError } from '#shared/problem.schema.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';

/** Rows per CSV import. */
export const METRICS_IMPORT_MAX_ROWS = 5_000;
const CSV_COLUMNS = ['content_item_id', 'day', ...COUNT_METRICS, 'spend_minor', 'currency'] as const;

/** Actual results: recorded through the API or imported from CSV, always all rows or none. */
export class AnalyticsMetricsService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  /** Record (upsert) a batch (analytics.write); every item must be the workspace's, else nothing is saved. */
  async record(principal: Principal, body: RecordMetricsBody): Promise<{ recorded: number }> {
    await requireWorkspaceRole(this.repos, principal, body.business_id, 'analytics.write');
    const lines = body.records.map((record, index) => ({ record, path: `body.records.${index}` }));
    await this.save(
      body.business_id,
      lines,
      (errors) =>
        new AppError(
          'validation_failed',
          `${errors.length} record(s) refer to unknown content; nothing was recorded`,
          { errors },
        ),
    );
    return { recorded: body.records.length };
  }

  /**
   * Import CSV with a header row (content_item_id, day, impressions, reach, engagements, clicks,
   * conversions, spend_minor, currency; only the first two are required). Every row is checked first; if
   * any fails, nothing is saved and `errors[]` names each failing cell as `csv.{line}.{field}` (line 1 is
   * the header), as the content import does.
   */
  async importCsv(principal: Principal, body: MetricsImportBody): Promise<{ recorded: number }> {
    await requireWorkspaceRole(this.repos, principal, body.business_id, 'analytics.write');
    const refuse = (errors: FieldError[]) =>
      new AppError('bulk_failed', `${errors.length} problem(s) in the CSV; nothing was imported`, { errors });
    let table: string[][];
    try {
      table = parseCsv(body.csv);
    } catch (error) {
      throw refuse([{ path: 'body.csv', message: (error as Error).message, code: 'malformed_csv' }]);
    }
    const [header = [], ...records] = table;
    const columns = header.map((name) => name.trim().toLowerCase());
    const missing = ['content_item_id', 'day'].filter((name) => !columns.includes(name));
    if (missing.length > 0) {
      throw refuse([
        { path: 'csv.1', message: `The header row needs ${missing.join(' and ')}`, code: 'missing_column' },
      ]);
    }
    const rows = records
      .map((cells, index) => ({ cells, line: index + 2 }))
      .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
    if (rows.length === 0) throw refuse([{ path: 'csv', message: 'No rows to import', code: 'empty' }]);
    if (rows.length > METRICS_IMPORT_MAX_ROWS) {
      throw refuse([
        { path: 'csv', message: `At most ${METRICS_IMPORT_MAX_ROWS} rows per import`, code: 'too_big' },
      ]);
    }
    const errors: FieldError[] = [];
    const lines: { record: MetricRecord; path: string }[] = [];
    const seen = new Map<string, number>();
    for (const { cells, line } of rows) {
      const parsed = metricRecordSchema.safeParse(csvRecord(columns, cells));
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          errors.push({
            path: `csv.${line}.${issue.path.join('.')}`,
            message: issue.message,
            code: issue.code,
          });
        }
        continue;
      }
      const key = `${parsed.data.content_item_id}|${parsed.data.day}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({
          path: `csv.${line}.day`,
          message: `The same item and day as line ${first}`,
          code: 'duplicate',
        });
        continue;
      }
      seen.set(key, line);
      lines.push({ record: parsed.data, path: `csv.${line}` });
    }
    if (errors.length > 0) throw refuse(errors);
    await this.save(body.business_id, lines, refuse);
    return { recorded: lines.length };
  }

  /** Check every item belongs to the workspace, then upsert all rows in one transaction. */
  private async save(
    businessId: string,
    lines: readonly { record: MetricRecord; path: string }[],
    refuse: (errors: FieldError[]) => AppError,
  ): Promise<void> {
    const ids = [...new Set(lines.map(({ record }) => record.content_item_id))];
    const known = new Set<string>();
    for (let start = 0; start < ids.length; start += 500) {
      for (const item of await this.repos.contentItems.findMany(businessId, ids.slice(start, start + 500)))
        known.add(item.id);
    }
    const errors = lines
      .filter(({ record }) => !known.has(record.content_item_id))
      .map(({ path }) => ({
        path: `${path}.content_item_id`,
        message: 'No such content item in this workspace',
        code: 'not_found',
      }));
    if (errors.length > 0) throw refuse(errors);
    const at = this.now().toISOString();
    const rows: NewMetrics[] = lines.map(({ record }) => ({
      business_id: businessId,
      ...record,
      created_at: at,
      updated_at: at,
    }));
    await this.repos.transaction((trx) => trx.metrics.upsertMany(rows));
  }
}

/** One CSV record as a metric record; empty count cells mean 0 (the schema's default). */
function csvRecord(columns: readonly string[], cells: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of CSV_COLUMNS) {
    const index = columns.indexOf(name);
    const cell = index < 0 ? '' : unguardCell(cells[index] ?? '').trim();
    if (cell === '') continue;
    if (name === 'content_item_id' || name === 'day' || name === 'currency') out[name] = cell;
    else out[name] = /^-?\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell;
  }
  return out;
}
