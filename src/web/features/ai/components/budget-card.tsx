import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import type { BudgetStatus } from '#shared/ai.schema.js';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { dateTimeFormat } from '#web/lib/workspace-format.js';
import { formatMicroUsd } from '../money.js';
import { BudgetForm } from './budget-form.js';

/**
 * The budget month as the workspace counts it: its calendar month, in its time zone (the server's too).
 * @example budgetMonth('2026-11-30T15:00:00.000Z', 'Asia/Tokyo', t) // 'Spending in December, from midnight on 1 December in Asia/Tokyo.'
 */
export function budgetMonth(monthStart: string, timeZone: string, t: TFunction<'ai'>): string {
  const zoned = (options: Intl.DateTimeFormatOptions) =>
    dateTimeFormat({ ...options, timeZone }).format(new Date(monthStart));
  return t('budget.month', {
    month: zoned({ month: 'long' }),
    day: zoned({ day: 'numeric', month: 'long' }),
    timeZone: timeZone.replaceAll('_', ' '),
  });
}

/**
 * This month's spending against the limit. Over the limit, AI requests are paused: owners and admins get
 * the form to raise it right here, everyone else is told whom to ask.
 */
export function BudgetCard({ business, budget }: { business: Business; budget: BudgetStatus }) {
  const { t } = useTranslation('ai');
  const manager = can(business.role, 'ai.manage');
  return (
    <Card
      title={t('budget.title')}
      tone={budget.exceeded ? 'danger' : 'default'}
      description={t('budget.description', { month: budgetMonth(budget.month_start, business.time_zone, t) })}
    >
      <div className="stack">
        {budget.exceeded && (
          <Banner tone="danger" title={t('budget.spentTitle')}>
            {manager ? t('budget.pausedRaise') : t('budget.pausedAsk')}
          </Banner>
        )}
        <BudgetMeter budget={budget} />
        {manager ? (
          <BudgetForm key={budget.monthly_limit_micro_usd} businessId={business.id} budget={budget} />
        ) : (
          <p className="muted">{t('budget.managersOnly')}</p>
        )}
      </div>
    </Card>
  );
}

/** Spent vs limit as a bar; without a limit, just what was spent. Amounts in `locale` (the reader's by default). */
export function BudgetMeter({ budget, locale }: { budget: BudgetStatus; locale?: string }) {
  const { t } = useTranslation('ai');
  const usd = (micro: number) => formatMicroUsd(micro, locale);
  const spent = budget.spent_this_month_micro_usd;
  const limit = budget.monthly_limit_micro_usd;
  if (limit === null) {
    return (
      <p>
        <Trans
          t={t}
          i18nKey="budget.spentNoLimit"
          values={{ spent: usd(spent) }}
          components={{ spent: <strong className="ai-budget__spent" />, muted: <span className="muted" /> }}
        />
      </p>
    );
  }
  const share = limit === 0 ? 1 : Math.min(1, spent / limit);
  const state = budget.exceeded ? 'over' : share >= 0.8 ? 'near' : 'ok';
  const remaining = budget.remaining_micro_usd ?? Math.max(0, limit - spent);
  const text = t('budget.meterText', { spent: usd(spent), limit: usd(limit), remaining: usd(remaining) });
  return (
    <div className="ai-budget">
      <p className="ai-budget__figures">
        <span>
          <Trans
            t={t}
            i18nKey="budget.spentOf"
            values={{ spent: usd(spent), limit: usd(limit) }}
            components={{ strong: <strong /> }}
          />
        </span>
        <span className={state === 'ok' ? 'muted' : `ai-budget__left--${state}`}>
          {t('budget.left', { amount: usd(remaining) })}
        </span>
      </p>
      {/* biome-ignore lint/a11y/useSemanticElements: <meter> cannot be styled alike in every browser and both schemes; the ARIA meter role says the same. */}
      <div
        className={`ai-budget__track ai-budget__track--${state}`}
        role="meter"
        aria-label={t('budget.meterLabel')}
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={Math.min(spent, limit)}
        aria-valuetext={text}
      >
        <div className="ai-budget__fill" style={{ width: `${share * 100}%` }} />
      </div>
    </div>
  );
}
