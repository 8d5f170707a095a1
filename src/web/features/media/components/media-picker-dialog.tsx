import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaItem } from '#shared/media.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Dialog } from '#web/components/ui/dialog.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { describeError } from '#web/lib/error-messages.js';
import { useMediaLibrary } from '../api/get-media.js';
import { MediaFilterBar, toMediaFilters } from './media-filters.js';
import { MediaGrid } from './media-grid.js';
import './media.css';

interface MediaPickerDialogProps {
  businessId: string;
  open: boolean;
  onClose: () => void;
  /** The chosen items, in the order they were picked. */
  onPick: (items: MediaItem[]) => void;
  /** Already attached: not offered again. */
  excludeIds: ReadonlySet<string>;
}

/** Choose items from the library to attach: search, filter by tag, click to pick (again to unpick). */
export function MediaPickerDialog({ businessId, open, onClose, onPick, excludeIds }: MediaPickerDialogProps) {
  const [search, setSearch] = useState('');
  const [tag, setTag] = useState('');
  const [picked, setPicked] = useState<MediaItem[]>([]);
  const { t } = useTranslation('media');
  const library = useMediaLibrary(
    businessId,
    toMediaFilters(useDeferredValue(search), useDeferredValue(tag)),
  );
  const items = (library.data?.pages ?? [])
    .flatMap((page) => page.items)
    .filter((item) => item.status === 'ready' && !excludeIds.has(item.id));
  const toggle = (item: MediaItem) =>
    setPicked((all) =>
      all.some((p) => p.id === item.id) ? all.filter((p) => p.id !== item.id) : [...all, item],
    );
  const close = () => {
    setPicked([]);
    onClose();
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('picker.title')}
      footer={
        <>
          <Button onClick={close}>{t('picker.cancel')}</Button>
          <Button
            variant="primary"
            disabled={picked.length === 0}
            onClick={() => {
              onPick(picked);
              setPicked([]);
            }}
          >
            {picked.length > 1 ? t('picker.attachItems', { count: picked.length }) : t('picker.attach')}
          </Button>
        </>
      }
    >
      <div className="stack">
        <MediaFilterBar search={search} tag={tag} onSearch={setSearch} onTag={setTag} />
        {library.isPending && <Spinner label={t('picker.loading')} />}
        {library.isError && <Banner tone="danger">{describeError(library.error)}</Banner>}
        {library.isSuccess && items.length === 0 && <p className="muted">{t('picker.empty')}</p>}
        {items.length > 0 && (
          <MediaGrid items={items} onSelect={toggle} selectedIds={new Set(picked.map((item) => item.id))} />
        )}
        {library.hasNextPage && (
          <Button onClick={() => library.fetchNextPage()} loading={library.isFetchingNextPage}>
            {t('library.showMore')}
          </Button>
        )}
      </div>
    </Dialog>
  );
}
