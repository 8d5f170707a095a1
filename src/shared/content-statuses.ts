// Apart from content.schema.ts (which re-exports it) so that the job page can name an item's status
// without building every content schema.

/** An item's place in its workflow, from idea to published (src/shared/content-workflow.ts). */
export const CONTENT_STATUSES = [
  'idea',
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'failed',
] as const;

export type ContentStatus = (typeof CONTENT_STATUSES)[number];
