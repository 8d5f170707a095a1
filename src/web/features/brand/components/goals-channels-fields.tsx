import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { Card } from '#web/components/ui/card.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TagInput } from '#web/components/ui/tag-input.js';
import { channelName } from '#web/lib/channel-name.js';
import type { BrandFormValues } from './brand-form-values.js';

/** What marketing should achieve, and where the business posts. */
export function GoalsChannelsFields({ disabled }: { disabled: boolean }) {
  const { control, register, formState } = useFormContext<BrandFormValues>();
  const { t } = useTranslation('brand');
  return (
    <Card title={t('goals.title')} description={t('goals.description')}>
      <div className="stack">
        <Controller
          control={control}
          name="goals"
          render={({ field }) => (
            <TagInput
              label={t('goals.goals')}
              hint={t('goals.goalsHint')}
              max={10}
              maxLength={200}
              value={field.value ?? []}
              onChange={field.onChange}
              onBlur={field.onBlur}
              disabled={disabled}
              error={formState.errors.goals?.message}
            />
          )}
        />
        <fieldset className="brand-channels">
          <legend className="field__label">{t('goals.channels')}</legend>
          <div className="brand-channels__options">
            {CHANNEL_IDS.map((channel) => (
              <CheckboxField
                key={channel}
                label={channelName(channel)}
                value={channel}
                disabled={disabled}
                {...register('channels')}
              />
            ))}
          </div>
        </fieldset>
      </div>
    </Card>
  );
}
