import { useTranslation } from 'react-i18next';
import type { ContentMedia } from '#shared/content.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import { useCampaignChoices } from '#web/features/campaigns/api/get-campaigns.js';
import { ComposeView } from '#web/features/content/components/compose/compose-view.js';
import { MediaPickerDialog } from '#web/features/media/components/media-picker-dialog.js';
import { PageTitle } from '#web/lib/page-title.js';
import { useWorkspace } from '../layout/workspace-layout.js';

/** Smallest first, as the server picks an attachment's thumbnail (content-media.ts). */
const THUMBNAILS = ['w320.webp', 'w320.jpg', 'w640.webp', 'w640.jpg'];

/** A library item as the composer attaches it. */
function toAttached(item: MediaItem): ContentMedia {
  const renditions = new Set(item.renditions.map((rendition) => rendition.id));
  return {
    id: item.id,
    kind: item.kind,
    name: item.name,
    alt_text: item.alt_text,
    mime_type: item.mime_type,
    size_bytes: item.size_bytes,
    width: item.width,
    height: item.height,
    video: item.video,
    thumbnail: THUMBNAILS.find((id) => renditions.has(id)) ?? null,
  };
}

export function ComposePage() {
  const { t } = useTranslation('content');
  const business = useWorkspace();
  const campaigns = useCampaignChoices(business.id);
  return (
    <>
      <PageTitle title={t('pages.compose.documentTitle', { workspace: business.name })} />
      <div className="page-header__text">
        <h1>{t('pages.compose.title')}</h1>
        <p className="muted">{t('pages.compose.intro')}</p>
      </div>
      <ComposeView
        business={business}
        campaigns={campaigns}
        renderMediaPicker={(slot) => (
          <MediaPickerDialog
            businessId={business.id}
            open={slot.open}
            onClose={slot.onClose}
            excludeIds={slot.excludeIds}
            onPick={(items) => slot.onPick(items.map(toAttached))}
          />
        )}
      />
    </>
  );
}
