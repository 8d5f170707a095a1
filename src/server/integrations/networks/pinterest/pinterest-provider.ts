import {
  count,
  countOrNull,
  firstLink,
  httpUrl,
  type JsonRequest,
  jsonCall,
  type NetworkHttp,
  refused,
  textField,
  unexpectedAnswer,
} from '../json-http.js';
import type { ProcessingWait } from '../media-processing.js';
import { refreshSession } from '../oauth-token.js';
import type {
  ConnectedAccount,
  NetworkImage,
  NetworkProvider,
  NetworkResult,
  OAuthSpec,
  OAuthTarget,
  OAuthTokens,
} from '../provider.js';
import { PINTEREST, PINTEREST_API } from './pinterest-api.js';
import { uploadPinterestVideo } from './pinterest-video.js';

// Pinterest through its REST API v5 (developers.pinterest.com/docs/api/v5/). Every Pin goes to a board, so
// a connected Pinterest account is one board of a login: its remote id is the board id (the only thing a
// Pin needs besides the token), its name the user's and the board's. Connecting two boards of one login
// gives two accounts, each publishing to its own board. A Pin carries one image or a carousel of 2 to 5,
// sent as a link Pinterest fetches where the server has a public address, else as base64 in the request;
// or one video, uploaded first (pinterest-video.ts).
// Pinterest's API has no comments or mentions to read and no replies; Pins have no idempotency key.

export { PINTEREST, PINTEREST_API } from './pinterest-api.js';

export interface PinterestProviderDeps extends NetworkHttp, ProcessingWait {
  /** The API and OAuth address (tests: the contract fake); Pinterest's own otherwise. */
  baseUrl?: string;
}

/** Reading boards and Pins (analytics), creating Pins, and reading the user's profile. */
export const PINTEREST_SCOPES = ['boards:read', 'pins:read', 'pins:write', 'user_accounts:read'];

/** POST /v5/pins: `title` up to 100 characters, `description` and `alt_text` up to 500. */
const TITLE_LIMIT = 100;
const DESCRIPTION_LIMIT = 500;
const MAX_IMAGES = 5;
/** Where a video Pin's cover is taken from, in seconds. */
const COVER_FRAME_SECONDS = 1;
/** Pin analytics reach back at most 90 days. */
const ANALYTICS_DAYS = 89;
const BOARD_PAGES = 5;

interface UserAccount {
  username?: string;
  business_name?: string;
  profile_image?: string;
  account_type?: string;
}
interface Board {
  id?: string;
  name?: string;
  privacy?: string;
  media?: { image_cover_url?: string | null };
}

/**
 * @example
 * const pinterest = createPinterestProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * const boards = await pinterest.targets(tokens);
 */
