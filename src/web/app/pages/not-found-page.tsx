import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '#web/lib/page-title.js';
import '../layout/centered-page.css';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="centered-page" tabIndex={-1}>
      <PageTitle title={t('notFound.title')} />
      <div className="centered-page__panel centered-page__header">
        <h1>{t('notFound.title')}</h1>
        <p className="muted">{t('notFound.hint')}</p>
        <p>
          <Link to="/">{t('notFound.goToWorkspaces')}</Link>
        </p>
      </div>
    </main>
  );
}
