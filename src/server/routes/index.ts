import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../composition-root.js';
import type { Config } from '../config/config.js';
import { authenticateWith } from '../plugins/auth.plugin.js';
import { namedPlugin } from '../plugins/named-plugin.js';
import { aiRoutes } from './ai.routes.js';
import { analyticsRoutes } from './analytics.routes.js';
import { apiKeyRoutes } from './api-key.routes.js';
import { authRoutes } from './auth.routes.js';
import { campaignRoutes } from './campaign.routes.js';
import { connectorRoutes } from './connector.routes.js';
import { contentRoutes } from './content.routes.js';
import { contentCommentRoutes } from './content-comment.routes.js';
import { calendarFeedRoutes, contentExportRoutes } from './content-export.routes.js';
import { contentItemRoutes } from './content-items.routes.js';
import { devOutboxRoutes } from './dev-outbox.routes.js';
import { inboundRoutes } from './inbound.routes.js';
import { inboxRoutes } from './inbox.routes.js';
import { jobRoutes } from './jobs.routes.js';
import { mediaRoutes, signedMediaRoutes } from './media.routes.js';
import { mediaStudioRoutes } from './media-studio.routes.js';
import { memberRoutes } from './member.routes.js';
import { messageRoutes } from './messages.routes.js';
import { networkAccountRoutes } from './network-account.routes.js';
import { notificationRoutes, unsubscribeRoutes } from './notification.routes.js';
import { oauthCallbackRoutes, oauthRoutes } from './oauth.routes.js';
import { passkeyRoutes } from './passkey.routes.js';
import { queueRoutes } from './queue.routes.js';
import { reviewLinkRoutes, sharedReviewRoutes } from './review-link.routes.js';
import { webhookRoutes } from './webhook.routes.js';
import { workspaceRoutes } from './workspace.routes.js';

/** Register every `/api` route; `buildApp` calls this inside the `/api` prefix. */
export async function registerApiRoutes(
  app: FastifyInstance,
  services: Services,
  config: Config,
): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('principal', null);
  await app.register(namedPlugin('auth-routes', authRoutes(services, config)));
  await app.register(namedPlugin('passkey-routes', passkeyRoutes(services, config)));
  // The calendar feed authenticates by the secret token in its URL (calendar apps send no headers).
  await app.register(namedPlugin('calendar-feed-routes', calendarFeedRoutes(services)));
  // A client's review link authenticates by the secret token it carries, until it expires or is revoked.
  await app.register(namedPlugin('shared-review-routes', sharedReviewRoutes(services)));
  // The inbound webhook authenticates by the workspace's signature on each request.
  await app.register(namedPlugin('inbound-routes', inboundRoutes(services)));
  // Signed media links authenticate by their own signature and expiry (networks fetch them).
  await app.register(namedPlugin('signed-media-routes', signedMediaRoutes(services)));
  // Unsubscribe links authenticate by their own signature (mail apps POST them without a session).
  await app.register(namedPlugin('unsubscribe-routes', unsubscribeRoutes(services)));
  // The networks' redirect back after their consent page: a browser navigation, bound by the flow's cookie.
  await app.register(namedPlugin('oauth-callback-routes', oauthCallbackRoutes(services)));
  // Development without SMTP: the emails the app would have sent, for this machine only.
  await app.register(namedPlugin('dev-outbox-routes', devOutboxRoutes(services.mailer)));
  // Everything below needs a user access token or a workspace API key.
  await app.register(
    namedPlugin('protected-routes', async (protectedApp: FastifyInstance) => {
      protectedApp.addHook('onRequest', authenticateWith(services));
      await protectedApp.register(namedPlugin('workspace-routes', workspaceRoutes(services)));
      await protectedApp.register(namedPlugin('member-routes', memberRoutes(services)));
      await protectedApp.register(namedPlugin('api-key-routes', apiKeyRoutes(services)));
      await protectedApp.register(namedPlugin('ai-routes', aiRoutes(services)));
      await protectedApp.register(namedPlugin('content-routes', contentRoutes(services)));
      await protectedApp.register(namedPlugin('job-routes', jobRoutes(services)));
      await protectedApp.register(namedPlugin('campaign-routes', campaignRoutes(services)));
      await protectedApp.register(namedPlugin('content-item-routes', contentItemRoutes(services)));
      await protectedApp.register(namedPlugin('content-export-routes', contentExportRoutes(services)));
      await protectedApp.register(namedPlugin('review-link-routes', reviewLinkRoutes(services)));
      await protectedApp.register(namedPlugin('queue-routes', queueRoutes(services)));
      await protectedApp.register(namedPlugin('content-comment-routes', contentCommentRoutes(services)));
      await protectedApp.register(namedPlugin('analytics-routes', analyticsRoutes(services)));
      await protectedApp.register(namedPlugin('connector-routes', connectorRoutes(services)));
      await protectedApp.register(namedPlugin('network-account-routes', networkAccountRoutes(services)));
      await protectedApp.register(namedPlugin('oauth-routes', oauthRoutes(services, config)));
      await protectedApp.register(namedPlugin('webhook-routes', webhookRoutes(services)));
      await protectedApp.register(namedPlugin('message-routes', messageRoutes(services)));
      await protectedApp.register(namedPlugin('inbox-routes', inboxRoutes(services)));
      await protectedApp.register(namedPlugin('media-routes', mediaRoutes(services, config)));
      await protectedApp.register(namedPlugin('media-studio-routes', mediaStudioRoutes(services)));
      await protectedApp.register(namedPlugin('notification-routes', notificationRoutes(services)));
    }),
  );
}
