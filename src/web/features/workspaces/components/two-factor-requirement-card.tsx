import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Business } from '#shared/business.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useUpdateBusiness } from '../api/update-business.js';

/** Owners only: whether members must have two-factor sign-in to use this workspace. */
export function TwoFactorRequirementCard({ business }: { business: Business }) {
  const update = useUpdateBusiness(business.id);
  const toast = useToast();
  const { t } = useTranslation('workspaces');
  if (business.role !== 'owner') return null;
  return (
    <Card title={t('twoFactor.title')} description={t('twoFactor.description')}>
      <div className="stack">
        {update.isError && <Banner tone="danger">{describeError(update.error)}</Banner>}
        <CheckboxField
          label={t('twoFactor.require')}
          hint={<Trans t={t} i18nKey="twoFactor.hint" components={{ profile: <Link to="/profile" /> }} />}
          checked={business.require_two_factor}
          disabled={update.isPending}
          onChange={(event) =>
            update.mutate(
              { require_two_factor: event.target.checked },
              {
                onSuccess: (saved) =>
                  toast(saved.require_two_factor ? t('twoFactor.required') : t('twoFactor.notRequired')),
              },
            )
          }
        />
      </div>
    </Card>
  );
}
