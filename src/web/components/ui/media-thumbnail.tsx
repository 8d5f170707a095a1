import { useMediaObjectUrl } from '../../lib/media-files.js';
import './media-thumbnail.css';
import { useTranslation } from 'react-i18next';

interface MediaThumbnailProps {
  mediaId: string;
  /** A rendition id such as `w320.webp`; null for items without one (video, HEIC): a labelled tile. */
  rendition: string | null;
  /** The item's `updated_at`: new crops after a focal point change are fetched again. */
  revision: string;
  kind: 'image' | 'video';
  /** The item's alt text; empty means decorative here, as the item's name is shown beside it. */
  alt: string;
}

/** A library item's small picture, fetched with the session (the API serves files to members only). */
export function MediaThumbnail({ mediaId, rendition, revision, kind, alt }: MediaThumbnailProps) {
  const { url, failed } = useMediaObjectUrl(mediaId, rendition, revision);
  const { t } = useTranslation();
  if (!rendition || failed) {
    return (
      <span
        className="media-thumbnail media-thumbnail--placeholder"
        role="img"
        aria-label={alt || t(kind === 'video' ? 'media.video' : 'media.image')}
      >
        {kind === 'video' ? t('media.video') : failed ? t('media.notLoaded') : t('media.noPreview')}
      </span>
    );
  }
  if (!url) return <span className="media-thumbnail media-thumbnail--loading" aria-hidden="true" />;
  return <img className="media-thumbnail" src={url} alt={alt} loading="lazy" draggable={false} />;
}
