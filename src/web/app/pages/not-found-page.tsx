import { Link } from 'react-router';
import { PageTitle } from '#web/lib/page-title.js';
import '../layout/centered-page.css';

export function NotFoundPage() {
  return (
    <main id="main" className="centered-page" tabIndex={-1}>
      <PageTitle title="Page not found" />
      <div className="centered-page__panel centered-page__header">
        <h1>Page not found</h1>
        <p className="muted">There is nothing at this address.</p>
        <p>
          <Link to="/">Go to your workspaces</Link>
        </p>
      </div>
    </main>
  );
}
