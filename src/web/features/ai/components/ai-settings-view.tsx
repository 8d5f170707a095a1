import { useTranslation } from 'react-i18next';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { useAiBudget } from '../api/get-ai-budget.js';
import { BudgetCard } from './budget-card.js';
import { ProviderCard } from './provider-card.js';
import './ai.css';

/** Settings → AI: the monthly budget and the provider. Owners and admins change them; editors read them. */
export function AiSettingsView({ business }: { business: Business }) {
  const { t } = useTranslation('ai');
  if (!can(business.role, 'ai.usage.read')) {
    return <Banner>{t('settings.noAccess')}</Banner>;
  }
  return (
    <>
      <BudgetSettings business={business} />
      <ProviderCard business={business} />
    </>
  );
}

function BudgetSettings({ business }: { business: Business }) {
  const budget = useAiBudget(business.id);
  const { t } = useTranslation('ai');
  if (budget.data) return <BudgetCard business={business} budget={budget.data} />;
  return (
    <Card title={t('budget.title')}>
      {budget.isError ? (
        <Banner tone="danger">{describeError(budget.error)}</Banner>
      ) : (
        <Spinner label={t('settings.loadingBudget')} />
      )}
    </Card>
  );
}
