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
  return (
    <search className="media-filters">
      <TextField
        label="Search"
        type="search"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        placeholder="Name or alt text"
      />
      <TextField
        label="Tag"
        value={tag}
        onChange={(event) => onTag(event.target.value)}
        placeholder="e.g. summer"
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
