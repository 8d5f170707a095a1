import { AiSettingsView } from '#web/features/ai/components/ai-settings-view.js';
import { PageTitle } from '#web/lib/page-title.js';
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
