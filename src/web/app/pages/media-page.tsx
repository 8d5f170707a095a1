import { can } from '#shared/roles.js';
import { MediaLibrary } from '#web/features/media/components/media-library.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

export function MediaPage() {
  const business = useWorkspace();
  return (
    <>
      <PageTitle title={`Media · ${business.name}`} />
      <div className="page-header">
        <div className="page-header__text">
          <h1>Media</h1>
          <p className="muted">
            Photos and videos for your posts: upload once, describe them, attach them in the editor.
          </p>
        </div>
      </div>
      <MediaLibrary businessId={business.id} canEdit={can(business.role, 'media.write')} />
    </>
  );
}
