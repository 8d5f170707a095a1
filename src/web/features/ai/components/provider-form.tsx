import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Trans, useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  type AiProviderSettings,
  type PutAiProviderBody,
  putAiProviderBodySchema,
} from '#shared/ai.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { applyServerErrors } from '#web/lib/form-errors.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { usePutAiProvider } from '../api/put-ai-provider.js';

// The key is write-only: an empty field keeps the stored key (the body omits `api_key`), "remove" sends null.
const providerFormSchema = z
  .object({ base_url: z.string(), model: z.string(), api_key: z.string(), remove_key: z.boolean() })
  .transform(
    ({ base_url, model, api_key, remove_key }): z.input<typeof putAiProviderBodySchema> => ({
      base_url: base_url.trim() === '' ? null : base_url.trim(),
      model,
      ...(remove_key ? { api_key: null } : api_key.trim() ? { api_key: api_key.trim() } : {}),
    }),
  )
  .pipe(putAiProviderBodySchema);

type FormValues = z.input<typeof providerFormSchema>;
const FIELDS = ['base_url', 'model', 'api_key'] as const;
/** Examples of what each field takes: addresses and names, the same in every language. */
const EXAMPLES = { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKey: 'sk-…' } as const;

function valuesOf(settings: AiProviderSettings): FormValues {
  const own = settings.source === 'workspace';
  return {
    base_url: own ? (settings.base_url ?? '') : '',
    model: own ? settings.model : '',
    api_key: '',
    remove_key: false,
  };
}

/** Connects the workspace to its own OpenAI-compatible endpoint: OpenAI, Azure, Ollama, LM Studio, vLLM… */
export function ProviderForm({ businessId, settings }: { businessId: string; settings: AiProviderSettings }) {
  const putProvider = usePutAiProvider(businessId);
  const toast = useToast();
  const { t } = useTranslation('ai');
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, setError, reset, watch, formState } = useForm<
    FormValues,
    unknown,
    PutAiProviderBody
  >({ resolver: zodResolver(providerFormSchema), mode: 'onTouched', defaultValues: valuesOf(settings) });
  const { errors } = formState;
  const hasKey = settings.source === 'workspace' && settings.api_key_last4 !== null;
  const removingKey = watch('remove_key');

  const onSubmit = handleSubmit(async (body) => {
    setFormError(undefined);
    try {
      reset(valuesOf(await putProvider.mutateAsync(body)));
      toast(t('providerForm.saved'));
    } catch (error) {
      setFormError(applyServerErrors(error, FIELDS, setError));
    }
  });

  return (
    <form className="stack" onSubmit={onSubmit} noValidate>
      {formError && <Banner tone="danger">{formError}</Banner>}
      <TextField
        label={t('providerForm.baseUrl')}
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        placeholder={EXAMPLES.baseUrl}
        hint={<Trans t={t} i18nKey="providerForm.baseUrlHint" components={{ code: <code /> }} />}
        error={
          errors.base_url?.type === 'server'
            ? errors.base_url.message
            : errors.base_url && t('providerForm.baseUrlError')
        }
        {...register('base_url')}
      />
      <TextField
        label={t('providerForm.model')}
        autoComplete="off"
        spellCheck={false}
        placeholder={EXAMPLES.model}
        hint={t('providerForm.modelHint')}
        error={
          errors.model?.type === 'server'
            ? errors.model.message
            : errors.model && t('providerForm.modelError')
        }
        {...register('model')}
      />
      <TextField
        label={t('providerForm.apiKey')}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        readOnly={removingKey}
        placeholder={hasKey ? `•••• ${settings.api_key_last4}` : EXAMPLES.apiKey}
        hint={hasKey ? t('providerForm.apiKeyHintKept') : t('providerForm.apiKeyHint')}
        error={errors.api_key?.message}
        {...register('api_key')}
      />
      {hasKey && <CheckboxField label={t('providerForm.removeKey')} {...register('remove_key')} />}
      <div className="row">
        <Button
          type="submit"
          variant="primary"
          loading={formState.isSubmitting}
          disabled={!formState.isDirty}
        >
          {t('providerForm.save')}
        </Button>
      </div>
    </form>
  );
}
