import type ai from '../../locales/en/ai.json';
import type analytics from '../../locales/en/analytics.json';
import type auth from '../../locales/en/auth.json';
import type brand from '../../locales/en/brand.json';
import type campaigns from '../../locales/en/campaigns.json';
import type channels from '../../locales/en/channels.json';
import type common from '../../locales/en/common.json';
import type content from '../../locales/en/content.json';
import type dashboard from '../../locales/en/dashboard.json';
import type inbox from '../../locales/en/inbox.json';
import type jobs from '../../locales/en/jobs.json';
import type media from '../../locales/en/media.json';
import type notifications from '../../locales/en/notifications.json';
import type onboarding from '../../locales/en/onboarding.json';
import type problems from '../../locales/en/problems.json';
import type profile from '../../locales/en/profile.json';
import type publishing from '../../locales/en/publishing.json';
import type webhooks from '../../locales/en/webhooks.json';
import type workspaces from '../../locales/en/workspaces.json';

// The English strings are the catalogue: `t('nav.inbox')` type-checks against them, and a missing or
// misspelt key fails `npm run typecheck`. Each namespace (src/web/locales/en/<namespace>.json) is listed, but
// `validation`: its keys are English messages, looked up at run time (src/web/lib/field-messages.ts), never
// written in a `t()` call.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: typeof common;
      auth: typeof auth;
      dashboard: typeof dashboard;
      inbox: typeof inbox;
      notifications: typeof notifications;
      content: typeof content;
      workspaces: typeof workspaces;
      channels: typeof channels;
      media: typeof media;
      ai: typeof ai;
      analytics: typeof analytics;
      brand: typeof brand;
      campaigns: typeof campaigns;
      problems: typeof problems;
      jobs: typeof jobs;
      onboarding: typeof onboarding;
      profile: typeof profile;
      publishing: typeof publishing;
      webhooks: typeof webhooks;
    };
  }
}
