import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageSpinner } from '../components/ui/spinner.js';
import { RootLayout } from './layout/root-layout.js';
import { lazyPage } from './lazy-page.js';
import { GuestOnly, RequireAuth } from './routes/require-auth.js';
import { RouteErrorBoundary } from './routes/route-error-boundary.js';

// Every page, and the app shell the guest pages do not use, is its own chunk: the sign-in page ships little.
const SignInPage = lazyPage(() => import('./pages/sign-in-page.js'), 'SignInPage', ['auth']);
const SignUpPage = lazyPage(() => import('./pages/sign-up-page.js'), 'SignUpPage', ['auth']);
const ConfirmSignUpPage = lazyPage(() => import('./pages/confirm-sign-up-page.js'), 'ConfirmSignUpPage', [
  'auth',
]);
const ForgotPasswordPage = lazyPage(() => import('./pages/forgot-password-page.js'), 'ForgotPasswordPage', [
  'auth',
]);
const ResetPasswordPage = lazyPage(() => import('./pages/reset-password-page.js'), 'ResetPasswordPage', [
  'auth',
]);
const UnsubscribePage = lazyPage(() => import('./pages/unsubscribe-page.js'), 'UnsubscribePage', [
  'notifications',
]);
const ReviewPage = lazyPage(() => import('./pages/review-page.js'), 'ReviewPage', ['content']);
const HomeRedirect = lazyPage(() => import('./routes/home-redirect.js'), 'HomeRedirect');
const OnboardingPage = lazyPage(() => import('./pages/onboarding-page.js'), 'OnboardingPage', ['onboarding']);
const AppShell = lazyPage(() => import('./layout/app-shell.js'), 'AppShell', ['notifications', 'workspaces']);
const NewBusinessPage = lazyPage(() => import('./pages/new-business-page.js'), 'NewBusinessPage', [
  'workspaces',
]);
const ProfilePage = lazyPage(() => import('./pages/profile-page.js'), 'ProfilePage', ['profile']);
const WorkspaceLayout = lazyPage(() => import('./layout/workspace-layout.js'), 'WorkspaceLayout', [
  'jobs',
  'publishing',
]);
const DashboardPage = lazyPage(() => import('./pages/dashboard-page.js'), 'DashboardPage', [
  'ai',
  'dashboard',
]);
const SettingsLayout = lazyPage(() => import('./layout/settings-layout.js'), 'SettingsLayout');
const GeneralSettingsPage = lazyPage(
  () => import('./pages/general-settings-page.js'),
  'GeneralSettingsPage',
  ['workspaces'],
);
const MembersPage = lazyPage(() => import('./pages/members-page.js'), 'MembersPage', ['workspaces']);
const ApiKeysPage = lazyPage(() => import('./pages/api-keys-page.js'), 'ApiKeysPage', ['workspaces']);
const AuditLogPage = lazyPage(() => import('./pages/audit-log-page.js'), 'AuditLogPage', ['workspaces']);
const AiSettingsPage = lazyPage(() => import('./pages/ai-settings-page.js'), 'AiSettingsPage', ['ai']);
const WebhooksPage = lazyPage(() => import('./pages/webhooks-page.js'), 'WebhooksPage', ['webhooks']);
const WebhookPage = lazyPage(() => import('./pages/webhook-page.js'), 'WebhookPage', ['webhooks']);
const PublishingSettingsPage = lazyPage(
  () => import('./pages/publishing-settings-page.js'),
  'PublishingSettingsPage',
  ['publishing'],
);
const ChannelsSettingsPage = lazyPage(
  () => import('./pages/channels-settings-page.js'),
  'ChannelsSettingsPage',
  ['channels'],
);
const AiUsagePage = lazyPage(() => import('./pages/ai-usage-page.js'), 'AiUsagePage', ['ai']);
const BrandPage = lazyPage(() => import('./pages/brand-page.js'), 'BrandPage', ['brand']);
const CampaignsPage = lazyPage(() => import('./pages/campaigns-page.js'), 'CampaignsPage', ['campaigns']);
const NewCampaignPage = lazyPage(() => import('./pages/new-campaign-page.js'), 'NewCampaignPage', [
  'campaigns',
]);
const CampaignPage = lazyPage(() => import('./pages/campaign-page.js'), 'CampaignPage', ['campaigns']);
const EditCampaignPage = lazyPage(() => import('./pages/edit-campaign-page.js'), 'EditCampaignPage', [
  'campaigns',
]);
const CalendarPage = lazyPage(() => import('./pages/calendar-page.js'), 'CalendarPage', ['content']);
const ContentPage = lazyPage(() => import('./pages/content-page.js'), 'ContentPage', ['content']);
const ContentItemPage = lazyPage(() => import('./pages/content-item-page.js'), 'ContentItemPage', [
  'content',
]);
const ComposePage = lazyPage(() => import('./pages/compose-page.js'), 'ComposePage', ['content']);
const MediaPage = lazyPage(() => import('./pages/media-page.js'), 'MediaPage', ['media']);
const StudioPage = lazyPage(() => import('./pages/studio-page.js'), 'StudioPage', ['content']);
const InboxPage = lazyPage(() => import('./pages/inbox-page.js'), 'InboxPage', ['inbox']);
const QueueSettingsPage = lazyPage(() => import('./pages/queue-settings-page.js'), 'QueueSettingsPage', [
  'publishing',
]);
const InboxSettingsPage = lazyPage(() => import('./pages/inbox-settings-page.js'), 'InboxSettingsPage', [
  'inbox',
]);
const AnalyticsPage = lazyPage(() => import('./pages/analytics-page.js'), 'AnalyticsPage', ['analytics']);
const AnalyticsForecastPage = lazyPage(
  () => import('./pages/analytics-forecast-page.js'),
  'AnalyticsForecastPage',
  ['analytics'],
);
const JobsPage = lazyPage(() => import('./pages/jobs-page.js'), 'JobsPage', ['jobs']);
const JobPage = lazyPage(() => import('./pages/job-page.js'), 'JobPage', ['jobs']);
const NotificationsPage = lazyPage(() => import('./pages/notifications-page.js'), 'NotificationsPage', [
  'notifications',
]);
const NotificationSettingsPage = lazyPage(
  () => import('./pages/notification-settings-page.js'),
  'NotificationSettingsPage',
  ['notifications'],
);
const DevOutboxPage = lazyPage(() => import('./pages/dev-outbox-page.js'), 'DevOutboxPage');
const NotFoundPage = lazyPage(() => import('./pages/not-found-page.js'), 'NotFoundPage');

