import type { ComponentProps } from 'react';
import { SelectField } from '#web/components/ui/field.js';
import { localeOptions, timeZoneOptions } from './region-options.js';

type SelectProps = Omit<ComponentProps<typeof SelectField>, 'label' | 'children'> & { current?: string };

/** A time zone picker; `current` keeps a stored zone selectable even if this browser does not list it. */
export function TimeZoneField({ current, ...props }: SelectProps) {
  return (
    <SelectField label="Time zone" hint="Posts are scheduled and reported in this zone." {...props}>
      {timeZoneOptions(current).map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </SelectField>
  );
}

/** The language the workspace's content is written in. */
export function LocaleField({ current, ...props }: SelectProps) {
  return (
    <SelectField label="Language" hint="The language your content is written in." {...props}>
      {localeOptions(current).map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
}
