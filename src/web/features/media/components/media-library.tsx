import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '#shared/media.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useMediaLibrary } from '../api/get-media.js';
import { useMediaUploads } from '../api/upload-media.js';
import { MakeImageDialog } from './make-image-dialog.js';
import { MediaDetails } from './media-details.js';
import { MediaFilterBar, toMediaFilters } from './media-filters.js';
import { MediaGrid } from './media-grid.js';
import { UploadZone } from './upload-zone.js';
import './media.css';

interface MediaLibraryProps {
  businessId: string;
  /** Owners, admins and editors upload, describe and delete; viewers look. */
  canEdit: boolean;
}

/** The workspace's library: upload, search, filter by tag, and each item's details. */
export function MediaLibrary({ businessId, canEdit }: MediaLibraryProps) {
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const filters = toMediaFilters(useDeferredValue(search), useDeferredValue(tag));
  const library = useMediaLibrary(businessId, filters);
  const uploads = useMediaUploads(businessId);
  const [selectedId, setSelectedId] = useState<string>();
  const [making, setMaking] = useState(false);
  const toast = useToast();
  const { t } = useTranslation('media');
  const items = (library.data?.pages ?? []).flatMap((page) => page.items);
  const selected: MediaItem | undefined = items.find((item) => item.id === selectedId);

  return (
    <div className="media-library">
      <div className="media-library__main stack">
        {canEdit && (
          <>
            <UploadZone uploads={uploads.uploads} onFiles={uploads.start} onDismiss={uploads.dismiss} />
            <div>
              <Button onClick={() => setMaking(true)}>{t('library.make')}</Button>
            </div>
          </>
        )}
        <MediaFilterBar search={search} tag={tag} onSearch={setSearch} onTag={setTag} />
        {library.isPending && <Spinner label={t('library.loading')} />}
        {library.isError && <Banner tone="danger">{describeError(library.error)}</Banner>}
        {library.isSuccess && items.length === 0 && (
          <EmptyState title={filters.q || filters.tag ? t('library.noMatchTitle') : t('library.emptyTitle')}>
            {filters.q || filters.tag ? t('library.noMatchText') : t('library.emptyText')}
          </EmptyState>
        )}
        {items.length > 0 && <MediaGrid items={items} onSelect={(item) => setSelectedId(item.id)} />}
        {library.hasNextPage && (
          <Button onClick={() => library.fetchNextPage()} loading={library.isFetchingNextPage}>
            {t('library.showMore')}
          </Button>
        )}
      </div>
      <MakeImageDialog
        businessId={businessId}
        open={making}
        onClose={() => setMaking(false)}
        onMade={(item) => {
          setMaking(false);
          toast(t('library.made', { name: item.name }), 'success');
          setSelectedId(item.id);
        }}
      />
      {selected && (
        <MediaDetails
          key={selected.id}
          businessId={businessId}
          item={selected}
          canEdit={canEdit}
          onClose={() => setSelectedId(undefined)}
        />
      )}
    </div>
  );
}
