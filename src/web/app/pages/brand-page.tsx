import { useTranslation } from 'react-i18next';
import { can } from '#shared/roles.js';
import { BrandForm } from '#web/features/brand/components/brand-form.js';
import { useUpdateBusiness } from '#web/features/workspaces/api/update-business.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function BrandPage() {
  const business = useWorkspace();
  const updateBusiness = useUpdateBusiness(business.id);
  const { t } = useTranslation('brand');
  return (
    <>
      <PageTitle title={t('page.title', { workspace: business.name })} />
      <div className="page-header__text">
        <h1>{t('page.heading')}</h1>
        <p className="muted">{t('page.description', { workspace: business.name })}</p>
      </div>
      <BrandForm
        key={business.updated_at}
        brand={business.brand}
        editable={can(business.role, 'business.update')}
        onSave={(brand) => updateBusiness.mutateAsync({ brand })}
      />
    </>
  );
}
