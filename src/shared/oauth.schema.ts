import { z } from 'zod';
import { idSchema, listOf, timestampSchema } from './common.schema.js';
import { NETWORK_IDS } from './network.schema.js';

// Connecting network accounts through OAuth 2 (X, and every network whose provider describes an OAuth
// flow): the networks that connect this way, a workspace's own OAuth app on one, and the flow's steps.

/** A network connected through OAuth, as Settings → Channels shows it. */
export const oauthNetworkSchema = z.object({
  network: z.enum(NETWORK_IDS),
  name: z.string(),
  /** What mcc asks the network for: the least that publishing, results and conversations need. */
  scopes: z.array(z.string()),
  /** The address to register as the app's redirect (callback) URL with the network. */
  redirect_url: z.string(),
  /**
   * Whose app connects accounts: the instance's (from its environment), the workspace's own, or none yet
   * (then connecting answers `oauth_app_missing`). The workspace's own wins when both exist.
   */
  app_source: z.enum(['instance', 'workspace']).nullable(),
  /** The workspace's own app, if it set one: its client id (the secret is never returned). */
  workspace_app: z
    .object({ client_id: z.string(), has_secret: z.boolean(), updated_at: timestampSchema })
    .nullable(),
});
export type OAuthNetwork = z.infer<typeof oauthNetworkSchema>;
export const oauthNetworkListSchema = listOf(oauthNetworkSchema);

export const oauthNetworkListQuerySchema = z.strictObject({ business_id: idSchema });
export const oauthNetworkParamsSchema = z.strictObject({ network: z.enum(NETWORK_IDS) });

const oauthCredential = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Paste the app’s ${what}`)
    .max(500)
    .regex(/^[\x21-\x7e]+$/, `A ${what} has no spaces or special characters`);

/** `PUT /api/oauth/{network}/app`: the workspace's own OAuth app on the network. */
export const saveOAuthAppBodySchema = z.strictObject({
  business_id: idSchema,
  client_id: oauthCredential('client ID'),
  /** Leave out for a public client (PKCE only). */
  client_secret: oauthCredential('client secret').nullable().default(null),
});
export type SaveOAuthAppBody = z.infer<typeof saveOAuthAppBodySchema>;

/** `POST /api/oauth/{network}/start`. */
export const startOAuthBodySchema = z.strictObject({
  business_id: idSchema,
  /** Reconnect this account: the flow must come back with the same remote account. */
  account_id: idSchema.optional(),
});
export type StartOAuthBody = z.infer<typeof startOAuthBodySchema>;

/** Where to send the person: the network's consent page, with the flow's state and PKCE challenge. */
export const oauthStartSchema = z.object({
  authorization_url: z.string(),
  /** The flow must come back before then. */
  expires_at: timestampSchema,
});
export type OAuthStart = z.infer<typeof oauthStartSchema>;

/** What the network sends back to the redirect URL (RFC 6749 §4.1.2); unknown extras are ignored. */
export const oauthCallbackQuerySchema = z.object({
  code: z.string().max(4096).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

/** How the flow ended, in the query of the channels page the callback redirects to. */
export const OAUTH_OUTCOMES = ['connected', 'pick', 'failed'] as const;
export type OAuthOutcome = (typeof OAUTH_OUTCOMES)[number];

/** One account a login can publish as (a Page, an organization, a location). */
export const oauthTargetSchema = z.object({
  id: z.string(),
  name: z.string(),
  avatar_url: z.string().nullable(),
});

/** A flow waiting for the person to pick the account to connect. */
export const oauthPickSchema = z.object({
  id: idSchema,
  business_id: idSchema,
  network: z.enum(NETWORK_IDS),
  targets: z.array(oauthTargetSchema),
  expires_at: timestampSchema,
});
export type OAuthPick = z.infer<typeof oauthPickSchema>;

export const oauthPickParamsSchema = z.strictObject({ id: idSchema });
export const oauthPickBodySchema = z.strictObject({
  target_id: z.string().trim().min(1, 'Pick an account').max(200),
});
export type OAuthPickBody = z.infer<typeof oauthPickBodySchema>;
