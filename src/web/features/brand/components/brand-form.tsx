import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type BrandProfile, brandProfileSchema } from '#shared/brand.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { AudienceFields } from './audience-fields.js';
import type { BrandFormValues } from './brand-form-values.js';
import { GoalsChannelsFields } from './goals-channels-fields.js';
import { ProductFields } from './product-fields.js';
import { VoiceFields } from './voice-fields.js';
import './brand.css';

interface BrandFormProps {
  brand: BrandProfile;
  /** Read-only for roles that cannot update the business. */
  editable: boolean;
  /** Stores the whole profile (it replaces the saved one). */
  onSave: (brand: BrandProfile) => Promise<unknown>;
}

/** The brand profile, validated with the shared schema and saved whole. */
export function BrandForm({ brand, editable, onSave }: BrandFormProps) {
  const toast = useToast();
  const { t } = useTranslation('brand');
  const [formError, setFormError] = useState<string>();
  const form = useForm<BrandFormValues, unknown, BrandProfile>({
    resolver: zodResolver(brandProfileSchema),
    mode: 'onTouched',
    defaultValues: brand,
  });
  const { isDirty, isSubmitting, submitCount, isValid } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      await onSave(values);
      form.reset(values);
      toast(t('form.saved'));
    } catch (error) {
      setFormError(describeError(error));
    }
  });

  return (
    <FormProvider {...form}>
      <form className="stack" onSubmit={onSubmit} noValidate>
        {!editable && <Banner>{t('form.readOnly')}</Banner>}
        <fieldset className="brand-fieldset" disabled={!editable}>
          <legend className="visually-hidden">{t('form.legend')}</legend>
          <VoiceFields disabled={!editable} />
          <AudienceFields disabled={!editable} />
          <ProductFields disabled={!editable} />
          <GoalsChannelsFields disabled={!editable} />
        </fieldset>
        {formError && <Banner tone="danger">{formError}</Banner>}
        {submitCount > 0 && !isValid && <Banner tone="danger">{t('form.checkFields')}</Banner>}
        {editable && (
          <div className="brand-savebar">
            <span className="muted brand-savebar__note" role="status">
              {isDirty ? t('form.unsaved') : t('form.allSaved')}
            </span>
            {isDirty && (
              <Button variant="ghost" onClick={() => form.reset(brand)}>
                {t('form.discard')}
              </Button>
            )}
            <Button type="submit" variant="primary" loading={isSubmitting} disabled={!isDirty}>
              {t('form.save')}
            </Button>
          </div>
        )}
      </form>
    </FormProvider>
  );
}
