import { useTranslation } from 'react-i18next';
import { TextField } from '#web/components/ui/field.js';
import type { MediaFilters } from '../api/query-keys.js';

interface MediaFilterBarProps {
  search: string;
  tag: string;
  onSearch: (text: string) => void;
  onTag: (tag: string) => void;
}

/** Search by name and alt text, and filter by one tag. */
export function MediaFilterBar({ search, tag, onSearch, onTag }: MediaFilterBarProps) {
  const { t } = useTranslation('media');
  return (
    <search className="media-filters">
      <TextField
        label={t('filters.search')}
        type="search"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        placeholder={t('filters.searchPlaceholder')}
      />
      <TextField
        label={t('filters.tag')}
        value={tag}
        onChange={(event) => onTag(event.target.value)}
        placeholder={t('filters.tagPlaceholder')}
      />
    </search>
  );
}

/** The filters as the API takes them: empty fields are left out, tags are lower case. */
export function toMediaFilters(search: string, tag: string): MediaFilters {
  const q = search.trim();
  const t = tag.trim().toLowerCase();
  return { ...(q ? { q } : {}), ...(t ? { tag: t } : {}) };
}
