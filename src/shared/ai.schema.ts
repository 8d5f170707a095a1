import { z } from 'zod';
import { AI_LEDGER_TASK_NAMES, AI_TASK_NAMES } from './ai-tasks.schema.js';
import { idSchema, pageOf, timestampSchema } from './common.schema.js';

export const aiTaskNameSchema = z.enum(AI_TASK_NAMES);
/** A task as the ledger names it: the text tasks and `generateImage`. */
export const aiLedgerTaskNameSchema = z.enum(AI_LEDGER_TASK_NAMES);

/** Who answered: a model behind an OpenAI-compatible endpoint, or the built-in offline writer. */
export const aiProviderKindSchema = z.enum(['openai-compatible', 'offline']);

/** `POST /api/ai/tasks/{task}`: run one task for a workspace. */
export const runTaskBodySchema = z.strictObject({
  business_id: idSchema,
  /** The task's input; validated against the task's own schema (see the task schemas). */
  input: z.record(z.string(), z.unknown()),
});
export const runTaskParamsSchema = z.strictObject({ task: aiTaskNameSchema });

/** What every AI answer carries besides its output. */
export const aiRunMetaSchema = z.object({
  call_id: idSchema,
  task: aiLedgerTaskNameSchema,
  provider: aiProviderKindSchema,
  model: z.string(),
  /** True when the offline writer answered: the UI labels it "offline writer". */
  offline: z.boolean(),
  cached: z.boolean(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  cost_micro_usd: z.number().int(),
});
export const runTaskResponseSchema = aiRunMetaSchema.extend({ output: z.unknown() });

const usageTotalsSchema = z.object({
  calls: z.number().int(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  cost_micro_usd: z.number().int(),
  errors: z.number().int(),
});

/** `GET /api/ai/usage?business_id&from&to`. */
export const usageQuerySchema = z.strictObject({
  business_id: idSchema,
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const budgetStatusSchema = z.object({
  monthly_limit_micro_usd: z.number().int().nullable(),
  spent_this_month_micro_usd: z.number().int(),
  remaining_micro_usd: z.number().int().nullable(),
  /** The first instant of the current budget month (UTC). */
  month_start: timestampSchema,
  exceeded: z.boolean(),
});
export const usageResponseSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  totals: usageTotalsSchema,
  by_day: z.array(usageTotalsSchema.extend({ day: z.iso.date() })),
  by_task: z.array(usageTotalsSchema.extend({ task: z.string() })),
  by_model: z.array(usageTotalsSchema.extend({ model: z.string() })),
  budget: budgetStatusSchema,
});

export const aiCallSchema = z.object({
  id: idSchema,
  task: z.string(),
  task_version: z.string(),
  provider: z.string(),
  model: z.string(),
  user_id: idSchema.nullable(),
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
  cost_micro_usd: z.number().int(),
  price_known: z.boolean(),
  /** True when some tokens were counted here (an attempt timed out before the provider reported usage). */
  estimated: z.boolean(),
  latency_ms: z.number().int(),
  attempts: z.number().int(),
  outcome: z.enum(['ok', 'error', 'cached', 'budget_exceeded', 'cancelled']),
  error_code: z.string().nullable(),
  error_message: z.string().nullable(),
  created_at: timestampSchema,
});
export const aiCallsQuerySchema = z.strictObject({
  business_id: idSchema,
  task: aiLedgerTaskNameSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export const aiCallsPageSchema = pageOf(aiCallSchema);

/** `PUT /api/business/{id}/ai-budget`: null removes the limit. */
export const putBudgetBodySchema = z.strictObject({
  monthly_limit_micro_usd: z.number().int().min(0).max(1_000_000_000_000).nullable(),
});

/** A workspace's AI provider as the API shows it: never the key, only its last four characters. */
export const aiProviderSettingsSchema = z.object({
  /** Where calls go: the workspace's own endpoint, the server's, or the offline writer. */
  source: z.enum(['workspace', 'server', 'offline']),
  base_url: z.string().nullable(),
  model: z.string(),
  api_key_last4: z.string().nullable(),
  updated_at: timestampSchema.nullable(),
});
export const putAiProviderBodySchema = z.strictObject({
  /** Empty means api.openai.com. */
  base_url: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .default(null),
  model: z.string().trim().min(1).max(200),
  /** Omit to keep the stored key; null removes it (local servers need none). */
  api_key: z.string().trim().min(1).max(500).nullable().optional(),
});

/**
 * `POST /business/{id}/ai-provider/test`: what "Test connection" found. Failures (unreachable, bad key,
 * unknown model, timeout) are problems instead, with the reason in `errors[0].code`.
 */
export const aiConnectionTestSchema = z.object({
  source: z.enum(['workspace', 'server']),
  base_url: z.string().nullable(),
  /** The model configured, and the one that answered (servers may resolve aliases). */
  model: z.string(),
  answered_by: z.string(),
  /** The model's answer to a one-line prompt. */
  answer: z.string(),
  latency_ms: z.number().int(),
  /** Whether a small structured-output request came back valid against its JSON Schema. */
  follows_json_schema: z.boolean(),
  /** Why it does not follow JSON schemas (what came back instead), null when it does. */
  json_schema_detail: z.string().nullable(),
  /** Both requests together; a test is not charged to the budget or written to the ledger (see docs/ai.md). */
  prompt_tokens: z.number().int(),
  completion_tokens: z.number().int(),
});

/** Why a connection test failed, in `errors[0].code` of its problem. */
export const AI_CONNECTION_FAILURES = [
  'unreachable',
  'unauthorized',
  'model_not_found',
  'timeout',
  'refused',
  'error',
] as const;

export type RunTaskBody = z.infer<typeof runTaskBodySchema>;
export type AiRunMeta = z.infer<typeof aiRunMetaSchema>;
export type UsageResponse = z.infer<typeof usageResponseSchema>;
export type BudgetStatus = z.infer<typeof budgetStatusSchema>;
export type AiCall = z.infer<typeof aiCallSchema>;
export type AiProviderSettings = z.infer<typeof aiProviderSettingsSchema>;
export type PutAiProviderBody = z.infer<typeof putAiProviderBodySchema>;
export type AiConnectionTest = z.infer<typeof aiConnectionTestSchema>;
export type AiConnectionFailure = (typeof AI_CONNECTION_FAILURES)[number];
