import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { createConnectorBodySchema, webhookSettingsSchema } from '#shared/connector.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import './publishing.css';
import { channelName } from '#web/lib/channel-name.js';

// The shared rules for a name and an address; no channel ticked means every channel (null on the wire).
const connectorFormSchema = z.object({
  name: createConnectorBodySchema.options[0].shape.name,
  url: webhookSettingsSchema.shape.url,
  channels: z.preprocess((value) => (Array.isArray(value) ? value : []), z.array(z.enum(CHANNEL_IDS))),
});
type FormInput = z.input<typeof connectorFormSchema>;

/** What the form produces: a webhook connector without its workspace. */
export interface ConnectorFormValues {
  name: string;
  url: string;
  channels: (typeof CHANNEL_IDS)[number][] | null;
}

/**
 * Name, address and channels of a webhook connector, checked with the shared schema; resolves with the
 * values to send.
 */
export function ConnectorForm({ onSubmit }: { onSubmit: (values: ConnectorFormValues) => Promise<void> }) {
  const { t } = useTranslation('publishing');
  const [formError, setFormError] = useState<string>();
  // Checked on submit, not on blur: an error appearing on blur shifts the checkboxes under the pointer.
  const { register, handleSubmit, setError, reset, formState } = useForm<
    FormInput,
    unknown,
    z.output<typeof connectorFormSchema>
  >({ resolver: zodResolver(connectorFormSchema), defaultValues: { name: '', url: '', channels: [] } });
  const { errors } = formState;

  const submit = handleSubmit(async ({ name, url, channels }) => {
    setFormError(undefined);
    try {
      await onSubmit({ name, url, channels: channels.length > 0 ? channels : null });
      reset();
    } catch (error) {
      setFormError(applyServerErrors(error, ['name', 'url'], setError));
    }
  });

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <div className="connector-form__fields">
        <TextField
          label={t('form.name')}
          placeholder={t('form.namePlaceholder')}
          maxLength={100}
          autoComplete="off"
          error={errors.name && t('form.nameError')}
          {...register('name')}
        />
        <TextField
          label={t('form.url')}
          type="url"
          inputMode="url"
          placeholder={t('form.urlPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          error={errors.url?.message}
          {...register('url')}
        />
      </div>
      <fieldset className="connector-channels" aria-describedby="connector-channels-hint">
        <legend className="field__label">{t('form.channels')}</legend>
        <p className="field__hint" id="connector-channels-hint">
          {t('form.channelsHint')}
        </p>
        <div className="connector-channels__options">
          {CHANNEL_IDS.map((channel) => (
            <CheckboxField
              key={channel}
              label={channelName(channel)}
              value={channel}
              {...register('channels')}
            />
          ))}
        </div>
      </fieldset>
      <div>
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          {t('form.submit')}
        </Button>
      </div>
    </form>
  );
}
