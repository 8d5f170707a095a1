import { useDeferredValue, useState } from 'react';
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
  const items = (library.data?.pages ?? []).flatMap((page) => page.items);
  const selected: MediaItem | undefined = items.find((item) => item.id === selectedId);

  return (
    <div className="media-library">
      <div className="media-library__main stack">
        {canEdit && (
          <>
            <UploadZone uploads={uploads.uploads} onFiles={uploads.start} onDismiss={uploads.dismiss} />
            <div>
              <Button onClick={() => setMaking(true)}>Make an image</Button>
            </div>
          </>
        )}
        <MediaFilterBar search={search} tag={tag} onSearch={setSearch} onTag={setTag} />
        {library.isPending && <Spinner label="Loading the library" />}
        {library.isError && <Banner tone="danger">{describeError(library.error)}</Banner>}
        {library.isSuccess && items.length === 0 && (
          <EmptyState title={filters.q || filters.tag ? 'Nothing matches' : 'No media yet'}>
            {filters.q || filters.tag
              ? 'Try another word or tag.'
              : 'Upload photos and videos once, then attach them to posts.'}
          </EmptyState>
        )}
        {items.length > 0 && <MediaGrid items={items} onSelect={(item) => setSelectedId(item.id)} />}
        {library.hasNextPage && (
          <Button onClick={() => library.fetchNextPage()} loading={library.isFetchingNextPage}>
            Show more
          </Button>
        )}
      </div>
      <MakeImageDialog
        businessId={businessId}
        open={making}
        onClose={() => setMaking(false)}
        onMade={(item) => {
          setMaking(false);
          toast(`${item.name} is in the library`, 'success');
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
