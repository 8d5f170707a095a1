import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../composition-root.js';
import type { Config } from '../config/config.js';
import { authenticateWith } from '../plugins/auth.plugin.js';
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
  await app.register(authRoutes(services, config));
  await app.register(passkeyRoutes(services, config));
  // The calendar feed authenticates by the secret token in its URL (calendar apps send no headers).
  await app.register(calendarFeedRoutes(services));
  // A client's review link authenticates by the secret token it carries, until it expires or is revoked.
  await app.register(sharedReviewRoutes(services));
  // The inbound webhook authenticates by the workspace's signature on each request.
  await app.register(inboundRoutes(services));
  // Signed media links authenticate by their own signature and expiry (networks fetch them).
  await app.register(signedMediaRoutes(services));
  // Unsubscribe links authenticate by their own signature (mail apps POST them without a session).
  await app.register(unsubscribeRoutes(services));
  // The networks' redirect back after their consent page: a browser navigation, bound by the flow's cookie.
  await app.register(oauthCallbackRoutes(services));
  // Development without SMTP: the emails the app would have sent, for this machine only.
  await app.register(devOutboxRoutes(services.mailer));
  // Everything below needs a user access token or a workspace API key.
  await app.register(async (protectedApp) => {
    protectedApp.addHook('onRequest', authenticateWith(services));
    await protectedApp.register(workspaceRoutes(services));
    await protectedApp.register(memberRoutes(services));
    await protectedApp.register(apiKeyRoutes(services));
    await protectedApp.register(aiRoutes(services));
    await protectedApp.register(contentRoutes(services));
    await protectedApp.register(jobRoutes(services));
    await protectedApp.register(campaignRoutes(services));
    await protectedApp.register(contentItemRoutes(services));
    await protectedApp.register(contentExportRoutes(services));
    await protectedApp.register(reviewLinkRoutes(services));
    await protectedApp.register(queueRoutes(services));
    await protectedApp.register(contentCommentRoutes(services));
    await protectedApp.register(analyticsRoutes(services));
    await protectedApp.register(connectorRoutes(services));
    await protectedApp.register(networkAccountRoutes(services));
    await protectedApp.register(oauthRoutes(services, config));
    await protectedApp.register(webhookRoutes(services));
    await protectedApp.register(messageRoutes(services));
    await protectedApp.register(inboxRoutes(services));
    await protectedApp.register(mediaRoutes(services, config));
    await protectedApp.register(mediaStudioRoutes(services));
    await protectedApp.register(notificationRoutes(services));
  });
}
