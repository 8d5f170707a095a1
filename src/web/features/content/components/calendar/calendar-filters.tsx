import { useTranslation } from 'react-i18next';
import { CONTENT_STATUSES } from '#shared/content.schema.js';
import { ChannelOptions } from '#web/components/ui/channel-options.js';
import { SelectField, TextField } from '#web/components/ui/field.js';

/** The calendar's filters as they sit in the address bar (empty string: not filtered). */
export interface CalendarFilterValues {
  channel: string;
  campaign: string;
  status: string;
  pillar: string;
}

interface CalendarFiltersProps {
  values: CalendarFilterValues;
  campaigns: readonly { id: string; name: string }[];
  onChange: (name: keyof CalendarFilterValues, value: string) => void;
}

/** Channel, campaign, status and pillar filters. */
export function CalendarFilters({ values, campaigns, onChange }: CalendarFiltersProps) {
  const { t } = useTranslation('content');
  return (
    <fieldset className="cal-filters">
      <legend className="visually-hidden">{t('calendarFilters.legend')}</legend>
      <SelectField
        label={t('calendarFilters.channel')}
        value={values.channel}
        onChange={(event) => onChange('channel', event.target.value)}
      >
        <option value="">{t('calendarFilters.allChannels')}</option>
        <ChannelOptions />
      </SelectField>
      <SelectField
        label={t('calendarFilters.campaign')}
        value={values.campaign}
        onChange={(event) => onChange('campaign', event.target.value)}
      >
        <option value="">{t('calendarFilters.allCampaigns')}</option>
        {campaigns.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('calendarFilters.status')}
        value={values.status}
        onChange={(event) => onChange('status', event.target.value)}
      >
        <option value="">{t('calendarFilters.allStatuses')}</option>
        {CONTENT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('calendarFilters.pillar')}
        type="search"
        placeholder={t('calendarFilters.anyPillar')}
        maxLength={60}
        defaultValue={values.pillar}
        onKeyDown={(event) => {
          if (event.key === 'Enter') onChange('pillar', event.currentTarget.value.trim());
        }}
        onBlur={(event) => onChange('pillar', event.currentTarget.value.trim())}
      />
    </fieldset>
  );
}
