import { useNavigate } from 'react-router';
import { Card } from '#web/components/ui/card.js';
import { CreateBusinessForm } from '#web/features/workspaces/components/create-business-form.js';
import { PageTitle } from '#web/lib/page-title.js';

/** Another workspace, for people who market more than one business. */
export function NewBusinessPage() {
  const navigate = useNavigate();
  return (
    <>
      <PageTitle title="New business" />
      <div className="page-header__text">
        <h1>New business</h1>
        <p className="muted">
          Each business is a separate workspace with its own team, content and settings.
        </p>
      </div>
      <Card>
        <CreateBusinessForm onCreated={(business) => navigate(`/w/${business.id}`)} />
      </Card>
    </>
  );
}
