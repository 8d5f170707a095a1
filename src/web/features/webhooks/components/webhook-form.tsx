import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { createWebhookBodySchema, WEBHOOK_EVENT_TYPES } from '#shared/webhook.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import './webhooks.css';

// The shared create schema without the workspace, which the caller adds: one set of rules for both forms.
const webhookFormSchema = createWebhookBodySchema.omit({ business_id: true, enabled: true });
type FormInput = z.input<typeof webhookFormSchema>;
export type WebhookFormValues = z.output<typeof webhookFormSchema>;
const FIELDS = ['url', 'description', 'events'] as const;

interface WebhookFormProps {
  initial?: Partial<WebhookFormValues>;
  submitLabel: string;
  /** Saves; throw to show the server's problem on the form. Resolve to reset it to empty (after a create). */
  onSubmit: (values: WebhookFormValues) => Promise<'reset' | 'keep'>;
}

/** Address, description and the events to send, checked with the shared schema before the server sees it. */
export function WebhookForm({ initial, submitLabel, onSubmit }: WebhookFormProps) {
  const { t } = useTranslation('webhooks');
  const [formError, setFormError] = useState<string>();
  const defaults: FormInput = {
    url: initial?.url ?? '',
    description: initial?.description ?? '',
    events: initial?.events ?? ['content.published', 'content.failed'],
  };
  // Checked on submit, not on blur: an error appearing on blur shifts the checkboxes under the pointer.
  const { register, handleSubmit, setError, reset, formState } = useForm<
    FormInput,
    unknown,
    WebhookFormValues
  >({ resolver: zodResolver(webhookFormSchema), defaultValues: defaults });
  const { errors } = formState;

  const submit = handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      if ((await onSubmit(values)) === 'reset') reset();
      else reset(values);
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });

  return (
    <form className="stack" onSubmit={submit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label={t('form.url')}
        type="url"
        inputMode="url"
        placeholder={t('form.urlPlaceholder')}
        autoComplete="off"
        spellCheck={false}
        hint={t('form.urlHint')}
        error={errors.url?.message}
        {...register('url')}
      />
      <TextField
        label={t('form.description')}
        placeholder={t('form.descriptionPlaceholder')}
        maxLength={200}
        error={errors.description?.message}
        {...register('description')}
      />
      <fieldset
        className="webhook-events"
        aria-describedby={errors.events ? 'webhook-events-error' : undefined}
      >
        <legend className="field__label">{t('form.events')}</legend>
        <div className="webhook-events__options">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <CheckboxField
              key={type}
              label={t(`events.${type}.label`)}
              hint={t(`events.${type}.hint`)}
              value={type}
              {...register('events')}
            />
          ))}
        </div>
        <p className="field__error" id="webhook-events-error" aria-live="polite">
          {errors.events?.message}
        </p>
      </fieldset>
      <div>
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
