import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '#web/components/ui/button.js';
import { PageTitle } from '#web/lib/page-title.js';
import '../layout/centered-page.css';
import { useTranslation } from 'react-i18next';

interface State {
  failed: boolean;
}

/**
 * Catches a page that throws while rendering, including a page chunk that no longer exists after a deploy
 * (reloading fetches the new build). The error is re-dispatched so telemetry records it.
 */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, _info: ErrorInfo): void {
    window.reportError(error);
  }

  override render() {
    return this.state.failed ? <FailedPage /> : this.props.children;
  }
}

function FailedPage() {
  const { t } = useTranslation();
  return (
    <main id="main" className="centered-page">
      <PageTitle title={t('crash.title')} />
      <div className="centered-page__panel stack">
        <h1>{t('crash.title')}</h1>
        <p className="muted">{t('crash.body')}</p>
        <div>
          <Button variant="primary" onClick={() => location.reload()}>
            {t('crash.reload')}
          </Button>
        </div>
      </div>
    </main>
  );
}
