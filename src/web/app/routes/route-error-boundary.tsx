import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from '#web/components/ui/button.js';
import { PageTitle } from '#web/lib/page-title.js';
import '../layout/centered-page.css';

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
    if (!this.state.failed) return this.props.children;
    return (
      <main id="main" className="centered-page">
        <PageTitle title="Something went wrong" />
        <div className="centered-page__panel stack">
          <h1>Something went wrong</h1>
          <p className="muted">This page failed to load. Reloading usually fixes it; your data is safe.</p>
          <div>
            <Button variant="primary" onClick={() => location.reload()}>
              Reload the page
            </Button>
          </div>
        </div>
      </main>
    );
  }
}
