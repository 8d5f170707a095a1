import type { NetworkHttp } from '../json-http.js';
import type { NetworkResult, OAuthSpec, OAuthTokens } from '../provider.js';
import { graphCall } from './graph-api.js';
import { FACEBOOK_GRAPH_VERSION } from './graph-shared.js';

// Facebook Login, which the Facebook Pages and the Instagram (with Facebook Login) providers share: the
// dialog and token endpoints, the trade of the short-lived user token for a long-lived one, and the Pages
// the person manages, each with its own Page token (developers.facebook.com/docs/facebook-login/guides/
// access-tokens/get-long-lived). A Page token obtained with a long-lived user token does not expire.

export const FACEBOOK_API = 'https://graph.facebook.com';
export const FACEBOOK_WEB = 'https://www.facebook.com';

/** The Login dialog and token endpoint for these scopes; both follow a test's base-URL override. */
export function facebookOAuth(baseUrl: string | undefined, scopes: string[]): OAuthSpec {
  return {
    authorizeUrl: `${baseUrl ?? FACEBOOK_WEB}/${FACEBOOK_GRAPH_VERSION}/dialog/oauth`,
    tokenUrl: `${baseUrl ?? FACEBOOK_API}/${FACEBOOK_GRAPH_VERSION}/oauth/access_token`,
    scopes,
    scopeSeparator: ',',
    pkce: false,
    clientAuth: 'body',
  };
}

/** A Page the person manages, as `/me/accounts` lists it. */
export interface ManagedPage {
  id: string;
  name: string;
  username?: string;
  link?: string;
  access_token?: string;
  picture?: { data?: { url?: string } };
  instagram_business_account?: {
    id: string;
    username?: string;
    name?: string;
    profile_picture_url?: string;
  };
}

/** The long-lived user token (60 days), or the short-lived one when the app's secret is not at hand. */
export async function longLivedUserToken(
  http: NetworkHttp,
  network: string,
  apiUrl: string,
  tokens: OAuthTokens,
): Promise<NetworkResult<{ token: string; longLived: boolean }>> {
  if (!tokens.client?.clientSecret)
    return { ok: true, value: { token: tokens.access_token, longLived: false } };
  const traded = await graphCall<{ access_token: string }>(http, network, {
    method: 'GET',
    apiUrl,
    path: 'oauth/access_token',
    token: null,
    query: {
      grant_type: 'fb_exchange_token',
      client_id: tokens.client.clientId,
      client_secret: tokens.client.clientSecret,
      fb_exchange_token: tokens.access_token,
    },
  });
  if (!traded.ok) return traded;
  return { ok: true, value: { token: traded.value.access_token, longLived: true } };
}

/** The Pages the user token manages (with their Page tokens), following Graph's pages. */
export async function managedPages(
  http: NetworkHttp,
  network: string,
  apiUrl: string,
  userToken: string,
  fields: string,
): Promise<NetworkResult<ManagedPage[]>> {
  const pages: ManagedPage[] = [];
  let after: string | null = null;
  // A person rarely manages more than a few hundred Pages; ten pages of 100 bounds a runaway cursor.
  for (let page = 0; page < 10; page += 1) {
    const query: Record<string, string> = { fields, limit: '100' };
    if (after) query.after = after;
    const read: NetworkResult<{
      data: ManagedPage[];
      paging?: { cursors?: { after?: string }; next?: string };
    }> = await graphCall(http, network, {
      method: 'GET',
      apiUrl,
      path: 'me/accounts',
      token: userToken,
      query,
    });
    if (!read.ok) return read;
    pages.push(...(read.value.data ?? []));
    after = read.value.paging?.next ? (read.value.paging.cursors?.after ?? null) : null;
    if (!after) break;
  }
  return { ok: true, value: pages };
}
