import { can } from '#shared/roles.js';
import { BrandForm } from '#web/features/brand/components/brand-form.js';
import { useUpdateBusiness } from '#web/features/workspaces/api/update-business.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function BrandPage() {
  const business = useWorkspace();
  const updateBusiness = useUpdateBusiness(business.id);
  return (
    <>
      <PageTitle title={`Brand · ${business.name}`} />
      <div className="page-header__text">
        <h1>Brand</h1>
        <p className="muted">
          How {business.name} sounds and who it talks to. Every AI plan and post reads this.
        </p>
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
