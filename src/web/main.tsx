// First: schemas read this setting when they are constructed.
import './lib/zod-without-eval.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import './app/styles/tokens.css';
import './app/styles/base.css';
import { AppRoutes } from './app/app-routes.js';
import { AppProviders } from './app/providers.js';
import { startTelemetry } from './features/telemetry/start-telemetry.js';
import { startRefreshTimer } from './lib/auth/refresh-timer.js';
import { restoreSession } from './lib/auth/restore-session.js';
import { ensureTemporal } from './lib/ensure-temporal.js';
import { followAccountLanguage } from './lib/i18n/account-language.js';
import { startI18n } from './lib/i18n/i18n.js';
import { initialLanguage } from './lib/i18n/languages.js';
import { createQueryClient } from './lib/query-client.js';
import { applyThemePreference, getThemePreference } from './lib/theme.js';

// Before the first render, so a chosen theme never flashes the other one.
applyThemePreference(getThemePreference());
startTelemetry();
startRefreshTimer();
void restoreSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain <div id="root">');

// The first screen waits for its language's common strings (one small chunk) rather than showing keys, and
// for Temporal where the browser has none of its own.
void Promise.all([startI18n(initialLanguage()), ensureTemporal()]).then(([i18n]) => {
  followAccountLanguage(i18n);
  createRoot(root).render(
    <StrictMode>
      <AppProviders queryClient={createQueryClient()}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </AppProviders>
    </StrictMode>,
  );
});