export function createPinterestProvider(deps: PinterestProviderDeps): NetworkProvider<OAuthTokens> {
  const api = (deps.baseUrl ?? 'https://api.pinterest.com').replace(/\/+$/, '');
  const www = (deps.baseUrl ?? 'https://www.pinterest.com').replace(/\/+$/, '');
  const oauth: OAuthSpec = {
    authorizeUrl: `${www}/oauth/`,
    tokenUrl: `${api}/v5/oauth/token`,
    scopes: PINTEREST_SCOPES,
    scopeSeparator: ',',
    pkce: false,
    clientAuth: 'basic',
  };
  const call = <T>(token: string, request: Omit<JsonRequest, 'url' | 'token'> & { path: string }) => {
    const { path, ...rest } = request;
    return jsonCall<T>(deps, PINTEREST_API, { ...rest, url: `${api}/v5/${path}`, token });
  };

  async function boards(token: string): Promise<NetworkResult<Board[]>> {
    const out: Board[] = [];
    let bookmark: string | null = null;
    for (let page = 0; page < BOARD_PAGES; page += 1) {
      const query = new URLSearchParams({ page_size: '100' });
      if (bookmark) query.set('bookmark', bookmark);
      const read = await call<{ items?: Board[]; bookmark?: string | null }>(token, {
        method: 'GET',
        path: `boards?${query}`,
      });
      if (!read.ok) return read;
      out.push(...(read.value.body?.items ?? []));
      bookmark = read.value.body?.bookmark ?? null;
      if (!bookmark) break;
    }
    return { ok: true, value: out };
  }

  return {
    oauth,

    async connect(tokens) {
      const user = await call<UserAccount>(tokens.access_token, { method: 'GET', path: 'user_account' });
      if (!user.ok) return user;
      const username = textField(user.value.body, 'username');
      if (!username) return { ok: false, failure: unexpectedAnswer(PINTEREST, 'the account’s username') };
      let board: Board | undefined;
      if (tokens.target_id) {
        const read = await call<Board>(tokens.access_token, {
          method: 'GET',
          path: `boards/${encodeURIComponent(tokens.target_id)}`,
        });
        if (!read.ok) return read;
        board = read.value.body ?? undefined;
      } else {
        const all = await boards(tokens.access_token);
        if (!all.ok) return all;
        if (all.value.length !== 1) {
          return {
            ok: false,
            failure: refused(
              all.value.length === 0
                ? `@${username} has no board on Pinterest: create one, then connect again`
                : `@${username} has ${all.value.length} boards on Pinterest: pick the one Pins go to`,
            ),
          };
        }
        board = all.value[0];
      }
      const boardId = board?.id;
      if (!boardId) return { ok: false, failure: unexpectedAnswer(PINTEREST, 'the board’s id') };
      const owner = textField(user.value.body, 'business_name') ?? username;
      const account: ConnectedAccount = {
        baseUrl: '',
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        tokenExpiresAt:
          tokens.expires_in === null
            ? null
            : new Date(deps.now().getTime() + tokens.expires_in * 1000).toISOString(),
        remoteAccountId: boardId,
        displayName: `${owner} · ${board?.name ?? boardId}`,
        handle: `@${username} · ${board?.name ?? boardId}`,
        avatarUrl: httpUrl(user.value.body?.profile_image),
        profileUrl: `https://www.pinterest.com/${encodeURIComponent(username)}/`,
        scopes: tokens.scopes,
      };
      return { ok: true, value: account };
    },

    async targets(tokens) {
      const all = await boards(tokens.access_token);
      if (!all.ok) return all;
      const targets: OAuthTarget[] = all.value.flatMap((board) =>
        board.id
          ? [
              {
                id: board.id,
                name:
                  board.privacy === 'SECRET'
                    ? `${board.name ?? board.id} (secret)`
                    : (board.name ?? board.id),
                avatarUrl: httpUrl(board.media?.image_cover_url),
              },
            ]
          : [],
      );
      return { ok: true, value: targets };
    },

    refresh(session) {
      return refreshSession(deps, PINTEREST, oauth, session);
    },

    async publish(session, publication) {
      if (publication.published.some((part) => part.position === 0)) {
        return { ok: true, value: [...publication.published].sort((a, b) => a.position - b.position) };
      }
      if (publication.parts.length > 1) {
        return { ok: false, failure: refused('Pinterest has no threads: put the text in one Pin') };
      }
      if (publication.firstComment) {
        return {
          ok: false,
          failure: refused('Pinterest’s API cannot comment on a Pin: remove the first comment'),
        };
      }
      const media = await publication.media();
      if (media.length === 0) {
        return { ok: false, failure: refused('A Pin needs an image: attach one to the post') };
      }
      const video = media.find((file) => file.kind === 'video');
      if (video && media.length > 1) {
        return {
          ok: false,
          failure: refused('A video Pin carries one video alone, without images or a second video'),
        };
      }
      if (media.length > MAX_IMAGES) {
        return { ok: false, failure: refused(`A Pin carries at most ${MAX_IMAGES} images`) };
      }
      const text = publication.parts[0] ?? '';
      const link = firstLink(text);
      const title = publication.title?.trim();
      const alt = media[0]?.description.trim();
      let source: Record<string, unknown>;
      if (video) {
        const uploaded = await uploadPinterestVideo(deps, api, session.accessToken, video);
        if (!uploaded.ok) return uploaded;
        source = {
          source_type: 'video_id',
          media_id: uploaded.value,
          // In seconds: a frame one second in (Pinterest's video rules ask for four at least).
          cover_image_key_frame_time: COVER_FRAME_SECONDS,
        };
      } else {
        source = mediaSource(media as NetworkImage[]);
      }
      const posted = await call<{ id?: string }>(session.accessToken, {
        method: 'POST',
        path: 'pins',
        json: {
          board_id: session.remoteAccountId,
          ...(title ? { title: [...title].slice(0, TITLE_LIMIT).join('') } : {}),
          // As written: the channel rules keep it within 500 characters; Pinterest refuses longer in its words.
          description: text,
          ...(link ? { link } : {}),
          ...(alt ? { alt_text: [...alt].slice(0, DESCRIPTION_LIMIT).join('') } : {}),
          media_source: source,
        },
      });
      if (!posted.ok) return posted;
      const id = textField(posted.value.body, 'id');
      if (!id)
        return { ok: false, failure: unexpectedAnswer(PINTEREST, 'the Pin’s id', posted.value.status) };
      const part = {
        position: 0,
        remoteId: id,
        url: `https://www.pinterest.com/pin/${encodeURIComponent(id)}/`,
      };
      await publication.onPublished(part);
      return { ok: true, value: [part] };
    },

    async metrics(session, remoteId) {
      const today = deps.now();
      const start = new Date(today.getTime() - ANALYTICS_DAYS * 86_400_000);
      const query = new URLSearchParams({
        start_date: start.toISOString().slice(0, 10),
        end_date: today.toISOString().slice(0, 10),
        metric_types: 'IMPRESSION,SAVE,PIN_CLICK,OUTBOUND_CLICK',
        app_types: 'ALL',
        split_field: 'NO_SPLIT',
      });
      const read = await call<{ all?: { summary_metrics?: Record<string, unknown> } }>(session.accessToken, {
        method: 'GET',
        path: `pins/${encodeURIComponent(remoteId)}/analytics?${query}`,
      });
      if (!read.ok) return read;
      const summary = read.value.body?.all?.summary_metrics;
      if (!summary)
        return { ok: false, failure: unexpectedAnswer(PINTEREST, `analytics for Pin ${remoteId}`) };
      const pinClicks = countOrNull(summary.PIN_CLICK);
      const outbound = countOrNull(summary.OUTBOUND_CLICK);
      return {
        ok: true,
        value: {
          impressions: countOrNull(summary.IMPRESSION),
          // Pinterest reports no unique reach per Pin, nor likes or comments in Pin analytics.
          reach: null,
          likes: 0,
          comments: 0,
          // A save puts the Pin on someone else's board: Pinterest's share.
          shares: count(summary.SAVE),
          // Clicks to the Pin's close-up and out to its link: both are clicks on the Pin.
          clicks: pinClicks === null && outbound === null ? null : (pinClicks ?? 0) + (outbound ?? 0),
        },
      };
    },

    async mentions(_session, since) {
      // Pinterest's API offers no comments, mentions or messages to read.
      return { ok: true, value: { mentions: [], cursor: since } };
    },

    async reply() {
      return {
        ok: false,
        failure: refused('Pinterest’s API cannot reply to comments: answer on Pinterest itself'),
      };
    },
  };
}

/** Links where every file has one (Pinterest fetches them), else the files themselves, base64-encoded. */
function mediaSource(media: NetworkImage[]): Record<string, unknown> {
  const urls = media.map((file) => httpUrl(file.url ?? null));
  const linked = urls.every((url): url is string => url !== null);
  if (media.length === 1) {
    const file = media[0] as NetworkImage;
    return linked
      ? { source_type: 'image_url', url: urls[0] }
      : { source_type: 'image_base64', content_type: file.mimeType, data: file.bytes.toString('base64') };
  }
  return linked
    ? {
        source_type: 'multiple_image_urls',
        items: media.map((file, index) => ({
          url: urls[index],
          ...(file.description ? { description: file.description.slice(0, DESCRIPTION_LIMIT) } : {}),
        })),
      }
    : {
        source_type: 'multiple_image_base64',
        items: media.map((file) => ({
          content_type: file.mimeType,
          data: file.bytes.toString('base64'),
          ...(file.description ? { description: file.description.slice(0, DESCRIPTION_LIMIT) } : {}),
        })),
      };
}
