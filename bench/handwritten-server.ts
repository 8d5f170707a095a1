import Database from 'better-sqlite3';
import { createVerifier } from 'fast-jwt';
import Fastify from 'fastify';
import pg from 'pg';

// The hand-written baseline (issue 20): what a careful engineer would write for the two campaign reads with
// no framework of ours around it. Fastify, the real server's own database (its SQLite file opened read-only,
// WAL letting both read, or its PostgreSQL database through a `pg` pool), an HS256 check of the real server's
// access token with the same secret, issuer and audience, the membership check that keeps tenants apart, and
// the same JSON bytes. No session check, no logger, no metrics, no security headers, no rate limit, no
// response schema. Forked by bench/run.ts with `node --import tsx`; the secret comes in BENCH_SECRET;
// reports its port over IPC.
const [database] = process.argv.slice(2);
const secret = process.env.BENCH_SECRET;
if (!database || !secret || !process.send) {
  process.stderr.write(
    'usage: forked by bench/run.ts with the SQLite file or PostgreSQL URL as argument and BENCH_SECRET\n',
  );
  process.exit(2);
}

/** The three reads, as prepared statements (SQLite) or named prepared queries (PostgreSQL). */
interface Reads {
  roleOf(businessId: string, userId: string): Promise<string | undefined>;
  list(businessId: string, limit: number): Promise<CampaignRow[]>;
  findOne(id: string): Promise<CampaignRow | undefined>;
}

function sqliteReads(file: string): Reads {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const roleOf = db.prepare<[string, string], { role: string }>(
    'select role from memberships where business_id = ? and user_id = ?',
  );
  const listOf = db.prepare<[string, number], CampaignRow>(
    'select * from campaigns where business_id = ? order by start_date, id limit ?',
  );
  const findOne = db.prepare<[string], CampaignRow>('select * from campaigns where id = ?');
  return {
    roleOf: async (businessId, userId) => roleOf.get(businessId, userId)?.role,
    list: async (businessId, limit) => listOf.all(businessId, limit),
    findOne: async (id) => findOne.get(id),
  };
}

function postgresReads(url: string): Reads {
  // As many connections as the real server's pool (src/server/db/database.ts), so neither waits for one more.
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const query = async <Row extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) =>
    (await pool.query<Row>({ name, text, values })).rows;
  return {
    roleOf: async (businessId, userId) =>
      (
        await query<{ role: string }>(
          'role',
          'select role from memberships where business_id = $1 and user_id = $2',
          [businessId, userId],
        )
      )[0]?.role,
    list: (businessId, limit) =>
      query<CampaignRow>(
        'list',
        'select * from campaigns where business_id = $1 order by start_date, id limit $2',
        [businessId, limit],
      ),
    findOne: async (id) =>
      (await query<CampaignRow>('one', 'select * from campaigns where id = $1', [id]))[0],
  };
}

const reads = /^postgres(ql)?:/.test(database) ? postgresReads(database) : sqliteReads(database);
const verify = createVerifier({
  key: secret,
  algorithms: ['HS256'],
  allowedIss: 'mcc',
  allowedAud: 'mcc-api',
  cache: 10_000,
});

interface CampaignRow {
  id: string;
  business_id: string;
  name: string;
  objective: string;
  channels: string;
  budget_minor: number | bigint;
  currency: string;
  start_date: string;
  end_date: string;
  kpis: string;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

const toJson = (row: CampaignRow) => ({
  id: row.id,
  business_id: row.business_id,
  name: row.name,
  objective: row.objective,
  channels: JSON.parse(row.channels) as unknown,
  budget_minor: Number(row.budget_minor),
  currency: row.currency,
  start_date: row.start_date,
  end_date: row.end_date,
  kpis: JSON.parse(row.kpis) as unknown,
  status: row.status,
  created_by: row.created_by,
  created_at: row.created_at,
  updated_at: row.updated_at,
});

class HttpError extends Error {
  constructor(readonly statusCode: number) {
    super(String(statusCode));
  }
}

function userOf(authorization: string | undefined): string {
  if (!authorization?.startsWith('Bearer ')) throw new HttpError(401);
  try {
    const claims = verify(authorization.slice(7)) as { sub?: unknown };
    if (typeof claims.sub === 'string') return claims.sub;
  } catch {
    // invalid or expired
  }
  throw new HttpError(401);
}

const app = Fastify({ logger: false });
app.get<{ Querystring: { business_id?: string; limit?: string } }>('/api/campaign/', async (request) => {
  const userId = userOf(request.headers.authorization);
  const businessId = request.query.business_id ?? '';
  const limit = Math.min(Math.max(Number(request.query.limit ?? 50) || 50, 1), 100);
  if (!(await reads.roleOf(businessId, userId))) throw new HttpError(404);
  const rows = await reads.list(businessId, limit + 1);
  // The bench's workspace holds exactly one page, so there is never a next cursor to encode.
  if (rows.length > limit) throw new HttpError(500);
  return { items: rows.map(toJson), next_cursor: null };
});
app.get<{ Params: { id: string } }>('/api/campaign/:id', async (request) => {
  const userId = userOf(request.headers.authorization);
  const row = await reads.findOne(request.params.id);
  if (!row || !(await reads.roleOf(row.business_id, userId))) throw new HttpError(404);
  return toJson(row);
});

await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.send({ port: typeof address === 'object' && address ? address.port : 0 });
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
