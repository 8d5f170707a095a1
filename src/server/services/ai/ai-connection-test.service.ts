import { z } from 'zod';
import type { ChatProvider, CompletionRequest, CompletionResult } from '#server/ai/provider.js';
import { classifyProviderError, type ProviderError } from '#server/ai/provider-errors.js';
import { parseStructuredOutput } from '#server/ai/structured-output.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type { AiConnectionFailure, AiConnectionTest } from '#shared/ai.schema.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from '../workspace/audit.service.js';
import type { AiProviderResolver } from './ai-provider-resolver.js';

/** How long each of the test's two requests may take: a local model loading its weights needs a while. */
export const CONNECTION_TEST_TIMEOUT_MS = 30_000;

const HELLO: CompletionRequest = {
  messages: [
    {
      role: 'system',
      content: 'You are checking that a marketing app can reach you. Answer in one short sentence.',
    },
    { role: 'user', content: 'Say hello to the marketing team.' },
  ],
  maxTokens: 60,
};

// The schema does the asking: the prompt says nothing about JSON, so a server that ignores `response_format`
// answers in prose and the check says so, rather than a model obliging the prompt by chance.
const checkSchema = z.strictObject({
  status: z.enum(['ready']),
  channels: z
    .array(z.enum(['email', 'instagram', 'linkedin']))
    .min(2)
    .max(2),
});
const JSON_CHECK: CompletionRequest = {
  messages: [
    { role: 'system', content: 'You are checking that a marketing app can reach you.' },
    { role: 'user', content: 'Are you ready? Name two channels you can write for.' },
  ],
  jsonSchema: {
    name: 'connection_check',
    schema: {
      type: 'object',
      properties: {
        status: { type: 'string', enum: ['ready'] },
        channels: {
          type: 'array',
          items: { type: 'string', enum: ['email', 'instagram', 'linkedin'] },
          minItems: 2,
          maxItems: 2,
        },
      },
      required: ['status', 'channels'],
      additionalProperties: false,
    },
  },
  maxTokens: 100,
};

/**
 * Settings → AI → "Test connection": call the workspace's endpoint (or the server's) through the same
 * provider and guarded fetch as every AI call, with a one-line prompt and a small structured-output
 * request, and report the answer, the latency and whether it follows JSON schemas.
 *
 * Not charged: a test writes no ledger row and holds no budget, so a workspace whose budget is spent can
 * still check its endpoint. It is not silent either: the audit log records each test with its tokens.
 */
export class AiConnectionTestService {
  constructor(
    private readonly repos: Repositories,
    private readonly resolver: Pick<AiProviderResolver, 'resolve'>,
    private readonly now: () => Date,
    private readonly timeoutMs = CONNECTION_TEST_TIMEOUT_MS,
  ) {}

  async test(principal: Principal, businessId: string): Promise<AiConnectionTest> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'ai.manage');
    const resolved = await this.resolver.resolve(businessId);
    if (resolved.kind === 'offline') {
      throw new AppError(
        'conflict',
        'No model is set up: the offline writer answers. Save a base URL and model first, then test the connection.',
        { facts: { reason: 'no_model_configured' } },
      );
    }
    const { provider } = resolved;
    const startedAt = performance.now();
    const hello = await this.call(provider, HELLO);
    const latencyMs = Math.round(performance.now() - startedAt);
    const check = await this.checkJsonSchema(provider);
    const usage = [hello, check.result].reduce(
      (sum, result) => ({
        prompt: sum.prompt + (result?.usage.promptTokens ?? 0),
        completion: sum.completion + (result?.usage.completionTokens ?? 0),
      }),
      { prompt: 0, completion: 0 },
    );
    const report: AiConnectionTest = {
      source: resolved.source,
      base_url: resolved.breakerKey,
      model: provider.model,
      answered_by: hello.model,
      answer: hello.text.trim(),
      latency_ms: latencyMs,
      follows_json_schema: check.detail === null,
      json_schema_detail: check.detail,
      prompt_tokens: usage.prompt,
      completion_tokens: usage.completion,
    };
    await recordAudit(this.repos, {
      businessId,
      principal,
      action: 'ai.provider_tested',
      details: {
        base_url: report.base_url,
        model: report.model,
        latency_ms: report.latency_ms,
        follows_json_schema: report.follows_json_schema,
        prompt_tokens: report.prompt_tokens,
        completion_tokens: report.completion_tokens,
      },
      at: this.now().toISOString(),
    });
    return report;
  }

  /** One request; a failure becomes a problem saying what to fix. */
  private async call(provider: ChatProvider, request: CompletionRequest): Promise<CompletionResult> {
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      return await provider.complete({ ...request, signal });
    } catch (error) {
      throw failure(classifyProviderError(error, signal), signal.aborted, provider.model);
    }
  }

  /** `detail` is null when the answer is valid against the schema, else what went wrong. */
  private async checkJsonSchema(
    provider: ChatProvider,
  ): Promise<{ detail: string | null; result: CompletionResult | undefined }> {
    let result: CompletionResult;
    try {
      result = await this.call(provider, JSON_CHECK);
    } catch (error) {
      // A server that refuses structured output (400) still works for plain text: report, do not fail.
      if (error instanceof AppError && error.options.errors?.[0]?.code === 'refused') {
        return { detail: `The server refused a JSON Schema request: ${error.detail}`, result: undefined };
      }
      throw error;
    }
    const parsed = parseStructuredOutput(result.text, checkSchema);
    if (parsed.ok) return { detail: null, result };
    const answer = result.text.trim().slice(0, 160);
    return { detail: `It answered "${answer}" (${parsed.problems[0]})`, result };
  }
}

/** The problem for a failed test: a sentence for people, the reason in `errors[0].code` for the UI. */
function failure(error: ProviderError, timedOut: boolean, model: string): AppError {
  const status = error.options.status;
  const [reason, field, message] = ((): [AiConnectionFailure, string, string] => {
    if (timedOut || error.kind === 'timeout')
      return [
        'timeout',
        'base_url',
        'The endpoint did not answer in time. A local model may still be loading: try again in a minute.',
      ];
    if (error.kind === 'connection')
      return [
        'unreachable',
        'base_url',
        'Could not reach the endpoint. Check the base URL and that the server is running.',
      ];
    if (status === 401 || status === 403)
      return ['unauthorized', 'api_key', `The endpoint refused the API key (HTTP ${status}). Check the key.`];
    if (status === 404)
      return [
        'model_not_found',
        'model',
        `The endpoint does not know the model "${model}" (HTTP 404). Check its name, or pull or load it on the server.`,
      ];
    if (error.kind === 'rejected')
      return [
        'refused',
        'base_url',
        status ? `The endpoint refused the request (HTTP ${status}).` : error.message,
      ];
    return ['error', 'base_url', `${error.message}.`];
  })();
  // The HTTP status and the model, for a client that words the reason itself (src/web/locales/*/ai.json).
  const facts = { model, ...(status === undefined ? {} : { status }) };
  return new AppError('ai_provider_error', message, {
    errors: [{ path: field, message, code: reason, facts }],
  });
}
