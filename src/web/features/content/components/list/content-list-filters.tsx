import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { CONTENT_STATUSES } from '#shared/content.schema.js';
import { Button } from '#web/components/ui/button.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { channelName } from '#web/lib/channel-name.js';
import type { ListFilters } from './list-filters.js';

interface ContentListFiltersProps {
  value: ListFilters;
  onChange: (filters: ListFilters) => void;
  campaigns: ReadonlyArray<{ id: string; name: string }>;
}

/**
 * Search and filters of the content list. Choices apply at once; the search applies on Enter, so the
 * list is not fetched again on every keystroke.
 */
export function ContentListFilters({ value, onChange, campaigns }: ContentListFiltersProps) {
  const { t } = useTranslation('content');
  const [q, setQ] = useState(value.q ?? '');
  const set = <K extends keyof ListFilters>(key: K, next: string) =>
    onChange({ ...value, [key]: next === '' ? undefined : next });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ ...value, q: q.trim() || undefined });
  };
  const any = Object.values(value).some((chosen) => chosen !== undefined);

  return (
    <search aria-label={t('listFilters.label')}>
      <form className="content-filters" onSubmit={submit}>
        <div className="content-filters__search">
          <TextField
            label={t('listFilters.search')}
            type="search"
            value={q}
            maxLength={200}
            placeholder={t('listFilters.searchPlaceholder')}
            onChange={(event) => setQ(event.target.value)}
          />
          <Button type="submit">{t('listFilters.submit')}</Button>
        </div>
        <SelectField
          label={t('listFilters.status')}
          value={value.status ?? ''}
          onChange={(e) => set('status', e.target.value)}
        >
          <option value="">{t('listFilters.anyStatus')}</option>
          {CONTENT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('listFilters.channel')}
          value={value.channel ?? ''}
          onChange={(e) => set('channel', e.target.value)}
        >
          <option value="">{t('listFilters.anyChannel')}</option>
          {CHANNEL_IDS.map((channel) => (
            <option key={channel} value={channel}>
              {channelName(channel)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('listFilters.campaign')}
          value={value.campaign ?? ''}
          onChange={(e) => set('campaign', e.target.value)}
        >
          <option value="">{t('listFilters.anyCampaign')}</option>
          {campaigns.map((campaign) => (
            <option key={campaign.id} value={campaign.id}>
              {campaign.name}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('listFilters.from')}
          type="date"
          value={value.from ?? ''}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField
          label={t('listFilters.to')}
          type="date"
          value={value.to ?? ''}
          min={value.from}
          onChange={(e) => set('to', e.target.value)}
        />
        {any && (
          <div className="content-filters__clear">
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                setQ('');
                onChange({});
              }}
            >
              {t('listFilters.clear')}
            </Button>
          </div>
        )}
      </form>
    </search>
  );
}
