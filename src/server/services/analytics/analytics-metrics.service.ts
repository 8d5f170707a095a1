import type { NewMetrics } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import { parseCsv, unguardCell } from '#server/exports/csv.js';
import type { Repositories } from '#server/repositories/index.js';
import { BULK_WRITE_ROWS } from '#server/repositories/statistics.repository.js';
import {
  CONTENT_RESULTS_LISTED,
  COUNT_METRICS,
  type ContentResultBody,
  contentResultBodySchema,
  type MetricRecord,
  type MetricRow,
  type MetricsImportBody,
  type RecordMetricsBody,
} from '#shared/analytics.schema.js';
import { idSchema } from '#shared/common.schema.js';
import type { FieldError } from '#shared/problem.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import { todayIn } from '#shared/zoned-time.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';

/** Rows per CSV import. */
export const METRICS_IMPORT_MAX_ROWS = 5_000;
const CSV_COUNT_COLUMNS = ['day', ...COUNT_METRICS, 'spend_minor', 'currency'] as const;
/** The columns that can name a row's item, in the order they are tried. */
const ITEM_COLUMNS = ['content_item_id', 'link', 'title'] as const;
type ItemColumn = (typeof ITEM_COLUMNS)[number];
/** Lookups per statement, well under either database's bound-parameter limit. */
const LOOKUP_CHUNK = 500;

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
    const future = this.futureDays(lines, await this.today(body.business_id));
    if (future.length > 0) {
      throw new AppError('validation_failed', 'Results cannot be dated in the future; nothing was recorded', {
        errors: future,
      });
    }
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

  /** One item's results, the latest day first, whoever wrote them (analytics.read). */
  async listForItem(principal: Principal, itemId: string): Promise<{ items: MetricRow[] }> {
    const businessId = await this.repos.contentItems.businessIdOf(itemId);
    await requireRowRole(this.repos, principal, businessId, 'analytics.read', 'content item');
    if (!businessId) throw new AppError('not_found', 'No such content item');
    const rows = await this.repos.metrics.forItem(businessId, itemId, CONTENT_RESULTS_LISTED);
    // PostgreSQL's bigint counts arrive as strings.
    return {
      items: rows.map((row) => ({
        ...row,
        impressions: Number(row.impressions),
        reach: Number(row.reach),
        engagements: Number(row.engagements),
        clicks: Number(row.clicks),
        conversions: Number(row.conversions),
        spend_minor: Number(row.spend_minor),
      })),
    };
  }

  /**
   * Record one day's results of one item by hand (the results form; analytics.write). The same item and
   * day again replaces them, and a network's later reading never overwrites what a person entered.
   */
  async recordForItem(principal: Principal, itemId: string, body: ContentResultBody): Promise<MetricRow> {
    const businessId = await this.repos.contentItems.businessIdOf(itemId);
    await requireRowRole(this.repos, principal, businessId, 'analytics.write', 'content item');
    if (!businessId || !(await this.repos.contentItems.find(businessId, itemId))) {
      throw new AppError('not_found', 'No such content item');
    }
    const record: MetricRecord = { content_item_id: itemId, ...body };
    const future = this.futureDays([{ record, path: 'body' }], await this.today(businessId));
    if (future.length > 0) {
      throw new AppError('validation_failed', 'Results cannot be dated in the future', { errors: future });
    }
    const at = this.now().toISOString();
    await this.repos.transaction((trx) =>
      trx.metrics.upsertMany([{ business_id: businessId, ...record, created_at: at, updated_at: at }]),
    );
    return { ...record, source: 'manual', updated_at: at };
  }

  /**
   * Import CSV with a header row: `day`, a column naming the item (`content_item_id`, `link` — where it
   * was published — or `title`; the first filled one of a row counts), and any of impressions, reach,
   * engagements, clicks, conversions, spend_minor, currency. Every row is checked first; if any fails,
   * nothing is saved and `errors[]` names each failing cell as `csv.{line}.{field}` (line 1 is the
   * header), as the content import does.
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
    const columns = header.map((name) => {
      const column = name.trim().toLowerCase();
      return column === 'url' ? 'link' : column;
    });
    const missing = [
      ...(columns.includes('day') ? [] : ['day']),
      ...(ITEM_COLUMNS.some((name) => columns.includes(name)) ? [] : ['content_item_id, link or title']),
    ];
    if (missing.length > 0) {
      throw refuse([
        {
          path: 'csv.1',
          message: ruleFieldMessage('csvColumnsMissing', { columns: missing.join(', ') }),
          code: 'missing_column',
        },
      ]);
    }
    const rows = records
      .map((cells, index) => ({ cells, line: index + 2 }))
      .filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
    if (rows.length === 0)
      throw refuse([{ path: 'csv', message: ruleFieldMessage('csvEmpty'), code: 'empty' }]);
    if (rows.length > METRICS_IMPORT_MAX_ROWS) {
      throw refuse([
        {
          path: 'csv',
          message: ruleFieldMessage('csvTooManyRows', { max: String(METRICS_IMPORT_MAX_ROWS) }),
          code: 'too_big',
        },
      ]);
    }
    const errors: FieldError[] = [];
    const parsed: { line: number; name: ItemName; counts: ContentResultBody }[] = [];
    for (const { cells, line } of rows) {
      const cell = (name: string) => {
        const index = columns.indexOf(name);
        return index < 0 ? '' : unguardCell(cells[index] ?? '').trim();
      };
      let name = itemNameOf(cell);
      if (!name) {
        errors.push({
          path: `csv.${line}.content_item_id`,
          message: ruleFieldMessage('nameTheItem'),
          code: 'required',
        });
      } else if (name.column === 'content_item_id' && !idSchema.safeParse(name.value).success) {
        errors.push({
          path: `csv.${line}.content_item_id`,
          message: ruleFieldMessage('notAnItemId'),
          code: 'invalid',
        });
        name = undefined;
      }
      const counts = contentResultBodySchema.safeParse(csvCounts(cell));
      if (!counts.success) {
        for (const issue of counts.error.issues) {
          errors.push({
            path: `csv.${line}.${issue.path.join('.')}`,
            message: issue.message,
            code: issue.code,
          });
        }
      }
      if (name && counts.success) parsed.push({ line, name, counts: counts.data });
    }
    const resolve = await this.itemResolver(
      body.business_id,
      parsed.map(({ name }) => name),
    );
    const lines: { record: MetricRecord; path: string }[] = [];
    const seen = new Map<string, number>();
    for (const { line, name, counts } of parsed) {
      const found = resolve(name);
      if (typeof found !== 'string') {
        errors.push({ path: `csv.${line}.${name.column}`, ...found });
        continue;
      }
      const key = `${found}|${counts.day}`;
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({
          path: `csv.${line}.day`,
          message: ruleFieldMessage('sameItemAndDay', { line: String(first) }),
          code: 'duplicate',
        });
        continue;
      }
      seen.set(key, line);
      lines.push({ record: { content_item_id: found, ...counts }, path: `csv.${line}` });
    }
    errors.push(...this.futureDays(lines, await this.today(body.business_id)));
    if (errors.length > 0) throw refuse(errors);
    await this.save(body.business_id, lines, refuse);
    return { recorded: lines.length };
  }

  /**
   * Look up every link and title the rows name, in a few statements, and answer per row the item's id, or
   * why it names none or more than one (a title two items share, a link reused).
   */
  private async itemResolver(
    businessId: string,
    names: readonly ItemName[],
  ): Promise<(name: ItemName) => string | Omit<FieldError, 'path'>> {
    const wanted = (column: ItemColumn) => [
      ...new Set(names.filter((name) => name.column === column).map((name) => name.value)),
    ];
    const byLink = new Map<string, Set<string>>();
    const byTitle = new Map<string, Set<string>>();
    const add = (map: Map<string, Set<string>>, key: string, id: string) =>
      map.set(key, (map.get(key) ?? new Set()).add(id));
    for (const chunk of chunks(wanted('link'))) {
      for (const row of await this.repos.publishAttempts.itemsPublishedAt(businessId, chunk))
        add(byLink, row.url, row.content_item_id);
    }
    for (const chunk of chunks(wanted('title'))) {
      for (const row of await this.repos.contentItems.withTitles(businessId, chunk))
        add(byTitle, row.title, row.id);
    }
    return (name) => {
      if (name.column === 'content_item_id') return name.value;
      const ids = [...((name.column === 'link' ? byLink : byTitle).get(name.value) ?? [])];
      const [only] = ids;
      if (ids.length === 1 && only) return only;
      if (name.column === 'link') {
        return ids.length === 0
          ? { message: ruleFieldMessage('noItemAtLink'), code: 'not_found' }
          : {
              message: ruleFieldMessage('itemsAtLink', { count: String(ids.length) }),
              code: 'ambiguous',
            };
      }
      return ids.length === 0
        ? { message: ruleFieldMessage('noItemWithTitle'), code: 'not_found' }
        : {
            message: ruleFieldMessage('itemsWithTitle', { count: String(ids.length) }),
            code: 'ambiguous',
          };
    };
  }

  /** The workspace's date today: results may be dated up to it, never after. */
  private async today(businessId: string): Promise<string> {
    const business = await this.repos.businesses.findById(businessId);
    return todayIn(business?.time_zone ?? 'UTC', this.now());
  }

  private futureDays(lines: readonly { record: MetricRecord; path: string }[], today: string): FieldError[] {
    return lines
      .filter(({ record }) => record.day > today)
      .map(({ path }) => ({
        path: `${path}.day`,
        message: ruleFieldMessage('resultsInFuture', { today }),
        code: 'future_date',
      }));
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
        message: ruleFieldMessage('itemNotInWorkspace'),
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
    if (rows.length >= BULK_WRITE_ROWS) await this.repos.statistics.refresh(['metrics']);
  }
}

/** The column a CSV row names its item by: the first filled of content_item_id, link, title. */
interface ItemName {
  column: ItemColumn;
  value: string;
}

function itemNameOf(cell: (name: string) => string): ItemName | undefined {
  for (const column of ITEM_COLUMNS) {
    const value = cell(column);
    if (value !== '') return { column, value };
  }
  return undefined;
}

/** One CSV record's day and counts; empty count cells mean 0 (the schema's default). */
function csvCounts(cell: (name: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of CSV_COUNT_COLUMNS) {
    const value = cell(name);
    if (value === '') continue;
    if (name === 'day' || name === 'currency') out[name] = value;
    else out[name] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return out;
}

function* chunks<T>(values: readonly T[]): Generator<T[]> {
  for (let start = 0; start < values.length; start += LOOKUP_CHUNK) {
    yield values.slice(start, start + LOOKUP_CHUNK);
  }
}
