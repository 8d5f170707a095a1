import type { NetworkAccountRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import { fetchAvatar } from '#server/integrations/networks/avatar-fetch.js';
import type { Repositories } from '#server/repositories/index.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import { type AvatarImage, squareAvatar } from './avatar-image.js';

/** A stored avatar is read again after a day (a network may change the picture behind the same address). */
export const AVATAR_FRESH_MS = 24 * 60 * 60 * 1000;
/** An avatar is not worth holding up a connection for longer. */
const AVATAR_TIMEOUT_MS = 5_000;

/** What keeping avatars needs: `fetch` is the guarded fetch every network call goes through. */
export interface NetworkAvatarDeps {
  repos: Repositories;
  fetch: typeof fetch;
  now: () => Date;
  timeoutMs?: number;
}

/**
 * Connected accounts' avatars, served from our own origin (the CSP allows no remote images): read from
 * the network's address at connect and reconnect, again on a reading when a day old, kept as a small
 * WebP. A failed read never fails what triggered it: the account keeps its last avatar, or none.
 *
 * @example
 * const etag = await avatars.read(row); // after connecting; null: no avatar to show
 */
export class NetworkAvatarService {
  constructor(private readonly deps: NetworkAvatarDeps) {}

  /** Read the account's avatar now; answers the ETag of the avatar kept afterwards (null: none). */
  async read(account: NetworkAccountRow): Promise<string | null> {
    const { repos, now } = this.deps;
    const kept = await repos.networkAccounts.findAvatar(account.business_id, account.id);
    if (!account.avatar_url) {
      if (kept) await repos.networkAccounts.deleteAvatar(account.business_id, account.id);
      return null;
    }
    const fresh = await this.fetchSquare(account.avatar_url);
    const at = now().toISOString();
    if (!fresh) {
      // Keep the last picture we had (the network's CDN may be down for a moment); try again tomorrow.
      if (kept) await repos.networkAccounts.touchAvatar(account.business_id, account.id, at);
      return kept?.etag ?? null;
    }
    if (kept?.etag === fresh.etag && kept.source_url === account.avatar_url) {
      await repos.networkAccounts.touchAvatar(account.business_id, account.id, at);
      return kept.etag;
    }
    await repos.networkAccounts.saveAvatar({
      account_id: account.id,
      business_id: account.business_id,
      image: fresh.image,
      etag: fresh.etag,
      source_url: account.avatar_url,
      checked_at: at,
    });
    return fresh.etag;
  }

  /** `read`, but errors are swallowed: the caller's own work (a connection, a reading) goes on. */
  async readQuietly(account: NetworkAccountRow): Promise<string | null> {
    try {
      return await this.read(account);
    } catch {
      return null;
    }
  }

  /** On a reading: read it again when it changed address, is missing, or is a day old. */
  async refreshIfStale(account: NetworkAccountRow): Promise<void> {
    try {
      const kept = await this.deps.repos.networkAccounts.findAvatar(account.business_id, account.id);
      const stale =
        !kept ||
        kept.source_url !== account.avatar_url ||
        this.deps.now().getTime() - new Date(kept.checked_at).getTime() >= AVATAR_FRESH_MS;
      if (stale && (account.avatar_url || kept)) await this.read(account);
    } catch {
      // The reading it rides on goes on; the next one tries again.
    }
  }

  /** The avatar for a member of the account's workspace; another workspace's account answers 404. */
  async open(principal: Principal, accountId: string): Promise<AvatarImage> {
    const { repos } = this.deps;
    const businessId = await repos.networkAccounts.businessIdOf(accountId);
    await requireRowRole(repos, principal, businessId, 'business.read', 'account');
    const avatar = businessId ? await repos.networkAccounts.findAvatar(businessId, accountId) : undefined;
    if (!avatar) throw new AppError('not_found', 'This account has no avatar');
    return { image: Buffer.from(avatar.image), etag: avatar.etag };
  }

  /** ETag of every account of the workspace that has an avatar. */
  async etags(businessId: string): Promise<Map<string, string>> {
    const stamps = await this.deps.repos.networkAccounts.listAvatarStamps(businessId);
    return new Map(stamps.map((stamp) => [stamp.account_id, stamp.etag]));
  }

  private async fetchSquare(url: string): Promise<AvatarImage | undefined> {
    const http = { fetch: this.deps.fetch, timeoutMs: this.deps.timeoutMs ?? AVATAR_TIMEOUT_MS };
    const bytes = await fetchAvatar(http, url);
    return bytes ? squareAvatar(bytes) : undefined;
  }
}
