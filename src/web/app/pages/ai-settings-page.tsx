import { AiSettingsView } from '../../features/ai/components/ai-settings-view.js';
import { PageTitle } from '../../lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function AiSettingsPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`AI settings · ${business.name}`} />
      <AiSettingsView business={business} />
    </>
  );
}
