import type { PublishableMedia } from '#server/integrations/connectors/index.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ChannelId } from '#shared/channel-ids.js';
import type { SignedMediaLinks } from '../media/signed-media-links.js';
import { publishedFile } from '../networks/network-media.js';

/** How long a link in a publish webhook works: a receiver that queues the post fetches it within a week. */
export const PUBLISHED_MEDIA_LINK_SECONDS = 7 * 24 * 3600;

export interface PublishedMediaLinksDeps {
  repos: Repositories;
  links: SignedMediaLinks;
  /** The server's public address; without it the links are paths a receiver resolves against it. */
  publicUrl: string | undefined;
  now: () => Date;
}

/**
 * The media of an item as a webhook receiver gets them: for each attached file, a signed link (no sign-in,
 * expiring) to the same file a native channel provider would upload for that channel (see publishedFile),
 * with its type, size and alt text.
 */
export class PublishedMediaLinks {
  constructor(private readonly deps: PublishedMediaLinksDeps) {}

  async forItem(businessId: string, itemId: string, channel: ChannelId): Promise<PublishableMedia[]> {
    const rows = await this.deps.repos.contentMedia.forItems(businessId, [itemId]);
    const expires = Math.floor(this.deps.now().getTime() / 1000) + PUBLISHED_MEDIA_LINK_SECONDS;
    return rows.map((row) => {
      const file = publishedFile(channel, row);
      const path = this.deps.links.path({ businessId, mediaId: row.id, variant: file.variant, expires });
      return {
        id: row.id,
        kind: row.kind,
        name: file.fileName,
        mime_type: file.mimeType,
        width: file.width,
        height: file.height,
        alt_text: row.alt_text,
        url: this.deps.publicUrl ? new URL(path, this.deps.publicUrl).toString() : path,
        expires_at: new Date(expires * 1000).toISOString(),
      };
    });
  }
}
