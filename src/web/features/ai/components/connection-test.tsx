import { Trans, useTranslation } from 'react-i18next';
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
          {failureSentence(test.error)}
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

/** The reason the server gave (unreachable, wrong key, unknown model, timeout), else the usual sentence. */
function failureSentence(error: unknown): string {
  if (error instanceof ApiError && error.fieldErrors[0]) return error.fieldErrors[0].message;
  return describeError(error);
}
