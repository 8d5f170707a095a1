import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Business, type CreateBusinessBody, createBusinessBodySchema } from '#shared/business.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextField } from '#web/components/ui/field.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { useCreateBusiness } from '../api/create-business.js';
import { emptyToUndefined } from './optional-text.js';
import { LocaleField, TimeZoneField } from './region-fields.js';
import { browserLocale, browserTimeZone } from './region-options.js';

type FormValues = z.input<typeof createBusinessBodySchema>;
const FIELDS = ['name', 'industry', 'website', 'time_zone', 'locale'] as const;

/** Creates a workspace; time zone and language default to the browser's. */
export function CreateBusinessForm({ onCreated }: { onCreated: (business: Business) => void }) {
  const createBusiness = useCreateBusiness();
  const { t } = useTranslation('workspaces');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, formState } = useForm<FormValues, unknown, CreateBusinessBody>({
    resolver: zodResolver(createBusinessBodySchema),
    mode: 'onTouched',
    defaultValues: { name: '', time_zone: browserTimeZone(), locale: browserLocale() },
  });
  const { errors } = formState;

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      onCreated(await createBusiness.mutateAsync(body));
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label={t('profile.name')}
        maxLength={120}
        autoComplete="organization"
        error={errors.name && t('profile.nameError')}
        {...register('name')}
      />
      <TextField
        label={t('profile.industry')}
        hint={t('profile.industryHint')}
        error={errors.industry?.message}
        {...register('industry', { setValueAs: emptyToUndefined })}
      />
      <TextField
        label={t('profile.website')}
        type="url"
        inputMode="url"
        placeholder={t('profile.websitePlaceholder')}
        hint={t('profile.optional')}
        error={errors.website?.message}
        {...register('website', { setValueAs: emptyToUndefined })}
      />
      <TimeZoneField error={errors.time_zone?.message} {...register('time_zone')} />
      <LocaleField error={errors.locale?.message} {...register('locale')} />
      <Button type="submit" variant="primary" loading={formState.isSubmitting}>
        {t('profile.create')}
      </Button>
    </form>
  );
}
