import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Business } from '#shared/business.schema.js';
import { currencyMinorDigits, defaultCurrency } from '#shared/currency.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';
import { type SimulateRequest, useLiveForecast } from '../api/simulate.js';
import { draftKeyOf, initialDraft, randomSeed, toSimulateRequest } from '../forecast-draft.js';
import { useDebouncedValue } from '../hooks/use-debounced-value.js';
import { type CampaignChoice, ForecastForm } from './forecast-form.js';
import { ForecastResultsView } from './forecast-results.js';
import './analytics.css';
import { translateFieldMessage } from '#web/lib/field-messages.js';
import { formatNumber } from '#web/lib/workspace-format.js';

/** Typing pauses this long before the forecast re-runs. */
const DEBOUNCE_MS = 400;

interface ForecastViewProps {
  business: Business;
  campaigns: readonly CampaignChoice[];
  /** Open on this campaign (from its page's "Adjust the forecast" link). */
  campaignId?: string | undefined;
}

/**
 * The forecast workbench: inputs on one side, the answer on the other, re-run as the inputs change. The
 * request is checked with the shared schema first, so an impossible plan is explained at once; a valid
 * one is debounced, and a newer one cancels the request still running for an older one.
 */
export function ForecastView({ business, campaigns, campaignId }: ForecastViewProps) {
  const [draft, setDraft] = useState(() => initialDraft(campaignId, randomSeed(), defaultCurrency(business)));
  const { t } = useTranslation('analytics');
  const minorPerMajor = 10 ** currencyMinorDigits(draft.currency.trim().toUpperCase() || 'USD');
  const { body, errors, included } = toSimulateRequest(business.id, draft, minorPerMajor, {
    chooseCampaign: t('form.chooseCampaign'),
  });
  // Debounce the request's text, not the object, so an unchanged plan does not restart the timer.
  const settled = useDebouncedValue(body ? JSON.stringify(body) : '', DEBOUNCE_MS);
  const request = useMemo(() => (settled ? (JSON.parse(settled) as SimulateRequest) : undefined), [settled]);
  const writable = can(business.role, 'analytics.write');
  const forecast = useLiveForecast(business.id, writable ? request : undefined);

  // The server's field errors (a budget on a channel without ads) land on the same inputs as local ones.
  const serverErrors: Record<string, string> = {};
  if (forecast.error instanceof ApiError) {
    for (const fieldError of forecast.error.fieldErrors) {
      const path = fieldError.path.replace(/^body\./, '').split('.');
      serverErrors[draftKeyOf(path, included)] ??= translateFieldMessage(fieldError.message);
    }
  }
  const pending = body !== undefined && (JSON.stringify(body) !== settled || forecast.isFetching);

  return (
    <div className="forecast-layout">
      <div className="forecast-layout__inputs">
        <ForecastForm
          draft={draft}
          errors={{ ...serverErrors, ...errors }}
          campaigns={campaigns}
          onChange={setDraft}
        />
      </div>
      <div className="forecast-layout__results">
        {!writable && <Banner>{t('view.readOnly')}</Banner>}
        <p className="forecast-status" role="status">
          {pending ? (
            <>
              <Spinner size="sm" label="" /> {t('view.running')}
            </>
          ) : body !== undefined && forecast.data && !forecast.isError ? (
            t('view.ready', {
              count: forecast.data.results.trials,
              trials: formatNumber(forecast.data.results.trials),
            })
          ) : (
            ''
          )}
        </p>
        {body === undefined && Object.keys(errors).length > 0 && (
          <Banner tone="warning" title={t('view.invalidTitle')}>
            {t('view.invalid')}
          </Banner>
        )}
        {forecast.isError && <Banner tone="danger">{describeError(forecast.error)}</Banner>}
        {forecast.data && (
          <div
            className={pending || body === undefined ? 'forecast-stale' : undefined}
            aria-busy={pending || undefined}
          >
            <ForecastResultsView simulation={forecast.data} />
          </div>
        )}
      </div>
    </div>
  );
}
