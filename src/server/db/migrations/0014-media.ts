import { type Kysely, sql } from 'kysely';

// The media library: one row per uploaded image or video, its renditions (JSON) and the facts read from
// it. The files themselves live in the object store under `<business_id>/<id>/`.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('media_items')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('business_id', 'text', (col) => col.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('kind', 'text', (col) => col.notNull().check(sql`kind in ('image', 'video')`))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('mime_type', 'text', (col) => col.notNull())
    // bigint: a workspace's sum passes 2 GiB (PostgreSQL's integer) long before its quota does.
    .addColumn('size_bytes', 'bigint', (col) => col.notNull())
    .addColumn('stored_bytes', 'bigint', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('processing', 'ready', 'failed')`),
    )
    .addColumn('failure', 'text')
    .addColumn('note', 'text')
    .addColumn('width', 'integer')
    .addColumn('height', 'integer')
    // JSON `VideoFacts` (ffprobe's duration, codecs, frame rate, bit rate); null for images.
    .addColumn('video', 'text')
    .addColumn('focal_x', 'double precision', (col) => col.notNull())
    .addColumn('focal_y', 'double precision', (col) => col.notNull())
    .addColumn('alt_text', 'text', (col) => col.notNull())
    // JSON array of lower-case strings; the tag filter matches `"tag"` inside it.
    .addColumn('tags', 'text', (col) => col.notNull())
    // JSON array of `Rendition`s.
    .addColumn('renditions', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .execute();
  // The library order (newest first) and the quota's sum, both per workspace.
  await db.schema
    .createIndex('media_items_library_idx')
    .on('media_items')
    .columns(['business_id', 'created_at', 'id'])
    .execute();
  // The sweep's look for uploads a crash left half-done.
  await db.schema
    .createIndex('media_items_status_idx')
    .on('media_items')
    .columns(['status', 'updated_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('media_items').execute();
}
