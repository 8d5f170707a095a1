import { Readable } from 'node:stream';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import { DEFAULT_BRAND_VISUAL } from '#shared/brand.schema.js';
import { ALT_TEXT_MAX, type MediaItem } from '#shared/media.schema.js';
import { CARD_ASPECTS, type CreateCardBody } from '#shared/media-cards.schema.js';
import type { Principal } from '../../access/principal.js';
import { requireWorkspaceRole } from '../../access/workspace-access.js';
import { parseBrandProfile } from '../../workspace/brand-profile.js';
import type { MediaService } from '../media.service.js';
import { paragraphsOf } from './card-text.js';
import { renderCard } from './render-card.js';

/**
 * Branded text cards: drawn on this server from the brand's colours and font, then taken into the library
 * exactly like an upload (type check, quota, renditions), so no image service is needed to illustrate a
 * post.
 */
export class TextCardService {
  constructor(private readonly deps: { repos: Repositories; media: MediaService }) {}

  async create(principal: Principal, businessId: string, body: CreateCardBody): Promise<MediaItem> {
    // Checked before drawing so a viewer's request costs nothing; the upload checks again.
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'media.write');
    const business = await this.deps.repos.businesses.findById(businessId);
    if (!business) throw new AppError('not_found', 'No such workspace');
    const visual = parseBrandProfile(business.brand_profile).visual ?? DEFAULT_BRAND_VISUAL;
    const png = await renderCard({
      kind: body.kind,
      headline: body.headline,
      body: body.body,
      footer: body.footer,
      businessName: body.show_business_name ? business.name : '',
      visual,
      ...CARD_ASPECTS[body.aspect],
    });
    return this.deps.media.upload(principal, businessId, {
      stream: Readable.from([png]),
      fileName: `${body.kind} card - ${body.headline.slice(0, 60)}.png`,
      // A text card's alt text is its own words: exact, so it is filled in (people may still edit it).
      describe: { altText: cardAltText(body), tags: ['card', body.kind] },
    });
  }
}

/** Everything the card says, in reading order, as one line of alt text. */
export function cardAltText(body: Pick<CreateCardBody, 'kind' | 'headline' | 'body' | 'footer'>): string {
  const parts =
    body.kind === 'event' ? [body.footer, body.headline, body.body] : [body.headline, body.body, body.footer];
  const text = parts
    .flatMap((part) => paragraphsOf(part))
    .map((line) => (/[.!?…:]$/u.test(line) ? line : `${line}.`))
    .join(' ');
  return text.length > ALT_TEXT_MAX ? `${text.slice(0, ALT_TEXT_MAX - 1)}…` : text;
}
