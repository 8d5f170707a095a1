import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import type { AiConnectionFailure, AiConnectionTest } from '#shared/ai.schema.js';
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
  const { t } = useTranslation('ai');
  return (
    <div className="stack ai-connection-test">
      <div>
        <Button loading={test.isPending} onClick={() => test.mutate()}>
          {t('connection.test')}
        </Button>
      </div>
      {test.isError && (
        <Banner tone="danger" title={t('connection.failed')}>
          {failureSentence(test.error, t)}
        </Banner>
      )}
      {test.data && <ConnectionResult result={test.data} />}
    </div>
  );
}

function ConnectionResult({ result }: { result: AiConnectionTest }) {
  const { t } = useTranslation('ai');
  return (
    <section aria-label={t('connection.result')} className="stack">
      <p>
        <Badge tone="success">{t('connection.connected')}</Badge>{' '}
        <Trans
          t={t}
          i18nKey="connection.answered"
          values={{ model: result.answered_by, latency: result.latency_ms }}
          components={{ code: <code />, strong: <strong /> }}
        />
      </p>
      <blockquote>{result.answer}</blockquote>
      {result.follows_json_schema ? (
        <p>
          <Badge tone="success">{t('connection.followsJson')}</Badge> {t('connection.canUse')}
        </p>
      ) : (
        <Banner tone="warning" title={t('connection.noJsonTitle')}>
          {t('connection.noJson')} {result.json_schema_detail}
        </Banner>
      )}
      <p className="muted">
        {t('connection.tokens', { count: result.prompt_tokens + result.completion_tokens })}
      </p>
    </section>
  );
}

/**
 * Reasons worded here, in the reader's language, with the facts each sentence names; any other (`error`:
 * the endpoint's own message) or one without its facts is shown in the server's words.
 */
type WordedFailure = Exclude<AiConnectionFailure, 'error'>;
const WORDED_FAILURES: Record<WordedFailure, readonly string[]> = {
  timeout: [],
  unreachable: [],
  unauthorized: ['status'],
  model_not_found: ['model', 'status'],
  refused: ['status'],
};

/** Why the test failed (unreachable, wrong key, unknown model, timeout), else the usual sentence. */
function failureSentence(error: unknown, t: TFunction<'ai'>): string {
  const reason = error instanceof ApiError ? error.fieldErrors[0] : undefined;
  if (!reason) return describeError(error);
  const facts = reason.facts ?? {};
  const code = reason.code as WordedFailure;
  const worded =
    Object.hasOwn(WORDED_FAILURES, code) && WORDED_FAILURES[code].every((name) => facts[name] !== undefined);
  return worded ? t(`connection.failures.${code}`, facts) : reason.message;
}
