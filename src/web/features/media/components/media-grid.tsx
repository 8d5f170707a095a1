import { useTranslation } from 'react-i18next';
import type { MediaItem } from '#shared/media.schema.js';
import { MediaThumbnail } from '#web/components/ui/media-thumbnail.js';
import { thumbnailRendition } from './media-format.js';

interface MediaGridProps {
  items: readonly MediaItem[];
  onSelect: (item: MediaItem) => void;
  /** Items shown as chosen (pressed). */
  selectedIds?: ReadonlySet<string>;
}

/** The library as tiles: thumbnail, name, and a mark on images still without alt text. */
export function MediaGrid({ items, onSelect, selectedIds }: MediaGridProps) {
  const { t } = useTranslation('media');
  return (
    <ul className="media-grid" aria-label={t('grid.label')}>
      {items.map((item) => (
        <li key={item.id}>
          <button
            type="button"
            className="media-grid__tile"
            onClick={() => onSelect(item)}
            aria-pressed={selectedIds ? selectedIds.has(item.id) : undefined}
            aria-label={item.name}
          >
            <MediaThumbnail
              mediaId={item.id}
              rendition={thumbnailRendition(item)}
              revision={item.updated_at}
              kind={item.kind}
              alt=""
            />
            <span className="media-grid__name">{item.name}</span>
            {item.kind === 'image' && item.alt_text === '' && (
              <span className="media-grid__flag">{t('grid.noAltText')}</span>
            )}
            {item.status !== 'ready' && (
              <span className="media-grid__flag">{t(`status.${item.status}`)}</span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
