import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { type Business, type UpdateBusinessBody, updateBusinessBodySchema } from '#shared/business.schema.js';
import { can } from '#shared/roles.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { TextAreaField, TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { useUpdateBusiness } from '../api/update-business.js';
import { emptyToNull } from './optional-text.js';
import { LocaleField, TimeZoneField } from './region-fields.js';
import './settings.css';

type FormValues = z.input<typeof updateBusinessBodySchema>;
const FIELDS = ['name', 'industry', 'description', 'website', 'time_zone', 'locale'] as const;

function valuesOf(business: Business): FormValues {
  return {
    name: business.name,
    industry: business.industry,
    description: business.description,
    website: business.website,
    time_zone: business.time_zone,
    locale: business.locale,
  };
}

/** Edits the workspace profile; sends only what changed. Read-only for roles that cannot update it. */
export function GeneralSettingsForm({ business }: { business: Business }) {
  const updateBusiness = useUpdateBusiness(business.id);
  const toast = useToast();
  const { t } = useTranslation('workspaces');
  const [formError, setFormError] = useState<string>();
  const editable = can(business.role, 'business.update');
  const { register, handleSubmit, setError, reset, formState } = useForm<
    FormValues,
    unknown,
    UpdateBusinessBody
  >({
    resolver: zodResolver(updateBusinessBodySchema),
    mode: 'onTouched',
    defaultValues: valuesOf(business),
  });
  const { errors, dirtyFields, isDirty } = formState;

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    const changes = Object.fromEntries(
      Object.entries(body).filter(([key]) => dirtyFields[key as keyof FormValues]),
    ) as UpdateBusinessBody;
    try {
      const updated = await updateBusiness.mutateAsync(changes);
      reset(valuesOf(updated));
      toast(t('profile.saved'));
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });

  return (
    <form onSubmit={onSubmit} noValidate>
      <fieldset className="settings-fieldset" disabled={!editable}>
        <legend className="visually-hidden">{t('profile.legend')}</legend>
        {!editable && <Banner>{t('profile.readOnly')}</Banner>}
        {formError && <Banner tone="danger">{formError}</Banner>}
        <div className="settings-grid">
          <TextField
            label={t('profile.name')}
            maxLength={120}
            error={errors.name && t('profile.nameError')}
            {...register('name')}
          />
          <TextField
            label={t('profile.industry')}
            error={errors.industry?.message}
            {...register('industry', { setValueAs: emptyToNull })}
          />
        </div>
        <TextAreaField
          label={t('profile.description')}
          hint={t('profile.descriptionHint')}
          rows={4}
          error={errors.description?.message}
          {...register('description', { setValueAs: emptyToNull })}
        />
        <TextField
          label={t('profile.website')}
          type="url"
          inputMode="url"
          placeholder={t('profile.websitePlaceholder')}
          error={errors.website?.message}
          {...register('website', { setValueAs: emptyToNull })}
        />
        <div className="settings-grid">
          <TimeZoneField
            current={business.time_zone}
            error={errors.time_zone?.message}
            {...register('time_zone')}
          />
          <LocaleField current={business.locale} error={errors.locale?.message} {...register('locale')} />
        </div>
        {editable && (
          <div className="row">
            <Button type="submit" variant="primary" loading={formState.isSubmitting} disabled={!isDirty}>
              {t('profile.save')}
            </Button>
            {isDirty && (
              <Button variant="ghost" onClick={() => reset(valuesOf(business))}>
                {t('profile.discard')}
              </Button>
            )}
          </div>
        )}
      </fieldset>
    </form>
  );
}
