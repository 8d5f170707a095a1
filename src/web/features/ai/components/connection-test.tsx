import type { AiConnectionTest } from '#shared/ai.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { useTestAiConnection } from '../api/test-ai-connection.js';

/**
 * "Test connection": what the configured model answers, how fast, and whether it follows JSON schemas
 * (which every AI task relies on). A test is free: it is not charged to the budget.
 */
export function ConnectionTest({ businessId }: { businessId: string }) {
  const test = useTestAiConnection(businessId);
  return (
    <div className="stack ai-connection-test">
      <div>
        <Button loading={test.isPending} onClick={() => test.mutate()}>
          Test connection
        </Button>
      </div>
      {test.isError && (
        <Banner tone="danger" title="The connection test failed">
          {failureSentence(test.error)}
        </Banner>
      )}
      {test.data && <ConnectionResult result={test.data} />}
    </div>
  );
}

function ConnectionResult({ result }: { result: AiConnectionTest }) {
  return (
    <section aria-label="Connection test result" className="stack">
      <p>
        <Badge tone="success">Connected</Badge> <code>{result.answered_by}</code> answered in{' '}
        <strong>{result.latency_ms} ms</strong>:
      </p>
      <blockquote>{result.answer}</blockquote>
      {result.follows_json_schema ? (
        <p>
          <Badge tone="success">Follows JSON schemas</Badge> AI tasks can use this model.
        </p>
      ) : (
        <Banner tone="warning" title="Does not follow JSON schemas">
          Calendars, drafts and replies need answers in a set shape; this model or server ignored it, so most
          AI tasks will fail with it. {result.json_schema_detail}
        </Banner>
      )}
      <p className="muted">
        {result.prompt_tokens + result.completion_tokens} tokens; a test is not charged to the budget.
      </p>
    </section>
  );
}

/** The reason the server gave (unreachable, wrong key, unknown model, timeout), else the usual sentence. */
function failureSentence(error: unknown): string {
  if (error instanceof ApiError && error.fieldErrors[0]) return error.fieldErrors[0].message;
  return describeError(error);
}
