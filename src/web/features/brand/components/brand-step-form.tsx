import { type ReactNode, useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { type BrandProfile, brandProfileSchema } from '#shared/brand.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { describeError } from '#web/lib/error-messages.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { AudienceFields } from './audience-fields.js';
import type { BrandFormValues } from './brand-form-values.js';
import { GoalsChannelsFields } from './goals-channels-fields.js';
import { ProductFields } from './product-fields.js';
import { VoiceFields } from './voice-fields.js';
import './brand.css';

/** The brand profile in three bites, as the onboarding wizard asks for it. */
export type BrandStep = 'offer' | 'channels' | 'voice';

const SECTIONS: Record<BrandStep, () => ReactNode> = {
  offer: () => (
    <>
      <ProductFields disabled={false} />
      <AudienceFields disabled={false} />
    </>
  ),
  channels: () => <GoalsChannelsFields disabled={false} />,
  voice: () => <VoiceFields disabled={false} />,
};

interface BrandStepFormProps {
  brand: BrandProfile;
  step: BrandStep;
  /** Stores the whole profile (the other steps' saved values included). */
  onSave: (brand: BrandProfile) => Promise<unknown>;
  /** Called once the step is saved (or had nothing to save). */
  onSaved: () => void;
  /** The wizard's buttons; a `type="submit"` one saves the step. */
  actions: (state: { submitting: boolean }) => ReactNode;
}

/**
 * One step of the brand profile, made of the brand page's own sections and validated with the shared
 * schema; it saves only when something changed, so Next on an untouched step costs no request.
 *
 * @example
 * <BrandStepForm brand={business.brand} step="voice" onSave={save} onSaved={next} actions={buttons} />
 */
export function BrandStepForm({ brand, step, onSave, onSaved, actions }: BrandStepFormProps) {
  const [formError, setFormError] = useState<string>();
  const { t } = useTranslation('brand');
  const form = useForm<BrandFormValues, unknown, BrandProfile>({
    resolver: zodResolver(brandProfileSchema),
    mode: 'onTouched',
    defaultValues: brand,
  });
  const { isDirty, isSubmitting, submitCount, isValid } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    try {
      if (isDirty) await onSave(values);
      onSaved();
    } catch (error) {
      setFormError(describeError(error));
    }
  });

  return (
    <FormProvider {...form}>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <div className="brand-fieldset">{SECTIONS[step]()}</div>
        {formError && <Banner tone="danger">{formError}</Banner>}
        {submitCount > 0 && !isValid && <Banner tone="danger">{t('form.checkFields')}</Banner>}
        {actions({ submitting: isSubmitting })}
      </form>
    </FormProvider>
  );
}
