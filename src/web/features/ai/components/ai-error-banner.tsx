import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { ApiError } from '#web/lib/api-error.js';
import { describeError } from '#web/lib/error-messages.js';

/** Where owners and admins set the budget and the provider. */
export function aiSettingsPath(businessId: string): string {
  return `/w/${businessId}/settings/ai`;
}

/**
 * A failed AI request, in plain words. An exhausted budget (402) also tells people who can raise it where
 * to do so, and everyone else whom to ask.
 */
export function AiErrorBanner({
  error,
  business,
}: {
  error: unknown;
  business: Pick<Business, 'id' | 'role'>;
}) {
  const { t } = useTranslation('ai');
  const overBudget = error instanceof ApiError && error.code === 'budget_exceeded';
  if (!overBudget) return <Banner tone="danger">{describeError(error)}</Banner>;
  return (
    <Banner tone="danger" title={t('errorBanner.overBudget')}>
      {describeError(error)}{' '}
      {can(business.role, 'ai.manage') ? (
        <Link to={aiSettingsPath(business.id)}>{t('errorBanner.raise')}</Link>
      ) : (
        t('errorBanner.ask')
      )}
    </Banner>
  );
}
