import { CONTENT_STATUSES } from '#shared/content.schema.js';
import { ChannelOptions } from '#web/components/ui/channel-options.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { STATUS_LABELS } from '../content-format.js';

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
  return (
    <fieldset className="cal-filters">
      <legend className="visually-hidden">Filters</legend>
      <SelectField
        label="Channel"
        value={values.channel}
        onChange={(event) => onChange('channel', event.target.value)}
      >
        <option value="">All channels</option>
        <ChannelOptions />
      </SelectField>
      <SelectField
        label="Campaign"
        value={values.campaign}
        onChange={(event) => onChange('campaign', event.target.value)}
      >
        <option value="">All campaigns</option>
        {campaigns.map((campaign) => (
          <option key={campaign.id} value={campaign.id}>
            {campaign.name}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Status"
        value={values.status}
        onChange={(event) => onChange('status', event.target.value)}
      >
        <option value="">All statuses</option>
        {CONTENT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Pillar"
        type="search"
        placeholder="Any pillar"
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