/** The route table. A feature adds its pages under `w/:businessId` and its entry in navigation.ts. */
export function AppRoutes() {
  return (
    <RouteErrorBoundary>
      <Suspense fallback={<PageSpinner />}>
        <Routes>
          <Route element={<RootLayout />}>
            <Route element={<GuestOnly />}>
              <Route path="sign-in" element={<SignInPage />} />
              <Route path="sign-up" element={<SignUpPage />} />
              <Route path="sign-up/confirm" element={<ConfirmSignUpPage />} />
              <Route path="forgot-password" element={<ForgotPasswordPage />} />
              <Route path="reset-password" element={<ResetPasswordPage />} />
            </Route>
            {/* An email's unsubscribe link works signed in or not: its token says whose email it is. */}
            <Route path="unsubscribe" element={<UnsubscribePage />} />
            {/* A client's review link: no account, the token in its fragment is the credential. */}
            <Route path="review" element={<ReviewPage />} />
            {/* Development without SMTP: the API answers only on the server's machine. */}
            <Route path="dev/outbox" element={<DevOutboxPage />} />
            <Route element={<RequireAuth />}>
              <Route index element={<HomeRedirect />} />
              <Route path="onboarding" element={<OnboardingPage />} />
              <Route element={<AppShell />}>
                <Route path="new-business" element={<NewBusinessPage />} />
                <Route path="profile" element={<ProfilePage />} />
                <Route path="w/:businessId" element={<WorkspaceLayout />}>
                  <Route index element={<DashboardPage />} />
                  <Route path="ai-usage" element={<AiUsagePage />} />
                  <Route path="calendar" element={<CalendarPage />} />
                  <Route path="content" element={<ContentPage />} />
                  <Route path="content/:itemId" element={<ContentItemPage />} />
                  <Route path="compose" element={<ComposePage />} />
                  <Route path="studio" element={<StudioPage />} />
                  <Route path="media" element={<MediaPage />} />
                  <Route path="inbox" element={<InboxPage />} />
                  <Route path="analytics" element={<AnalyticsPage />} />
                  <Route path="analytics/forecast" element={<AnalyticsForecastPage />} />
                  <Route path="jobs" element={<JobsPage />} />
                  <Route path="jobs/:jobId" element={<JobPage />} />
                  <Route path="notifications" element={<NotificationsPage />} />
                  <Route path="brand" element={<BrandPage />} />
                  <Route path="campaigns" element={<CampaignsPage />} />
                  <Route path="campaigns/new" element={<NewCampaignPage />} />
                  <Route path="campaigns/:campaignId" element={<CampaignPage />} />
                  <Route path="campaigns/:campaignId/edit" element={<EditCampaignPage />} />
                  <Route path="settings" element={<SettingsLayout />}>
                    <Route index element={<GeneralSettingsPage />} />
                    <Route path="members" element={<MembersPage />} />
                    <Route path="notifications" element={<NotificationSettingsPage />} />
                    <Route path="api-keys" element={<ApiKeysPage />} />
                    <Route path="audit-log" element={<AuditLogPage />} />
                    <Route path="ai" element={<AiSettingsPage />} />
                    <Route path="publishing" element={<PublishingSettingsPage />} />
                    <Route path="channels" element={<ChannelsSettingsPage />} />
                    <Route path="queue" element={<QueueSettingsPage />} />
                    <Route path="inbox" element={<InboxSettingsPage />} />
                    <Route path="webhooks" element={<WebhooksPage />} />
                    <Route path="webhooks/:webhookId" element={<WebhookPage />} />
                  </Route>
                </Route>
              </Route>
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </Suspense>
    </RouteErrorBoundary>
  );
}
