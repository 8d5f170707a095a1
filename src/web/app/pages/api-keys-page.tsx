import { ApiKeysCard } from '#web/features/workspaces/components/api-keys-card.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function ApiKeysPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`API keys · ${business.name}`} />
      <ApiKeysCard business={business} />
    </>
  );
}
