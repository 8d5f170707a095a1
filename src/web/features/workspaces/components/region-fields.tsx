import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField } from '#web/components/ui/field.js';
import { localeOptions, timeZoneOptions } from './region-options.js';

type SelectProps = Omit<ComponentProps<typeof SelectField>, 'label' | 'children'> & { current?: string };

/** A time zone picker; `current` keeps a stored zone selectable even if this browser does not list it. */
export function TimeZoneField({ current, ...props }: SelectProps) {
  const { t } = useTranslation('workspaces');
  return (
    <SelectField label={t('profile.timeZone')} hint={t('profile.timeZoneHint')} {...props}>
      {timeZoneOptions(current).map((zone) => (
        <option key={zone} value={zone}>
          {zone.replaceAll('_', ' ')}
        </option>
      ))}
    </SelectField>
  );
}

/** The language the workspace's content is written in, each named in the reader's language. */
export function LocaleField({ current, ...props }: SelectProps) {
  const { t, i18n } = useTranslation('workspaces');
  return (
    <SelectField label={t('profile.language')} hint={t('profile.languageHint')} {...props}>
      {localeOptions(current, i18n.language).map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
}
