import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Card } from '#web/components/ui/card.js';
import { CreateBusinessForm } from '#web/features/workspaces/components/create-business-form.js';
import { PageTitle } from '#web/lib/page-title.js';

/** Another workspace, for people who market more than one business. */
export function NewBusinessPage() {
  const navigate = useNavigate();
  const { t } = useTranslation('workspaces');
  return (
    <>
      <PageTitle title={t('page.newBusiness')} />
      <div className="page-header__text">
        <h1>{t('page.newBusiness')}</h1>
        <p className="muted">{t('page.newBusinessIntro')}</p>
      </div>
      <Card>
        <CreateBusinessForm onCreated={(business) => navigate(`/w/${business.id}`)} />
      </Card>
    </>
  );
}
